//! One device's operation log, as the integration tests drive it: each appended event gets the
//! next sequence number and a clock a second later.
#![allow(dead_code)]

use cobranza::sync::author::Author;
use cobranza::sync::hlc::DeviceId;
use cobranza::sync::op::{Event, Op};
use cobranza::sync::projection::Projection;

pub struct DeviceLog {
    pub author: Author,
    pub ops: Vec<Op>,
    pub now_ms: u64,
}

impl DeviceLog {
    pub fn new(device: &str) -> DeviceLog {
        DeviceLog {
            author: Author::resume(DeviceId(device.into()), []),
            ops: Vec::new(),
            now_ms: 1_790_000_000_000,
        }
    }

    pub fn append(&mut self, events: Vec<Event>) {
        for event in events {
            self.now_ms += 1000;
            self.ops.push(self.author.record(event, self.now_ms));
        }
    }

    pub fn projection(&self) -> Projection {
        Projection::from_ops(&self.ops)
    }
}
