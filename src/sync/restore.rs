//! A device whose data was restored from an older copy (a browser backup, a phone restored
//! from the cloud) counts its sequence numbers again from where the copy stopped, and so
//! gives numbers it already spent to new work. Another device, a file or the server that
//! holds what it wrote before shows it: operations of its id it does not hold, or holds with
//! other content. It then stops writing under that id and takes a new one; what it wrote
//! after the restore point goes over to the new id, so nothing is lost and no number means
//! two things.

use std::collections::{BTreeMap, BTreeSet};

use smol_str::SmolStr;

use super::hlc::{DeviceId, Hlc};
use super::op::{Event, Op, OpId};
use super::op_digest::digest;
use super::projection::Projection;
use super::version_vector::VersionVector;
use crate::domain::dispute::DisputeId;
use crate::domain::payment::PaymentId;

/// What another copy of this device's history says of the one stored here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OwnHistory {
    /// No sign of a restore: whatever the other side holds of this device is what it stores,
    /// or an operation of it was altered (which the intake refuses as another version).
    Intact,
    /// Restored from an older copy: this device's operations from `from_seq` on were written
    /// after the restore point and must go over to a new id.
    Restored { from_seq: u64 },
    /// Restored, but the other side holds operations of this device that it did not send:
    /// which of the stored ones came after the restore point cannot be told. A copy of
    /// everything the other side holds (a full bundle) tells.
    Unclear,
}

/// Compares what this device (`me`) stores of itself with `theirs` (operations of any
/// device; only `me`'s count) and with what the other side says it `holds`, if it says (a
/// bundle does; a listing of the server's copy of `me`'s operations is complete, and says
/// nothing more).
///
/// A restore spends again every number from its point on, so from there the other side's
/// operations of this device are all other versions, or beyond what it stores; one that
/// agrees after one that differs means an operation was altered, not a restore.
pub fn judge(
    me: &DeviceId,
    stored: &Projection,
    theirs: &[Op],
    holds: Option<&VersionVector>,
) -> OwnHistory {
    let held = stored.versions();
    let mine_last = held.last_seq(me);
    let mut same = BTreeSet::new();
    let mut sent = BTreeSet::new();
    let mut first_other = None;
    let mut beyond = false;
    for op in theirs.iter().filter(|op| op.id.device == *me) {
        sent.insert(op.id.seq);
        if !held.includes(&op.id) {
            beyond = true;
        } else if stored.digest_of(&op.id) == Some(digest(op)) {
            same.insert(op.id.seq);
        } else {
            first_other = Some(first_other.map_or(op.id.seq, |first: u64| first.min(op.id.seq)));
        }
    }
    beyond |= holds.is_some_and(|holds| holds.last_seq(me) > mine_last);
    let from_seq = match first_other {
        Some(seq) => seq,
        None if beyond => mine_last + 1,
        None => return OwnHistory::Intact,
    };
    if same.range(from_seq..).next().is_some() {
        return OwnHistory::Intact;
    }
    // Every operation of this device the other side holds must have been sent: below the
    // point, to be seen the same; from it on, to be seen another version.
    let unsent = (1..=mine_last).any(|seq| {
        let id = OpId {
            device: me.clone(),
            seq,
        };
        !sent.contains(&seq) && holds.is_some_and(|holds| holds.includes(&id))
    });
    if unsent {
        OwnHistory::Unclear
    } else {
        OwnHistory::Restored { from_seq }
    }
}

/// The log once the device goes on as `new`: `former`'s operations from `from_seq` on are
/// written again under `new`, from sequence number `first_seq` (the ones before are for the
/// new id's key), in their order, at their time, and what among them names another of them
/// (a void, a dispute resolved) names its new id; a key the former id published among them,
/// and its signatures, are left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reborn {
    /// Every operation to store, the ones moved over last.
    pub ops: Vec<Op>,
    pub moved: usize,
}

pub fn take_new_id(
    log: Vec<Op>,
    former: &DeviceId,
    from_seq: u64,
    new: &DeviceId,
    first_seq: u64,
) -> Reborn {
    let (mut moving, mut ops): (Vec<Op>, Vec<Op>) = log
        .into_iter()
        .partition(|op| op.id.device == *former && op.id.seq >= from_seq);
    // A key published after the restore point, and the signatures under it, belong to the
    // former id: the new id makes, publishes and signs with its own. So do the company's
    // settings changes and role marks: an office's rights are its id's, and under a new id
    // nobody has named an office they would have every device refuse the device's work.
    moving.retain(|op| {
        !matches!(
            op.event,
            Event::DeviceKeyPublished { .. } | Event::OperationsSigned { .. }
        ) && !op.event.is_company()
    });
    moving.sort_by_key(|op| op.id.seq);
    let renamed: BTreeMap<SmolStr, SmolStr> = moving
        .iter()
        .zip(first_seq..)
        .map(|(op, seq)| {
            let id = OpId {
                device: new.clone(),
                seq,
            };
            (
                SmolStr::from(op.id.to_string()),
                SmolStr::from(id.to_string()),
            )
        })
        .collect();
    let moved = moving.len();
    ops.extend(moving.into_iter().zip(first_seq..).map(|(op, seq)| Op {
        id: OpId {
            device: new.clone(),
            seq,
        },
        hlc: Hlc {
            device: new.clone(),
            ..op.hlc
        },
        event: pointing_to_new_ids(op.event, &renamed),
    }));
    Reborn { ops, moved }
}

fn pointing_to_new_ids(event: Event, renamed: &BTreeMap<SmolStr, SmolStr>) -> Event {
    match event {
        Event::PaymentVoided {
            payment,
            reason,
            voided_on,
        } => Event::PaymentVoided {
            payment: renamed.get(&payment.0).cloned().map_or(payment, PaymentId),
            reason,
            voided_on,
        },
        Event::DisputeResolved {
            dispute,
            resolved_on,
        } => Event::DisputeResolved {
            dispute: renamed.get(&dispute.0).cloned().map_or(dispute, DisputeId),
            resolved_on,
        },
        other => other,
    }
}
