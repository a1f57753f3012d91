//! A file someone chose, from its bytes to what importing it would do: the envelope is read,
//! what it holds of this very device is compared with what is stored, its operations go
//! through the intake, and the answer is either a plan to store, a sealed bundle that needs
//! its passphrase first, news that this device was restored from an older copy, or the one
//! problem the file is refused for.

use super::import_plan::{plan, ImportPlan};
use super::problem::BundleProblem;
use super::read::{read, Incoming};
use super::sealed::SealedBundle;
use crate::sync::hlc::DeviceId;
use crate::sync::projection::Projection;
use crate::sync::restore::{judge, OwnHistory};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Received {
    Planned(ImportPlan),
    /// Needs its passphrase; open it and receive what comes out.
    Sealed(SealedBundle),
    /// The file's sender holds operations of this device that it does not store, or stores
    /// otherwise: this device was restored from an older copy. Once what it wrote from
    /// `from_seq` on has gone over to a new id, the same file can be received again.
    Restored {
        from_seq: u64,
    },
}

pub fn receive(
    bytes: &[u8],
    me: &DeviceId,
    stored: &Projection,
    now_ms: u64,
) -> Result<Received, BundleProblem> {
    let bundle = match read(bytes)? {
        Incoming::Sealed(sealed) => return Ok(Received::Sealed(sealed)),
        Incoming::Plain(bundle) => bundle,
    };
    match judge(me, stored, &bundle.ops, Some(&bundle.holds)) {
        OwnHistory::Intact => plan(bundle, me, stored, now_ms).map(Received::Planned),
        OwnHistory::Restored { from_seq } => Ok(Received::Restored { from_seq }),
        OwnHistory::Unclear => Err(BundleProblem::RestoredUnclear {
            label: bundle.sender.label,
        }),
    }
}
