//! Whether each promise to pay was kept, decided from the payments alone at the end of the
//! promised day. A payment counts once: it goes to the customer's earliest-due open promise
//! in its currency that it falls within (from the day the promise was made to the day it was
//! due), so two promises are never kept by the same money.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::customer::CustomerId;
use super::money::Currency;
use super::portfolio::Portfolio;
use super::promise::PromiseId;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromiseOutcome {
    /// The promised day has not ended and the full amount has not arrived yet.
    Pending,
    Kept,
    /// The day ended with part of the amount paid.
    PartlyKept(Decimal),
    Broken,
}

impl PromiseOutcome {
    /// Partly kept counts as broken for the agenda: the customer did not do what they said.
    pub fn is_broken(self) -> bool {
        matches!(self, PromiseOutcome::Broken | PromiseOutcome::PartlyKept(_))
    }
}

/// A payment as promises use it: when it came, its place among the payments (their ids'
/// order, to order payments of the same day) and how much of it no promise has taken yet.
type MoneyLeft = (NaiveDate, usize, Decimal);

/// Every promise's outcome as of `today` (a promise due today is still pending until paid).
pub fn promise_outcomes(
    portfolio: &Portfolio,
    today: NaiveDate,
) -> FxHashMap<&PromiseId, PromiseOutcome> {
    // Ids are the maps' keys, so their place in the map is their order: ties are broken by
    // place instead of by comparing the ids' text.
    let mut promises: Vec<_> = portfolio.promises.iter().enumerate().collect();
    promises.sort_unstable_by_key(|(place, (_, p))| (p.due_on, p.made_on, *place));
    // Each customer's payments in each currency, in the order they arrived, with what is left
    // of each to keep a promise: a promise only ever looks at its own customer's money, so
    // only the customers who promised something have their payments gathered.
    let mut payments: FxHashMap<(&CustomerId, Currency), Vec<MoneyLeft>> = promises
        .iter()
        .map(|(_, (_, p))| ((&p.customer, p.amount.currency), Vec::new()))
        .collect();
    for (place, p) in portfolio
        .payments
        .values()
        .enumerate()
        .filter(|(_, p)| p.received_on <= today)
    {
        if let Some(theirs) = payments.get_mut(&(&p.customer, p.amount.currency)) {
            theirs.push((p.received_on, place, p.amount.amount));
        }
    }
    for list in payments.values_mut() {
        list.sort_unstable_by_key(|(on, place, _)| (*on, *place));
    }

    let mut outcomes = FxHashMap::with_capacity_and_hasher(promises.len(), Default::default());
    for (_, (id, promise)) in promises {
        let mut paid = Decimal::ZERO;
        let key = (&promise.customer, promise.amount.currency);
        for (received_on, _, left) in payments.get_mut(&key).into_iter().flatten() {
            if !(promise.made_on..=promise.due_on).contains(received_on) || left.is_zero() {
                continue;
            }
            let take = (promise.amount.amount - paid).min(*left);
            paid += take;
            *left -= take;
            if paid >= promise.amount.amount {
                break;
            }
        }
        let outcome = if paid >= promise.amount.amount {
            PromiseOutcome::Kept
        } else if today <= promise.due_on {
            PromiseOutcome::Pending
        } else if paid > Decimal::ZERO {
            PromiseOutcome::PartlyKept(paid)
        } else {
            PromiseOutcome::Broken
        };
        outcomes.insert(id, outcome);
    }
    outcomes
}

/// How many of `customer`'s promises were broken or only partly kept, as of `today`.
pub fn broken_promises(portfolio: &Portfolio, customer: &CustomerId, today: NaiveDate) -> u32 {
    let outcomes = promise_outcomes(portfolio, today);
    let broken = portfolio
        .promises
        .iter()
        .filter(|(id, p)| {
            p.customer == *customer && outcomes.get(*id).is_some_and(|o| o.is_broken())
        })
        .count();
    u32::try_from(broken).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::customer::CustomerId;
    use crate::domain::money::{Currency, Money};
    use crate::domain::payment::{Payment, PaymentId, PaymentMethod};
    use crate::domain::promise::Promise;
    use rust_decimal::dec;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).expect("valid date")
    }

    fn promise(p: &mut Portfolio, id: &str, made: u32, due: u32, amount: Decimal) {
        p.promises.insert(
            PromiseId(id.into()),
            Promise {
                customer: CustomerId("c".into()),
                made_on: day(made),
                due_on: day(due),
                amount: Money::new(amount, Currency::COP),
                channel: None,
            },
        );
    }

    fn pay(p: &mut Portfolio, id: &str, on: u32, amount: Decimal) {
        p.payments.insert(
            PaymentId(id.into()),
            Payment {
                customer: CustomerId("c".into()),
                received_on: day(on),
                amount: Money::new(amount, Currency::COP),
                method: PaymentMethod::Cash,
                reference: Default::default(),
                applies_to: vec![],
                receipt: None,
            },
        );
    }

    #[test]
    fn decided_at_the_end_of_the_promised_day() {
        let mut p = Portfolio::default();
        promise(&mut p, "a", 1, 10, dec!(100));
        promise(&mut p, "b", 1, 12, dec!(100));
        promise(&mut p, "c", 1, 14, dec!(100));
        pay(&mut p, "p1", 10, dec!(150));
        let outcome = |today, id: &str| promise_outcomes(&p, day(today))[&PromiseId(id.into())];
        assert_eq!(outcome(10, "a"), PromiseOutcome::Kept);
        // The same 150 keeps a and half of b: it is not counted twice.
        assert_eq!(outcome(12, "b"), PromiseOutcome::Pending);
        assert_eq!(outcome(13, "b"), PromiseOutcome::PartlyKept(dec!(50)));
        assert_eq!(outcome(14, "c"), PromiseOutcome::Pending);
        assert_eq!(outcome(15, "c"), PromiseOutcome::Broken);
        assert!(outcome(15, "c").is_broken() && outcome(15, "b").is_broken());
    }

    #[test]
    fn a_payment_before_the_promise_was_made_does_not_keep_it() {
        let mut p = Portfolio::default();
        pay(&mut p, "p1", 1, dec!(100));
        promise(&mut p, "a", 2, 5, dec!(100));
        assert_eq!(
            promise_outcomes(&p, day(6))[&PromiseId("a".into())],
            PromiseOutcome::Broken
        );
    }
}
