//! An operation as a CouchDB document: `_id` from the operation's id (device, then the
//! sequence number zero-padded, so one device's run is one key range), exactly one revision,
//! and the operation as a bundle writes it under `op`. The revision is worked out from the
//! content, so every device that pushes the same operation pushes the same revision, and one
//! that differs shows as a conflict on the server instead of passing unseen.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::sync::bundle::format::sha256_hex;
use crate::sync::hlc::DeviceId;
use crate::sync::op::{Op, OpId};

/// Prefix of every operation's document id; other documents (design documents) are not ours.
pub const OP_PREFIX: &str = "op:";
/// Wide enough for any `u64`.
const SEQ_DIGITS: usize = 20;

/// The document id of `id`.
pub fn doc_id(id: &OpId) -> String {
    format!("{OP_PREFIX}{}:{:0SEQ_DIGITS$}", id.device.0, id.seq)
}

/// The operation id a document id names, if it names one.
pub fn op_id(doc_id: &str) -> Option<OpId> {
    let rest = doc_id.strip_prefix(OP_PREFIX)?;
    let (device, seq) = rest.rsplit_once(':')?;
    if device.is_empty() || seq.len() != SEQ_DIGITS || !seq.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some(OpId {
        device: DeviceId(device.to_owned()),
        seq: seq.parse().ok()?,
    })
}

/// The one revision an operation's document has: `1-` and the first 32 hex digits of the
/// SHA-256 of the operation as written (CouchDB reads 32 hex digits as its own revision hash).
pub fn revision(op_json: &str) -> String {
    let digest = sha256_hex(op_json.as_bytes());
    format!("1-{}", &digest[..32])
}

/// The document pushed for an operation.
#[derive(Clone, Debug, Serialize)]
pub struct OpDoc {
    #[serde(rename = "_id")]
    pub id: String,
    #[serde(rename = "_rev")]
    pub rev: String,
    pub op: Box<RawValue>,
}

impl OpDoc {
    pub fn of(op: &Op) -> Result<OpDoc, serde_json::Error> {
        let json = serde_json::to_string(op)?;
        Ok(OpDoc {
            id: doc_id(&op.id),
            rev: revision(&json),
            op: RawValue::from_string(json)?,
        })
    }
}

/// A document as `_changes` gives it with `include_docs`.
#[derive(Deserialize)]
struct OpDocIn<'a> {
    #[serde(rename = "_id")]
    id: String,
    #[serde(rename = "_rev")]
    rev: String,
    #[serde(default, rename = "_deleted")]
    deleted: bool,
    #[serde(borrow)]
    op: Option<&'a RawValue>,
}

/// Why a document on the server cannot be an operation of ours.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DocProblem {
    /// Not a document of the shape we write.
    Shape(String),
    /// Deleted on the server: operations are never deleted.
    Deleted,
    /// Its revision is not its content's: edited on the server, or written by hand.
    Edited,
    /// Its `_id` does not name the operation it holds.
    WrongId,
}

/// The operation a document holds, checked to be exactly what a device pushed.
pub fn from_doc(json: &str) -> Result<Op, DocProblem> {
    let doc: OpDocIn<'_> =
        serde_json::from_str(json).map_err(|e| DocProblem::Shape(e.to_string()))?;
    if doc.deleted {
        return Err(DocProblem::Deleted);
    }
    let raw = doc
        .op
        .ok_or_else(|| DocProblem::Shape("no `op` field".into()))?;
    let op: Op = serde_json::from_str(raw.get()).map_err(|e| DocProblem::Shape(e.to_string()))?;
    if op_id(&doc.id).as_ref() != Some(&op.id) {
        return Err(DocProblem::WrongId);
    }
    // The revision is checked against the operation as this version writes it, so a
    // document whose text differs only in spacing still reads as the same operation.
    let rewritten = serde_json::to_string(&op).map_err(|e| DocProblem::Shape(e.to_string()))?;
    if doc.rev != revision(&rewritten) {
        return Err(DocProblem::Edited);
    }
    Ok(op)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::hlc::Hlc;
    use crate::sync::op::Event;

    fn op(device: &str, seq: u64) -> Op {
        Op {
            id: OpId {
                device: DeviceId(device.into()),
                seq,
            },
            hlc: Hlc {
                wall_ms: 1_790_000_000_000,
                counter: 0,
                device: DeviceId(device.into()),
            },
            event: Event::CustomerUpserted {
                customer: crate::domain::customer::CustomerId("c1".into()),
                patch: Default::default(),
            },
        }
    }

    fn pushed(op: &Op) -> String {
        serde_json::to_string(&OpDoc::of(op).expect("writes")).expect("writes")
    }

    #[test]
    fn ids_sort_by_device_then_sequence_and_read_back() {
        let ten = doc_id(&op("a1:b", 10).id);
        assert_eq!(ten, "op:a1:b:00000000000000000010");
        assert!(doc_id(&op("a1:b", 9).id) < ten);
        assert_eq!(op_id(&ten), Some(op("a1:b", 10).id));
        assert_eq!(op_id("op:a1:10"), None, "not padded");
        assert_eq!(op_id("_design/cobranza"), None);
    }

    #[test]
    fn a_pushed_document_reads_back_as_its_operation() {
        let original = op("phone", 3);
        assert_eq!(from_doc(&pushed(&original)), Ok(original));
    }

    #[test]
    fn an_edited_renamed_or_deleted_document_is_refused() {
        let doc = pushed(&op("phone", 3));
        let edited = doc.replace("\"c1\"", "\"c2\"");
        assert_eq!(from_doc(&edited), Err(DocProblem::Edited));
        let renamed = doc.replace(":00000000000000000003", ":00000000000000000004");
        assert_eq!(from_doc(&renamed), Err(DocProblem::WrongId));
        let deleted = doc.replacen('{', "{\"_deleted\":true,", 1);
        assert_eq!(from_doc(&deleted), Err(DocProblem::Deleted));
        assert!(matches!(
            from_doc("{\"_id\":\"x\",\"_rev\":\"1-a\"}"),
            Err(DocProblem::Shape(_))
        ));
    }
}
