use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use sha2::{Digest, Sha256};

use crate::sync::hlc::DeviceId;
use crate::sync::op::Op;
use crate::sync::version_vector::VersionVector;

/// The `format` of every plain bundle.
pub const FORMAT: &str = "cobranza-bundle";
/// The version this app writes. It reads every version up to this one and refuses later ones,
/// asking for an update. Adding a kind of operation makes a new version, because an older app
/// could not read it.
pub const VERSION: u64 = 6;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sender {
    pub device: DeviceId,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum BundleKind {
    /// Every operation the sender holds.
    Full,
    /// What the sender holds and `for_device` did not, as of the last bundle received from it.
    Delta { for_device: DeviceId },
    /// One collector's customers with their whole history, from the office.
    Route { collector: String },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bundle {
    pub sender: Sender,
    /// The sender's clock when it wrote the file.
    pub created_ms: u64,
    pub kind: BundleKind,
    /// Every operation the sender held when it wrote the file, sent or not.
    pub holds: VersionVector,
    /// What the sender calls each device it knows of.
    pub labels: BTreeMap<DeviceId, String>,
    pub ops: Vec<Op>,
}

/// The document as written: `ops_sha256` is the SHA-256, in lowercase hex, of the exact bytes
/// of the `ops` value in the file, from its `[` to its `]`.
#[derive(Serialize, Deserialize)]
pub(super) struct Wire<'a> {
    pub format: String,
    pub version: u64,
    pub sender: Sender,
    pub created_ms: u64,
    pub kind: BundleKind,
    pub holds: VersionVector,
    #[serde(default)]
    pub labels: BTreeMap<DeviceId, String>,
    pub ops_sha256: String,
    #[serde(borrow)]
    pub ops: &'a RawValue,
}

impl Bundle {
    pub fn to_json(&self) -> String {
        // Serialising our own plain data cannot fail.
        let ops = serde_json::to_string(&self.ops).unwrap_or_else(|_| "[]".into());
        let ops_sha256 = sha256_hex(ops.as_bytes());
        let raw = RawValue::from_string(ops).unwrap_or_else(|_| empty_ops());
        let wire = Wire {
            format: FORMAT.into(),
            version: VERSION,
            sender: self.sender.clone(),
            created_ms: self.created_ms,
            kind: self.kind.clone(),
            holds: self.holds.clone(),
            labels: self.labels.clone(),
            ops_sha256,
            ops: &raw,
        };
        serde_json::to_string(&wire).unwrap_or_default()
    }
}

fn empty_ops() -> Box<RawValue> {
    RawValue::from_string("[]".into()).unwrap_or_default()
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}
