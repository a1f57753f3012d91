//! Which invoices each payment and credit note pays. Balances are never stored: they follow
//! from this deterministic function of the set of invoices and settlements, so every device
//! that holds the same operations computes the same balances, whatever order the operations
//! arrived in.

use std::collections::BTreeMap;
use std::ops::Range;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rustc_hash::FxHashMap;

use super::credit_note::CreditNoteId;
use super::customer::CustomerId;
use super::invoice::{Due, Invoice, InvoiceId};
use super::money::{Currency, Money};
use super::payment::PaymentId;
use super::portfolio::Portfolio;

/// What lowers a balance. On the same day a credit note goes first: it corrects what was
/// owed before anyone pays it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Settlement<'a> {
    CreditNote(&'a CreditNoteId),
    Payment(&'a PaymentId),
}

/// A settlement as allocation sees it.
struct Credit<'a> {
    on: NaiveDate,
    id: Settlement<'a>,
    customer: &'a CustomerId,
    money: Money,
    applies_to: &'a [InvoiceId],
}

/// An invoice issued by the cut-off and where its dues sit in the allocation.
struct Issued<'a> {
    id: &'a InvoiceId,
    invoice: &'a Invoice,
    dues: Range<usize>,
}

/// A customer's dues in one currency, oldest first (the order money that names no invoice
/// pays them), and how many from the start are already paid in full: dues only ever get paid
/// more, so no later settlement needs to look at those again.
#[derive(Default)]
struct Queue {
    dues: Vec<usize>,
    settled: usize,
}

/// Which dues each settlement paid. Everything is indexed by position rather than by id, so
/// that allocating a company's whole portfolio costs little more than reading it.
pub struct Allocation<'a> {
    /// The invoices issued by the cut-off, in id order.
    issued: Vec<Issued<'a>>,
    /// Where each of them sits in `issued`. Keyed by the id itself, which is inline, rather
    /// than by a reference into the portfolio: a lookup then reads the table and nothing else.
    position: FxHashMap<InvoiceId, usize>,
    /// Every due of `issued`, each invoice's side by side, in the order of `Terms::dues`.
    dues: Vec<Due>,
    /// Amount settled on each of `dues`; never more than it.
    paid: Vec<Decimal>,
    /// How each settlement was split over invoices, in the order they were applied.
    applied: Vec<(Settlement<'a>, Vec<(&'a InvoiceId, Decimal)>)>,
    /// What a settlement left over once the customer's invoices in its currency were paid: a
    /// credit in the customer's favour, never a negative invoice balance.
    unapplied: BTreeMap<Settlement<'a>, Decimal>,
}

impl<'a> Allocation<'a> {
    /// Allocates the payments and credit notes dated up to `as_of` to the invoices issued up
    /// to then.
    ///
    /// Settlements are taken in order of date (then id); each goes first to the invoices it
    /// names, in the order named (their instalments earliest first), then to the customer's
    /// other dues in its currency, oldest due first.
    pub fn compute(portfolio: &'a Portfolio, as_of: NaiveDate) -> Allocation<'a> {
        // Ids are the maps' keys, so their order is their place in the map: sorting by
        // (date, kind, place) is sorting by (date, settlement) without comparing strings.
        let notes = portfolio
            .credit_notes
            .iter()
            .enumerate()
            .map(|(n, (id, note))| {
                let credit = Credit {
                    on: note.issued_on,
                    id: Settlement::CreditNote(id),
                    customer: &note.customer,
                    money: note.amount,
                    applies_to: note.invoice.as_slice(),
                };
                ((note.issued_on, 0u8, n), credit)
            });
        let payments = portfolio.payments.iter().enumerate().map(|(n, (id, p))| {
            let credit = Credit {
                on: p.received_on,
                id: Settlement::Payment(id),
                customer: &p.customer,
                money: p.amount,
                applies_to: &p.applies_to,
            };
            ((p.received_on, 1u8, n), credit)
        });
        let invoices = portfolio.invoices.len();
        let mut issued = Vec::with_capacity(invoices);
        let mut position = FxHashMap::with_capacity_and_hasher(invoices, Default::default());
        let mut dues: Vec<Due> = Vec::with_capacity(invoices);
        let mut due_invoice: Vec<usize> = Vec::with_capacity(invoices);
        let mut due_owner: Vec<usize> = Vec::with_capacity(invoices);
        let mut owners: FxHashMap<(CustomerId, Currency), usize> =
            FxHashMap::with_capacity_and_hasher(portfolio.customers.len(), Default::default());
        let mut queues: Vec<Queue> = Vec::new();
        for (id, invoice) in portfolio
            .invoices
            .iter()
            .filter(|(_, i)| i.issued_on <= as_of)
        {
            let owner = *owners
                .entry((invoice.customer.clone(), invoice.amount().currency))
                .or_insert_with(|| {
                    queues.push(Queue::default());
                    queues.len() - 1
                });
            let first = dues.len();
            for due in invoice.terms.dues() {
                queues[owner].dues.push(dues.len());
                dues.push(due);
                due_invoice.push(issued.len());
                due_owner.push(owner);
            }
            position.insert(id.clone(), issued.len());
            issued.push(Issued {
                id,
                invoice,
                dues: first..dues.len(),
            });
        }
        // Oldest due first; between dues of the same day, the older invoice, then the id.
        for queue in &mut queues {
            queue.dues.sort_unstable_by_key(|due| {
                let invoice = due_invoice[*due];
                (
                    dues[*due].due_on,
                    issued[invoice].invoice.issued_on,
                    invoice,
                    *due,
                )
            });
        }
        // Money of one customer in one currency only ever pays that customer's dues in that
        // currency, so settlements are taken customer by customer (their dues stay at hand)
        // and, within each, in order of date and id. A customer with no invoice in the
        // currency has no queue: `usize::MAX` finds nothing to pay.
        let mut credits: Vec<_> = notes
            .chain(payments)
            .filter(|(_, c)| c.on <= as_of)
            .map(|((on, kind, n), credit)| {
                let owner = owners
                    .get(&(credit.customer.clone(), credit.money.currency))
                    .copied()
                    .unwrap_or(usize::MAX);
                ((owner, on, kind, n), credit)
            })
            .collect();
        credits.sort_unstable_by_key(|(order, _)| *order);

        let mut paid = vec![Decimal::ZERO; dues.len()];
        let mut applied = Vec::with_capacity(credits.len());
        let mut unapplied = BTreeMap::new();
        // The invoices a settlement names, by position; kept between settlements to spare an
        // allocation each time.
        let mut named_invoices: Vec<usize> = Vec::new();
        for ((owner, ..), credit) in credits {
            named_invoices.clear();
            named_invoices.extend(credit.applies_to.iter().filter_map(|id| position.get(id)));
            let named = named_invoices
                .iter()
                .flat_map(|at| issued[*at].dues.clone())
                .filter(|due| due_owner[*due] == owner);
            let queue = queues.get_mut(owner);
            let rest: &[usize] = queue
                .as_ref()
                .map(|q| &q.dues[q.settled..])
                .unwrap_or_default();
            let rest = rest
                .iter()
                .copied()
                .filter(|due| !named_invoices.contains(&due_invoice[*due]));
            let mut remaining = credit.money.amount;
            let mut splits: Vec<(&InvoiceId, Decimal)> = Vec::new();
            for due in named.chain(rest) {
                if remaining <= Decimal::ZERO {
                    break;
                }
                let take = (dues[due].amount - paid[due]).min(remaining);
                if take > Decimal::ZERO {
                    paid[due] += take;
                    remaining -= take;
                    let invoice = issued[due_invoice[due]].id;
                    match splits.last_mut() {
                        // The same key of the portfolio's map: the same invoice.
                        Some((last, amount)) if std::ptr::eq(*last, invoice) => *amount += take,
                        _ => splits.push((invoice, take)),
                    }
                }
            }
            if let Some(queue) = queue {
                while queue
                    .dues
                    .get(queue.settled)
                    .is_some_and(|due| paid[*due] >= dues[*due].amount)
                {
                    queue.settled += 1;
                }
            }
            if remaining > Decimal::ZERO {
                unapplied.insert(credit.id, remaining);
            }
            applied.push((credit.id, splits));
        }
        Allocation {
            issued,
            position,
            dues,
            paid,
            applied,
            unapplied,
        }
    }

    /// What is still owed on each of an invoice's dues, earliest first.
    pub fn open_dues(&self, id: &InvoiceId, invoice: &Invoice) -> Vec<Due> {
        match self.position.get(id) {
            Some(at) => self.open_of(&self.issued[*at]).collect(),
            None => invoice.terms.dues().collect(),
        }
    }

    /// What is still owed on an invoice.
    pub fn open_amount(&self, id: &InvoiceId, invoice: &Invoice) -> Decimal {
        self.open_dues(id, invoice)
            .iter()
            .map(|due| due.amount)
            .sum()
    }

    /// Every invoice issued by the cut-off, in id order, with what is still owed on each of
    /// its dues: what the reports walk, without looking anything up.
    pub fn open_invoices(
        &self,
    ) -> impl Iterator<Item = (&'a InvoiceId, &'a Invoice, impl Iterator<Item = Due> + '_)> + '_
    {
        self.issued
            .iter()
            .map(|issued| (issued.id, issued.invoice, self.open_of(issued)))
    }

    fn open_of<'s>(&'s self, issued: &Issued<'a>) -> impl Iterator<Item = Due> + 's {
        self.dues[issued.dues.clone()]
            .iter()
            .zip(&self.paid[issued.dues.clone()])
            .map(|(due, paid)| Due {
                amount: due.amount - paid,
                ..*due
            })
    }

    /// How `settlement` was split over invoices, in the order it paid them; `None` when it
    /// was not allocated (dated after the cut-off, or unknown).
    pub fn applied(&self, settlement: &Settlement) -> Option<&[(&'a InvoiceId, Decimal)]> {
        self.applied
            .iter()
            .find(|(id, _)| id == settlement)
            .map(|(_, splits)| splits.as_slice())
    }

    /// What `settlement` left over once every due it could pay was paid.
    pub fn unapplied(&self, settlement: &Settlement) -> Decimal {
        self.unapplied.get(settlement).copied().unwrap_or_default()
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

    fn splits(a: &Allocation, settlement: Settlement) -> Vec<(InvoiceId, Decimal)> {
        a.applied(&settlement)
            .expect("allocated")
            .iter()
            .map(|(id, amount)| ((*id).clone(), *amount))
            .collect()
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
            splits(&a, Settlement::Payment(&PaymentId("p1".into()))),
            vec![
                (InvoiceId("C".into()), dec!(300)),
                (InvoiceId("B".into()), dec!(200)),
                (InvoiceId("A".into()), dec!(100)),
            ]
        );
        assert_eq!(
            a.unapplied(&Settlement::Payment(&PaymentId("p1".into()))),
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
            splits(&a, Settlement::Payment(&PaymentId("p1".into()))),
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
            splits(&a, Settlement::CreditNote(&CreditNoteId("n1".into()))),
            vec![(InvoiceId("A".into()), dec!(60))]
        );
        // The payment finds A already lowered to 40 and takes the rest to B, the oldest.
        assert_eq!(open(&p, &a, "A"), dec!(0));
        assert_eq!(open(&p, &a, "B"), dec!(40));
        assert_eq!(open(&p, &a, "C"), dec!(300));
    }
}
