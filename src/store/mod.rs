//! Persistence in the browser: the operation log in IndexedDB, small settings in
//! localStorage. One user action is one committed IndexedDB transaction.

pub mod bundle_cipher;
pub mod couch_fetch;
pub mod data_key;
pub mod database;
pub mod device_record;
pub mod error;
pub mod settings;
pub mod signature_check;
pub mod signing_key;
pub mod web_crypto;
pub mod write_queue;
