//! A customer's statement of account ("estado de cuenta"): what they owed when the period
//! began, every invoice, payment and credit note in it with the running balance, what they
//! owe at its end and how old that is. The aging comes from the same report the office
//! reads, so the statement and the aging report never disagree.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::aging::{age, AgingBasis, AgingBuckets};
use super::customer::CustomerId;
use super::invoice::{InvoiceId, InvoiceKind};
use super::money::Currency;
use super::payment::PaymentMethod;
use super::portfolio::Portfolio;
use super::receipt::Receipt;

/// What moved the balance.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Movement {
    Invoice {
        id: InvoiceId,
        due_on: NaiveDate,
        kind: InvoiceKind,
    },
    Payment {
        method: PaymentMethod,
        reference: String,
        receipt: Option<Receipt>,
    },
    CreditNote {
        number: String,
    },
}

impl Movement {
    /// The paper it refers to: the invoice number, the receipt (or the bank's reference) or
    /// the credit note's number.
    pub fn document(&self) -> String {
        match self {
            Movement::Invoice { id, .. } => id.0.to_string(),
            Movement::Payment {
                receipt: Some(receipt),
                ..
            } => receipt.to_string(),
            Movement::Payment { reference, .. } => reference.clone(),
            Movement::CreditNote { number } => number.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatementLine {
    pub on: NaiveDate,
    pub movement: Movement,
    /// What the line adds to the balance (an invoice) or takes off it (a payment, a note).
    pub charge: Decimal,
    pub credit: Decimal,
    pub balance: Decimal,
}

/// The statement in one currency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CurrencyStatement {
    /// Invoiced minus paid and credited before the period.
    pub opening: Decimal,
    pub lines: Vec<StatementLine>,
    /// Below zero when the customer paid more than they owed: a credit in their favour.
    pub closing: Decimal,
    /// What is still owed on each invoice at the end, per aging bucket, youngest first.
    pub aging: Vec<Decimal>,
}

impl CurrencyStatement {
    /// Past due at the end of the period: every bucket but "not yet due".
    pub fn overdue(&self) -> Decimal {
        self.aging.iter().skip(1).sum()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    pub customer: CustomerId,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub currencies: BTreeMap<Currency, CurrencyStatement>,
}

/// `customer`'s statement from `from` to `to`, both included. On one day, invoices come
/// before what pays them, and credit notes before payments, as allocation takes them.
pub fn statement(
    portfolio: &Portfolio,
    customer: &CustomerId,
    from: NaiveDate,
    to: NaiveDate,
    buckets: &AgingBuckets,
) -> Statement {
    let mut opening: BTreeMap<Currency, Decimal> = BTreeMap::new();
    let mut moves: Vec<(NaiveDate, u8, Currency, StatementLine)> = Vec::new();
    let mut book = |on: NaiveDate, order: u8, currency, movement, charge, credit| {
        if on < from {
            *opening.entry(currency).or_default() += charge - credit;
        } else if on <= to {
            let line = StatementLine {
                on,
                movement,
                charge,
                credit,
                balance: Decimal::ZERO,
            };
            moves.push((on, order, currency, line));
        }
    };
    for (id, invoice) in portfolio
        .invoices
        .iter()
        .filter(|(_, i)| &i.customer == customer)
    {
        let money = invoice.amount();
        let movement = Movement::Invoice {
            kind: invoice.kind.clone(),
            id: id.clone(),
            due_on: invoice.terms.due_on(),
        };
        book(
            invoice.issued_on,
            0,
            money.currency,
            movement,
            money.amount,
            Decimal::ZERO,
        );
    }
    for note in portfolio
        .credit_notes
        .values()
        .filter(|n| &n.customer == customer)
    {
        let movement = Movement::CreditNote {
            number: note.number.clone(),
        };
        let money = note.amount;
        book(
            note.issued_on,
            1,
            money.currency,
            movement,
            Decimal::ZERO,
            money.amount,
        );
    }
    for payment in portfolio
        .payments
        .values()
        .filter(|p| &p.customer == customer)
    {
        let movement = Movement::Payment {
            method: payment.method,
            reference: payment.reference.to_string(),
            receipt: payment.receipt.clone(),
        };
        let money = payment.amount;
        book(
            payment.received_on,
            2,
            money.currency,
            movement,
            Decimal::ZERO,
            money.amount,
        );
    }
    // A stable sort keeps same-day lines of one kind in id order.
    moves.sort_by_key(|(on, order, _, _)| (*on, *order));

    let mut currencies: BTreeMap<Currency, CurrencyStatement> = BTreeMap::new();
    let currencies_seen = opening.keys().chain(moves.iter().map(|(_, _, c, _)| c));
    for currency in currencies_seen.copied().collect::<Vec<_>>() {
        let opening = opening.get(&currency).copied().unwrap_or_default();
        currencies.entry(currency).or_insert(CurrencyStatement {
            opening,
            lines: Vec::new(),
            closing: opening,
            aging: vec![Decimal::ZERO; buckets.count()],
        });
    }
    for (_, _, currency, mut line) in moves {
        if let Some(s) = currencies.get_mut(&currency) {
            s.closing += line.charge - line.credit;
            line.balance = s.closing;
            s.lines.push(line);
        }
    }
    let report = age(portfolio, to, AgingBasis::DueDate, buckets);
    for row in report.rows.iter().filter(|r| &r.customer == customer) {
        if let Some(s) = currencies.get_mut(&row.currency) {
            s.aging.clone_from(&row.buckets);
        }
    }
    Statement {
        customer: customer.clone(),
        from,
        to,
        currencies,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::credit_note::{CreditNote, CreditNoteId};
    use crate::domain::invoice::{Invoice, Terms};
    use crate::domain::money::Money;
    use crate::domain::payment::{Payment, PaymentId};
    use rust_decimal::dec;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).expect("valid date")
    }

    fn portfolio() -> Portfolio {
        let c = CustomerId("c".into());
        let mut p = Portfolio::default();
        for (id, issued, due, amount) in [
            ("F1", day(9, 1), day(10, 1), dec!(100000)),
            ("F2", day(10, 15), day(11, 15), dec!(250000)),
            ("F3", day(11, 20), day(12, 20), dec!(80000)),
        ] {
            let terms = Terms::single(Money::new(amount, Currency::COP), due).expect("terms");
            p.invoices.insert(
                InvoiceId(id.into()),
                Invoice {
                    kind: Default::default(),
                    customer: c.clone(),
                    issued_on: issued,
                    terms,
                },
            );
        }
        for (id, on, amount) in [
            ("p1", day(9, 20), dec!(30000)),
            ("p2", day(11, 20), dec!(120000)),
        ] {
            p.payments.insert(
                PaymentId(id.into()),
                Payment {
                    customer: c.clone(),
                    received_on: on,
                    amount: Money::new(amount, Currency::COP),
                    method: PaymentMethod::Transfer,
                    reference: id.into(),
                    applies_to: vec![],
                    receipt: None,
                },
            );
        }
        p.credit_notes.insert(
            CreditNoteId("n".into()),
            CreditNote {
                customer: c,
                number: "NC-1".into(),
                issued_on: day(10, 20),
                amount: Money::new(dec!(20000), Currency::COP),
                invoice: Some(InvoiceId("F2".into())),
                reason: String::new(),
            },
        );
        p
    }

    #[test]
    fn opening_lines_running_balance_and_aging_of_what_is_left() {
        let p = portfolio();
        let s = statement(
            &p,
            &CustomerId("c".into()),
            day(10, 1),
            day(11, 30),
            &AgingBuckets::default(),
        );
        let cop = &s.currencies[&Currency::COP];
        // Before October: F1 100,000 less 30,000 paid.
        assert_eq!(cop.opening, dec!(70000));
        let balances: Vec<Decimal> = cop.lines.iter().map(|l| l.balance).collect();
        // F2, the credit note, then on 20 November F3 before the payment.
        assert_eq!(
            balances,
            vec![dec!(320000), dec!(300000), dec!(380000), dec!(260000)]
        );
        assert!(matches!(cop.lines[2].movement, Movement::Invoice { .. }));
        assert_eq!(cop.closing, dec!(260000));
        // Left: F2's 180,000, 15 days late; F3's 80,000, not yet due.
        assert_eq!(
            cop.aging,
            vec![
                dec!(80000),
                dec!(180000),
                dec!(0),
                dec!(0),
                dec!(0),
                dec!(0)
            ]
        );
        assert_eq!(cop.overdue(), dec!(180000));
        assert_eq!(
            cop.aging.iter().sum::<Decimal>(),
            cop.closing,
            "agrees with the aging report"
        );
    }

    #[test]
    fn a_customer_without_movements_has_an_empty_statement() {
        let p = portfolio();
        let s = statement(
            &p,
            &CustomerId("x".into()),
            day(1, 1),
            day(12, 31),
            &AgingBuckets::default(),
        );
        assert!(s.currencies.is_empty());
    }
}
