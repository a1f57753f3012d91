//! Who signs as whom: each device's published key, and the office's acceptance of it. The
//! first publication of a device (by sequence number) and its first acceptance (by
//! timestamp) count, whatever order they arrive in, so every device that holds the same
//! operations holds a device to the same key.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::device_key::PublicKey;
use super::hlc::{DeviceId, Hlc};
use super::op::{Event, Op};

/// The office's word that a device, with this key, is one of the company's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Acceptance {
    pub key: PublicKey,
    /// The device that accepted it.
    pub by: DeviceId,
    pub at: Hlc,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceKeys {
    /// Each device's key and the sequence number of the operation that published it.
    published: BTreeMap<DeviceId, (u64, PublicKey)>,
    accepted: BTreeMap<DeviceId, Acceptance>,
}

/// A device's key as its operations are checked against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Signer<'a> {
    /// The operation that published it: the device's work from there on is signed.
    pub from_seq: u64,
    pub key: &'a PublicKey,
    /// False when the office accepted the device with another key: nothing it signs counts.
    pub as_accepted: bool,
}

impl DeviceKeys {
    pub fn apply(&mut self, op: &Op) {
        match &op.event {
            Event::DeviceKeyPublished { key } => {
                let published = (op.id.seq, key.clone());
                self.published
                    .entry(op.id.device.clone())
                    .and_modify(|first| {
                        if published.0 < first.0 {
                            *first = published.clone();
                        }
                    })
                    .or_insert(published);
            }
            Event::DeviceAccepted { device, key } => {
                let acceptance = Acceptance {
                    key: key.clone(),
                    by: op.id.device.clone(),
                    at: op.hlc.clone(),
                };
                self.accepted
                    .entry(device.clone())
                    .and_modify(|first| {
                        if acceptance.at < first.at {
                            *first = acceptance.clone();
                        }
                    })
                    .or_insert(acceptance);
            }
            _ => {}
        }
    }

    /// The key `device` published, and the sequence number of the operation that did.
    pub fn published(&self, device: &DeviceId) -> Option<(u64, &PublicKey)> {
        self.published.get(device).map(|(seq, key)| (*seq, key))
    }

    pub fn acceptance(&self, device: &DeviceId) -> Option<&Acceptance> {
        self.accepted.get(device)
    }

    pub fn signer(&self, device: &DeviceId) -> Option<Signer<'_>> {
        let (from_seq, key) = self.published(device)?;
        Some(Signer {
            from_seq,
            key,
            as_accepted: self.acceptance(device).is_none_or(|a| a.key == *key),
        })
    }
}
