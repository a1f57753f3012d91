//! Where replication with one database stands: the last change pulled from it (the server's
//! own sequence, kept as it came: a CouchDB cluster's is an opaque string, a single node's or
//! PouchDB's a number) and which operations the server is known to hold.
//! Kept on the device beside the operations it accounts for, and a copy in a `_local`
//! document on the server: when the two disagree (the database was recreated, or the device
//! restored) pulling starts again from the beginning. A lost checkpoint costs time, never
//! data: the intake takes an operation it already holds as held.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::sync::hlc::DeviceId;
use crate::sync::version_vector::VersionVector;

/// A position in a database's changes, exactly as the server wrote it (JSON text).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Since(String);

impl Default for Since {
    fn default() -> Self {
        Since::start()
    }
}

impl Since {
    pub fn start() -> Since {
        Since("0".into())
    }

    pub fn from_server(seq: &Value) -> Since {
        Since(seq.to_string())
    }

    /// As the `since` parameter of `_changes`: a string without its quotes.
    pub fn as_param(&self) -> &str {
        self.0
            .strip_prefix('"')
            .and_then(|s| s.strip_suffix('"'))
            .unwrap_or(&self.0)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Checkpoint {
    pub pulled: Since,
    /// The operations the server is known to hold: what this device pushed there and what
    /// it pulled from there.
    pub on_server: VersionVector,
}

/// Where replication stands with each database, by its name.
pub type Checkpoints = std::collections::BTreeMap<String, Checkpoint>;

/// The `_local` document id of one device's replication with one database: made only of
/// what stays the same from one run to the next.
pub fn checkpoint_id(device: &DeviceId) -> String {
    format!("cobranza-{}", device.0)
}

impl Checkpoint {
    /// What the server's copy says, to compare with the device's.
    pub fn server_copy(&self) -> Value {
        serde_json::json!({ "pulled": self.pulled.0 })
    }

    /// Whether the server's copy agrees with this one; if not, pulling starts over.
    pub fn agrees_with(&self, server: Option<&Value>) -> bool {
        server.and_then(|copy| copy.get("pulled")) == Some(&Value::String(self.pulled.0.clone()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sequence_is_kept_as_the_server_wrote_it() {
        let cluster = Since::from_server(&serde_json::json!(
            "12-g1AAAABXeJzLYWBgYMpgTmEQTM4vTc5ISXLIyU9OzMnILy7JAUklMiTV"
        ));
        assert_eq!(
            cluster.as_param(),
            "12-g1AAAABXeJzLYWBgYMpgTmEQTM4vTc5ISXLIyU9OzMnILy7JAUklMiTV"
        );
        let single = Since::from_server(&serde_json::json!(42));
        assert_eq!(single.as_param(), "42");
        assert_eq!(Since::start().as_param(), "0");
    }

    #[test]
    fn a_checkpoint_agrees_only_with_its_own_copy() {
        let checkpoint = Checkpoint {
            pulled: Since::from_server(&serde_json::json!(7)),
            ..Checkpoint::default()
        };
        let copy = checkpoint.server_copy();
        assert!(checkpoint.agrees_with(Some(&copy)));
        assert!(!checkpoint.agrees_with(None));
        assert!(!Checkpoint::default().agrees_with(Some(&copy)));
    }
}
