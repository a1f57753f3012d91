//! The intake without a bundle's claims, as a server's pages will reach it: each operation is
//! judged on its own, so one that breaks a rule is named and the others still sort into new
//! and already held; a batch seen twice is all held the second time.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/events.rs"]
mod events;

use cobranza::domain::money::Money;
use cobranza::sync::author::Author;
use cobranza::sync::hlc::DeviceId;
use cobranza::sync::intake::{admit, Refusal, Refused, Tally};
use cobranza::sync::op::{Event, Op};
use cobranza::sync::op_check::OpProblem;
use cobranza::sync::projection::Projection;
use rust_decimal::Decimal;

const NOW: u64 = 1_790_000_000_000;

fn office_ops(count: u64) -> Vec<Op> {
    let mut author = Author::resume(DeviceId("office".into()), []);
    (1..=count)
        .map(|n| author.record(events::payment_event(), NOW + n))
        .collect()
}

#[test]
fn a_batch_without_claims_names_what_it_refuses_and_sorts_the_rest() {
    let mut ops = office_ops(4);
    if let Event::PaymentRecorded { payment } = &mut ops[1].event {
        payment.amount = Money::new(Decimal::NEGATIVE_ONE, payment.amount.currency);
    }
    let mut stored = Projection::default();
    stored.apply(&ops[0]);
    let mine = Author::resume(DeviceId("phone".into()), []).record(events::payment_event(), NOW);
    let mut batch = ops.clone();
    batch.push(ops[2].clone());
    batch.push(mine.clone());

    let admitted = admit(batch, None, &DeviceId("phone".into()), &stored, NOW);

    let why: Vec<(usize, &Refused)> = admitted
        .refused
        .iter()
        .map(|Refusal { index, why, .. }| (*index, why))
        .collect();
    assert!(matches!(
        why[0],
        (2, Refused::Invalid(OpProblem::Field { .. }))
    ));
    assert_eq!(
        why[1..],
        [(5, &Refused::Repeated), (6, &Refused::OwnUnknown)]
    );
    assert_eq!(admitted.new_ops, ops[2..].to_vec());
    assert_eq!(
        admitted.tallies[&DeviceId("office".into())],
        Tally {
            added: 2,
            already: 1
        }
    );
    assert!(admitted.gaps.is_empty() && admitted.conflicts.is_empty());
}

#[test]
fn a_batch_received_twice_is_all_held_the_second_time() {
    let ops = office_ops(3);
    let me = DeviceId("phone".into());
    let first = admit(ops.clone(), None, &me, &Projection::default(), NOW);
    assert!(first.is_clean());
    let stored = Projection::from_ops(&first.new_ops);
    let second = admit(ops, None, &me, &stored, NOW);
    assert!(second.new_ops.is_empty() && second.is_clean());
    assert_eq!(second.tallies[&DeviceId("office".into())].already, 3);
}
