use crate::store::error::StoreError;
use crate::sync::replication::replicator::ReplicationProblem;

/// Why the server sync stopped, with this device's storage's own failures.
pub type SyncProblem = ReplicationProblem<StoreError>;

/// Ajustes → Servidor and the sync state in the header.
pub struct ServerTexts {
    pub title: &'static str,
    pub help: &'static str,
    pub url: &'static str,
    pub user: &'static str,
    pub password: &'static str,
    pub password_help: &'static str,
    pub database: &'static str,
    pub test: &'static str,
    pub connect: &'static str,
    pub disconnect: &'static str,
    pub sync_now: &'static str,
    pub connection_ok: &'static str,
    pub connected_as: fn(&str, &str) -> String,
    pub working: &'static str,
    pub missing_fields: &'static str,
    pub set_up_title: &'static str,
    pub set_up_help: &'static str,
    pub administrator: &'static str,
    pub collector: &'static str,
    pub new_password: &'static str,
    pub set_up: &'static str,
    pub set_up_done: fn(usize) -> String,
    pub syncing: &'static str,
    pub synced_ago: fn(u64) -> String,
    pub unsent: fn(u64) -> String,
    pub offline: &'static str,
    pub failed: &'static str,
    pub last_round: fn(usize, usize) -> String,
    /// A long pull under way: changes looked at, of how many (both written out).
    pub receiving: fn(&str, &str) -> String,
    pub exchanges_title: &'static str,
    pub exchanges_help: &'static str,
    pub column_database: &'static str,
    pub column_sent: &'static str,
    pub column_received: &'static str,
    pub column_moved: &'static str,
    pub column_checked: &'static str,
    pub route_of: fn(&str) -> String,
    pub nothing_yet: &'static str,
    pub problem: fn(&SyncProblem) -> String,
}
