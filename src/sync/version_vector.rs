use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::hlc::DeviceId;
use super::op::OpId;

/// Which operations a device holds: for each device that wrote some, the runs of sequence
/// numbers held, as inclusive `[first, last]` pairs. A device that only ever exchanges full
/// and delta bundles holds one run from 1 per device, a classic version vector; a route
/// bundle gives a collector only the office's operations about their customers, so runs with
/// gaps describe that copy exactly and nothing the collector lacks is mistaken for held.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct VersionVector(BTreeMap<DeviceId, Vec<[u64; 2]>>);

impl VersionVector {
    pub fn observe(&mut self, id: &OpId) {
        let runs = self.0.entry(id.device.clone()).or_default();
        let seq = id.seq;
        // Operations nearly always arrive in order: extend the last run.
        if let Some(last) = runs.last_mut() {
            if last[1].checked_add(1) == Some(seq) {
                last[1] = seq;
                return;
            }
        }
        let at = runs.partition_point(|run| run[1] < seq);
        if runs.get(at).is_some_and(|run| run[0] <= seq) {
            return;
        }
        runs.insert(at, [seq, seq]);
        // Join with the neighbours the new number touches.
        if at + 1 < runs.len() && runs[at][1].checked_add(1) == Some(runs[at + 1][0]) {
            runs[at][1] = runs[at + 1][1];
            runs.remove(at + 1);
        }
        if at > 0 && runs[at - 1][1].checked_add(1) == Some(runs[at][0]) {
            runs[at - 1][1] = runs[at][1];
            runs.remove(at);
        }
    }

    pub fn includes(&self, id: &OpId) -> bool {
        self.0.get(&id.device).is_some_and(|runs| {
            let at = runs.partition_point(|run| run[1] < id.seq);
            runs.get(at).is_some_and(|run| run[0] <= id.seq)
        })
    }

    /// How many operations of `device` are held.
    pub fn count(&self, device: &DeviceId) -> u64 {
        self.0
            .get(device)
            .map_or(0, |runs| runs.iter().map(|[a, b]| b - a + 1).sum())
    }

    /// How many operations are held, from every device.
    pub fn operation_count(&self) -> u64 {
        self.0.keys().map(|device| self.count(device)).sum()
    }

    /// The highest sequence number of `device` held, 0 when none is.
    pub fn last_seq(&self, device: &DeviceId) -> u64 {
        self.0
            .get(device)
            .and_then(|runs| runs.last())
            .map_or(0, |run| run[1])
    }

    pub fn devices(&self) -> impl Iterator<Item = &DeviceId> {
        self.0.keys()
    }

    /// The runs of `device` held here and not in `other`, as inclusive ranges.
    pub fn missing_from(&self, other: &VersionVector, device: &DeviceId) -> Vec<[u64; 2]> {
        let mut missing = Vec::new();
        for &[first, last] in self.0.get(device).map_or(&[][..], Vec::as_slice) {
            let mut seq = first;
            while seq <= last {
                let id = OpId {
                    device: device.clone(),
                    seq,
                };
                let held = other.includes(&id);
                let end = other.run_edge(device, seq, held).min(last);
                if !held {
                    missing.push([seq, end]);
                }
                match end.checked_add(1) {
                    Some(next) => seq = next,
                    None => break,
                }
            }
        }
        missing
    }

    /// How many operations held here `other` lacks: for a server, what is still to send.
    pub fn count_missing_from(&self, other: &VersionVector) -> u64 {
        self.devices()
            .flat_map(|device| self.missing_from(other, device))
            .map(|[first, last]| last - first + 1)
            .sum()
    }

    /// The last number from `seq` on that is held (`held`) or not held, before that changes.
    fn run_edge(&self, device: &DeviceId, seq: u64, held: bool) -> u64 {
        let runs = self.0.get(device).map_or(&[][..], Vec::as_slice);
        let at = runs.partition_point(|run| run[1] < seq);
        match (held, runs.get(at)) {
            (true, Some(run)) => run[1],
            (false, Some(run)) => run[0] - 1,
            (_, None) => u64::MAX,
        }
    }

    /// Holds from now on also what `other` holds.
    pub fn merge(&mut self, other: &VersionVector) {
        for (device, theirs) in &other.0 {
            let runs = self.0.entry(device.clone()).or_default();
            runs.extend_from_slice(theirs);
            runs.sort_unstable();
            let mut joined: Vec<[u64; 2]> = Vec::with_capacity(runs.len());
            for &[first, last] in runs.iter() {
                match joined.last_mut() {
                    Some(prev) if prev[1].saturating_add(1) >= first => prev[1] = prev[1].max(last),
                    _ => joined.push([first, last]),
                }
            }
            *runs = joined;
        }
    }

    /// True when the runs are sorted, apart and non-empty, as `observe` keeps them; a file
    /// may say anything.
    pub fn is_well_formed(&self) -> bool {
        self.0.values().all(|runs| {
            runs.iter().all(|[a, b]| 1 <= *a && a <= b)
                && runs
                    .windows(2)
                    .all(|pair| pair[0][1].checked_add(1).is_some_and(|n| n < pair[1][0]))
        })
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn merging_joins_overlapping_and_touching_runs() {
        let device = DeviceId("phone".into());
        let mut mine = VersionVector::default();
        let mut theirs = VersionVector::default();
        for seq in [1, 2, 3, 7, 8] {
            mine.observe(&OpId {
                device: device.clone(),
                seq,
            });
        }
        for seq in [4, 5, 10] {
            theirs.observe(&OpId {
                device: device.clone(),
                seq,
            });
        }
        mine.merge(&theirs);
        assert_eq!(mine.0[&device], vec![[1, 5], [7, 8], [10, 10]]);
        assert!(mine.is_well_formed());
    }

    use super::*;
    use crate::sync::hlc::DeviceId;

    fn id(device: &str, seq: u64) -> OpId {
        OpId {
            device: DeviceId(device.into()),
            seq,
        }
    }

    fn held(pairs: &[(&str, u64)]) -> VersionVector {
        let mut versions = VersionVector::default();
        for (device, seq) in pairs {
            versions.observe(&id(device, *seq));
        }
        versions
    }

    #[test]
    fn counts_and_includes_what_each_device_sent() {
        let versions = held(&[("a", 1), ("a", 2), ("b", 1), ("a", 3), ("a", 2)]);
        assert_eq!(versions.operation_count(), 4);
        assert!(versions.includes(&id("a", 3)));
        assert!(!versions.includes(&id("a", 4)));
    }

    #[test]
    fn a_partial_copy_holds_exactly_what_it_received_and_fills_in_later() {
        let mut versions = held(&[("o", 3), ("o", 7), ("o", 8), ("o", 15)]);
        assert_eq!(versions.count(&DeviceId("o".into())), 4);
        assert!(!versions.includes(&id("o", 5)));
        assert!(versions.is_well_formed());
        for seq in 1..=15 {
            versions.observe(&id("o", seq));
        }
        assert_eq!(versions, held(&[("o", 1)]).with_run("o", [1, 15]));
    }

    #[test]
    fn what_a_server_lacks_is_counted_over_every_device() {
        let mine = held(&[("o", 1), ("o", 2), ("o", 3), ("p", 1), ("p", 2)]);
        let server = held(&[("o", 2), ("p", 1)]);
        assert_eq!(mine.count_missing_from(&server), 3);
        assert_eq!(mine.count_missing_from(&mine), 0);
    }

    #[test]
    fn what_a_peer_lacks_is_listed_run_by_run() {
        let mine = held(&[("o", 1), ("o", 2), ("o", 3), ("o", 4), ("o", 5), ("o", 9)]);
        let theirs = held(&[("o", 2), ("o", 4)]);
        assert_eq!(
            mine.missing_from(&theirs, &DeviceId("o".into())),
            vec![[1, 1], [3, 3], [5, 5], [9, 9]]
        );
        assert!(theirs.missing_from(&mine, &DeviceId("o".into())).is_empty());
    }

    impl VersionVector {
        fn with_run(mut self, device: &str, run: [u64; 2]) -> Self {
            self.0.insert(DeviceId(device.into()), vec![run]);
            self
        }
    }
}
