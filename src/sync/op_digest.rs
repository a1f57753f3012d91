//! What one operation says, in eight bytes: the start of the SHA-256 of the operation in the
//! snapshot's compact encoding (quicker to write than JSON, and every device writes the same
//! value the same way). An operation id arriving again with another digest is a second
//! version of one operation: a forged file, or a device that spent its sequence numbers twice
//! (a restored backup). Each device keeps the digest of every operation it holds, so telling
//! the two apart never reads the log.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::hlc::DeviceId;
use super::op::{Op, OpId};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OpDigest([u8; DIGEST_BYTES]);

pub fn digest(op: &Op) -> OpDigest {
    OpDigest::of_hash(&hash(op))
}

impl OpDigest {
    /// The digest of the operation whose `hash` this is.
    pub fn of_hash(hash: &[u8; 32]) -> OpDigest {
        let mut start = [0; DIGEST_BYTES];
        start.copy_from_slice(&hash[..DIGEST_BYTES]);
        OpDigest(start)
    }
}

/// The whole SHA-256 of the operation in the snapshot's compact encoding; a seal
/// (`sync::seal`) lists the start of it.
pub fn hash(op: &Op) -> [u8; 32] {
    thread_local! {
        // Digesting a whole portfolio writes hundreds of thousands of operations: one buffer.
        static WRITTEN: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    WRITTEN.with_borrow_mut(|written| {
        written.clear();
        *written = postcard::to_extend(op, std::mem::take(written)).unwrap_or_else(|_| {
            // An operation is plain data and always serializes; were it ever not to, its
            // bundle text still tells two versions apart (its debug text would put a
            // formatter for every domain type into the wasm).
            serde_json::to_vec(op).unwrap_or_default()
        });
        Sha256::digest(written.as_slice()).into()
    })
}

/// The digest of every operation held, per device.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpDigests(BTreeMap<DeviceId, DeviceDigests>);

/// One device's digests in sequence order: the sequence numbers, and eight bytes for each in
/// one block, which a snapshot reads back at once. A device's operations nearly always come
/// in order, so keeping one is an append.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct DeviceDigests {
    seqs: Vec<u64>,
    /// Written as one byte string, not as a sequence of numbers.
    #[serde(with = "serde_bytes")]
    digests: Vec<u8>,
}

impl OpDigests {
    pub fn record(&mut self, id: &OpId, digest: OpDigest) {
        let device = match self.0.get_mut(&id.device) {
            Some(device) => device,
            None => self.0.entry(id.device.clone()).or_default(),
        };
        let place = match device.seqs.last() {
            Some(last) if *last >= id.seq => match device.seqs.binary_search(&id.seq) {
                Ok(_) => return,
                Err(place) => place,
            },
            _ => device.seqs.len(),
        };
        device.seqs.insert(place, id.seq);
        let at = place * DIGEST_BYTES;
        device.digests.splice(at..at, digest.0);
    }

    pub fn of(&self, id: &OpId) -> Option<OpDigest> {
        let device = self.0.get(&id.device)?;
        let at = device.seqs.binary_search(&id.seq).ok()? * DIGEST_BYTES;
        let bytes = device.digests.get(at..at + DIGEST_BYTES)?;
        let mut digest = [0; DIGEST_BYTES];
        digest.copy_from_slice(bytes);
        Some(OpDigest(digest))
    }
}

const DIGEST_BYTES: usize = 8;

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
