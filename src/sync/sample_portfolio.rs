//! Portfolios of a real company's size, generated from a seed: what the benchmarks measure,
//! what the tests check at scale, and what Ajustes loads to try the app with a full office's
//! data. The same size, seed and `today` always give the same operations.
//!
//! Shape: collectors of about 500 accounts each, customers spread over two dozen cities,
//! invoice amounts from a few hundred thousand pesos to tens of millions (a few large debtors,
//! many small ones), one invoice in ten paid in three instalments, one customer in twenty
//! billed in dollars; payments name the invoice they pay and never pay more than it; contacts,
//! promises and disputes where a collector would have them.

use chrono::{Days, NaiveDate, NaiveTime};
use rust_decimal::Decimal;

use super::author::Author;
use super::demo::METHODS;
use super::op::{CustomerPatch, Event, InvoicePatch, Op};
use crate::domain::contact::{Channel, Contact, Objective, Outcome};
use crate::domain::customer::CustomerId;
use crate::domain::dispute::{Dispute, DisputeReason};
use crate::domain::invoice::{Installment, InvoiceId, Terms};
use crate::domain::money::{Currency, Money};
use crate::domain::payment::Payment;
use crate::domain::promise::Promise;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PortfolioSize {
    /// 1,000 customers, 5,000 invoices.
    S,
    /// 10,000 customers, 50,000 invoices.
    M,
    /// 20,000 customers, 100,000 invoices, about 200,000 operations.
    L,
}

impl PortfolioSize {
    pub const ALL: [PortfolioSize; 3] = [PortfolioSize::S, PortfolioSize::M, PortfolioSize::L];

    pub fn customers(self) -> usize {
        match self {
            PortfolioSize::S => 1_000,
            PortfolioSize::M => 10_000,
            PortfolioSize::L => 20_000,
        }
    }

    pub fn invoices(self) -> usize {
        match self {
            PortfolioSize::S => 5_000,
            PortfolioSize::M => 50_000,
            PortfolioSize::L => 100_000,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            PortfolioSize::S => "S",
            PortfolioSize::M => "M",
            PortfolioSize::L => "L",
        }
    }
}

const CITIES: [&str; 24] = [
    "Bogotá",
    "Medellín",
    "Cali",
    "Barranquilla",
    "Cartagena",
    "Bucaramanga",
    "Pereira",
    "Manizales",
    "Santa Marta",
    "Cúcuta",
    "Ibagué",
    "Villavicencio",
    "Pasto",
    "Neiva",
    "Armenia",
    "Montería",
    "Valledupar",
    "Popayán",
    "Tunja",
    "Sincelejo",
    "Riohacha",
    "Florencia",
    "Yopal",
    "Quibdó",
];

const TRADES: [&str; 12] = [
    "Ferretería",
    "Droguería",
    "Panadería",
    "Supermercado",
    "Distribuidora",
    "Restaurante",
    "Papelería",
    "Miscelánea",
    "Taller",
    "Almacén",
    "Minimercado",
    "Cafetería",
];

/// Accounts per collector.
const BOOK: usize = 500;

/// The customer id of the `i`-th generated customer.
pub fn sample_customer_id(i: usize) -> CustomerId {
    CustomerId(format!("G-{:06}", i + 1).into())
}

/// The events of a generated portfolio, in the order an office would have recorded them.
pub fn sample_events(size: PortfolioSize, seed: u64, today: NaiveDate) -> Vec<Event> {
    let mut rng = fastrand::Rng::with_seed(seed);
    let customers = size.customers();
    let mut events = Vec::with_capacity(size.invoices() * 2);
    let dollars = Currency::parse("USD").unwrap_or(Currency::COP);
    for i in 0..customers {
        events.push(Event::CustomerUpserted {
            customer: sample_customer_id(i),
            patch: CustomerPatch {
                name: Some(format!(
                    "{} {:05}",
                    TRADES[rng.usize(..TRADES.len())],
                    i + 1
                )),
                tax_id: Some(format!("{}", 900_000_000 + i * 37)),
                phones: Some(vec![format!(
                    "+57 3{:02} {:07}",
                    rng.u32(10..50),
                    rng.u32(..10_000_000)
                )]),
                city: Some(CITIES[rng.usize(..CITIES.len())].to_owned()),
                collector: Some(format!("Cobrador {:02}", i / BOOK + 1)),
                ..CustomerPatch::default()
            },
        });
    }
    for n in 0..size.invoices() {
        // A few customers hold many invoices: the product of two picks leans to low numbers.
        let i = rng.usize(..customers) * rng.usize(1..=customers) / customers;
        let customer = sample_customer_id(i);
        let currency = if i % 20 == 7 { dollars } else { Currency::COP };
        let invoice = InvoiceId(format!("GF-{:07}", n + 1).into());
        let due_on = shifted(today, rng.i64(-25..300));
        let term = [30u64, 30, 60, 90][rng.usize(..4)];
        let issued_on = due_on - Days::new(term);
        let amount = amount(&mut rng, currency);
        let terms = if n % 10 == 3 {
            let third = (amount / Decimal::from(3)).round_dp(currency.minor_digits());
            let schedule = (1..=3u32)
                .map(|number| Installment {
                    number,
                    due_on: due_on - Days::new(u64::from(3 - number) * 30),
                    amount: if number == 3 {
                        amount - third * Decimal::TWO
                    } else {
                        third
                    },
                })
                .collect();
            Terms::in_installments(currency, schedule)
        } else {
            Terms::single(Money::new(amount, currency), due_on)
        };
        let Ok(terms) = terms else {
            continue;
        };
        events.push(Event::InvoiceUpserted {
            invoice: invoice.clone(),
            patch: InvoicePatch {
                kind: None,
                customer: Some(customer.clone()),
                issued_on: Some(issued_on),
                terms: Some(terms),
            },
        });
        let days_overdue = (today - due_on).num_days();
        let roll = rng.u8(..100);
        // Most invoices past due were paid, in full or in part; a few paid early.
        let paid = match roll {
            _ if days_overdue < -20 => None,
            0..=44 => Some(amount),
            45..=59 => {
                Some((amount * Decimal::new(rng.i64(2..8), 1)).round_dp(currency.minor_digits()))
            }
            _ => None,
        };
        if let Some(paid) = paid.filter(|p| *p > Decimal::ZERO) {
            let late = rng.i64(-10..40);
            let received_on = (due_on + chrono::Duration::days(late))
                .min(today)
                .max(issued_on);
            events.push(Event::PaymentRecorded {
                payment: Payment {
                    customer: customer.clone(),
                    received_on,
                    amount: Money::new(paid, currency),
                    method: METHODS[rng.usize(..METHODS.len())],
                    reference: format!("GR-{:07}", n + 1).into(),
                    applies_to: vec![invoice.clone()],
                    receipt: None,
                },
            });
        }
        if days_overdue > 0 && roll >= 60 {
            events.extend(collection_work(
                &mut rng, &customer, &invoice, amount, currency, due_on, today,
            ));
        }
    }
    events
}

/// The operations of a generated portfolio, authored by `author`.
pub fn sample_ops(
    size: PortfolioSize,
    seed: u64,
    today: NaiveDate,
    author: &mut Author,
    now_ms: u64,
) -> Vec<Op> {
    sample_events(size, seed, today)
        .into_iter()
        .enumerate()
        .map(|(n, event)| author.record(event, now_ms + n as u64))
        .collect()
}

/// What a collector did about an unpaid overdue invoice: a call or a visit, a second one
/// now and then, sometimes a promise,
/// now and then a dispute.
fn collection_work(
    rng: &mut fastrand::Rng,
    customer: &CustomerId,
    invoice: &InvoiceId,
    amount: Decimal,
    currency: Currency,
    due_on: NaiveDate,
    today: NaiveDate,
) -> Vec<Event> {
    let mut events = Vec::new();
    let span = (today - due_on).num_days().max(1);
    for _ in 0..1 + usize::from(rng.u8(..4) == 0) {
        let on = due_on + chrono::Duration::days(rng.i64(1..=span));
        let hour = NaiveTime::from_hms_opt(rng.u32(8..18), rng.u32(..60), 0).unwrap_or_default();
        let outcome = [
            Outcome::NoAnswer,
            Outcome::CallBack,
            Outcome::Promised,
            Outcome::Refused,
            Outcome::NotAtHome,
        ][rng.usize(..5)];
        events.push(Event::ContactLogged {
            contact: Contact {
                customer: customer.clone(),
                at: on.and_time(hour),
                channel: [Channel::Call, Channel::WhatsApp, Channel::Visit][rng.usize(..3)],
                objective: Objective::Remind,
                outcome,
                note: String::new(),
                next_followup: None,
                position: None,
                reminded: Vec::new(),
                policy_override: None,
            },
        });
        if outcome == Outcome::Promised {
            events.push(Event::PromiseMade {
                promise: Promise {
                    customer: customer.clone(),
                    made_on: on,
                    due_on: on + Days::new(rng.u64(1..15)),
                    amount: Money::new(
                        (amount / Decimal::TWO).round_dp(currency.minor_digits()),
                        currency,
                    ),
                    channel: Some(Channel::Call),
                },
            });
        }
    }
    if rng.u8(..100) < 3 {
        events.push(Event::DisputeOpened {
            dispute: Dispute {
                customer: customer.clone(),
                invoices: vec![invoice.clone()],
                amount: None,
                owner: String::new(),
                reason: DisputeReason::ALL[rng.usize(..DisputeReason::ALL.len())],
                opened_on: due_on + Days::new(1),
                resolved_on: None,
            },
        });
    }
    events
}

/// Many small invoices, some medium, a few large (the usual Pareto shape): 200,000 to
/// 2,000,000 pesos seven times in ten, up to 10,000,000 a quarter of the time, up to
/// 40,000,000 otherwise; in dollars the same shape from US$50. Rounded as a business bills.
fn amount(rng: &mut fastrand::Rng, currency: Currency) -> Decimal {
    let (low, high) = match rng.u8(..100) {
        0..=69 => (200u64, 2_000u64),
        70..=94 => (2_000, 10_000),
        _ => (10_000, 40_000),
    };
    let thousands = Decimal::from(rng.u64(low..=high));
    if currency == Currency::COP {
        thousands * Decimal::ONE_THOUSAND
    } else {
        thousands / Decimal::from(4)
    }
}

fn shifted(today: NaiveDate, days_back: i64) -> NaiveDate {
    today - chrono::Duration::days(days_back)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 24).expect("valid date")
    }

    #[test]
    fn the_same_seed_gives_the_same_portfolio_and_another_seed_another() {
        let a = sample_events(PortfolioSize::S, 7, today());
        let b = sample_events(PortfolioSize::S, 7, today());
        let c = sample_events(PortfolioSize::S, 8, today());
        assert_eq!(a, b);
        assert_ne!(a, c);
    }

    #[test]
    fn sizes_hold_what_they_promise() {
        let events = sample_events(PortfolioSize::S, 1, today());
        let count = |f: fn(&Event) -> bool| events.iter().filter(|e| f(e)).count();
        assert_eq!(
            count(|e| matches!(e, Event::CustomerUpserted { .. })),
            1_000
        );
        assert_eq!(count(|e| matches!(e, Event::InvoiceUpserted { .. })), 5_000);
        assert!(count(|e| matches!(e, Event::PaymentRecorded { .. })) > 1_500);
        assert!(count(|e| matches!(e, Event::ContactLogged { .. })) > 1_000);
        assert!(count(|e| matches!(e, Event::PromiseMade { .. })) > 100);
        // About two operations per invoice, as L's 200,000 for 100,000 invoices.
        assert!((9_500..12_000).contains(&events.len()), "{}", events.len());
    }
}
