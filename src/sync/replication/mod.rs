//! Sync through a CouchDB server, by CouchDB's own replication protocol: one immutable
//! document per operation, pushed with `_revs_diff` and `_bulk_docs` (`new_edits: false`),
//! pulled with `_changes` from a checkpoint. A second way of moving the same operations as
//! bundles: what is pulled goes through the same intake, and is stored the same way.

pub mod backoff;
pub mod checkpoint;
pub mod couch;
pub mod device_owners;
pub mod doc;
pub mod replicator;
pub mod setup;
