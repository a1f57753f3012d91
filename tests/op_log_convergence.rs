//! Property tests of the operation log: devices that hold the same set of operations show the
//! same portfolio, whatever order the operations arrived in and however often.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/events.rs"]
mod events;

use cobranza::domain::allocation::{Allocation, Settlement};
use cobranza::domain::company_settings::CompanySettings;
use cobranza::sync::author::Author;
use cobranza::sync::hlc::DeviceId;
use cobranza::sync::op::Op;
use cobranza::sync::projection::Projection;
use events::{account_event, company_event, day, event};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Operations as three devices would author them, each with its own (possibly wrong) clock.
fn ops_of_three_devices() -> impl Strategy<Value = Vec<Op>> {
    let edit = prop_oneof![3 => event(), 1 => account_event(), 1 => company_event()];
    prop::collection::vec((0..3usize, edit, 0..5_000u64), 1..40).prop_map(|steps| {
        let mut authors: Vec<Author> = (0..3)
            .map(|d| Author::resume(DeviceId(format!("d{d}")), []))
            .collect();
        steps
            .into_iter()
            .map(|(device, event, now)| authors[device].record(event, now))
            .collect()
    })
}

/// The same operations in another order, some of them delivered more than once.
fn redelivered(ops: Vec<Op>) -> impl Strategy<Value = (Vec<Op>, Vec<Op>)> {
    let len = ops.len();
    (
        Just(ops.clone()).prop_shuffle(),
        prop::collection::vec(0..len, 0..len + 1),
    )
        .prop_map(move |(mut shuffled, repeats)| {
            shuffled.extend(repeats.into_iter().map(|i| ops[i].clone()));
            (ops.clone(), shuffled)
        })
}

proptest! {
    #[test]
    fn any_order_and_duplication_gives_the_same_projection(
        (original, delivered) in ops_of_three_devices().prop_flat_map(redelivered)
    ) {
        let a = Projection::from_ops(&original);
        let b = Projection::from_ops(&delivered);
        prop_assert_eq!(a.portfolio(), b.portfolio());
        let base = CompanySettings::default();
        prop_assert_eq!(a.company().resolve(&base), b.company().resolve(&base));
        prop_assert_eq!(a, b);
    }

    #[test]
    fn allocations_sum_to_each_payment_and_never_overpay_an_invoice(
        ops in ops_of_three_devices(),
        cutoff in 0..150u32,
    ) {
        let portfolio = Projection::from_ops(&ops).portfolio();
        let allocation = Allocation::compute(&portfolio, day(cutoff));
        let payments = portfolio
            .payments
            .iter()
            .filter(|(_, p)| p.received_on <= day(cutoff))
            .map(|(id, p)| (Settlement::Payment(id), p.amount.amount));
        let notes = portfolio
            .credit_notes
            .iter()
            .filter(|(_, n)| n.issued_on <= day(cutoff))
            .map(|(id, n)| (Settlement::CreditNote(id), n.amount.amount));
        for (id, amount) in payments.chain(notes) {
            let splits = allocation.applied(&id).unwrap_or_default();
            let applied: Decimal = splits.iter().map(|(_, amount)| *amount).sum();
            prop_assert_eq!(applied + allocation.unapplied(&id), amount);
            prop_assert!(splits.iter().all(|(_, amount)| *amount > Decimal::ZERO));
        }
        for (id, invoice) in &portfolio.invoices {
            let open = allocation.open_amount(id, invoice);
            prop_assert!(open >= Decimal::ZERO && open <= invoice.amount().amount);
            for due in allocation.open_dues(id, invoice) {
                prop_assert!(due.amount >= Decimal::ZERO, "no instalment is overpaid");
            }
        }
    }
}
