//! Where each customer stands on a day — balance, overdue, disputed, what a collector may
//! chase — and the portfolio's headline numbers. Worked out from one allocation of payments
//! over the portfolio, so this sits above both.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use super::allocation::Allocation;
use super::customer::CustomerId;
use super::dispute::OpenDisputes;
use super::money::{Money, Totals};
use super::portfolio::Portfolio;
use super::reminder::{open_items_under, ReminderItem};

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
    use crate::domain::customer::Customer;
    use crate::domain::invoice::{Invoice, InvoiceId, Terms};
    use crate::domain::money::Currency;
    use crate::domain::payment::{Payment, PaymentId, PaymentMethod};
    use rust_decimal::dec;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 5, d).expect("valid date")
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
                    kind: Default::default(),
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
