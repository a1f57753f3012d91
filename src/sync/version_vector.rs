use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::hlc::DeviceId;
use super::op::OpId;

/// The highest sequence number held from each device. Because each device numbers its
/// operations without gaps and imports keep them contiguous, this says exactly which
/// operations a device holds.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct VersionVector(BTreeMap<DeviceId, u64>);

impl VersionVector {
    pub fn observe(&mut self, id: &OpId) {
        let seq = self.0.entry(id.device.clone()).or_default();
        *seq = (*seq).max(id.seq);
    }

    pub fn get(&self, device: &DeviceId) -> u64 {
        self.0.get(device).copied().unwrap_or_default()
    }

    pub fn includes(&self, id: &OpId) -> bool {
        self.get(&id.device) >= id.seq
    }
}
