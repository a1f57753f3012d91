//! Who to contact today and why: a transparent score per customer, every point of it with its
//! reason, so the collector can see why an account is on top. Accounts in dispute, paid up,
//! paused by a payment plan on track, waiting for a promised day or a follow-up date, or not
//! yet due with nothing to follow up are left out.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rustc_hash::{FxHashMap, FxHashSet};

use super::agenda_skip::SkipReason;
use super::customer::CustomerId;
use super::escalation::{next_step, Suggestion};
use super::money::Currency;
use super::plan_progress::{InstallmentState, PlanProgress};
use super::portfolio::Portfolio;
use super::promise_outcome::{promise_outcomes, PromiseOutcome};
use super::standing::Standing;
use super::typification::Risk;

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
    /// The follow-up date a collector set has come.
    FollowUpDue,
    PlanInstallmentDueToday,
    /// A payment-plan instalment unpaid for this many days.
    PlanInstallmentOverdue(i64),
    PlanBroken,
    /// Days since the last contact; `None` when never contacted.
    NotContactedFor(Option<i64>),
}

/// Where an account on today's list stands with the collector.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    ToDo,
    /// Contacted today.
    Done,
    Skipped(SkipReason),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgendaEntry {
    pub customer: CustomerId,
    pub score: i64,
    pub reasons: Vec<(Reason, i64)>,
    pub suggestion: Suggestion,
    pub status: Status,
}

/// Share of the overdue portfolio that the top debtors hold.
const PARETO_SHARE: Decimal = rust_decimal::dec!(0.80);

/// What the portfolio says about each customer beyond their standing, gathered once.
struct Signals<'a> {
    broken_promises: FxHashMap<&'a CustomerId, u32>,
    promised_today: FxHashSet<&'a CustomerId>,
    /// A promise not yet due: the customer is left alone until then.
    awaiting_promise: FxHashSet<&'a CustomerId>,
    installment_today: FxHashSet<&'a CustomerId>,
    last_contact: FxHashMap<&'a CustomerId, NaiveDate>,
    /// The follow-up date of each customer's latest contact, when one was set.
    next_followup: FxHashMap<&'a CustomerId, NaiveDate>,
    contacted_today: FxHashSet<&'a CustomerId>,
    skipped_today: FxHashMap<&'a CustomerId, SkipReason>,
    plans: FxHashMap<&'a CustomerId, PlanProgress>,
}

impl<'a> Signals<'a> {
    fn gather(portfolio: &'a Portfolio, today: NaiveDate) -> Signals<'a> {
        let outcomes = promise_outcomes(portfolio, today);
        let mut broken_promises: FxHashMap<&CustomerId, u32> = FxHashMap::default();
        let mut promised_today = FxHashSet::default();
        let mut awaiting_promise = FxHashSet::default();
        for (id, promise) in &portfolio.promises {
            match outcomes.get(id) {
                Some(outcome) if outcome.is_broken() => {
                    *broken_promises.entry(&promise.customer).or_default() += 1
                }
                Some(PromiseOutcome::Pending) if promise.due_on == today => {
                    promised_today.insert(&promise.customer);
                }
                Some(PromiseOutcome::Pending) => {
                    awaiting_promise.insert(&promise.customer);
                }
                _ => {}
            }
        }
        let installment_today = portfolio
            .invoices
            .values()
            .filter(|i| i.terms.installments().iter().any(|c| c.due_on == today))
            .map(|i| &i.customer)
            .collect();
        let mut latest = FxHashMap::default();
        for contact in portfolio.contacts.values().filter(|c| c.on() <= today) {
            let entry = latest.entry(&contact.customer).or_insert(contact);
            if contact.at > entry.at {
                *entry = contact;
            }
        }
        let skipped_today = portfolio
            .skips
            .values()
            .filter(|s| s.on == today)
            .map(|s| (&s.customer, s.reason))
            .collect();
        let plans = portfolio
            .plans_in_progress(today)
            .into_iter()
            .filter_map(|(customer, (_, progress))| {
                (!progress.is_finished()).then_some((customer, progress))
            })
            .collect();
        Signals {
            broken_promises,
            promised_today,
            awaiting_promise,
            installment_today,
            last_contact: latest
                .iter()
                .map(|(c, contact)| (*c, contact.on()))
                .collect(),
            next_followup: latest
                .iter()
                .filter_map(|(c, contact)| Some((*c, contact.next_followup?)))
                .collect(),
            contacted_today: latest
                .iter()
                .filter(|(_, contact)| contact.on() == today)
                .map(|(c, _)| *c)
                .collect(),
            skipped_today,
            plans,
        }
    }
}

/// The Pareto set: per currency, the largest debtors who together owe 80 % of what is overdue,
/// and each currency's overdue total.
fn top_debtors(
    standings: &BTreeMap<CustomerId, Standing>,
) -> (FxHashSet<&CustomerId>, BTreeMap<Currency, Decimal>) {
    let mut overdue_total: BTreeMap<Currency, Decimal> = BTreeMap::new();
    let mut by_amount: BTreeMap<Currency, Vec<(Decimal, &CustomerId)>> = BTreeMap::new();
    for (id, standing) in standings {
        for money in standing
            .collectible
            .iter()
            .filter(|m| m.amount > Decimal::ZERO)
        {
            *overdue_total.entry(money.currency).or_default() += money.amount;
            by_amount
                .entry(money.currency)
                .or_default()
                .push((money.amount, id));
        }
    }
    let mut top = FxHashSet::default();
    for (currency, mut amounts) in by_amount {
        amounts.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        let limit = overdue_total[&currency] * PARETO_SHARE;
        let mut running = Decimal::ZERO;
        for (amount, id) in amounts {
            if running >= limit {
                break;
            }
            running += amount;
            top.insert(id);
        }
    }
    (top, overdue_total)
}

/// Today's agenda for the customers `assigned` accepts: those still to contact, highest score
/// first, then those contacted or skipped today. `standings` are the portfolio's on `today`.
pub fn agenda(
    portfolio: &Portfolio,
    standings: &BTreeMap<CustomerId, Standing>,
    today: NaiveDate,
    assigned: impl Fn(&CustomerId) -> bool,
) -> Vec<AgendaEntry> {
    let signals = Signals::gather(portfolio, today);
    let (top, overdue_total) = top_debtors(standings);
    let mut entries = Vec::new();
    for (id, standing) in standings.iter().filter(|(id, _)| assigned(id)) {
        let mut reasons: Vec<(Reason, i64)> = Vec::new();
        let plan = signals.plans.get(id);
        let plan_due_today = plan.is_some_and(|p| p.count(|s| s == InstallmentState::DueToday) > 0);
        let plan_overdue = plan.and_then(|p| {
            p.installments
                .iter()
                .filter_map(|(_, s)| match s {
                    InstallmentState::Overdue(days) => Some(*days),
                    _ => None,
                })
                .max()
        });
        let plan_broken = plan.is_some_and(|p| p.broken);
        // A plan on track pauses collection of the old debt: only its own instalments count.
        let paused = plan.is_some() && !plan_broken;
        let overdue = !standing.collectible.is_zero() && !paused;
        if plan_broken {
            reasons.push((Reason::PlanBroken, 30));
        } else if let Some(days) = plan_overdue {
            reasons.push((Reason::PlanInstallmentOverdue(days), 20));
        }
        if plan_due_today {
            reasons.push((Reason::PlanInstallmentDueToday, 15));
        }
        let promise_today = signals.promised_today.contains(id);
        if promise_today {
            reasons.push((Reason::PromiseDueToday, 25));
        }
        if signals.installment_today.contains(id) && !paused {
            reasons.push((Reason::InstallmentDueToday, 15));
        }
        let followup = signals.next_followup.get(id).copied();
        let followup_due = followup.is_some_and(|d| d <= today);
        let waiting = followup.is_some_and(|d| d > today) || signals.awaiting_promise.contains(id);
        if followup_due && (overdue || !reasons.is_empty()) {
            reasons.push((Reason::FollowUpDue, 20));
        }
        let status = if signals.contacted_today.contains(id) {
            Status::Done
        } else if let Some(reason) = signals.skipped_today.get(id) {
            Status::Skipped(*reason)
        } else {
            Status::ToDo
        };
        let wanted = !reasons.is_empty() || (overdue && !waiting);
        if !wanted && status == Status::ToDo {
            continue;
        }
        if overdue {
            let share = standing
                .collectible
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
            if top.contains(id) {
                reasons.push((Reason::TopDebtor, 20));
            }
        }
        let days = if paused {
            0
        } else {
            standing.collectible_days_overdue
        };
        if days > 0 {
            reasons.push((Reason::DaysOverdue(days), days.min(180) / 6));
        }
        let typification = portfolio.typifications.get(id).cloned().unwrap_or_default();
        let risk_points = match typification.risk {
            Risk::Low => 0,
            Risk::Medium => 5,
            Risk::High => 10,
        };
        if risk_points > 0 {
            reasons.push((Reason::Risk(typification.risk), risk_points));
        }
        let broken_promises = signals.broken_promises.get(id).copied().unwrap_or(0);
        if broken_promises > 0 {
            reasons.push((
                Reason::BrokenPromises(broken_promises),
                (15 * i64::from(broken_promises)).min(45),
            ));
        }
        let since = signals
            .last_contact
            .get(id)
            .map(|d| (today - *d).num_days());
        let contact_points = since.map_or(10, |days| days.clamp(0, 30) / 3);
        if contact_points > 0 {
            reasons.push((Reason::NotContactedFor(since), contact_points));
        }
        let suggestion = next_step(
            &typification,
            standing.collectible_days_overdue,
            broken_promises,
        );
        entries.push(AgendaEntry {
            customer: id.clone(),
            score: reasons.iter().map(|(_, points)| points).sum(),
            reasons,
            suggestion,
            status,
        });
    }
    entries.sort_by(|a, b| {
        (a.status != Status::ToDo)
            .cmp(&(b.status != Status::ToDo))
            .then_with(|| b.score.cmp(&a.score))
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
            InvoiceId(format!("F-{customer}").into()),
            Invoice {
                kind: Default::default(),
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
        let list = agenda(&p, &p.standings(day(20)), day(20), |_| true);
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
                amount: None,
                owner: String::new(),
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
                channel: None,
            },
        );
        let list = agenda(&p, &p.standings(day(20)), day(20), |_| true);
        assert_eq!(list.len(), 1);
        assert!(list[0].reasons.contains(&(Reason::PromiseDueToday, 25)));
    }
}
