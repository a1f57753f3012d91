//! Property tests of sync by bundle files: three to six devices make random edits and send
//! each other full and delta bundles that arrive late, twice, out of order or never (and
//! sometimes later after all). Whatever happens, devices holding the same operations show
//! byte-identical portfolios, and once everyone has everything no payment is lost or counted
//! twice.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/events.rs"]
mod events;

use std::collections::BTreeMap;

use cobranza::domain::money::Currency;
use cobranza::sync::author::Author;
use cobranza::sync::bundle::export::compose;
use cobranza::sync::bundle::format::{BundleKind, Sender};
use cobranza::sync::bundle::import_plan::plan;
use cobranza::sync::bundle::problem::BundleProblem;
use cobranza::sync::bundle::read::{read, Incoming};
use cobranza::sync::hlc::{DeviceId, Hlc};
use cobranza::sync::op::{Event, Op};
use cobranza::sync::peer::Peers;
use cobranza::sync::projection::Projection;
use proptest::prelude::*;
use rust_decimal::Decimal;

struct Device {
    author: Author,
    ops: Vec<Op>,
    projection: Projection,
    peers: Peers,
    /// This device's wall clock, wrong by its own offset.
    clock_offset_ms: i64,
    /// The latest timestamp received: everything authored later must order after it.
    latest_seen: Option<Hlc>,
}

impl Device {
    fn new(index: usize, clock_offset_ms: i64) -> Device {
        Device {
            author: Author::resume(DeviceId(format!("d{index}")), []),
            ops: Vec::new(),
            projection: Projection::default(),
            peers: Peers::default(),
            clock_offset_ms,
            latest_seen: None,
        }
    }

    /// The operations this device wrote itself.
    fn authored(&self) -> impl Iterator<Item = &Op> {
        self.ops
            .iter()
            .filter(|op| op.id.device == *self.author.device())
    }

    fn now(&self, world_ms: u64) -> u64 {
        world_ms.saturating_add_signed(self.clock_offset_ms)
    }

    fn edit(&mut self, event: Event, world_ms: u64) {
        let op = self.author.record(event, self.now(world_ms));
        if let Some(seen) = &self.latest_seen {
            assert!(
                op.hlc > *seen,
                "a wrong clock still orders new work after what it saw"
            );
        }
        self.projection.apply(&op);
        self.ops.push(op);
    }

    fn bundle(&self, kind: &BundleKind, world_ms: u64) -> String {
        compose(
            kind.clone(),
            &self.ops,
            &self.projection,
            &self.peers,
            Sender {
                device: self.author.device().clone(),
                label: format!("Cobrador {}", self.author.device()),
            },
            self.now(world_ms),
        )
        .to_json()
    }

    /// Imports a file as the sync screen does; `false` when it was refused for a gap.
    fn import(&mut self, file: &str, world_ms: u64) -> bool {
        let Ok(Incoming::Plain(bundle)) = read(file.as_bytes()) else {
            panic!("a bundle written by the app reads back");
        };
        let me = self.author.device().clone();
        match plan(bundle, &me, &self.projection, self.now(world_ms)) {
            Ok(plan) => {
                for op in &plan.new_ops {
                    self.author.observe(&op.hlc);
                    self.projection.apply(op);
                    if self.latest_seen.as_ref().is_none_or(|seen| op.hlc > *seen) {
                        self.latest_seen = Some(op.hlc.clone());
                    }
                }
                self.ops.extend(plan.new_ops.iter().cloned());
                self.peers.record(&plan, self.now(world_ms));
                true
            }
            Err(BundleProblem::Gap { .. }) => false,
            Err(other) => panic!("a sound bundle was refused: {other:?}"),
        }
    }
}

#[derive(Clone, Debug)]
enum Step {
    Edit {
        device: usize,
        event: Box<Event>,
    },
    Send {
        from: usize,
        to: usize,
        full: bool,
    },
    /// Delivers an in-flight file and keeps it in flight, so it can come again.
    Deliver {
        file: usize,
    },
    /// Loses an in-flight file.
    Drop {
        file: usize,
    },
}

fn step(devices: usize) -> impl Strategy<Value = Step> {
    prop_oneof![
        4 => (0..devices, events::event()).prop_map(|(device, event)| Step::Edit { device, event: Box::new(event) }),
        2 => (0..devices, 0..devices, any::<bool>())
            .prop_map(|(from, to, full)| Step::Send { from, to, full }),
        3 => any::<usize>().prop_map(|file| Step::Deliver { file }),
        1 => any::<usize>().prop_map(|file| Step::Drop { file }),
    ]
}

fn world() -> impl Strategy<Value = (Vec<i64>, Vec<Step>)> {
    (3..=6usize).prop_flat_map(|devices| {
        (
            // Clocks up to a year slow or an hour fast.
            prop::collection::vec(-31_536_000_000i64..3_600_000, devices),
            prop::collection::vec(step(devices), 1..60),
        )
    })
}

/// Payments each currency received, counting only those no operation voided.
fn collected(portfolio: &cobranza::domain::portfolio::Portfolio) -> BTreeMap<Currency, Decimal> {
    let mut totals = BTreeMap::new();
    for payment in portfolio.payments.values() {
        *totals.entry(payment.amount.currency).or_default() += payment.amount.amount;
    }
    totals
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn devices_that_hold_the_same_operations_show_the_same_portfolio(
        (offsets, steps) in world()
    ) {
        let mut devices: Vec<Device> = offsets
            .iter()
            .enumerate()
            .map(|(index, offset)| Device::new(index, *offset))
            .collect();
        let mut in_flight: Vec<(usize, String)> = Vec::new();
        let mut world_ms = 1_790_000_000_000u64;
        for step in steps {
            world_ms += 60_000;
            match step {
                Step::Edit { device, event } => devices[device].edit(*event, world_ms),
                Step::Send { from, to, full } => {
                    let kind = if full {
                        BundleKind::Full
                    } else {
                        BundleKind::Delta { for_device: devices[to].author.device().clone() }
                    };
                    in_flight.push((to, devices[from].bundle(&kind, world_ms)));
                }
                Step::Deliver { file } if !in_flight.is_empty() => {
                    let (to, contents) = in_flight[file % in_flight.len()].clone();
                    devices[to].import(&contents, world_ms);
                }
                Step::Drop { file } if !in_flight.is_empty() => {
                    in_flight.remove(file % in_flight.len());
                }
                Step::Deliver { .. } | Step::Drop { .. } => {}
            }
            for a in &devices {
                for b in &devices {
                    if a.projection.versions() == b.projection.versions() {
                        prop_assert_eq!(
                            serde_json::to_string(&a.projection.portfolio()).ok(),
                            serde_json::to_string(&b.projection.portfolio()).ok()
                        );
                    }
                }
            }
        }

        // Everyone sends everyone a full bundle, twice round: then all hold everything.
        for _ in 0..2 {
            for from in 0..devices.len() {
                for to in 0..devices.len() {
                    let file = devices[from].bundle(&BundleKind::Full, world_ms);
                    prop_assert!(devices[to].import(&file, world_ms), "a full bundle has no gap");
                }
            }
        }
        let everything: Vec<Op> = devices.iter().flat_map(Device::authored).cloned().collect();
        let truth = Projection::from_ops(&everything).portfolio();
        let recorded = everything
            .iter()
            .filter(|op| matches!(op.event, Event::PaymentRecorded { .. }))
            .map(|op| op.id.clone())
            .collect::<std::collections::BTreeSet<_>>();
        for device in &devices {
            let portfolio = device.projection.portfolio();
            prop_assert_eq!(
                serde_json::to_string(&portfolio).ok(),
                serde_json::to_string(&truth).ok()
            );
            prop_assert_eq!(
                portfolio.payments.len() + portfolio.voided_payments.len(),
                recorded.len(),
                "every payment made is held once"
            );
            prop_assert_eq!(collected(&portfolio), made_minus_voided(&everything));
            prop_assert_eq!(device.projection.versions().operation_count() as usize, everything.len());
        }
    }
}

/// What was paid, from the operations themselves: each payment recorded, less those voided.
fn made_minus_voided(ops: &[Op]) -> BTreeMap<Currency, Decimal> {
    let voided: std::collections::BTreeSet<String> = ops
        .iter()
        .filter_map(|op| match &op.event {
            Event::PaymentVoided { payment, .. } => Some(payment.0.to_string()),
            _ => None,
        })
        .collect();
    let mut totals = BTreeMap::new();
    for op in ops {
        if let Event::PaymentRecorded { payment } = &op.event {
            if !voided.contains(&op.id.to_string()) {
                *totals.entry(payment.amount.currency).or_default() += payment.amount.amount;
            }
        }
    }
    totals
}

#[test]
fn a_delta_carries_only_what_the_peer_lacked() {
    let mut office = Device::new(0, 0);
    let mut collector = Device::new(1, 0);
    let world_ms = 1_790_000_000_000;
    let payment = events::payment_event();
    office.edit(payment.clone(), world_ms);
    collector.edit(payment, world_ms);
    assert!(office.import(&collector.bundle(&BundleKind::Full, world_ms), world_ms));
    assert!(collector.import(&office.bundle(&BundleKind::Full, world_ms), world_ms));
    collector.edit(events::payment_event(), world_ms + 1000);
    let delta = collector.bundle(
        &BundleKind::Delta {
            for_device: office.author.device().clone(),
        },
        world_ms + 2000,
    );
    let Ok(Incoming::Plain(bundle)) = read(delta.as_bytes()) else {
        panic!("reads back");
    };
    assert_eq!(bundle.ops.len(), 1, "only the new payment travels");
    assert!(office.import(&delta, world_ms + 3000));
    assert_eq!(office.projection.portfolio().payments.len(), 3);
}

#[test]
fn concurrent_edits_of_one_field_are_listed_with_what_was_overwritten() {
    use cobranza::domain::customer::CustomerId;
    use cobranza::sync::op::CustomerPatch;
    let phone = |number: &str| Event::CustomerUpserted {
        customer: CustomerId("c0".into()),
        patch: CustomerPatch {
            phones: Some(vec![number.into()]),
            ..CustomerPatch::default()
        },
    };
    let world_ms = 1_790_000_000_000;
    let mut office = Device::new(0, 0);
    let mut collector = Device::new(1, 0);
    office.edit(phone("3001112233"), world_ms);
    assert!(collector.import(&office.bundle(&BundleKind::Full, world_ms), world_ms));
    // Both change the number without hearing of the other; the collector's is later.
    office.edit(phone("3004445566"), world_ms + 1000);
    collector.edit(phone("3207778899"), world_ms + 2000);
    let file = collector.bundle(&BundleKind::Full, world_ms + 3000);
    let Ok(Incoming::Plain(bundle)) = read(file.as_bytes()) else {
        panic!("reads back");
    };
    let planned = plan(bundle, office.author.device(), &office.projection, world_ms).expect("plan");
    assert_eq!(planned.conflicts.len(), 1);
    let conflict = &planned.conflicts[0];
    assert_eq!(conflict.field, "phones");
    assert_eq!(conflict.kept.value, "3207778899");
    assert_eq!(conflict.overwritten.value, "3004445566");
    assert_eq!(conflict.overwritten.device, *office.author.device());
    // An edit made after seeing the other's is an ordinary change, not a conflict.
    assert!(office.import(&file, world_ms + 4000));
    office.edit(phone("3000000000"), world_ms + 5000);
    let file = office.bundle(&BundleKind::Full, world_ms + 6000);
    let Ok(Incoming::Plain(bundle)) = read(file.as_bytes()) else {
        panic!("reads back");
    };
    let planned = plan(
        bundle,
        collector.author.device(),
        &collector.projection,
        world_ms,
    )
    .expect("plan");
    assert_eq!(planned.conflicts, Vec::new());
}
