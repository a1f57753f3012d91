//! Which invoices each payment pays. Balances are never stored: they follow from this
//! deterministic function of the set of invoices and payments, so every device that holds the
//! same operations computes the same balances, whatever order the operations arrived in.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::invoice::{Invoice, InvoiceId};
use super::payment::PaymentId;
use super::portfolio::Portfolio;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Allocation {
    /// Amount paid on each invoice; never more than the invoice amount.
    pub paid: BTreeMap<InvoiceId, Decimal>,
    /// How each payment was split over invoices.
    pub applied: BTreeMap<PaymentId, Vec<(InvoiceId, Decimal)>>,
    /// What a payment left over once the customer's invoices in its currency were paid: a
    /// credit in the customer's favour, never a negative invoice balance.
    pub unapplied: BTreeMap<PaymentId, Decimal>,
}

impl Allocation {
    /// Allocates the payments received up to `as_of` to the invoices issued up to then.
    ///
    /// Payments are taken in order of date (then id); each goes first to the invoices it names,
    /// in the order named, then to the customer's other invoices in its currency, oldest due
    /// first.
    pub fn compute(portfolio: &Portfolio, as_of: NaiveDate) -> Allocation {
        let mut allocation = Allocation::default();
        let mut payments: Vec<_> = portfolio
            .payments
            .iter()
            .filter(|(_, p)| p.received_on <= as_of)
            .collect();
        payments.sort_by(|(a_id, a), (b_id, b)| (a.received_on, a_id).cmp(&(b.received_on, b_id)));

        let mut by_due: Vec<(&InvoiceId, &Invoice)> = portfolio
            .invoices
            .iter()
            .filter(|(_, inv)| inv.issued_on <= as_of)
            .collect();
        by_due.sort_by(|(a_id, a), (b_id, b)| {
            (a.due_on, a.issued_on, a_id).cmp(&(b.due_on, b.issued_on, b_id))
        });

        for (payment_id, payment) in payments {
            let eligible = |inv: &Invoice| {
                inv.customer == payment.customer && inv.amount.currency == payment.amount.currency
            };
            let named = payment
                .applies_to
                .iter()
                .filter_map(|id| portfolio.invoices.get_key_value(id))
                .filter(|(_, inv)| inv.issued_on <= as_of);
            let rest = by_due
                .iter()
                .copied()
                .filter(|(id, _)| !payment.applies_to.contains(id));
            let mut remaining = payment.amount.amount;
            let mut splits = Vec::new();
            for (invoice_id, invoice) in named.chain(rest) {
                if remaining <= Decimal::ZERO {
                    break;
                }
                if !eligible(invoice) {
                    continue;
                }
                let paid = allocation.paid.entry(invoice_id.clone()).or_default();
                let take = (invoice.amount.amount - *paid).min(remaining);
                if take > Decimal::ZERO {
                    *paid += take;
                    remaining -= take;
                    splits.push((invoice_id.clone(), take));
                }
            }
            if remaining > Decimal::ZERO {
                allocation.unapplied.insert(payment_id.clone(), remaining);
            }
            allocation.applied.insert(payment_id.clone(), splits);
        }
        allocation
    }

    /// What is still owed on an invoice.
    pub fn open_amount(&self, id: &InvoiceId, invoice: &Invoice) -> Decimal {
        invoice.amount.amount - self.paid.get(id).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::customer::CustomerId;
    use crate::domain::money::{Currency, Money};
    use crate::domain::payment::{Payment, PaymentMethod};
    use rust_decimal::dec;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).expect("valid date")
    }

    fn portfolio_with_three_invoices() -> Portfolio {
        let mut p = Portfolio::default();
        for (n, due, amount) in [
            ("A", 10, dec!(100)),
            ("B", 5, dec!(200)),
            ("C", 20, dec!(300)),
        ] {
            p.invoices.insert(
                InvoiceId(n.into()),
                Invoice {
                    customer: CustomerId("c1".into()),
                    issued_on: day(1),
                    due_on: day(due),
                    amount: Money::new(amount, Currency::COP),
                },
            );
        }
        p
    }

    fn pay(p: &mut Portfolio, id: &str, on: u32, amount: Decimal, applies_to: &[&str]) {
        p.payments.insert(
            PaymentId(id.into()),
            Payment {
                customer: CustomerId("c1".into()),
                received_on: day(on),
                amount: Money::new(amount, Currency::COP),
                method: PaymentMethod::Cash,
                reference: String::new(),
                applies_to: applies_to.iter().map(|s| InvoiceId((*s).into())).collect(),
            },
        );
    }

    #[test]
    fn unnamed_payment_pays_oldest_due_first() {
        let mut p = portfolio_with_three_invoices();
        pay(&mut p, "p1", 15, dec!(250), &[]);
        let a = Allocation::compute(&p, day(31));
        assert_eq!(a.paid[&InvoiceId("B".into())], dec!(200));
        assert_eq!(a.paid[&InvoiceId("A".into())], dec!(50));
        assert!(!a.paid.contains_key(&InvoiceId("C".into())));
    }

    #[test]
    fn named_invoices_are_paid_first_and_overpayment_is_a_credit() {
        let mut p = portfolio_with_three_invoices();
        pay(&mut p, "p1", 15, dec!(700), &["C"]);
        let a = Allocation::compute(&p, day(31));
        assert_eq!(
            a.applied[&PaymentId("p1".into())],
            vec![
                (InvoiceId("C".into()), dec!(300)),
                (InvoiceId("B".into()), dec!(200)),
                (InvoiceId("A".into()), dec!(100)),
            ]
        );
        assert_eq!(a.unapplied[&PaymentId("p1".into())], dec!(100));
    }

    #[test]
    fn payments_after_the_cut_off_are_not_counted() {
        let mut p = portfolio_with_three_invoices();
        pay(&mut p, "p1", 25, dec!(100), &[]);
        assert!(Allocation::compute(&p, day(24)).paid.is_empty());
    }
}
