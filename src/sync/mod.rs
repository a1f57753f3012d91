//! The operation log: every change a person makes is an operation; the state on screen is the
//! projection of all operations, identical on every device that holds the same set.

pub mod author;
pub mod bundle;
pub mod charge;
pub mod collection_edit;
pub mod company_settings;
pub mod conflict;
pub mod csv;
pub mod demo;
pub mod device_key;
pub mod device_keys;
pub mod dossier_file;
pub mod edit;
pub mod hlc;
pub mod import;
pub mod intake;
pub mod op;
pub mod op_check;
pub mod op_digest;
mod packed_map;
pub mod peer;
pub mod projection;
pub mod replication;
pub mod restore;
pub mod role;
pub mod sample_portfolio;
pub mod signed_run;
pub mod snapshot;
pub mod stamp;
pub mod version_vector;
