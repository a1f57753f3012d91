//! What importing a bundle would do, worked out before anything is written: which operations
//! are new, which are already held, what they overwrite, and whether anything is missing in
//! between.

use std::collections::BTreeMap;

use super::format::{Bundle, BundleKind, Sender};
use super::problem::BundleProblem;
use crate::sync::conflict::Conflict;
use crate::sync::hlc::{DeviceId, HybridClock};
use crate::sync::op::Op;
use crate::sync::projection::Projection;
use crate::sync::version_vector::VersionVector;

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

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportPlan {
    pub sender: Sender,
    pub kind: BundleKind,
    pub created_ms: u64,
    pub holds: VersionVector,
    pub labels: BTreeMap<DeviceId, String>,
    /// In timestamp order.
    pub new_ops: Vec<Op>,
    /// Per device that wrote operations in the bundle.
    pub tallies: BTreeMap<DeviceId, Tally>,
    pub conflicts: Vec<Conflict>,
    pub future: BTreeMap<DeviceId, FutureStamps>,
}

/// Checks `bundle` against what this device (`me`) holds and works out the import.
///
/// A full or delta bundle must leave nothing missing: together with what is stored, its
/// operations must cover everything its sender held. A route bundle is a part by design.
pub fn plan(
    bundle: Bundle,
    me: &DeviceId,
    stored: &Projection,
    now_ms: u64,
) -> Result<ImportPlan, BundleProblem> {
    let held = stored.versions();
    let mut tallies: BTreeMap<DeviceId, Tally> = BTreeMap::new();
    let mut future: BTreeMap<DeviceId, FutureStamps> = BTreeMap::new();
    let mut new_ops = Vec::new();
    for op in bundle.ops {
        let tally = tallies.entry(op.id.device.clone()).or_default();
        if held.includes(&op.id) {
            tally.already += 1;
            continue;
        }
        if op.id.device == *me {
            return Err(BundleProblem::OwnOpsUnknown { first: op.id });
        }
        tally.added += 1;
        if HybridClock::is_far_future(&op.hlc, now_ms) {
            let flagged = future.entry(op.id.device.clone()).or_insert(FutureStamps {
                count: 0,
                latest_ms: 0,
            });
            flagged.count += 1;
            flagged.latest_ms = flagged.latest_ms.max(op.hlc.wall_ms);
        }
        new_ops.push(op);
    }
    if !matches!(bundle.kind, BundleKind::Route { .. }) {
        let mut after = held.clone();
        for op in &new_ops {
            after.observe(&op.id);
        }
        for device in bundle.holds.devices() {
            let missing = bundle.holds.missing_from(&after, device);
            if !missing.is_empty() {
                let label = bundle.labels.get(device).cloned().or_else(|| {
                    (*device == bundle.sender.device).then(|| bundle.sender.label.clone())
                });
                return Err(BundleProblem::Gap {
                    device: device.clone(),
                    label,
                    missing,
                });
            }
        }
    }
    new_ops.sort_by(|a, b| a.hlc.cmp(&b.hlc));
    let conflicts = stored.conflicts(&new_ops, &bundle.holds);
    Ok(ImportPlan {
        sender: bundle.sender,
        kind: bundle.kind,
        created_ms: bundle.created_ms,
        holds: bundle.holds,
        labels: bundle.labels,
        new_ops,
        tallies,
        conflicts,
        future,
    })
}
