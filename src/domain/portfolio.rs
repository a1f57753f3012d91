//! The portfolio ("cartera") as the projection of the operation log presents it, and the parts
//! of it one customer or a few depend on. Where each customer stands is `standing`'s to work
//! out, above the allocation that needs this data.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::agenda_skip::AgendaSkip;
use super::book::Book;
use super::bureau_report::BureauFiling;
use super::contact::{Channel, Contact, ContactId};
use super::credit_hold::{CreditHold, HoldChange};
use super::credit_note::{CreditNote, CreditNoteId};
use super::customer::{Customer, CustomerId};
use super::dispute::{Dispute, DisputeId};
use super::invoice::{Invoice, InvoiceId};
use super::invoice_acceptance::Delivery;
use super::money::Currency;
use super::payment::{Payment, PaymentId, VoidedPayment};
use super::payment_plan::{PaymentPlan, PlanId};
use super::plan_progress::{plan_progress, PlanProgress};
use super::promise::{Promise, PromiseId};
use super::sales_handoff::SalesHandoff;
use super::typification::Typification;

/// Everything known about the customers and their debts; voided payments are already gone.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Portfolio {
    pub customers: BTreeMap<CustomerId, Customer>,
    pub invoices: Book<InvoiceId, Invoice>,
    pub payments: Book<PaymentId, Payment>,
    pub credit_notes: Book<CreditNoteId, CreditNote>,
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
    /// Customers whose credit is withdrawn, and since when.
    #[serde(default)]
    pub credit_holds: BTreeMap<CustomerId, CreditHold>,
    /// Every time a credit was withdrawn or given back, keyed by the operation's id.
    #[serde(default)]
    pub hold_changes: BTreeMap<String, HoldChange>,
    /// Accounts handed to their salesperson, keyed by the operation's id.
    #[serde(default)]
    pub handoffs: BTreeMap<String, SalesHandoff>,
    /// What the business recorded doing with the credit bureaus, keyed by the operation's id.
    #[serde(default)]
    pub bureau_filings: BTreeMap<String, BureauFiling>,
    /// What is known of each invoice's delivery and acceptance.
    #[serde(default)]
    pub deliveries: BTreeMap<InvoiceId, Delivery>,
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
            credit_holds: keyed(&self.credit_holds, customers),
            hold_changes: own(&self.hold_changes, |h| theirs(&h.customer)),
            handoffs: own(&self.handoffs, |h| theirs(&h.customer)),
            bureau_filings: own(&self.bureau_filings, |f| theirs(&f.customer)),
            deliveries: self
                .deliveries
                .iter()
                .filter(|(id, _)| {
                    self.invoices
                        .get(*id)
                        .is_some_and(|invoice| theirs(&invoice.customer))
                })
                .map(|(id, delivery)| (id.clone(), delivery.clone()))
                .collect(),
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
            invoices: self.invoices.filtered(|i| theirs(&i.customer)),
            payments: self.payments.filtered(|p| theirs(&p.customer)),
            credit_notes: self.credit_notes.filtered(|n| theirs(&n.customer)),
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Money;
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
}
