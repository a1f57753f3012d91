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

    /// How many operations are held: with gap-free sequences from 1, the sum of the highest.
    pub fn operation_count(&self) -> u64 {
        self.0.values().sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::hlc::DeviceId;

    #[test]
    fn counts_and_includes_what_each_device_sent() {
        let mut versions = VersionVector::default();
        for (device, seq) in [("a", 1), ("a", 2), ("b", 1), ("a", 3), ("a", 2)] {
            versions.observe(&OpId {
                device: DeviceId(device.into()),
                seq,
            });
        }
        assert_eq!(versions.operation_count(), 4);
        let a3 = OpId {
            device: DeviceId("a".into()),
            seq: 3,
        };
        assert!(versions.includes(&a3));
        assert!(!versions.includes(&OpId { seq: 4, ..a3 }));
    }
}
