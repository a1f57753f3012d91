//! When a register's value was written, as the projection keeps it: the writing operation's
//! timestamp with its device written as a place in a table of devices. Every field of every
//! customer and invoice carries one, and with the device id spelled out each time they were
//! two fifths of a large portfolio's snapshot and a third of the allocations in reading it.
//!
//! The table is kept in the devices' order, so that stamps compare as the timestamps they
//! stand for without reading it, and so that two projections of the same operations are
//! equal whatever order the devices were heard of in.

use serde::{Deserialize, Serialize};

use super::hlc::{DeviceId, Hlc};

/// Field order is comparison order, as in [`Hlc`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Stamp {
    wall_ms: u64,
    counter: u32,
    device: u32,
}

impl Stamp {
    /// Makes room for a device put in the table at `place`.
    pub fn make_room(&mut self, place: u32) {
        if self.device >= place {
            self.device += 1;
        }
    }
}

/// The devices the stamps name, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Devices(Vec<DeviceId>);

impl Devices {
    /// `hlc` as a stamp and, if its device is new to the table, the place it was put in:
    /// every stamp already given must then [make room](Stamp::make_room) for it.
    pub fn stamp(&mut self, hlc: &Hlc) -> (Stamp, Option<u32>) {
        let (place, new) = match self.0.binary_search(&hlc.device) {
            Ok(place) => (place, false),
            Err(place) => {
                self.0.insert(place, hlc.device.clone());
                (place, true)
            }
        };
        let place = u32::try_from(place).unwrap_or(u32::MAX);
        let stamp = Stamp {
            wall_ms: hlc.wall_ms,
            counter: hlc.counter,
            device: place,
        };
        (stamp, new.then_some(place))
    }

    /// The timestamp `stamp` stands for; `None` only for a stamp from another table.
    pub fn hlc(&self, stamp: Stamp) -> Option<Hlc> {
        Some(Hlc {
            wall_ms: stamp.wall_ms,
            counter: stamp.counter,
            device: self.0.get(stamp.device as usize)?.clone(),
        })
    }

    /// Whether the table is in order, as every table this module builds is; a snapshot
    /// whose table is not is damaged.
    pub fn in_order(&self) -> bool {
        self.0.windows(2).all(|pair| pair[0] < pair[1])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hlc(wall_ms: u64, counter: u32, device: &str) -> Hlc {
        Hlc {
            wall_ms,
            counter,
            device: DeviceId(device.into()),
        }
    }

    #[test]
    fn stamps_order_as_their_timestamps_whatever_order_devices_came_in() {
        let mut devices = Devices::default();
        let mut stamps: Vec<(Hlc, Stamp)> = Vec::new();
        for h in [
            hlc(5, 0, "b"),
            hlc(5, 0, "a"),
            hlc(4, 9, "c"),
            hlc(5, 1, "a"),
        ] {
            let (stamp, new) = devices.stamp(&h);
            if let Some(place) = new {
                for (_, given) in &mut stamps {
                    given.make_room(place);
                }
            }
            stamps.push((h, stamp));
        }
        assert!(devices.in_order());
        for (a, sa) in &stamps {
            assert_eq!(devices.hlc(*sa).as_ref(), Some(a));
            for (b, sb) in &stamps {
                assert_eq!(sa.cmp(sb), a.cmp(b), "{a:?} against {b:?}");
            }
        }
    }
}
