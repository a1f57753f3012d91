//! Property tests of the operation log: devices that hold the same set of operations show the
//! same portfolio, whatever order the operations arrived in and however often.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use cobranza::domain::allocation::{Allocation, Settlement};
use cobranza::domain::contact::{Channel, Contact, Objective, Outcome};
use cobranza::domain::credit_note::CreditNote;
use cobranza::domain::customer::CustomerId;
use cobranza::domain::invoice::{Installment, InvoiceId, Terms};
use cobranza::domain::money::{Currency, Money};
use cobranza::domain::payment::{Payment, PaymentId, PaymentMethod};
use cobranza::domain::typification::{Risk, Typification};
use cobranza::sync::author::Author;
use cobranza::sync::hlc::DeviceId;
use cobranza::sync::op::{CustomerPatch, Event, InvoicePatch, Op};
use cobranza::sync::projection::Projection;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn day(n: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid date") + chrono::Days::new(n.into())
}

fn currency(usd: bool) -> Currency {
    if usd {
        Currency::parse("USD").expect("valid code")
    } else {
        Currency::COP
    }
}

/// An invoice's terms: the whole amount on one day, or up to three instalments.
fn terms() -> impl Strategy<Value = Terms> {
    (
        any::<bool>(),
        prop::collection::vec((0..150u32, 1..1_000_000i64), 1..4),
    )
        .prop_map(|(usd, parts)| {
            let installments: Vec<Installment> = parts
                .iter()
                .zip(1..)
                .map(|((due, cents), number)| Installment {
                    number,
                    due_on: day(*due),
                    amount: Decimal::new(*cents, 2),
                })
                .collect();
            let terms = match installments.as_slice() {
                [only] => Terms::single(Money::new(only.amount, currency(usd)), only.due_on),
                _ => Terms::in_installments(currency(usd), installments),
            };
            terms.expect("positive amounts and distinct numbers make valid terms")
        })
}

/// An event over a small universe of ids, so that devices collide on the same records.
fn event() -> impl Strategy<Value = Event> {
    let customer = (0..3u8).prop_map(|c| CustomerId(format!("c{c}")));
    let invoice = (0..5u8).prop_map(|i| InvoiceId(format!("i{i}")));
    prop_oneof![
        (
            customer.clone(),
            prop::option::of("[a-z]{1,6}"),
            prop::option::of("[A-Z][a-z]{2,6}")
        )
            .prop_map(|(customer, name, city)| Event::CustomerUpserted {
                customer,
                patch: CustomerPatch {
                    name,
                    city,
                    ..CustomerPatch::default()
                },
            }),
        (invoice.clone(), customer.clone(), 0..60u32, terms()).prop_map(
            |(invoice, customer, issued, terms)| Event::InvoiceUpserted {
                invoice,
                patch: InvoicePatch {
                    customer: Some(customer),
                    issued_on: Some(day(issued)),
                    terms: Some(terms),
                },
            }
        ),
        (invoice.clone(), terms()).prop_map(|(invoice, terms)| Event::InvoiceUpserted {
            invoice,
            patch: InvoicePatch {
                terms: Some(terms),
                ..InvoicePatch::default()
            },
        }),
        (
            customer.clone(),
            0..120u32,
            1..2_000_000i64,
            any::<bool>(),
            prop::collection::vec(invoice.clone(), 0..3)
        )
            .prop_map(
                |(customer, on, amount, usd, applies_to)| Event::PaymentRecorded {
                    payment: Payment {
                        customer,
                        received_on: day(on),
                        amount: Money::new(Decimal::new(amount, 2), currency(usd)),
                        method: PaymentMethod::Cash,
                        reference: String::new(),
                        applies_to,
                        receipt: None,
                    },
                }
            ),
        (
            customer.clone(),
            0..120u32,
            1..500_000i64,
            any::<bool>(),
            prop::option::of(invoice)
        )
            .prop_map(
                |(customer, on, amount, usd, invoice)| Event::CreditNoteIssued {
                    credit_note: CreditNote {
                        customer,
                        number: format!("NC-{on}"),
                        issued_on: day(on),
                        amount: Money::new(Decimal::new(amount, 2), currency(usd)),
                        invoice,
                        reason: "devolución".into(),
                    },
                }
            ),
        (0..3u8, 1..12u64, 0..3u32).prop_map(|(device, seq, why)| Event::PaymentVoided {
            payment: PaymentId(format!("d{device}:{seq}")),
            reason: format!("error de digitación {why}"),
            voided_on: Some(day(why)),
        }),
        (customer.clone(), 0..3usize).prop_map(|(customer, risk)| Event::TypificationSet {
            customer,
            typification: Typification {
                risk: Risk::ALL[risk],
                ..Typification::default()
            },
        }),
        (customer.clone(), 0..3usize, any::<bool>(), 0..120u32).prop_map(
            |(customer, channel, revoked, on)| Event::ChannelConsentSet {
                customer,
                channel: Channel::ALL[channel],
                revoked,
                on: day(on),
            }
        ),
        (customer, 0..120u32).prop_map(|(customer, on)| Event::ContactLogged {
            contact: Contact {
                customer,
                at: day(on).and_hms_opt(10, 0, 0).unwrap_or_default(),
                channel: Channel::Visit,
                objective: Objective::Remind,
                outcome: Outcome::NotAtHome,
                note: String::new(),
                next_followup: None,
                position: None,
                reminded: Vec::new(),
                policy_override: None,
            },
        }),
    ]
}

/// Operations as three devices would author them, each with its own (possibly wrong) clock.
fn ops_of_three_devices() -> impl Strategy<Value = Vec<Op>> {
    prop::collection::vec((0..3usize, event(), 0..5_000u64), 1..40).prop_map(|steps| {
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
            .map(|(id, p)| (Settlement::Payment(id.clone()), p.amount.amount));
        let notes = portfolio
            .credit_notes
            .iter()
            .filter(|(_, n)| n.issued_on <= day(cutoff))
            .map(|(id, n)| (Settlement::CreditNote(id.clone()), n.amount.amount));
        for (id, amount) in payments.chain(notes) {
            let applied: Decimal = allocation.applied[&id].iter().map(|(_, amount)| *amount).sum();
            let unapplied = allocation.unapplied.get(&id).copied().unwrap_or_default();
            prop_assert_eq!(applied + unapplied, amount);
            prop_assert!(allocation.applied[&id].iter().all(|(_, amount)| *amount > Decimal::ZERO));
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
