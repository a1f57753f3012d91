//! Reading bundle files from outside: a sound one reads back whole; a truncated, edited,
//! foreign or malicious one is refused with the reason and the place, and the parser never
//! panics, whatever the bytes.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/events.rs"]
mod events;

use std::collections::BTreeMap;

use cobranza::domain::customer::CustomerId;
use cobranza::sync::author::Author;
use cobranza::sync::bundle::format::{sha256_hex, Bundle, BundleKind, Sender, VERSION};
use cobranza::sync::bundle::import_plan::plan;
use cobranza::sync::bundle::problem::BundleProblem;
use cobranza::sync::bundle::read::{read, Incoming};
use cobranza::sync::bundle::receive::{receive, Received};
use cobranza::sync::hlc::DeviceId;
use cobranza::sync::op::{CustomerPatch, Event, Op};
use cobranza::sync::op_check::{FieldProblem, OpProblem};
use cobranza::sync::projection::Projection;
use proptest::prelude::*;

const NOW: u64 = 1_790_000_000_000;

fn ops_of(device: &str, events: Vec<Event>) -> Vec<Op> {
    let mut author = Author::resume(DeviceId(device.into()), []);
    events
        .into_iter()
        .zip(1..)
        .map(|(event, n)| author.record(event, NOW + n * 1000))
        .collect()
}

fn bundle_of(ops: Vec<Op>, kind: BundleKind) -> Bundle {
    let holds = Projection::from_ops(&ops).versions().clone();
    Bundle {
        sender: Sender {
            device: DeviceId("office".into()),
            label: "Oficina".into(),
        },
        created_ms: NOW,
        kind,
        holds,
        labels: BTreeMap::new(),
        ops,
    }
}

fn sound() -> Bundle {
    let events = vec![
        Event::CustomerUpserted {
            customer: CustomerId("c0".into()),
            patch: CustomerPatch {
                name: Some("Tienda Doña Rosa".into()),
                ..CustomerPatch::default()
            },
        },
        events::payment_event(),
        events::payment_event(),
    ];
    bundle_of(ops_of("office", events), BundleKind::Full)
}

/// A document with `ops` spliced in as given and its checksum made to match: what someone
/// who knows the format could forge.
fn forged(ops_json: &str) -> String {
    let honest = sound().to_json();
    let start = honest.find("\"ops\":").expect("ops field") + "\"ops\":".len();
    let checksum = sha256_hex(ops_json.as_bytes());
    let sum_at = honest.find("\"ops_sha256\":\"").expect("checksum") + "\"ops_sha256\":\"".len();
    format!(
        "{}{}{}{}}}",
        &honest[..sum_at],
        checksum,
        &honest[sum_at + 64..start],
        ops_json
    )
}

/// What receiving `bytes` on a phone that holds nothing yet would do: the envelope read,
/// then every operation through the intake.
fn receive_fresh(bytes: &[u8]) -> Result<Received, BundleProblem> {
    receive(
        bytes,
        &DeviceId("phone".into()),
        &Projection::default(),
        NOW,
    )
}

fn ops_json(bundle: &Bundle) -> String {
    serde_json::to_string(&bundle.ops).expect("ops serialise")
}

#[test]
fn a_sound_bundle_reads_back_whole() {
    let bundle = sound();
    assert_eq!(
        read(bundle.to_json().as_bytes()),
        Ok(Incoming::Plain(bundle.clone()))
    );
    assert_eq!(
        read(forged(&ops_json(&bundle)).as_bytes()),
        Ok(Incoming::Plain(bundle)),
        "the forging helper itself writes a sound file"
    );
}

#[test]
fn a_file_cut_short_is_truncated() {
    let json = sound().to_json();
    assert!(matches!(
        receive_fresh(&json.as_bytes()[..json.len() / 2]),
        Err(BundleProblem::Truncated { line: 1, .. })
    ));
}

#[test]
fn an_edited_amount_breaks_the_checksum() {
    let json = sound().to_json().replacen("\"1000\"", "\"9000\"", 1);
    assert_eq!(receive_fresh(json.as_bytes()), Err(BundleProblem::Checksum));
}

#[test]
fn other_files_are_foreign_and_junk_is_not_json() {
    assert_eq!(
        receive_fresh(b"{\"hello\": 1}"),
        Err(BundleProblem::Foreign)
    );
    assert_eq!(receive_fresh(b"[1, 2, 3]"), Err(BundleProblem::Foreign));
    assert_eq!(receive_fresh(b"   "), Err(BundleProblem::Empty));
    assert!(matches!(
        receive_fresh(b"\x89PNG\r\n\x1a\n"),
        Err(BundleProblem::NotJson { line: 1, column: 1 })
    ));
    let junk: Vec<u8> = (0..50 * 1024 * 1024u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8)
        .collect();
    assert!(matches!(
        receive_fresh(&junk),
        Err(BundleProblem::NotJson { .. })
    ));
}

#[test]
fn a_file_of_version_1_from_an_older_app_still_reads() {
    let bundle = sound();
    let json = bundle
        .to_json()
        .replacen(&format!("\"version\":{VERSION}"), "\"version\":1", 1);
    assert_eq!(read(json.as_bytes()), Ok(Incoming::Plain(bundle)));
}

#[test]
fn a_newer_version_asks_for_an_update() {
    let json = sound().to_json().replacen(
        &format!("\"version\":{VERSION}"),
        &format!("\"version\":{}", VERSION + 1),
        1,
    );
    assert_eq!(
        receive_fresh(json.as_bytes()),
        Err(BundleProblem::TooNew {
            version: VERSION + 1
        })
    );
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let in_header = sound().to_json().replacen(
        "\"kind\":{\"type\":\"full\"}",
        &format!("\"kind\":{{\"type\":\"full\",\"x\":{deep}}}"),
        1,
    );
    let problem = receive_fresh(in_header.as_bytes());
    assert!(
        matches!(problem, Err(BundleProblem::TooDeep { line: 1, .. })),
        "{problem:?}"
    );
    let in_an_op = ops_json(&sound()).replacen(
        "\"type\":\"payment_recorded\"",
        &format!("\"type\":\"payment_recorded\",\"x\":{deep}"),
        1,
    );
    let problem = receive_fresh(forged(&in_an_op).as_bytes());
    assert!(
        matches!(&problem, Err(BundleProblem::OpShape { index: 2, detail }) if detail.contains("recursion")),
        "{problem:?}"
    );
    let ignored = format!("{{\"format\":\"cobranza-bundle\",\"version\":1,\"x\":{deep}}}");
    assert!(receive_fresh(ignored.as_bytes()).is_err());
}

#[test]
fn huge_numbers_wrong_types_and_markup_are_refused_where_they_are() {
    let bundle = sound();
    let honest = ops_json(&bundle);

    let huge = honest.replacen("\"1000\"", "\"1000000000000000000000\"", 1);
    assert!(matches!(
        receive_fresh(forged(&huge).as_bytes()),
        Err(BundleProblem::BadOp {
            index: 2,
            problem: OpProblem::Field {
                field: "amount",
                problem: FieldProblem::TooLarge
            },
            ..
        })
    ));
    let overflow = honest.replacen("\"1000\"", &format!("\"{}\"", "9".repeat(400)), 1);
    assert!(matches!(
        receive_fresh(forged(&overflow).as_bytes()),
        Err(BundleProblem::OpShape { index: 2, .. })
    ));
    let wrong_type = honest.replacen("\"seq\":1", "\"seq\":\"uno\"", 1);
    assert!(matches!(
        receive_fresh(forged(&wrong_type).as_bytes()),
        Err(BundleProblem::OpShape { index: 1, .. })
    ));
    let script = honest.replacen("Tienda Doña Rosa", "<script>alert(1)</script>", 1);
    assert!(matches!(
        receive_fresh(forged(&script).as_bytes()),
        Err(BundleProblem::BadOp {
            index: 1,
            problem: OpProblem::Field {
                field: "name",
                problem: FieldProblem::Markup
            },
            ..
        })
    ));
    let negative = honest.replacen("\"1000\"", "\"-1000\"", 1);
    assert!(matches!(
        receive_fresh(forged(&negative).as_bytes()),
        Err(BundleProblem::BadOp { index: 2, .. })
    ));
    let far_stamp = honest.replacen(
        &format!("\"wall_ms\":{}", NOW + 1000),
        "\"wall_ms\":18446744073709551615",
        1,
    );
    assert!(matches!(
        receive_fresh(forged(&far_stamp).as_bytes()),
        Err(BundleProblem::BadOp {
            index: 1,
            problem: OpProblem::ImpossibleStamp,
            ..
        })
    ));
}

#[test]
fn operations_the_sender_does_not_claim_or_repeats_are_refused() {
    let bundle = sound();
    let mut repeated = bundle.ops.clone();
    repeated.push(repeated[0].clone());
    let json = serde_json::to_string(&repeated).expect("ops");
    assert!(matches!(
        receive_fresh(forged(&json).as_bytes()),
        Err(BundleProblem::Repeated { .. })
    ));
    let mut stranger = ops_of("office", vec![events::payment_event(); 5]);
    stranger.drain(..3);
    let json = serde_json::to_string(&stranger).expect("ops");
    assert!(matches!(
        receive_fresh(forged(&json).as_bytes()),
        Err(BundleProblem::Undeclared { .. })
    ));
}

#[test]
fn a_delta_that_continues_a_bundle_never_imported_is_refused_with_what_is_missing() {
    let ops = ops_of("office", vec![events::payment_event(); 5]);
    let later = Bundle {
        ops: ops[3..].to_vec(),
        ..bundle_of(
            ops.clone(),
            BundleKind::Delta {
                for_device: DeviceId("phone".into()),
            },
        )
    };
    let mut stored = Projection::default();
    stored.apply(&ops[0]);
    assert_eq!(
        plan(later.clone(), &DeviceId("phone".into()), &stored, NOW),
        Err(BundleProblem::Gap {
            device: DeviceId("office".into()),
            label: Some("Oficina".into()),
            missing: vec![[2, 3]],
        })
    );
    for op in &ops[1..3] {
        stored.apply(op);
    }
    let plan = plan(later, &DeviceId("phone".into()), &stored, NOW).expect("no gap now");
    assert_eq!(plan.new_ops.len(), 2);
}

#[test]
fn a_file_claiming_this_devices_own_unknown_work_is_refused() {
    let forged = bundle_of(
        ops_of("phone", vec![events::payment_event()]),
        BundleKind::Full,
    );
    assert!(matches!(
        plan(
            forged,
            &DeviceId("phone".into()),
            &Projection::default(),
            NOW
        ),
        Err(BundleProblem::OwnOpsUnknown { .. })
    ));
}

#[test]
fn another_version_of_a_stored_operation_is_refused_and_named() {
    let stored = Projection::from_ops(&sound().ops);
    let mut altered = sound();
    altered.ops[0].event = Event::CustomerUpserted {
        customer: CustomerId("c0".into()),
        patch: CustomerPatch {
            name: Some("Tienda Don Pedro".into()),
            ..CustomerPatch::default()
        },
    };
    assert_eq!(
        receive(
            altered.to_json().as_bytes(),
            &DeviceId("phone".into()),
            &stored,
            NOW
        ),
        Err(BundleProblem::OtherVersion {
            device: DeviceId("office".into()),
            label: Some("Oficina".into()),
            seq: 1
        })
    );
    // The same file, unaltered, is simply already held.
    let plan = plan(sound(), &DeviceId("phone".into()), &stored, NOW).expect("held");
    assert!(plan.new_ops.is_empty());
}

/// How a forger may change an operation a device already holds.
#[derive(Clone, Debug)]
enum Alteration {
    Name(String),
    Amount(u32),
    Clock(i64),
    Counter(u32),
    /// Under the id of another held operation.
    Sequence(u64),
}

fn alteration() -> impl Strategy<Value = Alteration> {
    prop_oneof![
        "[A-Za-z ]{1,20}".prop_map(Alteration::Name),
        (1..10_000_000u32).prop_map(Alteration::Amount),
        (-86_400_000..86_400_000i64).prop_map(Alteration::Clock),
        (1..1000u32).prop_map(Alteration::Counter),
        (1..=3u64).prop_map(Alteration::Sequence),
    ]
}

proptest! {
    #[test]
    fn any_alteration_of_a_held_operation_is_refused(
        at in 0..3usize,
        change in alteration(),
    ) {
        let original = sound();
        let stored = Projection::from_ops(&original.ops);
        let mut ops = original.ops.clone();
        let op = &mut ops[at];
        match &change {
            Alteration::Name(name) => {
                op.event = Event::CustomerUpserted {
                    customer: CustomerId("c0".into()),
                    patch: CustomerPatch { name: Some(name.clone()), ..CustomerPatch::default() },
                }
            }
            Alteration::Amount(cents) => {
                if let Event::PaymentRecorded { payment } = &mut op.event {
                    payment.amount.amount = rust_decimal::Decimal::new((*cents).into(), 2);
                }
            }
            Alteration::Clock(by) => op.hlc.wall_ms = op.hlc.wall_ms.saturating_add_signed(*by),
            Alteration::Counter(counter) => op.hlc.counter = *counter,
            Alteration::Sequence(seq) => op.id.seq = *seq,
        }
        prop_assume!(ops[at] != original.ops[at]);
        let forged = bundle_of(ops, BundleKind::Full);
        let outcome = plan(forged, &DeviceId("phone".into()), &stored, NOW);
        prop_assert!(
            matches!(
                outcome,
                Err(BundleProblem::OtherVersion { .. } | BundleProblem::Repeated { .. })
            ),
            "{:?} taken: {:?}", change, outcome.map(|p| p.new_ops.len())
        );
    }

    #[test]
    fn the_parser_never_panics_on_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = receive_fresh(&bytes);
    }

    #[test]
    fn the_parser_never_panics_on_a_damaged_bundle(
        cut in any::<prop::sample::Index>(),
        flips in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..8),
    ) {
        let mut bytes = sound().to_json().into_bytes();
        for (at, byte) in flips {
            let at = at.index(bytes.len());
            bytes[at] = byte;
        }
        bytes.truncate(cut.index(bytes.len() + 1));
        let _ = receive_fresh(&bytes);
    }

    #[test]
    fn forged_operations_never_panic_the_checks(ops_text in "\\[\\{\"id\":\\{\"device\":\"[a-z]{1,3}\",\"seq\":[0-9]{1,20}\\},\"hlc\":\\{\"wall_ms\":[0-9]{1,20},\"counter\":[0-9]{1,10},\"device\":\"[a-z]{1,3}\"\\},\"event\":\\{\"type\":\"payment_recorded\",\"payment\":\\{\"customer\":\".{0,8}\",\"received_on\":\"[0-9]{4}-[0-9]{2}-[0-9]{2}\",\"amount\":\\{\"amount\":\"-?[0-9]{0,30}\\.?[0-9]{0,30}\",\"currency\":\"[A-Z]{3}\"\\},\"method\":\"cash\"\\}\\}\\}\\]") {
        let _ = receive_fresh(forged(&ops_text).as_bytes());
    }
}

#[test]
fn the_demo_portfolio_travels_as_a_bundle() {
    let mut author = Author::resume(DeviceId("demo".into()), []);
    let today = events::day(300);
    let ops = cobranza::sync::demo::demo_ops(&mut author, today, NOW);
    let bundle = bundle_of(ops, BundleKind::Full);
    assert_eq!(
        read(bundle.to_json().as_bytes()),
        Ok(Incoming::Plain(bundle))
    );
}

#[test]
fn operations_stamped_days_ahead_are_accepted_but_flagged() {
    let ops = ops_of("office", vec![events::payment_event(); 3]);
    let bundle = bundle_of(ops, BundleKind::Full);
    let two_days_earlier = NOW - 2 * 24 * 60 * 60 * 1000;
    let planned = plan(
        bundle,
        &DeviceId("phone".into()),
        &Projection::default(),
        two_days_earlier,
    )
    .expect("accepted");
    assert_eq!(planned.new_ops.len(), 3);
    let flagged = &planned.future[&DeviceId("office".into())];
    assert_eq!((flagged.count, flagged.latest_ms), (3, NOW + 3000));
}
