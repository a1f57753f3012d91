//! One device's operation log, as the integration tests drive it: each appended event gets the
//! next sequence number and a clock a second later.
#![allow(dead_code)]

use cobranza::sync::author::Author;
use cobranza::sync::bundle::export::compose;
use cobranza::sync::bundle::format::{BundleKind, Sender};
use cobranza::sync::hlc::DeviceId;
use cobranza::sync::op::{Event, Op};
use cobranza::sync::peer::Peers;
use cobranza::sync::projection::Projection;

pub mod signer;

/// The time the tests read as now, and every device's clock at its start.
pub const NOW: u64 = 1_790_000_000_000;

pub struct DeviceLog {
    pub author: Author,
    pub ops: Vec<Op>,
    pub now_ms: u64,
    /// A device that signs its work, as every device of this version does.
    pub signer: Option<signer::Signer>,
}

impl DeviceLog {
    /// A device as an older version wrote: no key, nothing signed.
    pub fn new(device: &str) -> DeviceLog {
        DeviceLog {
            author: Author::resume(DeviceId(device.into()), []),
            ops: Vec::new(),
            now_ms: NOW,
            signer: None,
        }
    }

    /// A device that publishes its key first and signs each append.
    pub fn signing(device: &str, seed: u8) -> DeviceLog {
        let signer = signer::Signer::new(seed);
        let key = signer.public();
        let mut log = DeviceLog {
            signer: Some(signer),
            ..DeviceLog::new(device)
        };
        log.append(vec![Event::DeviceKeyPublished {
            key,
            signs_from_here: true,
        }]);
        log
    }

    /// Each event a second after the one before; a signing device signs them as one save.
    pub fn append(&mut self, events: Vec<Event>) {
        let first = self.ops.len();
        for event in events {
            self.now_ms += 1000;
            self.ops.push(self.author.record(event, self.now_ms));
        }
        if let Some(signer) = &self.signer {
            let signatures = signer.sign(&mut self.author, &self.ops[first..], self.now_ms);
            self.ops.extend(signatures);
        }
    }

    /// `ops` as the file of a bundle of `kind` this device, called `label`, sends now.
    pub fn bundle(&self, label: &str, kind: BundleKind, ops: &[Op]) -> String {
        compose(
            kind,
            ops,
            &Projection::from_ops(ops),
            &Peers::default(),
            Sender {
                device: self.author.device().clone(),
                label: label.into(),
            },
            NOW,
        )
        .to_json()
    }

    pub fn projection(&self) -> Projection {
        Projection::from_ops(&self.ops)
    }
}
