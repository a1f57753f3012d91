//! Reminders before and after each due date, computed from the portfolio on the day rather than
//! stored as pending jobs: a step missed on a day the app was not opened is still offered, once,
//! and a step already delivered (or overtaken by a later one) never comes back. Reminders skip
//! what is paid, what is disputed and customers paused by a plan on track or a promise not yet
//! due.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::allocation::Allocation;
use super::customer::CustomerId;
use super::dispute::OpenDisputes;
use super::invoice::InvoiceId;
use super::money::Money;
use super::portfolio::Portfolio;
use super::promise_outcome::{promise_outcomes, PromiseOutcome};
use super::reminder_key::ReminderKey;

/// The last step stays on offer this many days, so a phone left off over a weekend still
/// sends it; after that the account belongs to the agenda, not to reminders.
pub const LAST_STEP_LINGERS_DAYS: i64 = 7;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderSchedule {
    /// Days from the due date of each step, e.g. −3, 0 and 3.
    pub steps: Vec<i32>,
    /// One statement per customer with every open invoice, instead of one message per due.
    #[serde(default)]
    pub consolidated: bool,
}

impl Default for ReminderSchedule {
    fn default() -> Self {
        ReminderSchedule {
            steps: vec![-3, 0, 3],
            consolidated: false,
        }
    }
}

impl ReminderSchedule {
    /// The steps, earliest first, each once: the order they go out in.
    pub fn days(&self) -> Vec<i32> {
        let mut steps = self.steps.clone();
        steps.sort_unstable();
        steps.dedup();
        steps
    }

    /// The step a due `days_from_due` days away has reached and that is still on offer.
    fn step_on(&self, days_from_due: i64) -> Option<i32> {
        let steps = self.days();
        let position = steps
            .iter()
            .rposition(|step| i64::from(*step) <= days_from_due)?;
        let step = steps[position];
        let last = position + 1 == steps.len();
        let lingering = days_from_due - i64::from(step) < LAST_STEP_LINGERS_DAYS;
        (!last || lingering).then_some(step)
    }
}

/// An open due a reminder speaks of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReminderItem {
    pub invoice: InvoiceId,
    pub installment: Option<u32>,
    pub due_on: NaiveDate,
    pub open: Money,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueReminder {
    pub customer: CustomerId,
    /// The step, or `None` for a consolidated statement.
    pub step: Option<i32>,
    /// What the message lists: the dues of the step, or every open due for a statement.
    pub items: Vec<ReminderItem>,
    /// The steps sending this message delivers.
    pub keys: Vec<ReminderKey>,
}

/// Every customer's open dues outside open disputes, issued by `today`, earliest due first:
/// what a reminder or a collector's message may ask for.
pub fn open_items(
    portfolio: &Portfolio,
    today: NaiveDate,
) -> BTreeMap<CustomerId, Vec<ReminderItem>> {
    let disputes = OpenDisputes::among(portfolio.disputes.values());
    open_items_under(&Allocation::compute(portfolio, today), &disputes)
}

pub(super) fn open_items_under(
    allocation: &Allocation<'_>,
    disputes: &OpenDisputes<'_>,
) -> BTreeMap<CustomerId, Vec<ReminderItem>> {
    let mut by_customer: BTreeMap<CustomerId, Vec<ReminderItem>> = BTreeMap::new();
    for ledger in allocation.ledgers().filter(|ledger| ledger.owes()) {
        let items = by_customer.entry(ledger.customer.clone()).or_default();
        for (id, _, dues) in ledger.invoices() {
            if disputes.cover(ledger.customer, id) {
                continue;
            }
            for due in dues.filter(|due| due.amount > Decimal::ZERO) {
                items.push(ReminderItem {
                    invoice: id.clone(),
                    installment: due.installment,
                    due_on: due.due_on,
                    open: Money::new(due.amount, ledger.currency),
                });
            }
        }
    }
    // An account whose every open due is in dispute has nothing to ask for.
    by_customer.retain(|_, items| !items.is_empty());
    for items in by_customer.values_mut() {
        items.sort_by(|a, b| (a.due_on, &a.invoice).cmp(&(b.due_on, &b.invoice)));
    }
    by_customer
}

/// The reminders to send on `today`, by customer, earliest due first; `open` is what
/// [`open_items`] gives for the same day, which the screens already hold.
pub fn due_reminders(
    portfolio: &Portfolio,
    open: &BTreeMap<CustomerId, Vec<ReminderItem>>,
    schedule: &ReminderSchedule,
    today: NaiveDate,
) -> Vec<DueReminder> {
    let paused = paused_customers(portfolio, today);
    let mut delivered: BTreeMap<(&InvoiceId, Option<u32>), i32> = BTreeMap::new();
    for key in portfolio.contacts.values().flat_map(|c| &c.reminded) {
        let latest = delivered
            .entry((&key.invoice, key.installment))
            .or_insert(key.step);
        *latest = (*latest).max(key.step);
    }
    let mut reminders = Vec::new();
    for (customer, items) in open {
        if paused.contains(customer) {
            continue;
        }
        let keys: Vec<ReminderKey> = items
            .iter()
            .filter_map(|item| {
                let step = schedule.step_on((today - item.due_on).num_days())?;
                let sent = delivered.get(&(&item.invoice, item.installment));
                sent.is_none_or(|sent| *sent < step).then(|| ReminderKey {
                    invoice: item.invoice.clone(),
                    installment: item.installment,
                    step,
                })
            })
            .collect();
        if keys.is_empty() {
            continue;
        }
        if schedule.consolidated {
            reminders.push(DueReminder {
                customer: customer.clone(),
                step: None,
                items: items.clone(),
                keys,
            });
            continue;
        }
        for key in keys {
            let item = items
                .iter()
                .find(|i| i.invoice == key.invoice && i.installment == key.installment)
                .cloned();
            reminders.extend(item.map(|item| DueReminder {
                customer: customer.clone(),
                step: Some(key.step),
                items: vec![item],
                keys: vec![key],
            }));
        }
    }
    reminders
}

/// Customers collection leaves alone for now: a payment plan on track, or a promise whose day
/// has not come.
pub fn paused_customers(portfolio: &Portfolio, today: NaiveDate) -> BTreeSet<&CustomerId> {
    let outcomes = promise_outcomes(portfolio, today);
    let awaiting = portfolio.promises.iter().filter_map(|(id, promise)| {
        let pending = outcomes.get(id) == Some(&PromiseOutcome::Pending);
        (pending && promise.due_on > today).then_some(&promise.customer)
    });
    let on_plan =
        portfolio
            .plans_in_progress(today)
            .into_iter()
            .filter_map(|(customer, (_, progress))| {
                (!progress.is_finished() && !progress.broken).then_some(customer)
            });
    awaiting.chain(on_plan).collect()
}

#[cfg(test)]
mod tests;
