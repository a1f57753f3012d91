//! The customers who paid everything on time in a period: the ones to thank. Recognizing them
//! is prevention, the cheapest collection there is, and tells sales whom to offer more credit.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::allocation::Allocation;
use super::customer::CustomerId;
use super::kpi::period::Period;
use super::money::{Currency, Money};
use super::portfolio::Portfolio;

/// A customer who paid, on or before its day, every amount that fell due in the period, and
/// owed nothing overdue when it ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoodPayer {
    pub customer: CustomerId,
    /// How many dues (invoices or instalments) fell due in the period, all paid on time.
    pub dues_on_time: u32,
    /// What those dues came to, per currency.
    pub paid_on_time: Vec<Money>,
}

/// The period's good payers, those who paid the most on time first.
pub fn good_payers(portfolio: &Portfolio, period: Period) -> Vec<GoodPayer> {
    let allocation = Allocation::compute(portfolio, period.last());
    let mut found: BTreeMap<&CustomerId, (bool, u32, BTreeMap<Currency, Decimal>)> =
        BTreeMap::new();
    for ledger in allocation.ledgers() {
        let entry = found
            .entry(ledger.customer)
            .or_insert((true, 0, BTreeMap::new()));
        for due in ledger.overdue() {
            let paid = |by| {
                due.settled
                    .iter()
                    .filter(|(on, _)| *on <= by)
                    .map(|(_, amount)| *amount)
                    .sum::<Decimal>()
            };
            if due.due_on < period.last() && paid(period.last()) < due.amount {
                entry.0 = false;
            }
            if period.contains(due.due_on) {
                if paid(due.due_on) < due.amount {
                    entry.0 = false;
                }
                entry.1 += 1;
                *entry.2.entry(ledger.currency).or_default() += due.amount;
            }
        }
    }
    let mut payers: Vec<GoodPayer> = found
        .into_iter()
        .filter(|(_, (on_time, dues, _))| *on_time && *dues > 0)
        .map(|(customer, (_, dues_on_time, paid))| GoodPayer {
            customer: customer.clone(),
            dues_on_time,
            paid_on_time: paid
                .into_iter()
                .map(|(currency, amount)| Money::new(amount, currency))
                .collect(),
        })
        .collect();
    payers.sort_by(|a, b| {
        let most = |p: &GoodPayer| p.paid_on_time.iter().map(|m| m.amount).max();
        most(b)
            .cmp(&most(a))
            .then_with(|| a.customer.cmp(&b.customer))
    });
    payers
}

#[cfg(test)]
mod tests {
    use chrono::NaiveDate;
    use rust_decimal::dec;

    use super::*;
    use crate::domain::invoice::{Invoice, InvoiceId, Terms};
    use crate::domain::payment::{Payment, PaymentId, PaymentMethod};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).expect("a day")
    }

    fn cop(amount: Decimal) -> Money {
        Money::new(amount, Currency::COP)
    }

    fn sale(p: &mut Portfolio, customer: &str, id: &str, due: u32, amount: Decimal) {
        let invoice = Invoice {
            customer: CustomerId(customer.into()),
            issued_on: day(1),
            terms: Terms::single(cop(amount), day(due)).expect("terms"),
            kind: Default::default(),
        };
        p.invoices.insert(InvoiceId(id.into()), invoice);
    }

    fn pay(p: &mut Portfolio, customer: &str, id: &str, on: u32, amount: Decimal) {
        let payment = Payment {
            customer: CustomerId(customer.into()),
            received_on: day(on),
            amount: cop(amount),
            method: PaymentMethod::Cash,
            reference: "".into(),
            applies_to: vec![],
            receipt: None,
        };
        p.payments.insert(PaymentId(id.into()), payment);
    }

    #[test]
    fn only_who_paid_every_due_of_the_period_on_its_day_is_thanked() {
        let mut p = Portfolio::default();
        // Paid both invoices on or before their days.
        sale(&mut p, "puntual", "A1", 10, dec!(100));
        sale(&mut p, "puntual", "A2", 20, dec!(300));
        pay(&mut p, "puntual", "a1", 10, dec!(100));
        pay(&mut p, "puntual", "a2", 18, dec!(300));
        // Paid, but a day late.
        sale(&mut p, "tarde", "B1", 10, dec!(100));
        pay(&mut p, "tarde", "b1", 11, dec!(100));
        // Nothing fell due in the period.
        sale(&mut p, "sin_vencer", "C1", 30, dec!(100));
        // On time in the period, but an older invoice is still unpaid.
        sale(&mut p, "debe", "D1", 10, dec!(100));
        pay(&mut p, "debe", "d1", 9, dec!(100));
        let october = |d| NaiveDate::from_ymd_opt(2026, 10, d).expect("a day");
        let old = Invoice {
            customer: CustomerId("debe".into()),
            issued_on: october(1),
            terms: Terms::single(cop(dec!(50)), october(15)).expect("terms"),
            kind: Default::default(),
        };
        p.invoices.insert(InvoiceId("D0".into()), old);
        let period = Period::new(day(5), day(25)).expect("a period");
        assert_eq!(
            good_payers(&p, period),
            vec![GoodPayer {
                customer: CustomerId("puntual".into()),
                dues_on_time: 2,
                paid_on_time: vec![cop(dec!(400))],
            }]
        );
    }
}
