//! Who to contact today and why: a transparent score per customer, every point of it with its
//! reason, so the collector can see why an account is on top. Accounts in dispute, paid up or
//! not yet due with nothing to follow up are left out.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::customer::CustomerId;
use super::escalation::{suggest, Suggestion};
use super::money::Currency;
use super::portfolio::Portfolio;
use super::promise_outcome::{promise_outcomes, PromiseOutcome};
use super::typification::{Risk, Typification};

/// One reason an account scores, and how many points it gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// Its share of the overdue portfolio, in percent (of the currency where it is largest).
    OverdueShare(i64),
    /// Among the few accounts that make up 80 % of what is overdue (Pareto).
    TopDebtor,
    DaysOverdue(i64),
    Risk(Risk),
    BrokenPromises(u32),
    PromiseDueToday,
    InstallmentDueToday,
    /// Days since the last contact; `None` when never contacted.
    NotContactedFor(Option<i64>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaEntry {
    pub customer: CustomerId,
    pub score: i64,
    pub reasons: Vec<(Reason, i64)>,
    pub suggestion: Suggestion,
}

/// What is known about each customer beyond the portfolio: typification and last contact.
#[derive(Clone, Debug, Default)]
pub struct Followup {
    pub typifications: BTreeMap<CustomerId, Typification>,
    pub last_contacts: BTreeMap<CustomerId, NaiveDate>,
}

/// Share of the overdue portfolio that the top debtors hold.
const PARETO_SHARE: Decimal = rust_decimal::dec!(0.80);

/// Today's agenda for the customers `assigned` accepts, highest score first.
pub fn agenda(
    portfolio: &Portfolio,
    today: NaiveDate,
    followup: &Followup,
    assigned: impl Fn(&CustomerId) -> bool,
) -> Vec<AgendaEntry> {
    let standings = portfolio.standings(today);
    let outcomes = promise_outcomes(portfolio, today);
    let mut broken: BTreeMap<&CustomerId, u32> = BTreeMap::new();
    let mut promised_today: BTreeMap<&CustomerId, bool> = BTreeMap::new();
    for (id, promise) in &portfolio.promises {
        match outcomes.get(id) {
            Some(outcome) if outcome.is_broken() => {
                *broken.entry(&promise.customer).or_default() += 1
            }
            Some(PromiseOutcome::Pending) if promise.due_on == today => {
                promised_today.insert(&promise.customer, true);
            }
            _ => {}
        }
    }
    let installment_today: Vec<&CustomerId> = portfolio
        .invoices
        .values()
        .filter(|i| i.terms.installments().iter().any(|c| c.due_on == today))
        .map(|i| &i.customer)
        .collect();

    // Overdue per currency, for shares and the Pareto set.
    let mut overdue_total: BTreeMap<Currency, Decimal> = BTreeMap::new();
    let mut by_amount: BTreeMap<Currency, Vec<(Decimal, &CustomerId)>> = BTreeMap::new();
    for (id, standing) in &standings {
        for money in standing.overdue.iter().filter(|m| m.amount > Decimal::ZERO) {
            *overdue_total.entry(money.currency).or_default() += money.amount;
            by_amount
                .entry(money.currency)
                .or_default()
                .push((money.amount, id));
        }
    }
    let mut top_debtors: Vec<&CustomerId> = Vec::new();
    for (currency, mut amounts) in by_amount {
        amounts.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        let limit = overdue_total[&currency] * PARETO_SHARE;
        let mut running = Decimal::ZERO;
        for (amount, id) in amounts {
            if running >= limit {
                break;
            }
            running += amount;
            top_debtors.push(id);
        }
    }

    let mut entries = Vec::new();
    for (id, standing) in &standings {
        let promise_today = promised_today.contains_key(id);
        let installment = installment_today.contains(&id);
        let overdue = !standing.overdue.is_zero();
        if standing.in_dispute || !assigned(id) || (!overdue && !promise_today && !installment) {
            continue;
        }
        let mut reasons: Vec<(Reason, i64)> = Vec::new();
        let share = standing
            .overdue
            .iter()
            .filter_map(|m| {
                let total = overdue_total.get(&m.currency)?;
                (m.amount * Decimal::ONE_HUNDRED / total).round().to_i64()
            })
            .max()
            .unwrap_or(0);
        if share > 0 {
            reasons.push((Reason::OverdueShare(share), share.min(40)));
        }
        if top_debtors.contains(&id) {
            reasons.push((Reason::TopDebtor, 20));
        }
        let days = standing.oldest_days_overdue;
        if days > 0 {
            reasons.push((Reason::DaysOverdue(days), days.min(180) / 6));
        }
        let typification = followup.typifications.get(id).cloned().unwrap_or_default();
        let risk_points = match typification.risk {
            Risk::Low => 0,
            Risk::Medium => 5,
            Risk::High => 10,
        };
        if risk_points > 0 {
            reasons.push((Reason::Risk(typification.risk), risk_points));
        }
        let broken_promises = broken.get(id).copied().unwrap_or(0);
        if broken_promises > 0 {
            reasons.push((
                Reason::BrokenPromises(broken_promises),
                (15 * i64::from(broken_promises)).min(45),
            ));
        }
        if promise_today {
            reasons.push((Reason::PromiseDueToday, 25));
        }
        if installment {
            reasons.push((Reason::InstallmentDueToday, 15));
        }
        let since = followup
            .last_contacts
            .get(id)
            .map(|d| (today - *d).num_days());
        let contact_points = since.map_or(10, |days| days.clamp(0, 30) / 3);
        if contact_points > 0 {
            reasons.push((Reason::NotContactedFor(since), contact_points));
        }
        entries.push(AgendaEntry {
            customer: id.clone(),
            score: reasons.iter().map(|(_, points)| points).sum(),
            reasons,
            suggestion: suggest(days, typification.willingness, broken_promises),
        });
    }
    entries.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| a.customer.cmp(&b.customer))
    });
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::customer::Customer;
    use crate::domain::dispute::{Dispute, DisputeId, DisputeReason};
    use crate::domain::invoice::{Invoice, InvoiceId, Terms};
    use crate::domain::money::Money;
    use crate::domain::promise::{Promise, PromiseId};
    use rust_decimal::dec;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).expect("valid date")
    }

    fn owes(p: &mut Portfolio, customer: &str, amount: Decimal, due: u32) {
        let id = CustomerId(customer.into());
        p.customers.insert(id.clone(), Customer::default());
        p.invoices.insert(
            InvoiceId(format!("F-{customer}")),
            Invoice {
                customer: id,
                issued_on: day(1),
                terms: Terms::single(Money::new(amount, Currency::COP), day(due)).expect("terms"),
            },
        );
    }

    #[test]
    fn the_biggest_and_oldest_debt_comes_first_with_its_reasons() {
        let mut p = Portfolio::default();
        owes(&mut p, "big", dec!(9000000), 2);
        owes(&mut p, "small", dec!(100000), 2);
        owes(&mut p, "not-due", dec!(5000000), 30);
        let list = agenda(&p, day(20), &Followup::default(), |_| true);
        let order: Vec<&str> = list.iter().map(|e| e.customer.0.as_str()).collect();
        assert_eq!(
            order,
            vec!["big", "small"],
            "what is not due is not on the list"
        );
        let big = &list[0];
        assert!(big.reasons.contains(&(Reason::TopDebtor, 20)));
        assert!(big.reasons.contains(&(Reason::DaysOverdue(18), 3)));
        assert!(big.reasons.contains(&(Reason::NotContactedFor(None), 10)));
        assert_eq!(big.score, big.reasons.iter().map(|(_, p)| p).sum::<i64>());
    }

    #[test]
    fn disputes_are_left_out_and_promises_due_today_come_in() {
        let mut p = Portfolio::default();
        owes(&mut p, "disputed", dec!(9000000), 2);
        owes(&mut p, "promised", dec!(100000), 30);
        p.disputes.insert(
            DisputeId("d".into()),
            Dispute {
                customer: CustomerId("disputed".into()),
                invoices: vec![],
                reason: DisputeReason::PricingError,
                opened_on: day(5),
                resolved_on: None,
            },
        );
        p.promises.insert(
            PromiseId("p".into()),
            Promise {
                customer: CustomerId("promised".into()),
                made_on: day(10),
                due_on: day(20),
                amount: Money::new(dec!(50000), Currency::COP),
            },
        );
        let list = agenda(&p, day(20), &Followup::default(), |_| true);
        assert_eq!(list.len(), 1);
        assert!(list[0].reasons.contains(&(Reason::PromiseDueToday, 25)));
    }
}
