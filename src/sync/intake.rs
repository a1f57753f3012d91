//! The one door for other devices' operations. A bundle's operations come through here, and
//! so will the server's: every operation is checked by the same rules, sorted into new and
//! already held, and what breaks a rule is named with its place in the batch. Nothing here
//! writes; the caller stores `new_ops` in one transaction or refuses the batch.

use std::collections::{BTreeMap, BTreeSet};

use super::conflict::Conflict;
use super::hlc::{DeviceId, HybridClock};
use super::op::{Op, OpId};
use super::op_check::{check_op, OpProblem};
use super::op_digest::{digest, hash};
use super::projection::Projection;
use super::signed_run::{vouch, SignatureCheck};
use super::version_vector::VersionVector;

/// What the sender of a batch says about it (a bundle says it; a server page does not).
#[derive(Clone, Copy, Debug)]
pub struct Claim<'a> {
    /// Every operation the sender held when it sent the batch.
    pub holds: &'a VersionVector,
    /// Whether the batch, with what this device stores, must leave nothing of `holds`
    /// missing: a full or delta bundle must; a route is a part by design.
    pub whole: bool,
    /// The device that sent it.
    pub sender: &'a DeviceId,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub added: u64,
    pub already: u64,
}

/// Operations stamped further ahead of this device's clock than any honest clock drifts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FutureStamps {
    pub count: u64,
    pub latest_ms: u64,
}

/// Why one operation of a batch cannot be taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    Invalid(OpProblem),
    /// The same operation earlier in the batch.
    Repeated,
    /// An operation the sender says it does not hold.
    Undeclared,
    /// An operation of this very device that it does not hold: forged, or mixed up.
    OwnUnknown,
    /// An operation this device holds, with other content: a forgery, or a device that spent
    /// its sequence numbers twice. One of the two versions is not what its device wrote.
    OtherVersion,
    /// An operation of a device that signs its work, which no signed run of the batch lists
    /// as it is: forged in that device's name, or altered.
    Unsigned,
    /// A signed run whose signature is not its device's.
    BadSignature,
    /// A change to the company's settings, or to what a device is, by a device that is not
    /// an office (a collector's); or another company's office naming itself.
    NotOffice,
}

impl Refused {
    /// Whether it means someone's records cannot be trusted: an operation altered, or
    /// written in another device's name.
    pub fn is_integrity(&self) -> bool {
        matches!(
            self,
            Refused::OtherVersion | Refused::Unsigned | Refused::BadSignature
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refusal {
    /// From 1, in batch order.
    pub index: usize,
    pub id: OpId,
    pub why: Refused,
}

/// A run of a device's operations the sender held that neither the batch nor this device has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    pub device: DeviceId,
    pub missing: Vec<[u64; 2]>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Admitted {
    /// In timestamp order.
    pub new_ops: Vec<Op>,
    /// The SHA-256 of each new operation (`op_digest::hash`), in the same order: checking
    /// the signatures worked them out, and storing the operations need not again.
    pub hashes: Vec<[u8; 32]>,
    /// Per device that wrote operations in the batch.
    pub tallies: BTreeMap<DeviceId, Tally>,
    pub future: BTreeMap<DeviceId, FutureStamps>,
    /// What the new operations overwrite that their sender had not seen; only with a claim,
    /// and only for a batch that can be taken.
    pub conflicts: Vec<Conflict>,
    /// In batch order.
    pub refused: Vec<Refusal>,
    pub gaps: Vec<Gap>,
    /// The signatures to check (WebCrypto's work, so not done here) before the new
    /// operations are stored; one that fails refuses the batch as `BadSignature`.
    pub signatures: Vec<SignatureCheck>,
}

impl Admitted {
    /// Whether the batch can be stored as it is.
    pub fn is_clean(&self) -> bool {
        self.refused.is_empty() && self.gaps.is_empty()
    }
}

/// Sorts `batch` against what this device (`me`) stores, under the same rules whichever way
/// the batch came.
pub fn admit(
    batch: Vec<Op>,
    claim: Option<Claim<'_>>,
    me: &DeviceId,
    stored: &Projection,
    now_ms: u64,
) -> Admitted {
    let held = stored.versions();
    let mut admitted = Admitted::default();
    let mut seen = BTreeSet::new();
    let mut signatures = Vec::new();
    // The batch index of each new operation.
    let mut indices = Vec::new();
    for (index, op) in (1..).zip(batch) {
        if !op.event.is_change() {
            signatures.push(op.clone());
        }
        let why = if let Err(problem) = check_op(&op) {
            Some(Refused::Invalid(problem))
        } else if claim.is_some_and(|claim| !claim.holds.includes(&op.id)) {
            Some(Refused::Undeclared)
        } else if !seen.insert(op.id.clone()) {
            Some(Refused::Repeated)
        } else if held.includes(&op.id) {
            if stored
                .digest_of(&op.id)
                .is_some_and(|held| held != digest(&op))
            {
                Some(Refused::OtherVersion)
            } else {
                if op.event.is_change() {
                    admitted
                        .tallies
                        .entry(op.id.device.clone())
                        .or_default()
                        .already += 1;
                }
                continue;
            }
        } else if op.id.device == *me {
            Some(Refused::OwnUnknown)
        } else {
            None
        };
        if let Some(why) = why {
            admitted.refused.push(Refusal {
                index,
                id: op.id,
                why,
            });
            continue;
        }
        if op.event.is_change() {
            admitted
                .tallies
                .entry(op.id.device.clone())
                .or_default()
                .added += 1;
        }
        if HybridClock::is_far_future(&op.hlc, now_ms) {
            let flagged = admitted
                .future
                .entry(op.id.device.clone())
                .or_insert(FutureStamps {
                    count: 0,
                    latest_ms: 0,
                });
            flagged.count += 1;
            flagged.latest_ms = flagged.latest_ms.max(op.hlc.wall_ms);
        }
        indices.push(index);
        admitted.hashes.push(hash(&op));
        admitted.new_ops.push(op);
    }
    let (checks, unsigned) = vouch(&admitted.new_ops, &admitted.hashes, &signatures, stored);
    admitted.signatures = checks;
    drop_new(&mut admitted, &mut indices, &unsigned, Refused::Unsigned);
    let not_office = stored
        .company()
        .refused(&admitted.new_ops, claim.map(|claim| claim.sender));
    drop_new(&mut admitted, &mut indices, &not_office, Refused::NotOffice);
    if let Some(claim) = claim.filter(|claim| claim.whole) {
        let mut after = held.clone();
        for op in &admitted.new_ops {
            after.observe(&op.id);
        }
        admitted.gaps = claim
            .holds
            .devices()
            .map(|device| Gap {
                device: device.clone(),
                missing: claim.holds.missing_from(&after, device),
            })
            .filter(|gap| !gap.missing.is_empty())
            .collect();
    }
    let mut sorted: Vec<(Op, [u8; 32])> = std::mem::take(&mut admitted.new_ops)
        .into_iter()
        .zip(std::mem::take(&mut admitted.hashes))
        .collect();
    sorted.sort_by(|a, b| a.0.hlc.cmp(&b.0.hlc));
    (admitted.new_ops, admitted.hashes) = sorted.into_iter().unzip();
    if let Some(claim) = claim.filter(|_| admitted.is_clean()) {
        admitted.conflicts = stored.conflicts(&admitted.new_ops, claim.holds);
    }
    admitted
}

/// Refuses the new operations at `positions` (in `admitted.new_ops`, whose batch indices
/// are `indices`, kept in step) for `why`.
fn drop_new(admitted: &mut Admitted, indices: &mut Vec<usize>, positions: &[usize], why: Refused) {
    if positions.is_empty() {
        return;
    }
    let mut keep = vec![true; admitted.new_ops.len()];
    for &at in positions {
        keep[at] = false;
        admitted.refused.push(Refusal {
            index: indices[at],
            id: admitted.new_ops[at].id.clone(),
            why: why.clone(),
        });
    }
    admitted.refused.sort_by_key(|refusal| refusal.index);
    let mut kept = keep.iter();
    admitted.new_ops.retain(|_| kept.next() == Some(&true));
    let mut kept = keep.iter();
    admitted.hashes.retain(|_| kept.next() == Some(&true));
    let mut kept = keep.iter();
    indices.retain(|_| kept.next() == Some(&true));
}
