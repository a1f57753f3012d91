//! The portfolio ("cartera") as the projection of the operation log presents it, and each
//! customer's standing in it.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::allocation::Allocation;
use super::customer::{Customer, CustomerId};
use super::dispute::{Dispute, DisputeId};
use super::invoice::{Invoice, InvoiceId};
use super::money::{Money, Totals};
use super::payment::{Payment, PaymentId};
use super::promise::{Promise, PromiseId};

/// Everything known about the customers and their debts; voided payments are already gone.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Portfolio {
    pub customers: BTreeMap<CustomerId, Customer>,
    pub invoices: BTreeMap<InvoiceId, Invoice>,
    pub payments: BTreeMap<PaymentId, Payment>,
    pub promises: BTreeMap<PromiseId, Promise>,
    pub disputes: BTreeMap<DisputeId, Dispute>,
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
}

impl Portfolio {
    /// Every customer's standing on `today`, counting what was invoiced and paid up to then.
    pub fn standings(&self, today: NaiveDate) -> BTreeMap<CustomerId, Standing> {
        let allocation = Allocation::compute(self, today);
        let mut standings: BTreeMap<CustomerId, Standing> = self
            .customers
            .keys()
            .map(|id| (id.clone(), Standing::default()))
            .collect();
        for (id, invoice) in &self.invoices {
            let open = allocation.open_amount(id, invoice);
            if invoice.issued_on > today || open.is_zero() {
                continue;
            }
            let standing = standings.entry(invoice.customer.clone()).or_default();
            let open = Money::new(open, invoice.amount.currency);
            standing.balance.add(open);
            standing.open_invoices += 1;
            let days = (today - invoice.due_on).num_days();
            if days > 0 {
                standing.overdue.add(open);
                standing.oldest_days_overdue = standing.oldest_days_overdue.max(days);
            }
        }
        for dispute in self.disputes.values().filter(|d| d.is_open()) {
            if let Some(standing) = standings.get_mut(&dispute.customer) {
                standing.in_dispute = true;
            }
        }
        standings
    }
}
