//! One customer's invoices as the customer screen lists them: each with what is still open,
//! and each instalment with its own due date and open amount.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::allocation::Allocation;
use super::customer::CustomerId;
use super::invoice::{Invoice, InvoiceId};
use super::money::Money;
use super::portfolio::Portfolio;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueLine {
    pub installment: Option<u32>,
    pub due_on: NaiveDate,
    pub amount: Decimal,
    pub open: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InvoiceLine {
    pub id: InvoiceId,
    pub invoice: Invoice,
    pub open: Money,
    pub dues: Vec<DueLine>,
}

impl InvoiceLine {
    pub fn is_paid(&self) -> bool {
        self.open.amount.is_zero()
    }

    pub fn has_installments(&self) -> bool {
        !self.invoice.terms.installments().is_empty()
    }
}

/// The customer's invoices issued by `as_of`, open ones first, each group oldest due first.
pub fn invoice_lines(
    portfolio: &Portfolio,
    customer: &CustomerId,
    as_of: NaiveDate,
) -> Vec<InvoiceLine> {
    let allocation = Allocation::compute(portfolio, as_of);
    let mut lines: Vec<InvoiceLine> = portfolio
        .invoices
        .iter()
        .filter(|(_, invoice)| invoice.customer == *customer && invoice.issued_on <= as_of)
        .map(|(id, invoice)| {
            let dues: Vec<DueLine> = invoice
                .terms
                .dues()
                .zip(allocation.open_dues(id, invoice))
                .map(|(due, open)| DueLine {
                    installment: due.installment,
                    due_on: due.due_on,
                    amount: due.amount,
                    open: open.amount,
                })
                .collect();
            let open = dues.iter().map(|d| d.open).sum();
            InvoiceLine {
                id: id.clone(),
                open: Money::new(open, invoice.amount().currency),
                invoice: invoice.clone(),
                dues,
            }
        })
        .collect();
    lines.sort_by(|a, b| {
        (a.is_paid(), a.invoice.terms.due_on(), &a.id).cmp(&(
            b.is_paid(),
            b.invoice.terms.due_on(),
            &b.id,
        ))
    });
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::invoice::{Installment, Terms};
    use crate::domain::money::Currency;
    use crate::domain::payment::{Payment, PaymentId, PaymentMethod};
    use rust_decimal::dec;

    #[test]
    fn open_invoices_first_with_each_instalment_open_amount() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 10, d).expect("date");
        let c = CustomerId("c".into());
        let mut p = Portfolio::default();
        let cuota = |number, d| Installment {
            number,
            due_on: day(d),
            amount: dec!(50),
        };
        p.invoices.insert(
            InvoiceId("A".into()),
            Invoice {
                kind: Default::default(),
                customer: c.clone(),
                issued_on: day(1),
                terms: Terms::in_installments(Currency::COP, vec![cuota(1, 5), cuota(2, 20)])
                    .expect("terms"),
            },
        );
        p.invoices.insert(
            InvoiceId("B".into()),
            Invoice {
                kind: Default::default(),
                customer: c.clone(),
                issued_on: day(1),
                terms: Terms::single(Money::new(dec!(30), Currency::COP), day(2)).expect("terms"),
            },
        );
        p.payments.insert(
            PaymentId("p".into()),
            Payment {
                customer: c.clone(),
                received_on: day(6),
                amount: Money::new(dec!(60), Currency::COP),
                method: PaymentMethod::Cash,
                reference: Default::default(),
                applies_to: vec![],
                receipt: None,
            },
        );
        let lines = invoice_lines(&p, &c, day(10));
        assert_eq!(lines[0].id, InvoiceId("A".into()));
        assert_eq!(lines[0].open.amount, dec!(70));
        assert_eq!(lines[0].dues[0].open, dec!(20));
        assert_eq!(lines[0].dues[1].open, dec!(50));
        assert!(lines[1].is_paid());
    }
}
