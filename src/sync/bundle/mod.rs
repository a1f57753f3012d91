//! Bundles: how devices exchange their operations as files, with no server. A bundle is a
//! JSON document: format name and version, the sender, which operations the sender holds, the
//! operations, and a SHA-256 of the operations as written. The README documents the format
//! for anyone who writes one.

pub mod export;
pub mod format;
pub mod import_plan;
pub mod problem;
pub mod read;
pub mod receive;
pub mod sealed;
