//! No device writes in another's name: every device signs its work from the moment it
//! publishes its key, and a bundle carrying an operation its device did not sign, or did not
//! sign as it is, is refused whole, naming the device. Work written before devices signed is
//! taken as it is and shown as unsigned.
#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "common/events.rs"]
mod events;

use cobranza::domain::customer::CustomerId;
use cobranza::domain::payment::PaymentId;
use cobranza::sync::bundle::export::route;
use cobranza::sync::bundle::format::BundleKind;
use cobranza::sync::bundle::import_plan::ImportPlan;
use cobranza::sync::bundle::problem::BundleProblem;
use cobranza::sync::bundle::receive::{receive, Received};
use cobranza::sync::hlc::{DeviceId, Hlc};
use cobranza::sync::op::{CustomerPatch, Event, Op, OpId};
use cobranza::sync::projection::Projection;
use cobranza::sync::signed_run::RUN_LENGTH;
use common::signer::{first_forged, Signer};
use common::{DeviceLog, NOW};
use proptest::prelude::*;

fn customer(id: &str, name: &str, collector: &str) -> Event {
    Event::CustomerUpserted {
        customer: CustomerId(id.into()),
        patch: CustomerPatch {
            name: Some(name.into()),
            collector: Some(collector.into()),
            ..CustomerPatch::default()
        },
    }
}

fn office() -> DeviceLog {
    let mut office = DeviceLog::signing("office", 1);
    office.append(vec![
        customer("c1", "Ana Gómez", "Juan"),
        customer("c2", "Luis Pardo", "María"),
    ]);
    office.append(vec![events::payment_event()]);
    office
}

/// What a device that holds `stored` makes of `file`, signatures checked as the browser does.
fn import(file: &str, me: &str, stored: &[Op]) -> Result<ImportPlan, BundleProblem> {
    let plan = match receive(
        file.as_bytes(),
        &DeviceId(me.into()),
        &Projection::from_ops(stored),
        NOW,
    )? {
        Received::Planned(plan) => plan,
        other => panic!("a plain bundle is planned: {other:?}"),
    };
    match first_forged(&plan.signatures) {
        Some(id) => Err(plan.badly_signed(&id)),
        None => Ok(plan),
    }
}

#[test]
fn a_signing_devices_work_comes_in_with_one_signature_per_save() {
    let office = office();
    let plan = import(
        &office.bundle("Oficina", BundleKind::Full, &office.ops),
        "phone",
        &[],
    )
    .expect("taken");
    assert_eq!(plan.new_ops.len(), office.ops.len());
    assert_eq!(
        plan.signatures.len(),
        3,
        "the key, two customers, a payment: three saves"
    );
    let projection = Projection::from_ops(&plan.new_ops);
    assert!(office.ops.iter().all(|op| projection.signed(&op.id)));
}

#[test]
fn a_collectors_bundle_with_an_operation_in_the_offices_name_is_refused() {
    let office = office();
    let mut phone = DeviceLog::signing("phone", 2);
    phone.append(vec![events::payment_event()]);
    let mut carried: Vec<Op> = office.ops.iter().chain(&phone.ops).cloned().collect();
    // The collector writes a void of the office's payment, numbered as the office's next.
    let payment = office
        .ops
        .iter()
        .find(|op| matches!(op.event, Event::PaymentRecorded { .. }))
        .expect("a payment");
    let next = office.ops.len() as u64 + 1;
    carried.push(Op {
        id: OpId {
            device: DeviceId("office".into()),
            seq: next,
        },
        hlc: Hlc {
            wall_ms: NOW,
            counter: 0,
            device: DeviceId("office".into()),
        },
        event: Event::PaymentVoided {
            payment: PaymentId(payment.id.to_string().into()),
            reason: "anulado por la oficina".into(),
            voided_on: None,
        },
    });
    let file = phone.bundle("Juan", BundleKind::Full, &carried);
    let office_held = import(
        &office.bundle("Oficina", BundleKind::Full, &office.ops),
        "tablet",
        &[],
    )
    .expect("the office's own work")
    .new_ops;
    for stored in [Vec::new(), office_held] {
        assert_eq!(
            import(&file, "tablet", &stored).map(|plan| plan.new_ops.len()),
            Err(BundleProblem::NotSigned {
                device: DeviceId("office".into()),
                label: None,
                seq: next,
            })
        );
    }
}

#[test]
fn a_signature_that_is_not_the_devices_refuses_the_file() {
    let office = office();
    let impostor = Signer::new(9);
    // Someone re-signs the office's last save with a key of their own.
    let mut ops = office.ops.clone();
    let last = ops.pop().expect("a signature");
    let mut author = cobranza::sync::author::Author::resume(DeviceId("office".into()), &ops);
    let run = &ops[ops.len() - 1..];
    let forged = impostor.sign(&mut author, run, NOW);
    assert_eq!(forged[0].id, last.id);
    ops.extend(forged);
    assert_eq!(
        import(
            &office.bundle("Oficina", BundleKind::Full, &ops),
            "phone",
            &[]
        )
        .map(|p| p.new_ops.len()),
        Err(BundleProblem::NotSigned {
            device: DeviceId("office".into()),
            label: Some("Oficina".into()),
            seq: last.id.seq,
        })
    );
}

#[test]
fn work_from_before_devices_signed_is_taken_and_shown_unsigned_but_not_after() {
    let mut old = DeviceLog::new("old-phone");
    old.append(vec![customer("c1", "Ana Gómez", "Juan")]);
    let plan = import(
        &old.bundle("Viejo", BundleKind::Full, &old.ops),
        "tablet",
        &[],
    )
    .expect("taken");
    assert!(!Projection::from_ops(&plan.new_ops).signed(&old.ops[0].id));

    // The version before published a key without signing, and the phone worked on.
    let signer = Signer::new(3);
    old.append(vec![Event::DeviceKeyPublished {
        key: signer.public(),
        signs_from_here: false,
    }]);
    old.append(vec![customer("c2", "Luis Pardo", "Juan")]);
    assert!(import(
        &old.bundle("Viejo", BundleKind::Full, &old.ops),
        "tablet",
        &[]
    )
    .is_ok());

    // Updated, it signs from its next save on: its earlier work stays unsigned and taken,
    // and unsigned work after its first signature is somebody else's.
    old.signer = Some(signer);
    old.append(vec![customer("c3", "Rosa Díaz", "Juan")]);
    let plan = import(
        &old.bundle("Viejo", BundleKind::Full, &old.ops),
        "tablet",
        &[],
    )
    .expect("taken");
    let projection = Projection::from_ops(&plan.new_ops);
    assert!(!projection.signed(&old.ops[2].id));
    assert!(projection.signed(&old.ops[3].id));
    old.signer = None;
    old.append(vec![customer("c1", "Ana María Gómez", "Juan")]);
    let last = old.ops.last().expect("the unsigned edit").id.seq;
    assert!(matches!(
        import(&old.bundle("Viejo", BundleKind::Full, &old.ops), "tablet", &[]),
        Err(BundleProblem::NotSigned { seq, .. }) if seq == last
    ));

    // A key published by this version signs from there: an operation after it that no
    // signature lists is refused even when the device's signatures are left out.
    let mut new = DeviceLog::signing("new-phone", 4);
    new.append(vec![customer("c4", "Eva Ruiz", "Juan")]);
    let stripped: Vec<Op> = new
        .ops
        .iter()
        .filter(|op| op.event.is_change())
        .cloned()
        .collect();
    assert!(matches!(
        import(
            &new.bundle("Nuevo", BundleKind::Full, &stripped),
            "tablet",
            &[]
        ),
        Err(BundleProblem::NotSigned { seq: 1, .. })
    ));
}

#[test]
fn a_route_carries_the_signatures_of_the_work_it_carries() {
    let mut office = office();
    // One save larger than a run: the route's customer is in the second run.
    let mut many: Vec<Event> = (0..RUN_LENGTH + 5)
        .map(|n| customer(&format!("x{n}"), "Otro", "María"))
        .collect();
    many.push(customer("c9", "Rosa Díaz", "Juan"));
    office.append(many);
    let ops = route(
        &office.ops,
        &Projection::from_ops(&office.ops).portfolio(),
        "Juan",
    );
    let signatures = ops
        .iter()
        .filter(|op| matches!(op.event, Event::OperationsSigned { .. }))
        .count();
    assert_eq!(signatures, 3, "the key's, Ana's save's, and Rosa's run's");
    let plan = import(
        &office.bundle("Oficina", BundleKind::Full, &ops),
        "juan-phone",
        &[],
    );
    let names: Vec<String> = plan
        .map(|plan| Projection::from_ops(&plan.new_ops).portfolio())
        .expect("taken")
        .customers
        .values()
        .map(|c| c.name.clone())
        .collect();
    assert_eq!(names, ["Ana Gómez", "Rosa Díaz"]);
}

#[test]
fn once_the_office_accepts_a_device_its_work_under_another_key_is_refused() {
    let phone = DeviceLog::signing("phone", 2);
    let mut office = office();
    office.append(vec![Event::DeviceAccepted {
        device: DeviceId("phone".into()),
        key: Signer::new(2).public(),
    }]);
    let held = import(
        &office.bundle("Oficina", BundleKind::Full, &office.ops),
        "tablet",
        &[],
    )
    .expect("the office's work")
    .new_ops;
    assert!(import(
        &phone.bundle("Juan", BundleKind::Full, &phone.ops),
        "tablet",
        &held
    )
    .is_ok());

    // Someone makes up the phone's history with a key of their own: the office's word on
    // the phone's key refuses it, wherever it comes from.
    let impostor = DeviceLog::signing("phone", 7);
    assert!(matches!(
        import(
            &impostor.bundle("Juan", BundleKind::Full, &impostor.ops),
            "tablet",
            &held
        ),
        Err(BundleProblem::NotSigned { seq: 1, .. })
    ));
    let together: Vec<Op> = office.ops.iter().chain(&impostor.ops).cloned().collect();
    assert!(import(
        &office.bundle("Oficina", BundleKind::Full, &together),
        "tablet",
        &[]
    )
    .is_err());
}

/// One change to an operation of a signed bundle: what a forger can do without the key.
#[derive(Clone, Debug)]
enum Forgery {
    Content,
    Device,
    Sequence,
    Clock,
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn any_forged_or_altered_operation_refuses_the_bundle(
        saves in prop::collection::vec(prop::collection::vec(events::event(), 1..4), 1..5),
        pick in any::<prop::sample::Index>(),
        forgery in prop_oneof![
            Just(Forgery::Content),
            Just(Forgery::Device),
            Just(Forgery::Sequence),
            Just(Forgery::Clock),
        ],
    ) {
        let mut office = DeviceLog::signing("office", 1);
        let mut phone = DeviceLog::signing("phone", 2);
        for (n, save) in saves.into_iter().enumerate() {
            let save = save
                .into_iter()
                .filter(|e| !matches!(e, Event::DeviceKeyPublished { .. }))
                .collect();
            if n % 2 == 0 { office.append(save) } else { phone.append(save) }
        }
        let mut ops: Vec<Op> = office.ops.iter().chain(&phone.ops).cloned().collect();
        let honest = phone.bundle("Juan", BundleKind::Full, &ops);
        prop_assert!(import(&honest, "tablet", &[]).is_ok());

        let at = pick.index(ops.len());
        let op = &mut ops[at];
        match forgery {
            Forgery::Content => {
                op.event = customer("c0", "Alterado", "Nadie");
            }
            Forgery::Device => {
                let other = if op.id.device.0 == "office" { "phone" } else { "office" };
                op.id.device = DeviceId(other.into());
                op.hlc.device = DeviceId(other.into());
                // Moved to the other device's end, where its number is free.
                op.id.seq = 10_000;
            }
            Forgery::Sequence => op.id.seq += 10_000,
            Forgery::Clock => op.hlc.wall_ms += 1,
        }
        prop_assert!(import(&phone.bundle("Juan", BundleKind::Full, &ops), "tablet", &[]).is_err());
    }
}
