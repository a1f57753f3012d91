//! Hybrid logical clock: wall time when clocks agree, a counter when they do not, and the
//! device id to break ties, so that all operations of all devices are totally ordered and a
//! phone with a clock set in the past still orders its new work after what it has seen.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A device's random id, given on first start.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DeviceId(pub String);

impl fmt::Display for DeviceId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A timestamp. Field order is comparison order.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Hlc {
    pub wall_ms: u64,
    pub counter: u32,
    pub device: DeviceId,
}

/// How far ahead of this device's clock a timestamp may be before it is flagged as suspect.
pub const FUTURE_TOLERANCE_MS: u64 = 24 * 60 * 60 * 1000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HybridClock {
    device: DeviceId,
    wall_ms: u64,
    counter: u32,
}

impl HybridClock {
    pub fn new(device: DeviceId) -> Self {
        HybridClock {
            device,
            wall_ms: 0,
            counter: 0,
        }
    }

    /// A timestamp for a new local operation, later than every one issued or observed so far.
    pub fn tick(&mut self, now_ms: u64) -> Hlc {
        if now_ms > self.wall_ms {
            self.wall_ms = now_ms;
            self.counter = 0;
        } else {
            self.bump();
        }
        self.current()
    }

    /// Moves the clock past a timestamp received from elsewhere (as Actual Budget's
    /// `Timestamp.recv`), so later local operations order after it.
    pub fn observe(&mut self, seen: &Hlc) {
        if (seen.wall_ms, seen.counter) >= (self.wall_ms, self.counter) {
            self.wall_ms = seen.wall_ms;
            self.counter = seen.counter;
        }
    }

    pub fn is_far_future(stamp: &Hlc, now_ms: u64) -> bool {
        stamp.wall_ms > now_ms.saturating_add(FUTURE_TOLERANCE_MS)
    }

    fn bump(&mut self) {
        match self.counter.checked_add(1) {
            Some(next) => self.counter = next,
            None => {
                self.wall_ms += 1;
                self.counter = 0;
            }
        }
    }

    fn current(&self) -> Hlc {
        Hlc {
            wall_ms: self.wall_ms,
            counter: self.counter,
            device: self.device.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn device(name: &str) -> DeviceId {
        DeviceId(name.into())
    }

    #[test]
    fn ticks_strictly_increase_even_when_the_wall_clock_goes_back() {
        let mut clock = HybridClock::new(device("a"));
        let first = clock.tick(1_000);
        let second = clock.tick(900);
        let third = clock.tick(1_000);
        assert!(first < second && second < third);
    }

    #[test]
    fn a_slow_clock_orders_new_work_after_what_it_has_seen() {
        let mut slow = HybridClock::new(device("slow"));
        let remote = Hlc {
            wall_ms: 5_000_000,
            counter: 3,
            device: device("fast"),
        };
        slow.observe(&remote);
        let mine = slow.tick(1_000);
        assert!(mine > remote);
    }

    #[test]
    fn far_future_stamps_are_recognised() {
        let stamp = Hlc {
            wall_ms: 10 + FUTURE_TOLERANCE_MS + 1,
            counter: 0,
            device: device("x"),
        };
        assert!(HybridClock::is_far_future(&stamp, 10));
        assert!(!HybridClock::is_far_future(&stamp, 11));
    }
}
