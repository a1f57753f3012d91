//! A file someone chose, from its bytes to what importing it would do: the envelope is read,
//! its operations go through the intake, and the answer is either a plan to store, a sealed
//! bundle that needs its passphrase first, or the one problem the file is refused for.

use super::import_plan::{plan, ImportPlan};
use super::problem::BundleProblem;
use super::read::{read, Incoming};
use super::sealed::SealedBundle;
use crate::sync::hlc::DeviceId;
use crate::sync::projection::Projection;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Received {
    Planned(ImportPlan),
    /// Needs its passphrase; open it and receive what comes out.
    Sealed(SealedBundle),
}

pub fn receive(
    bytes: &[u8],
    me: &DeviceId,
    stored: &Projection,
    now_ms: u64,
) -> Result<Received, BundleProblem> {
    match read(bytes)? {
        Incoming::Sealed(sealed) => Ok(Received::Sealed(sealed)),
        Incoming::Plain(bundle) => plan(bundle, me, stored, now_ms).map(Received::Planned),
    }
}
