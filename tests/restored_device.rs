//! A phone whose data is restored from an older copy counts its operation numbers again from
//! where the copy stopped. Whoever holds what it wrote before shows it; the phone then takes
//! a new id, its work since the restore goes over, and every device ends up with the same
//! portfolio, nothing lost and nothing counted twice.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/events.rs"]
mod events;

use cobranza::domain::customer::CustomerId;
use cobranza::domain::dispute::{Dispute, DisputeId, DisputeReason};
use cobranza::domain::money::{Currency, Money};
use cobranza::domain::payment::{Payment, PaymentId, PaymentMethod};
use cobranza::sync::author::Author;
use cobranza::sync::bundle::export::compose;
use cobranza::sync::bundle::format::{BundleKind, Sender};
use cobranza::sync::bundle::problem::BundleProblem;
use cobranza::sync::bundle::receive::{receive, Received};
use cobranza::sync::device_key::PublicKey;
use cobranza::sync::hlc::DeviceId;
use cobranza::sync::op::{Event, Op};
use cobranza::sync::peer::Peers;
use cobranza::sync::projection::Projection;
use cobranza::sync::restore::{judge, take_new_id, OwnHistory};
use proptest::prelude::*;
use rust_decimal::Decimal;

const NOW: u64 = 1_790_000_000_000;

#[derive(Clone)]
struct Device {
    label: String,
    author: Author,
    ops: Vec<Op>,
    projection: Projection,
    peers: Peers,
    /// This device's clock: a second passes between two operations.
    now_ms: u64,
}

impl Device {
    fn new(id: &str, label: &str) -> Device {
        Device {
            label: label.into(),
            author: Author::resume(DeviceId(id.into()), []),
            ops: Vec::new(),
            projection: Projection::default(),
            peers: Peers::default(),
            now_ms: NOW,
        }
    }

    fn me(&self) -> DeviceId {
        self.author.device().clone()
    }

    fn record(&mut self, event: Event) -> Op {
        self.now_ms += 1_000;
        let op = self.author.record(event, self.now_ms);
        self.projection.apply(&op);
        self.ops.push(op.clone());
        op
    }

    /// The device as a copy of its data taken after its first `kept` operations left it.
    fn restored_to(&self, kept: usize) -> Device {
        let ops = self.ops[..kept].to_vec();
        Device {
            label: self.label.clone(),
            author: Author::resume(self.me(), &ops),
            projection: Projection::from_ops(&ops),
            ops,
            peers: Peers::default(),
            // The copy is restored later than any of the work it lost was done.
            now_ms: self.now_ms + 3_600_000,
        }
    }

    fn bundle(&self, kind: BundleKind) -> String {
        compose(
            kind,
            &self.ops,
            &self.projection,
            &self.peers,
            Sender {
                device: self.me(),
                label: self.label.clone(),
            },
            NOW,
        )
        .to_json()
    }

    fn receive(&self, file: &str) -> Result<Received, BundleProblem> {
        receive(file.as_bytes(), &self.me(), &self.projection, NOW)
    }

    /// Receives a file as the sync screen does: a restored device first takes its new id
    /// (`new`), then the same file comes in.
    fn import(&mut self, file: &str, new: &str) -> Result<(), BundleProblem> {
        let plan = match self.receive(file)? {
            Received::Planned(plan) => plan,
            Received::Restored { from_seq } => {
                self.go_on_as(new, from_seq);
                match self.receive(file)? {
                    Received::Planned(plan) => plan,
                    other => panic!("once under a new id the file comes in: {other:?}"),
                }
            }
            Received::Sealed(_) => panic!("not sealed"),
        };
        for op in &plan.new_ops {
            self.author.observe(&op.hlc);
            self.projection.apply(op);
        }
        self.ops.extend(plan.new_ops.iter().cloned());
        self.peers.record(&plan, NOW);
        Ok(())
    }

    fn go_on_as(&mut self, new: &str, from_seq: u64) {
        let new = DeviceId(new.into());
        let reborn = take_new_id(std::mem::take(&mut self.ops), &self.me(), from_seq, &new, 1);
        self.projection = Projection::from_ops(&reborn.ops);
        self.author = Author::resume_after(new, &self.projection);
        self.ops = reborn.ops;
    }

    fn portfolio_json(&self) -> String {
        serde_json::to_string(&self.projection.portfolio()).expect("serialises")
    }
}

fn payment(pesos: i64) -> Event {
    Event::PaymentRecorded {
        payment: Payment {
            customer: CustomerId("c0".into()),
            received_on: events::day(3),
            amount: Money::new(Decimal::new(pesos, 0), Currency::COP),
            method: PaymentMethod::Cash,
            reference: Default::default(),
            applies_to: Vec::new(),
            receipt: None,
        },
    }
}

fn collected(device: &Device) -> Decimal {
    device
        .projection
        .portfolio()
        .payments
        .values()
        .map(|p| p.amount.amount)
        .sum()
}

#[test]
fn a_restored_phone_takes_a_new_id_and_its_work_since_the_restore_reaches_the_office() {
    let mut phone = Device::new("phone", "Cobrador Juan");
    let mut office = Device::new("office", "Oficina");
    for pesos in [100, 200, 300, 400, 500] {
        phone.record(payment(pesos));
    }
    office
        .import(&phone.bundle(BundleKind::Full), "-")
        .expect("the office takes the phone's work");

    // Restored from a copy of its first two payments, the phone goes on: a payment, a
    // second one voided at once, and a dispute opened and resolved.
    let mut phone = phone.restored_to(2);
    phone.record(payment(7_000));
    let wrong = phone.record(payment(9_000));
    phone.record(Event::PaymentVoided {
        payment: PaymentId(wrong.id.to_string().into()),
        reason: "doble".into(),
        voided_on: Some(events::day(3)),
    });
    let opened = phone.record(Event::DisputeOpened {
        dispute: Dispute {
            customer: CustomerId("c0".into()),
            invoices: Vec::new(),
            amount: None,
            owner: String::new(),
            reason: DisputeReason::PricingError,
            opened_on: events::day(3),
            resolved_on: None,
        },
    });
    phone.record(Event::DisputeResolved {
        dispute: DisputeId(opened.id.to_string().into()),
        resolved_on: events::day(4),
    });

    let from_office = office.bundle(BundleKind::Full);
    assert_eq!(
        phone.receive(&from_office),
        Ok(Received::Restored { from_seq: 3 }),
        "the office holds another third operation of the phone's id"
    );
    phone
        .import(&from_office, "phone-2")
        .expect("under its new id the office's file comes in");
    assert_eq!(phone.me(), DeviceId("phone-2".into()));
    let moved: Vec<u64> = phone
        .ops
        .iter()
        .filter(|op| op.id.device == phone.me())
        .map(|op| op.id.seq)
        .collect();
    assert_eq!(
        moved,
        [1, 2, 3, 4, 5],
        "the five operations since the restore"
    );

    office
        .import(&phone.bundle(BundleKind::Full), "-")
        .expect("the office takes the moved work with no alarm");
    assert_eq!(office.portfolio_json(), phone.portfolio_json());
    // 100 + 200 + 300 + 400 + 500 from before the restore, 7,000 after; 9,000 voided.
    assert_eq!(collected(&office), Decimal::new(8_500, 0));
    let portfolio = office.projection.portfolio();
    assert_eq!(portfolio.voided_payments.len(), 1);
    assert!(
        portfolio.disputes.values().all(|d| d.resolved_on.is_some()),
        "the resolution follows its dispute to the new id"
    );

    // The phone writes on under its new id, and the office takes that too.
    phone.record(payment(50));
    office
        .import(
            &phone.bundle(BundleKind::Delta {
                for_device: office.me(),
            }),
            "-",
        )
        .expect("new work under the new id");
    assert_eq!(office.portfolio_json(), phone.portfolio_json());
}

#[test]
fn a_file_that_only_says_it_holds_more_of_this_device_asks_for_a_full_one() {
    let mut phone = Device::new("phone", "Cobrador Juan");
    let mut office = Device::new("office", "Oficina");
    for pesos in [100, 200, 300] {
        phone.record(payment(pesos));
    }
    office
        .import(&phone.bundle(BundleKind::Full), "-")
        .expect("taken");
    let mut phone = phone.restored_to(1);
    phone.record(payment(7_000));
    office.record(payment(1));
    // A delta for the phone leaves out what the office thinks the phone has: all of its own.
    let delta = office.bundle(BundleKind::Delta {
        for_device: phone.me(),
    });
    let before = phone.portfolio_json();
    assert_eq!(
        phone.receive(&delta),
        Err(BundleProblem::RestoredUnclear {
            label: "Oficina".into()
        })
    );
    assert_eq!(phone.portfolio_json(), before, "nothing changes");
    phone
        .import(&office.bundle(BundleKind::Full), "phone-2")
        .expect("a full file settles it");
    assert_eq!(phone.me(), DeviceId("phone-2".into()));
    assert_eq!(collected(&phone), Decimal::new(7_601, 0));
}

#[test]
fn a_peer_that_holds_just_what_this_device_stores_of_itself_changes_nothing() {
    let mut phone = Device::new("phone", "Cobrador Juan");
    let mut office = Device::new("office", "Oficina");
    phone.record(payment(100));
    office
        .import(&phone.bundle(BundleKind::Full), "-")
        .expect("taken");
    phone.record(payment(200));
    let file = office.bundle(BundleKind::Full);
    assert!(matches!(phone.receive(&file), Ok(Received::Planned(_))));
    assert_eq!(
        judge(&phone.me(), &phone.projection, &office.ops, None),
        OwnHistory::Intact
    );
}

#[test]
fn an_altered_operation_of_this_device_is_refused_not_taken_for_a_restore() {
    let mut office = Device::new("office", "Oficina");
    for pesos in [100, 200, 300] {
        office.record(payment(pesos));
    }
    // The office's own file, its first payment's amount changed and the checksum made to
    // match: the later payments still agree, so this is no restore.
    let mut bundle =
        match cobranza::sync::bundle::read::read(office.bundle(BundleKind::Full).as_bytes()) {
            Ok(cobranza::sync::bundle::read::Incoming::Plain(bundle)) => bundle,
            other => panic!("a plain bundle: {other:?}"),
        };
    if let Event::PaymentRecorded { payment } = &mut bundle.ops[0].event {
        payment.amount.amount = Decimal::new(999_999, 0);
    }
    let before = office.portfolio_json();
    assert_eq!(
        office.receive(&bundle.to_json()),
        Err(BundleProblem::OtherVersion {
            device: office.me(),
            label: Some("Oficina".into()),
            seq: 1
        })
    );
    assert_eq!(office.me(), DeviceId("office".into()), "the same id");
    assert_eq!(office.portfolio_json(), before);
}

#[test]
fn a_key_published_after_the_restore_point_does_not_move_to_the_new_id() {
    let mut phone = Device::new("phone", "Cobrador Juan");
    phone.record(payment(100));
    phone.record(Event::DeviceKeyPublished {
        key: PublicKey::from_raw(&[[4u8].as_slice(), &[1; 64]].concat()),
        signs_from_here: false,
    });
    phone.record(payment(200));
    let new = DeviceId("phone-2".into());
    let reborn = take_new_id(phone.ops.clone(), &phone.me(), 2, &new, 1);
    assert_eq!(reborn.moved, 1, "the payment moves, the key does not");
    let projection = Projection::from_ops(&reborn.ops);
    assert_eq!(
        projection.key(&new),
        None,
        "the new id publishes its own key"
    );
    assert_eq!(projection.key(&phone.me()), None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Restored at any point, with any work since, whatever else the office wrote: after a
    /// full file each way both show the same portfolio, and every payment made is there once.
    #[test]
    fn a_restored_device_and_its_peer_converge_with_nothing_lost(
        before in prop::collection::vec(events::event(), 1..20),
        kept_ratio in 0.0..1.0f64,
        after in prop::collection::vec(events::event(), 0..10),
        office_work in prop::collection::vec(events::event(), 0..5),
    ) {
        let is_payment = |event: &Event| matches!(event, Event::PaymentRecorded { .. });
        let made_payments = before.iter().chain(&after).chain(&office_work).filter(|e| is_payment(e)).count();
        let mut phone = Device::new("phone", "Cobrador Juan");
        let mut office = Device::new("office", "Oficina");
        for event in before {
            phone.record(event);
        }
        office.import(&phone.bundle(BundleKind::Full), "-").expect("taken");
        let kept = (phone.ops.len() as f64 * kept_ratio) as usize;
        let mut phone = phone.restored_to(kept);
        for event in after {
            phone.record(event);
        }
        for event in office_work {
            office.record(event);
        }
        phone.import(&office.bundle(BundleKind::Full), "phone-2").expect("phone takes the office's");
        office.import(&phone.bundle(BundleKind::Full), "-").expect("office takes the phone's");
        prop_assert_eq!(office.portfolio_json(), phone.portfolio_json());
        let payments = |ops: &[Op]| {
            ops.iter()
                .filter(|op| matches!(op.event, Event::PaymentRecorded { .. }))
                .count()
        };
        prop_assert_eq!(payments(&office.ops), made_payments, "every payment made is held once");
        prop_assert_eq!(payments(&phone.ops), made_payments);
        prop_assert_eq!(
            office.projection.versions().operation_count(),
            phone.projection.versions().operation_count()
        );
    }
}
