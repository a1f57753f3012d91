//! Which invoices each payment and credit note pays. Balances are never stored: they follow
//! from this deterministic function of the set of invoices and settlements, so every device
//! that holds the same operations computes the same balances, whatever order the operations
//! arrived in.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::credit_note::CreditNoteId;
use super::customer::CustomerId;
use super::invoice::{Due, Invoice, InvoiceId};
use super::money::Money;
use super::payment::PaymentId;
use super::portfolio::Portfolio;

/// One amount that falls due: an invoice's position in its list of dues.
type DueKey = (InvoiceId, usize);

/// What lowers a balance. On the same day a credit note goes first: it corrects what was
/// owed before anyone pays it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Settlement {
    CreditNote(CreditNoteId),
    Payment(PaymentId),
}

/// A settlement as allocation sees it.
struct Credit<'a> {
    on: NaiveDate,
    id: Settlement,
    customer: &'a CustomerId,
    money: Money,
    applies_to: &'a [InvoiceId],
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Allocation {
    /// Amount settled on each due (whole invoice or instalment); never more than it.
    paid: BTreeMap<DueKey, Decimal>,
    /// How each settlement was split over invoices.
    pub applied: BTreeMap<Settlement, Vec<(InvoiceId, Decimal)>>,
    /// What a settlement left over once the customer's invoices in its currency were paid: a
    /// credit in the customer's favour, never a negative invoice balance.
    pub unapplied: BTreeMap<Settlement, Decimal>,
}

impl Allocation {
    /// Allocates the payments and credit notes dated up to `as_of` to the invoices issued up
    /// to then.
    ///
    /// Settlements are taken in order of date (then id); each goes first to the invoices it
    /// names, in the order named (their instalments earliest first), then to the customer's
    /// other dues in its currency, oldest due first.
    pub fn compute(portfolio: &Portfolio, as_of: NaiveDate) -> Allocation {
        let mut allocation = Allocation::default();
        let payments = portfolio.payments.iter().map(|(id, p)| Credit {
            on: p.received_on,
            id: Settlement::Payment(id.clone()),
            customer: &p.customer,
            money: p.amount,
            applies_to: &p.applies_to,
        });
        let notes = portfolio.credit_notes.iter().map(|(id, n)| Credit {
            on: n.issued_on,
            id: Settlement::CreditNote(id.clone()),
            customer: &n.customer,
            money: n.amount,
            applies_to: n.invoice.as_slice(),
        });
        let mut credits: Vec<Credit> = payments.chain(notes).filter(|c| c.on <= as_of).collect();
        credits.sort_by(|a, b| (a.on, &a.id).cmp(&(b.on, &b.id)));

        let issued = |inv: &&Invoice| inv.issued_on <= as_of;
        let dues_of = |id: &InvoiceId, inv: &Invoice| {
            inv.terms
                .dues()
                .into_iter()
                .enumerate()
                .map(|(position, due)| ((id.clone(), position), due))
                .collect::<Vec<(DueKey, Due)>>()
        };
        let mut by_due: Vec<(DueKey, Due, &Invoice)> = portfolio
            .invoices
            .iter()
            .filter(|(_, inv)| issued(inv))
            .flat_map(|(id, inv)| dues_of(id, inv).into_iter().map(move |(k, d)| (k, d, inv)))
            .collect();
        by_due.sort_by(|(a_key, a, a_inv), (b_key, b, b_inv)| {
            (a.due_on, a_inv.issued_on, a_key).cmp(&(b.due_on, b_inv.issued_on, b_key))
        });

        for credit in credits {
            let eligible = |inv: &Invoice| {
                &inv.customer == credit.customer && inv.amount().currency == credit.money.currency
            };
            let named = credit
                .applies_to
                .iter()
                .filter_map(|id| portfolio.invoices.get_key_value(id))
                .filter(|(_, inv)| issued(inv))
                .flat_map(|(id, inv)| dues_of(id, inv).into_iter().map(move |(k, d)| (k, d, inv)));
            let rest = by_due
                .iter()
                .filter(|((id, _), _, _)| !credit.applies_to.contains(id))
                .cloned();
            let mut remaining = credit.money.amount;
            let mut splits: Vec<(InvoiceId, Decimal)> = Vec::new();
            for (key, due, invoice) in named.chain(rest) {
                if remaining <= Decimal::ZERO {
                    break;
                }
                if !eligible(invoice) {
                    continue;
                }
                let paid = allocation.paid.entry(key.clone()).or_default();
                let take = (due.amount - *paid).min(remaining);
                if take > Decimal::ZERO {
                    *paid += take;
                    remaining -= take;
                    match splits.last_mut() {
                        Some((last, amount)) if *last == key.0 => *amount += take,
                        _ => splits.push((key.0, take)),
                    }
                }
            }
            if remaining > Decimal::ZERO {
                allocation.unapplied.insert(credit.id.clone(), remaining);
            }
            allocation.applied.insert(credit.id, splits);
        }
        allocation
    }

    /// What is still owed on each of an invoice's dues, earliest first.
    pub fn open_dues(&self, id: &InvoiceId, invoice: &Invoice) -> Vec<Due> {
        invoice
            .terms
            .dues()
            .into_iter()
            .enumerate()
            .map(|(position, due)| {
                let paid = self
                    .paid
                    .get(&(id.clone(), position))
                    .copied()
                    .unwrap_or_default();
                Due {
                    amount: due.amount - paid,
                    ..due
                }
            })
            .collect()
    }

    /// What is still owed on an invoice.
    pub fn open_amount(&self, id: &InvoiceId, invoice: &Invoice) -> Decimal {
        self.open_dues(id, invoice)
            .iter()
            .map(|due| due.amount)
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::customer::CustomerId;
    use crate::domain::invoice::{Installment, Terms};
    use crate::domain::money::{Currency, Money};
    use crate::domain::payment::{Payment, PaymentMethod};
    use rust_decimal::dec;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).expect("valid date")
    }

    fn invoice(terms: Terms) -> Invoice {
        Invoice {
            customer: CustomerId("c1".into()),
            issued_on: day(1),
            terms,
        }
    }

    fn portfolio_with_three_invoices() -> Portfolio {
        let mut p = Portfolio::default();
        for (n, due, amount) in [
            ("A", 10, dec!(100)),
            ("B", 5, dec!(200)),
            ("C", 20, dec!(300)),
        ] {
            let terms = Terms::single(Money::new(amount, Currency::COP), day(due)).expect("terms");
            p.invoices.insert(InvoiceId(n.into()), invoice(terms));
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
                receipt: None,
            },
        );
    }

    fn open(p: &Portfolio, a: &Allocation, id: &str) -> Decimal {
        let id = InvoiceId(id.into());
        a.open_amount(&id, &p.invoices[&id])
    }

    #[test]
    fn unnamed_payment_pays_oldest_due_first() {
        let mut p = portfolio_with_three_invoices();
        pay(&mut p, "p1", 15, dec!(250), &[]);
        let a = Allocation::compute(&p, day(31));
        assert_eq!(open(&p, &a, "B"), dec!(0));
        assert_eq!(open(&p, &a, "A"), dec!(50));
        assert_eq!(open(&p, &a, "C"), dec!(300));
    }

    #[test]
    fn named_invoices_are_paid_first_and_overpayment_is_a_credit() {
        let mut p = portfolio_with_three_invoices();
        pay(&mut p, "p1", 15, dec!(700), &["C"]);
        let a = Allocation::compute(&p, day(31));
        assert_eq!(
            a.applied[&Settlement::Payment(PaymentId("p1".into()))],
            vec![
                (InvoiceId("C".into()), dec!(300)),
                (InvoiceId("B".into()), dec!(200)),
                (InvoiceId("A".into()), dec!(100)),
            ]
        );
        assert_eq!(
            a.unapplied[&Settlement::Payment(PaymentId("p1".into()))],
            dec!(100)
        );
    }

    #[test]
    fn payments_after_the_cut_off_are_not_counted() {
        let mut p = portfolio_with_three_invoices();
        pay(&mut p, "p1", 25, dec!(100), &[]);
        let a = Allocation::compute(&p, day(24));
        assert_eq!(open(&p, &a, "B"), dec!(200));
    }

    #[test]
    fn instalments_are_paid_oldest_first_across_invoices() {
        let mut p = portfolio_with_three_invoices();
        let cuota = |number, due, amount| Installment {
            number,
            due_on: day(due),
            amount,
        };
        let schedule = vec![
            cuota(1, 3, dec!(50)),
            cuota(2, 12, dec!(50)),
            cuota(3, 25, dec!(50)),
        ];
        let terms = Terms::in_installments(Currency::COP, schedule).expect("terms");
        p.invoices.insert(InvoiceId("D".into()), invoice(terms));
        // Dues by date: D#1 (3rd) 50, B (5th) 200, A (10th) 100, D#2 (12th) 50, ...
        pay(&mut p, "p1", 15, dec!(380), &[]);
        let a = Allocation::compute(&p, day(31));
        let dues = a.open_dues(&InvoiceId("D".into()), &p.invoices[&InvoiceId("D".into())]);
        let open: Vec<Decimal> = dues.iter().map(|d| d.amount).collect();
        assert_eq!(open, vec![dec!(0), dec!(20), dec!(50)]);
        assert_eq!(
            a.applied[&Settlement::Payment(PaymentId("p1".into()))],
            vec![
                (InvoiceId("D".into()), dec!(50)),
                (InvoiceId("B".into()), dec!(200)),
                (InvoiceId("A".into()), dec!(100)),
                (InvoiceId("D".into()), dec!(30)),
            ]
        );
    }

    #[test]
    fn a_credit_note_lowers_its_invoice_before_a_payment_of_the_same_day() {
        use crate::domain::credit_note::{CreditNote, CreditNoteId};
        let mut p = portfolio_with_three_invoices();
        pay(&mut p, "p1", 15, dec!(200), &["A"]);
        p.credit_notes.insert(
            CreditNoteId("n1".into()),
            CreditNote {
                customer: CustomerId("c1".into()),
                number: "NC-1".into(),
                issued_on: day(15),
                amount: Money::new(dec!(60), Currency::COP),
                invoice: Some(InvoiceId("A".into())),
                reason: "devolución".into(),
            },
        );
        let a = Allocation::compute(&p, day(31));
        assert_eq!(
            a.applied[&Settlement::CreditNote(CreditNoteId("n1".into()))],
            vec![(InvoiceId("A".into()), dec!(60))]
        );
        // The payment finds A already lowered to 40 and takes the rest to B, the oldest.
        assert_eq!(open(&p, &a, "A"), dec!(0));
        assert_eq!(open(&p, &a, "B"), dec!(40));
        assert_eq!(open(&p, &a, "C"), dec!(300));
    }
}
