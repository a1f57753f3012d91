//! Everything that happened with one customer, newest first: what the customer screen's
//! history shows and, later, what a statement prints.

use chrono::NaiveDate;

use super::customer::CustomerId;
use super::dispute::DisputeReason;
use super::invoice::InvoiceId;
use super::money::Money;
use super::payment::PaymentMethod;
use super::portfolio::Portfolio;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Happening {
    InvoiceIssued(InvoiceId, Money),
    PaymentReceived(PaymentMethod, Money),
    CreditNoteIssued(String, Money),
    PromiseMade { due_on: NaiveDate, amount: Money },
    DisputeOpened(DisputeReason),
    DisputeResolved,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub on: NaiveDate,
    pub happening: Happening,
}

pub fn timeline(portfolio: &Portfolio, customer: &CustomerId) -> Vec<Entry> {
    let mut entries = Vec::new();
    let entry = |on, happening| Entry { on, happening };
    for (id, invoice) in portfolio
        .invoices
        .iter()
        .filter(|(_, i)| i.customer == *customer)
    {
        entries.push(entry(
            invoice.issued_on,
            Happening::InvoiceIssued(id.clone(), invoice.amount()),
        ));
    }
    for payment in portfolio
        .payments
        .values()
        .filter(|p| p.customer == *customer)
    {
        entries.push(entry(
            payment.received_on,
            Happening::PaymentReceived(payment.method, payment.amount),
        ));
    }
    for note in portfolio
        .credit_notes
        .values()
        .filter(|n| n.customer == *customer)
    {
        entries.push(entry(
            note.issued_on,
            Happening::CreditNoteIssued(note.number.clone(), note.amount),
        ));
    }
    for promise in portfolio
        .promises
        .values()
        .filter(|p| p.customer == *customer)
    {
        entries.push(entry(
            promise.made_on,
            Happening::PromiseMade {
                due_on: promise.due_on,
                amount: promise.amount,
            },
        ));
    }
    for dispute in portfolio
        .disputes
        .values()
        .filter(|d| d.customer == *customer)
    {
        entries.push(entry(
            dispute.opened_on,
            Happening::DisputeOpened(dispute.reason),
        ));
        if let Some(resolved_on) = dispute.resolved_on {
            entries.push(entry(resolved_on, Happening::DisputeResolved));
        }
    }
    // Newest first; on one day, in the order things happen in collection: invoice, promise,
    // payment, note, dispute. A stable sort keeps that order within a day.
    entries.sort_by_key(|e| std::cmp::Reverse(e.on));
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::invoice::{Invoice, Terms};
    use crate::domain::money::Currency;
    use crate::domain::payment::{Payment, PaymentId};
    use rust_decimal::dec;

    #[test]
    fn newest_first_and_only_this_customer() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 10, d).expect("date");
        let cop = |n| Money::new(n, Currency::COP);
        let mut p = Portfolio::default();
        for (n, customer, on) in [("A", "c1", 1), ("B", "c2", 2)] {
            p.invoices.insert(
                InvoiceId(n.into()),
                Invoice {
                    customer: CustomerId(customer.into()),
                    issued_on: day(on),
                    terms: Terms::single(cop(dec!(10)), day(30)).expect("terms"),
                },
            );
        }
        p.payments.insert(
            PaymentId("p".into()),
            Payment {
                customer: CustomerId("c1".into()),
                received_on: day(5),
                amount: cop(dec!(4)),
                method: PaymentMethod::Cash,
                reference: String::new(),
                applies_to: vec![],
            },
        );
        let entries = timeline(&p, &CustomerId("c1".into()));
        assert_eq!(
            entries,
            vec![
                Entry {
                    on: day(5),
                    happening: Happening::PaymentReceived(PaymentMethod::Cash, cop(dec!(4)))
                },
                Entry {
                    on: day(1),
                    happening: Happening::InvoiceIssued(InvoiceId("A".into()), cop(dec!(10)))
                },
            ]
        );
    }
}
