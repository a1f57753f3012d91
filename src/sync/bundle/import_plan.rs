//! What importing a bundle would do, worked out before anything is written: the intake's
//! answer for the bundle's operations, with what the bundle says about its sender. Any
//! operation the intake refuses, or anything missing in between, refuses the whole file.

use std::collections::BTreeMap;

use super::format::{Bundle, BundleKind, Sender};
use super::problem::BundleProblem;
use crate::sync::conflict::Conflict;
use crate::sync::hlc::DeviceId;
use crate::sync::intake::{admit, Admitted, Claim, FutureStamps, Refused, Tally};
use crate::sync::op::{Op, OpId};
use crate::sync::projection::Projection;
use crate::sync::signed_run::SignatureCheck;
use crate::sync::version_vector::VersionVector;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportPlan {
    pub sender: Sender,
    pub kind: BundleKind,
    pub created_ms: u64,
    pub holds: VersionVector,
    pub labels: BTreeMap<DeviceId, String>,
    /// In timestamp order.
    pub new_ops: Vec<Op>,
    /// Each new operation's `op_digest::hash`, in the same order.
    pub hashes: Vec<[u8; 32]>,
    /// Per device that wrote operations in the bundle.
    pub tallies: BTreeMap<DeviceId, Tally>,
    pub conflicts: Vec<Conflict>,
    pub future: BTreeMap<DeviceId, FutureStamps>,
    /// To check before storing (`badly_signed` names one that fails).
    pub signatures: Vec<SignatureCheck>,
}

impl ImportPlan {
    /// Why the file is refused when the signature operation `id` is not its device's.
    pub fn badly_signed(&self, id: &OpId) -> BundleProblem {
        BundleProblem::NotSigned {
            label: label_of(&id.device, &self.sender, &self.labels),
            seq: id.seq,
            device: id.device.clone(),
        }
    }
}

fn label_of(
    device: &DeviceId,
    sender: &Sender,
    labels: &BTreeMap<DeviceId, String>,
) -> Option<String> {
    labels
        .get(device)
        .cloned()
        .or_else(|| (*device == sender.device).then(|| sender.label.clone()))
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
    let claim = Claim {
        holds: &bundle.holds,
        whole: !matches!(bundle.kind, BundleKind::Route { .. }),
        sender: &bundle.sender.device,
    };
    let admitted = admit(bundle.ops, Some(claim), me, stored, now_ms);
    if let Some(problem) = refusal(&admitted, &bundle.sender, &bundle.labels) {
        return Err(problem);
    }
    Ok(ImportPlan {
        sender: bundle.sender,
        kind: bundle.kind,
        created_ms: bundle.created_ms,
        holds: bundle.holds,
        labels: bundle.labels,
        new_ops: admitted.new_ops,
        hashes: admitted.hashes,
        tallies: admitted.tallies,
        conflicts: admitted.conflicts,
        future: admitted.future,
        signatures: admitted.signatures,
    })
}

/// The one problem a refused file is refused for: a second version of a stored operation
/// first (it means someone's records cannot be trusted), then a broken operation (in file
/// order), then this device's own unknown work, then what is missing.
fn refusal(
    admitted: &Admitted,
    sender: &Sender,
    labels: &BTreeMap<DeviceId, String>,
) -> Option<BundleProblem> {
    let label_of = |device: &DeviceId| label_of(device, sender, labels);
    let broken = admitted
        .refused
        .iter()
        .find(|refusal| refusal.why.is_integrity())
        .or_else(|| {
            admitted
                .refused
                .iter()
                .find(|refusal| refusal.why != Refused::OwnUnknown)
        })
        .or_else(|| admitted.refused.first());
    if let Some(refusal) = broken {
        let id = refusal.id.clone();
        return Some(match &refusal.why {
            Refused::Invalid(problem) => BundleProblem::BadOp {
                index: refusal.index,
                id,
                problem: problem.clone(),
            },
            Refused::Repeated => BundleProblem::Repeated { id },
            Refused::Undeclared => BundleProblem::Undeclared { id },
            Refused::OwnUnknown => BundleProblem::OwnOpsUnknown { first: id },
            Refused::OtherVersion => BundleProblem::OtherVersion {
                label: label_of(&id.device),
                seq: id.seq,
                device: id.device,
            },
            Refused::Unsigned | Refused::BadSignature => BundleProblem::NotSigned {
                label: label_of(&id.device),
                seq: id.seq,
                device: id.device,
            },
            Refused::NotOffice => BundleProblem::NotOffice {
                label: label_of(&id.device),
                device: id.device,
            },
        });
    }
    admitted.gaps.first().map(|gap| BundleProblem::Gap {
        device: gap.device.clone(),
        label: label_of(&gap.device),
        missing: gap.missing.clone(),
    })
}
