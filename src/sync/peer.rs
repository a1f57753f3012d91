//! The devices this one has heard of: what each is called, and the last bundle received from
//! it, whose list of held operations is what a delta for that device leaves out.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::bundle::format::BundleKind;
use super::bundle::import_plan::ImportPlan;
use super::hlc::DeviceId;
use super::version_vector::VersionVector;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Peer {
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_bundle: Option<ReceivedBundle>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReceivedBundle {
    /// This device's clock when the bundle was imported.
    pub imported_ms: u64,
    /// The sender's clock when it wrote it.
    pub created_ms: u64,
    pub kind: BundleKind,
    /// What the sender held then: a delta for it leaves these out.
    pub holds: VersionVector,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Peers(pub BTreeMap<DeviceId, Peer>);

impl Peers {
    /// Learns from an imported bundle: the sender's own label and bundle, and the labels it
    /// knows of devices not heard of yet.
    pub fn record(&mut self, plan: &ImportPlan, imported_ms: u64) {
        for (device, label) in &plan.labels {
            let peer = self.0.entry(device.clone()).or_default();
            if peer.label.is_empty() {
                peer.label = label.clone();
            }
        }
        let sender = self.0.entry(plan.sender.device.clone()).or_default();
        sender.label = plan.sender.label.clone();
        let newer = sender
            .last_bundle
            .as_ref()
            .is_none_or(|last| plan.created_ms >= last.created_ms);
        // An old bundle imported late must not make the sender look as if it held less.
        if newer {
            sender.last_bundle = Some(ReceivedBundle {
                imported_ms,
                created_ms: plan.created_ms,
                kind: plan.kind.clone(),
                holds: plan.holds.clone(),
            });
        }
    }

    pub fn label(&self, device: &DeviceId) -> Option<&str> {
        self.0
            .get(device)
            .map(|peer| peer.label.as_str())
            .filter(|label| !label.is_empty())
    }

    /// Every label known, for the bundles this device sends.
    pub fn labels(&self) -> BTreeMap<DeviceId, String> {
        self.0
            .iter()
            .filter(|(_, peer)| !peer.label.is_empty())
            .map(|(device, peer)| (device.clone(), peer.label.clone()))
            .collect()
    }
}
