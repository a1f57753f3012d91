use super::hlc::{DeviceId, Hlc, HybridClock};
use super::op::{Event, Op, OpId};
use super::projection::Projection;

/// Turns this device's events into operations: the next sequence number and a timestamp
/// after everything the device has issued or seen.
#[derive(Clone, Debug)]
pub struct Author {
    device: DeviceId,
    next_seq: u64,
    clock: HybridClock,
}

impl Author {
    /// Resumes authoring after the operations already stored, whoever wrote them.
    pub fn resume<'a>(device: DeviceId, stored: impl IntoIterator<Item = &'a Op>) -> Self {
        let mut clock = HybridClock::new(device.clone());
        let mut last_seq = 0;
        for op in stored {
            clock.observe(&op.hlc);
            if op.id.device == device {
                last_seq = last_seq.max(op.id.seq);
            }
        }
        Author {
            device,
            next_seq: last_seq + 1,
            clock,
        }
    }

    /// Resumes authoring after everything `projection` holds, without reading the log.
    pub fn resume_after(device: DeviceId, projection: &Projection) -> Self {
        let mut clock = HybridClock::new(device.clone());
        if let Some(latest) = projection.latest() {
            clock.observe(latest);
        }
        Author {
            next_seq: projection.versions().last_seq(&device) + 1,
            device,
            clock,
        }
    }

    pub fn device(&self) -> &DeviceId {
        &self.device
    }

    /// Moves the clock past an operation received from another device.
    pub fn observe(&mut self, stamp: &Hlc) {
        self.clock.observe(stamp);
    }

    pub fn record(&mut self, event: Event, now_ms: u64) -> Op {
        let id = OpId {
            device: self.device.clone(),
            seq: self.next_seq,
        };
        self.next_seq += 1;
        Op {
            id,
            hlc: self.clock.tick(now_ms),
            event,
        }
    }
}
