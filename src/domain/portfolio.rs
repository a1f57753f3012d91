//! The portfolio ("cartera") as the projection of the operation log presents it, and each
//! customer's standing in it.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::agenda_skip::AgendaSkip;
use super::allocation::Allocation;
use super::contact::{Channel, Contact, ContactId};
use super::credit_note::{CreditNote, CreditNoteId};
use super::customer::{Customer, CustomerId};
use super::dispute::{Dispute, DisputeId, OpenDisputes};
use super::invoice::{Invoice, InvoiceId};
use super::money::{Currency, Money, Totals};
use super::payment::{Payment, PaymentId, VoidedPayment};
use super::payment_plan::{PaymentPlan, PlanId};
use super::plan_progress::{plan_progress, PlanProgress};
use super::promise::{Promise, PromiseId};
use super::reminder::{open_items_under, ReminderItem};
use super::typification::Typification;

/// Everything known about the customers and their debts; voided payments are already gone.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Portfolio {
    pub customers: BTreeMap<CustomerId, Customer>,
    pub invoices: BTreeMap<InvoiceId, Invoice>,
    pub payments: BTreeMap<PaymentId, Payment>,
    pub credit_notes: BTreeMap<CreditNoteId, CreditNote>,
    pub promises: BTreeMap<PromiseId, Promise>,
    pub disputes: BTreeMap<DisputeId, Dispute>,
    pub voided_payments: BTreeMap<PaymentId, VoidedPayment>,
    pub contacts: BTreeMap<ContactId, Contact>,
    /// The latest typification of each customer.
    pub typifications: BTreeMap<CustomerId, Typification>,
    /// Keyed by the id of the operation that recorded the skip.
    pub skips: BTreeMap<String, AgendaSkip>,
    pub plans: BTreeMap<PlanId, PaymentPlan>,
    /// Channels each customer asked not to be contacted through, and since when.
    #[serde(default)]
    pub revoked_channels: BTreeMap<CustomerId, BTreeMap<Channel, NaiveDate>>,
}

/// The entries of `map` whose value is theirs.
fn own<K: Ord + Clone, V: Clone>(
    map: &BTreeMap<K, V>,
    is_theirs: impl Fn(&V) -> bool,
) -> BTreeMap<K, V> {
    map.iter()
        .filter(|(_, value)| is_theirs(value))
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect()
}

/// The entries of a map keyed by customer that belong to `customers`.
fn keyed<V: Clone>(
    map: &BTreeMap<CustomerId, V>,
    customers: &BTreeSet<CustomerId>,
) -> BTreeMap<CustomerId, V> {
    customers
        .iter()
        .filter_map(|customer| map.get_key_value(customer))
        .map(|(key, value)| (key.clone(), value.clone()))
        .collect()
}

/// Where one customer stands on a given day.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Standing {
    pub balance: Totals,
    pub overdue: Totals,
    /// Days past due of the oldest unpaid invoice; zero or less when nothing is overdue.
    pub oldest_days_overdue: i64,
    pub open_invoices: usize,
    pub in_dispute: bool,
    /// What is overdue outside any open dispute: what a collector may chase.
    pub collectible: Totals,
    pub collectible_days_overdue: i64,
}

impl Portfolio {
    /// Everything about one customer, as a portfolio of its own. What a customer's screen
    /// shows (their invoices as settled, their promises kept or broken, their timeline)
    /// depends on their own records only, so it is worked out on this instead of on the
    /// whole portfolio: at 20,000 customers that is the difference between a screen that
    /// opens at once and one that takes a second.
    pub fn of_customer(&self, customer: &CustomerId) -> Portfolio {
        self.of_customers(&BTreeSet::from([customer.clone()]))
    }

    /// Everything about `customers`, as a portfolio of their own.
    pub fn of_customers(&self, customers: &BTreeSet<CustomerId>) -> Portfolio {
        let theirs = |id: &CustomerId| customers.contains(id);
        Portfolio {
            promises: own(&self.promises, |p| theirs(&p.customer)),
            voided_payments: own(&self.voided_payments, |v| theirs(&v.payment.customer)),
            contacts: own(&self.contacts, |c| theirs(&c.customer)),
            typifications: keyed(&self.typifications, customers),
            skips: own(&self.skips, |s| theirs(&s.customer)),
            plans: own(&self.plans, |p| theirs(&p.customer)),
            revoked_channels: keyed(&self.revoked_channels, customers),
            ..self.accounts_of(customers)
        }
    }

    /// What the accounts of `customers` depend on, as a portfolio of its own: the customers,
    /// their invoices and what settles or disputes them. Bringing accounts up to date after
    /// a save need not read every contact and promise of the portfolio.
    pub fn accounts_of(&self, customers: &BTreeSet<CustomerId>) -> Portfolio {
        let theirs = |id: &CustomerId| customers.contains(id);
        Portfolio {
            customers: keyed(&self.customers, customers),
            invoices: own(&self.invoices, |i| theirs(&i.customer)),
            payments: own(&self.payments, |p| theirs(&p.customer)),
            credit_notes: own(&self.credit_notes, |n| theirs(&n.customer)),
            disputes: own(&self.disputes, |d| theirs(&d.customer)),
            ..Portfolio::default()
        }
    }

    /// The contacts with each of `customers`, gathered in one pass: a screen of agenda rows
    /// asks the contact policy about each row's customer.
    pub fn contacts_of(
        &self,
        customers: &BTreeSet<CustomerId>,
    ) -> BTreeMap<CustomerId, Vec<Contact>> {
        let mut theirs: BTreeMap<CustomerId, Vec<Contact>> = BTreeMap::new();
        for contact in self
            .contacts
            .values()
            .filter(|c| customers.contains(&c.customer))
        {
            theirs
                .entry(contact.customer.clone())
                .or_default()
                .push(contact.clone());
        }
        theirs
    }

    /// The currency the portfolio is kept in: its first invoice's, else the usual one.
    pub fn usual_currency(&self) -> Currency {
        self.invoices
            .values()
            .next()
            .map_or(Currency::USUAL, |invoice| invoice.amount().currency)
    }

    /// The collectors customers are assigned to, by name, each once.
    pub fn collectors(&self) -> Vec<String> {
        let named: BTreeSet<&str> = self
            .customers
            .values()
            .map(|c| c.collector.as_str())
            .filter(|c| !c.is_empty())
            .collect();
        named.into_iter().map(str::to_owned).collect()
    }

    /// Whether some customer is assigned to no collector.
    pub fn has_unassigned(&self) -> bool {
        self.customers.values().any(|c| c.collector.is_empty())
    }

    /// The channels `customer` revoked.
    pub fn revoked(&self, customer: &CustomerId) -> BTreeSet<Channel> {
        self.revoked_channels
            .get(customer)
            .map(|channels| channels.keys().copied().collect())
            .unwrap_or_default()
    }

    /// Every payment ever recorded, voided ones included: receipts are numbered and looked
    /// up across all of them.
    pub fn every_payment(&self) -> impl Iterator<Item = &Payment> {
        self.payments
            .values()
            .chain(self.voided_payments.values().map(|v| &v.payment))
    }

    /// Each customer's plan in force: the one agreed last (on the same day, the one with the
    /// greater id, so that every device picks the same).
    pub fn plans_in_force(&self) -> BTreeMap<&CustomerId, &PaymentPlan> {
        let mut in_force: BTreeMap<&CustomerId, (&PlanId, &PaymentPlan)> = BTreeMap::new();
        for (id, plan) in &self.plans {
            let entry = in_force.entry(&plan.customer).or_insert((id, plan));
            if (plan.terms.agreed_on, id) > (entry.1.terms.agreed_on, entry.0) {
                *entry = (id, plan);
            }
        }
        in_force
            .into_iter()
            .map(|(customer, (_, plan))| (customer, plan))
            .collect()
    }

    /// Each customer's plan in force with its progress on `today`, worked out from that
    /// customer's own payments only; a plan whose schedule cannot be worked out is left out.
    pub fn plans_in_progress(
        &self,
        today: NaiveDate,
    ) -> BTreeMap<&CustomerId, (&PaymentPlan, PlanProgress)> {
        let in_force = self.plans_in_force();
        let mut payments: BTreeMap<&CustomerId, Vec<&Payment>> = BTreeMap::new();
        for payment in self
            .payments
            .values()
            .filter(|p| in_force.contains_key(&p.customer))
        {
            payments.entry(&payment.customer).or_default().push(payment);
        }
        in_force
            .into_iter()
            .filter_map(|(customer, plan)| {
                let theirs = payments.get(customer).into_iter().flatten().copied();
                let progress = plan_progress(plan, theirs, today).ok()?;
                Some((customer, (plan, progress)))
            })
            .collect()
    }

    /// Every customer's standing on `today`, counting what was invoiced and paid up to then.
    pub fn standings(&self, today: NaiveDate) -> BTreeMap<CustomerId, Standing> {
        let disputes = OpenDisputes::among(self.disputes.values());
        self.standings_under(&Allocation::compute(self, today), &disputes, today)
    }

    /// Every customer's standing and open items on `today`, from one allocation.
    pub fn open_accounts(&self, today: NaiveDate) -> OpenAccounts {
        let allocation = Allocation::compute(self, today);
        let disputes = OpenDisputes::among(self.disputes.values());
        OpenAccounts {
            standings: self.standings_under(&allocation, &disputes, today),
            items: open_items_under(&allocation, &disputes),
        }
    }

    fn standings_under(
        &self,
        allocation: &Allocation<'_>,
        disputes: &OpenDisputes<'_>,
        today: NaiveDate,
    ) -> BTreeMap<CustomerId, Standing> {
        let mut standings: BTreeMap<CustomerId, Standing> = self
            .customers
            .keys()
            .map(|id| (id.clone(), Standing::default()))
            .collect();
        for ledger in allocation.ledgers().filter(|ledger| ledger.owes()) {
            let standing = standings.entry(ledger.customer.clone()).or_default();
            for (id, _, dues) in ledger.invoices() {
                let mut open = dues.filter(|due| !due.amount.is_zero()).peekable();
                if open.peek().is_none() {
                    continue;
                }
                standing.open_invoices += 1;
                let disputed = disputes.cover(ledger.customer, id);
                for due in open {
                    let open = Money::new(due.amount, ledger.currency);
                    standing.balance.add(open);
                    let days = (today - due.due_on).num_days();
                    if days > 0 {
                        standing.overdue.add(open);
                        standing.oldest_days_overdue = standing.oldest_days_overdue.max(days);
                        if !disputed {
                            standing.collectible.add(open);
                            standing.collectible_days_overdue =
                                standing.collectible_days_overdue.max(days);
                        }
                    }
                }
            }
        }
        for customer in disputes.customers() {
            if let Some(standing) = standings.get_mut(customer) {
                standing.in_dispute = true;
            }
        }
        standings
    }
}

/// Where every customer stands on a day and what each still owes, item by item. Hoy, Cartera
/// and the reminders read both; working out the allocation is most of the cost of each, so
/// both come from one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OpenAccounts {
    pub standings: BTreeMap<CustomerId, Standing>,
    /// As [`open_items`](super::reminder::open_items) gives them.
    pub items: BTreeMap<CustomerId, Vec<ReminderItem>>,
}

impl OpenAccounts {
    /// Works out again the accounts of `customers` alone, after something changed theirs:
    /// an account depends on its customer's own records only, so a payment need not settle
    /// the whole portfolio again.
    pub fn refresh(
        &mut self,
        portfolio: &Portfolio,
        customers: &BTreeSet<CustomerId>,
        today: NaiveDate,
    ) {
        let mut theirs = portfolio.accounts_of(customers).open_accounts(today);
        for customer in customers {
            match theirs.standings.remove(customer) {
                Some(standing) => self.standings.insert(customer.clone(), standing),
                None => self.standings.remove(customer),
            };
            match theirs.items.remove(customer) {
                Some(items) => self.items.insert(customer.clone(), items),
                None => self.items.remove(customer),
            };
        }
    }
}

/// The headline numbers of the portfolio on a day.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub receivable: Totals,
    pub overdue: Totals,
    pub customers_overdue: usize,
    pub promises_due_today: usize,
}

impl Portfolio {
    /// The headline numbers from the customers' standings on `today`.
    pub fn summary(&self, standings: &BTreeMap<CustomerId, Standing>, today: NaiveDate) -> Summary {
        let mut summary = Summary::default();
        for standing in standings.values() {
            for money in standing.balance.iter() {
                summary.receivable.add(money);
            }
            for money in standing.overdue.iter() {
                summary.overdue.add(money);
            }
            if !standing.overdue.is_zero() {
                summary.customers_overdue += 1;
            }
        }
        summary.promises_due_today = self.promises.values().filter(|p| p.due_on == today).count();
        summary
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::invoice::Terms;
    use crate::domain::money::Currency;
    use crate::domain::payment::PaymentMethod;
    use rust_decimal::dec;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 5, d).expect("valid date")
    }

    #[test]
    fn the_plan_in_force_is_the_last_agreed_whatever_the_order_it_arrived_in() {
        use crate::domain::payment_plan::{Frequency, PlanTerms};
        use rust_decimal::Decimal;
        let plan = |agreed: u32| PaymentPlan {
            customer: CustomerId("c".into()),
            terms: PlanTerms {
                balance: Money::new(dec!(100), Currency::COP),
                down_payment: Decimal::ZERO,
                agreed_on: day(agreed),
                first_due: day(28),
                frequency: Frequency::Monthly,
                installments: 2,
                monthly_rate: Decimal::ZERO,
            },
        };
        let mut p = Portfolio::default();
        for (id, agreed) in [("b:1", 10), ("a:9", 12), ("c:2", 12), ("d:5", 3)] {
            p.plans.insert(PlanId(id.into()), plan(agreed));
        }
        let in_force = p.plans_in_force();
        let chosen = in_force[&CustomerId("c".into())];
        assert_eq!(chosen.terms.agreed_on, day(12));
        let id = p.plans.iter().find(|(_, plan)| std::ptr::eq(*plan, chosen));
        assert_eq!(
            id.map(|(id, _)| id.0.as_str()),
            Some("c:2"),
            "same day: the greater id"
        );
    }

    #[test]
    fn standing_counts_only_what_is_still_owed() {
        let mut p = Portfolio::default();
        let customer = CustomerId("c".into());
        p.customers.insert(customer.clone(), Customer::default());
        for (n, due) in [("A", 2), ("B", 20)] {
            let terms = Terms::single(Money::new(dec!(100), Currency::COP), day(due));
            p.invoices.insert(
                InvoiceId(n.into()),
                Invoice {
                    customer: customer.clone(),
                    issued_on: day(1),
                    terms: terms.expect("valid terms"),
                },
            );
        }
        p.payments.insert(
            PaymentId("p".into()),
            Payment {
                customer: customer.clone(),
                received_on: day(3),
                amount: Money::new(dec!(40), Currency::COP),
                method: PaymentMethod::Cash,
                reference: Default::default(),
                applies_to: vec![],
                receipt: None,
            },
        );
        let standing = &p.standings(day(10))[&customer];
        assert_eq!(standing.balance.get(Currency::COP), dec!(160));
        assert_eq!(standing.overdue.get(Currency::COP), dec!(60));
        assert_eq!(standing.oldest_days_overdue, 8);
        assert_eq!(standing.open_invoices, 2);
        let summary = p.summary(&p.standings(day(10)), day(10));
        assert_eq!(summary.customers_overdue, 1);
        assert_eq!(summary.receivable.get(Currency::COP), dec!(160));
    }
}
