//! Who signs as whom: each device's published key, the office's acceptance of it, and from
//! which of its operations on the device signs. The first publication of a device (by
//! sequence number), its first acceptance (by timestamp) and its earliest signed run count,
//! whatever order they arrive in, so every device that holds the same operations holds a
//! device to the same key from the same point.

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
    /// Each device's key, the sequence number of the operation that published it, and
    /// whether its work is signed from there on.
    published: BTreeMap<DeviceId, (u64, PublicKey, bool)>,
    accepted: BTreeMap<DeviceId, Acceptance>,
    /// The first operation of each device's earliest signed run: for a device whose key's
    /// publication did not say it signs (the version before), it signs from there on.
    signs_from: BTreeMap<DeviceId, u64>,
}

/// A device's key as its operations are checked against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Signer<'a> {
    /// The operation that published it: a signature covers nothing before.
    pub published_at: u64,
    /// Where its signed work starts, if any signature of it is known: from there on, all of
    /// it is signed.
    pub signs_from: Option<u64>,
    pub key: &'a PublicKey,
    /// False when the office accepted the device with another key: nothing it signs counts.
    pub as_accepted: bool,
}

impl DeviceKeys {
    pub fn apply(&mut self, op: &Op) {
        match &op.event {
            Event::DeviceKeyPublished {
                key,
                signs_from_here,
            } => {
                let published = (op.id.seq, key.clone(), *signs_from_here);
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
            Event::OperationsSigned { run } => {
                let from = self
                    .signs_from
                    .entry(op.id.device.clone())
                    .or_insert(run.from);
                *from = run.from.min(*from);
            }
            _ => {}
        }
    }

    /// The key `device` published, and the sequence number of the operation that did.
    pub fn published(&self, device: &DeviceId) -> Option<(u64, &PublicKey)> {
        self.published.get(device).map(|(seq, key, _)| (*seq, key))
    }

    /// From which of its operations on `device` signs, if it does: from its key's
    /// publication when that said so, else from its earliest signed run.
    fn signs_from(&self, device: &DeviceId) -> Option<u64> {
        let declared = self
            .published
            .get(device)
            .and_then(|(seq, _, from_here)| from_here.then_some(*seq));
        let first_run = self.signs_from.get(device).copied();
        match (declared, first_run) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    pub fn acceptance(&self, device: &DeviceId) -> Option<&Acceptance> {
        self.accepted.get(device)
    }

    /// Whether `device` signed its operation `seq`: every one from its earliest signed run
    /// on is, and the intake took it only so.
    pub fn signed(&self, device: &DeviceId, seq: u64) -> bool {
        self.signs_from(device).is_some_and(|from| seq >= from)
    }

    pub fn signer(&self, device: &DeviceId) -> Option<Signer<'_>> {
        let (published_at, key) = self.published(device)?;
        Some(Signer {
            published_at,
            signs_from: self.signs_from(device),
            key,
            as_accepted: self.acceptance(device).is_none_or(|a| a.key == *key),
        })
    }
}
