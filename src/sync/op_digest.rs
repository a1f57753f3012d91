//! What one operation says, in eight bytes: the start of the SHA-256 of the operation in the
//! snapshot's compact encoding (four times quicker to write than JSON, and every device
//! writes the same value the same way). An operation id arriving again
//! with another digest is a second version of one operation: a forged file, or a device that
//! spent its sequence numbers twice (a restored backup). Each device keeps the digest of every
//! operation it holds, so telling the two apart never reads the log.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::hlc::DeviceId;
use super::op::{Op, OpId};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpDigest([u8; 8]);

pub fn digest(op: &Op) -> OpDigest {
    // An operation is plain data and always serializes; were it ever not to, its debug text
    // still tells two versions apart.
    let written = postcard::to_allocvec(op).unwrap_or_else(|_| format!("{op:?}").into_bytes());
    let hash = Sha256::digest(&written);
    let mut start = [0; 8];
    start.copy_from_slice(&hash[..8]);
    OpDigest(start)
}

/// The digest of every operation held, per device in sequence order: a device's operations
/// nearly always come in order, so keeping one is an append.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpDigests(BTreeMap<DeviceId, Vec<(u64, OpDigest)>>);

impl OpDigests {
    pub fn record(&mut self, id: &OpId, digest: OpDigest) {
        let run = self.0.entry(id.device.clone()).or_default();
        match run.last() {
            Some((last, _)) if *last < id.seq => run.push((id.seq, digest)),
            None => run.push((id.seq, digest)),
            Some(_) => match run.binary_search_by_key(&id.seq, |(seq, _)| *seq) {
                Ok(_) => {}
                Err(place) => run.insert(place, (id.seq, digest)),
            },
        }
    }

    pub fn of(&self, id: &OpId) -> Option<OpDigest> {
        let run = self.0.get(&id.device)?;
        let place = run.binary_search_by_key(&id.seq, |(seq, _)| *seq).ok()?;
        Some(run[place].1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::customer::CustomerId;
    use crate::sync::hlc::Hlc;
    use crate::sync::op::{CustomerPatch, Event};

    fn op(seq: u64, name: &str) -> Op {
        Op {
            id: OpId {
                device: DeviceId("tablet".into()),
                seq,
            },
            hlc: Hlc {
                wall_ms: 1_790_000_000_000,
                counter: 0,
                device: DeviceId("tablet".into()),
            },
            event: Event::CustomerUpserted {
                customer: CustomerId("c1".into()),
                patch: CustomerPatch {
                    name: Some(name.into()),
                    ..CustomerPatch::default()
                },
            },
        }
    }

    #[test]
    fn one_id_with_other_content_has_another_digest() {
        assert_eq!(digest(&op(1, "Ana")), digest(&op(1, "Ana")));
        assert_ne!(digest(&op(1, "Ana")), digest(&op(1, "Ana María")));
    }

    #[test]
    fn digests_are_found_whatever_order_they_came_in() {
        let mut digests = OpDigests::default();
        for seq in [1, 2, 5, 3, 9, 4] {
            digests.record(&op(seq, "Ana").id, digest(&op(seq, &seq.to_string())));
        }
        for seq in [1, 2, 3, 4, 5, 9] {
            assert_eq!(
                digests.of(&op(seq, "").id),
                Some(digest(&op(seq, &seq.to_string())))
            );
        }
        assert_eq!(digests.of(&op(6, "").id), None);
    }
}
