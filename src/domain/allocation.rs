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
use super::invoice::{Due, Invoice, InvoiceId, InvoiceKind};
use super::late_interest::Overdue;
use super::money::Currency;
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
    /// Its customer's account in its currency; `None` when they have no invoice in it.
    account: Option<usize>,
    amount: Decimal,
    /// Where the invoices it names sit in `issued`, in the order named: a range of
    /// [`Settlements::named`].
    named: Range<usize>,
}

/// An invoice issued by the cut-off and where its dues sit in the allocation.
struct Issued<'a> {
    /// A copy of the id, kept beside the rest: a settlement that names invoices finds them
    /// by reading its account's few entries, nothing else.
    id: InvoiceId,
    invoice: &'a Invoice,
    dues: Range<usize>,
}

/// One customer's invoices in one currency, which only that customer's money in that
/// currency pays; their entries and dues lie side by side in the allocation.
struct Account<'a> {
    customer: &'a CustomerId,
    currency: Currency,
    invoices: Range<usize>,
    dues: Range<usize>,
}

impl Account<'_> {
    /// Where invoice `id` sits in `issued`, if it is one of this account's.
    fn find(&self, issued: &[Issued<'_>], id: &InvoiceId) -> Option<usize> {
        issued[self.invoices.clone()]
            .iter()
            .position(|invoice| invoice.id == *id)
            .map(|at| self.invoices.start + at)
    }
}

/// Which dues each settlement paid. Everything is laid out account by account and indexed by
/// position rather than by id, so that settling a company's whole portfolio reads memory in
/// order and costs little more than reading it.
pub struct Allocation<'a> {
    accounts: Vec<Account<'a>>,
    /// Where each customer's account in a currency sits in `accounts`.
    account_of: FxHashMap<(CustomerId, Currency), usize>,
    /// The invoices issued by the cut-off, account by account, in id order within each.
    issued: Vec<Issued<'a>>,
    /// Every due of `issued`, each invoice's side by side, in the order of `Terms::dues`.
    dues: Vec<Due>,
    /// Amount settled on each of `dues`; never more than it.
    paid: Vec<Decimal>,
    /// Each settlement, its day and its part of `splits`, in the order they were applied.
    applied: Vec<(Settlement<'a>, NaiveDate, Range<usize>)>,
    /// What each settlement paid of which of `issued`, in the order it paid them.
    splits: Vec<(usize, Decimal)>,
    /// What a settlement left over once the customer's invoices in its currency were paid: a
    /// credit in the customer's favour, never a negative invoice balance.
    unapplied: BTreeMap<Settlement<'a>, Decimal>,
}

/// One customer's account in one currency as allocated: what the reports walk.
pub struct Ledger<'s, 'a> {
    pub customer: &'a CustomerId,
    pub currency: Currency,
    allocation: &'s Allocation<'a>,
    invoices: Range<usize>,
    dues: Range<usize>,
}

impl<'s, 'a> Ledger<'s, 'a> {
    /// Whether anything of the account is still owed.
    pub fn owes(&self) -> bool {
        let allocation = self.allocation;
        allocation.dues[self.dues.clone()]
            .iter()
            .zip(&allocation.paid[self.dues.clone()])
            .any(|(due, paid)| due.amount != *paid)
    }

    /// The account's invoices in id order, each with what is still owed on each of its dues.
    pub fn invoices(
        &self,
    ) -> impl Iterator<Item = (&'s InvoiceId, &'a Invoice, impl Iterator<Item = Due> + 's)> + 's
    {
        let allocation = self.allocation;
        allocation.issued[self.invoices.clone()]
            .iter()
            .map(|issued| (&issued.id, issued.invoice, allocation.open_of(issued)))
    }
}

impl Ledger<'_, '_> {
    /// Each due of the account's invoices that earn late interest, with what paid it and
    /// when: what late interest runs on. Within an invoice money always pays the earliest
    /// instalment first, named or not, so the invoice's share of each settlement is spread
    /// over its dues in that order.
    pub fn overdue(&self) -> Vec<Overdue> {
        self.overdue_of(|_| true)
    }

    /// `overdue` of the invoices `claimed` keeps: a claim leaves out what is disputed.
    pub fn overdue_of(&self, claimed: impl Fn(&InvoiceId) -> bool) -> Vec<Overdue> {
        let allocation = self.allocation;
        let mut overdue: Vec<Overdue> = allocation.dues[self.dues.clone()]
            .iter()
            .map(|due| Overdue {
                due_on: due.due_on,
                amount: due.amount,
                settled: Vec::new(),
            })
            .collect();
        let mut filled = vec![Decimal::ZERO; overdue.len()];
        for (_, on, splits) in &allocation.applied {
            for (invoice, amount) in &allocation.splits[splits.clone()] {
                if !self.invoices.contains(invoice) {
                    continue;
                }
                let mut left = *amount;
                for due in allocation.issued[*invoice].dues.clone() {
                    let at = due - self.dues.start;
                    let take = (overdue[at].amount - filled[at]).min(left);
                    if take > Decimal::ZERO {
                        filled[at] += take;
                        left -= take;
                        overdue[at].settled.push((*on, take));
                    }
                }
            }
        }
        let mut earns = vec![true; overdue.len()];
        for issued in &allocation.issued[self.invoices.clone()] {
            if !issued.invoice.kind.earns_late_interest() || !claimed(&issued.id) {
                for due in issued.dues.clone() {
                    earns[due - self.dues.start] = false;
                }
            }
        }
        overdue
            .into_iter()
            .zip(earns)
            .filter_map(|(due, earns)| earns.then_some(due))
            .collect()
    }

    /// What the account still owes, every kind of invoice included.
    pub fn balance(&self) -> Decimal {
        let allocation = self.allocation;
        allocation.dues[self.dues.clone()]
            .iter()
            .zip(&allocation.paid[self.dues.clone()])
            .map(|(due, paid)| due.amount - paid)
            .sum()
    }

    /// The last day of late interest the business booked as an invoice on this account.
    pub fn interest_booked_through(&self) -> Option<NaiveDate> {
        self.allocation.issued[self.invoices.clone()]
            .iter()
            .filter_map(|issued| match issued.invoice.kind {
                InvoiceKind::LateInterest { through } => Some(through),
                _ => None,
            })
            .max()
    }
}

/// The invoices issued by the cut-off laid out account by account, with their dues.
struct Layout<'a> {
    accounts: Vec<Account<'a>>,
    account_of: FxHashMap<(CustomerId, Currency), usize>,
    issued: Vec<Issued<'a>>,
    dues: Vec<Due>,
    /// Which of `issued` each due belongs to.
    due_invoice: Vec<usize>,
    /// Each account's dues in the order money that names no invoice pays them, over the same
    /// ranges as `dues`.
    queue: Vec<usize>,
}

impl<'a> Layout<'a> {
    fn of(portfolio: &'a Portfolio, as_of: NaiveDate) -> Layout<'a> {
        // First pass, in id order: which account each invoice belongs to, and how many dues
        // each account has (held in its range's end for now). What the layout needs of each
        // invoice is copied here, while the invoice is at hand: the second pass reads the
        // invoices account by account, which is all over memory in the portfolio's map and
        // in order in these copies.
        let mut account_of: FxHashMap<(CustomerId, Currency), usize> =
            FxHashMap::with_capacity_and_hasher(portfolio.customers.len(), Default::default());
        let mut accounts: Vec<Account<'a>> = Vec::new();
        let mut in_id_order = Vec::with_capacity(portfolio.invoices.len());
        let mut dues_in_id_order: Vec<Due> = Vec::with_capacity(portfolio.invoices.len());
        for (id, invoice) in portfolio
            .invoices
            .iter()
            .filter(|(_, i)| i.issued_on <= as_of)
        {
            let currency = invoice.amount().currency;
            let account = *account_of
                .entry((invoice.customer.clone(), currency))
                .or_insert_with(|| {
                    accounts.push(Account {
                        customer: &invoice.customer,
                        currency,
                        invoices: 0..0,
                        dues: 0..0,
                    });
                    accounts.len() - 1
                });
            let first = dues_in_id_order.len();
            dues_in_id_order.extend(invoice.terms.dues());
            let its_dues = first..dues_in_id_order.len();
            accounts[account].dues.end += its_dues.len();
            in_id_order.push((account, id.clone(), invoice, invoice.issued_on, its_dues));
        }
        // Each invoice's place, id order kept within an account, then each account's.
        let (slots, invoice_ends) = grouped(
            in_id_order.iter().map(|(account, ..)| *account),
            accounts.len(),
        );
        let (mut invoices_at, mut dues_at) = (0, 0);
        for (account, invoices_end) in accounts.iter_mut().zip(invoice_ends) {
            let dues = account.dues.end;
            account.invoices = invoices_at..invoices_end;
            account.dues = dues_at..dues_at + dues;
            invoices_at = invoices_end;
            dues_at += dues;
        }
        let mut issued = Vec::with_capacity(slots.len());
        let mut dues: Vec<Due> = Vec::with_capacity(dues_at);
        let mut due_invoice: Vec<usize> = Vec::with_capacity(dues_at);
        // The day each due's invoice was issued, beside the due, for the queue's order below.
        let mut due_issued_on: Vec<NaiveDate> = Vec::with_capacity(dues_at);
        for n in slots {
            let (_, id, invoice, issued_on, its_dues) = &in_id_order[n];
            let first = dues.len();
            for due in &dues_in_id_order[its_dues.clone()] {
                due_invoice.push(issued.len());
                due_issued_on.push(*issued_on);
                dues.push(*due);
            }
            issued.push(Issued {
                id: id.clone(),
                invoice,
                dues: first..dues.len(),
            });
        }
        // The order money that names no invoice pays an account's dues: oldest due first;
        // between dues of the same day, the older invoice, then the id. Dues lie in id order
        // already, so a stable sort by the two days gives it.
        let mut queue: Vec<usize> = (0..dues.len()).collect();
        for account in &accounts {
            queue[account.dues.clone()].sort_by_key(|due| (dues[*due].due_on, due_issued_on[*due]));
        }
        Layout {
            accounts,
            account_of,
            issued,
            dues,
            due_invoice,
            queue,
        }
    }
}

/// The places `0..n` of the `n` keys, grouped by key and in their own order within each group
/// (a counting sort), and where each group ends. Every key is below `groups`.
fn grouped(keys: impl Iterator<Item = usize> + Clone, groups: usize) -> (Vec<usize>, Vec<usize>) {
    let mut ends = vec![0; groups];
    for key in keys.clone() {
        ends[key] += 1;
    }
    let mut next = Vec::with_capacity(groups);
    let mut at = 0;
    for end in &mut ends {
        next.push(at);
        at += *end;
        *end = at;
    }
    let mut places = vec![0; at];
    for (place, key) in keys.enumerate() {
        places[next[key]] = place;
        next[key] += 1;
    }
    (places, ends)
}

/// The payments and credit notes dated up to `as_of`, and the order they are taken in.
struct Settlements<'a> {
    /// Credit notes, then payments, each in id order.
    credits: Vec<Credit<'a>>,
    /// Places in `credits`, in the order they are taken: account by account (an account's
    /// dues stay at hand while its settlements are taken) and, within each, by date, credit
    /// notes before payments, then id; those with no account last.
    order: Vec<usize>,
    /// The invoices each credit names, as places in `issued`.
    named: Vec<usize>,
}

impl<'a> Settlements<'a> {
    /// The invoices each settlement names are found here, while the settlements are read in
    /// the order they are stored: looking for them account by account instead meant fetching
    /// every payment's list from wherever it sits in memory.
    fn of(portfolio: &'a Portfolio, as_of: NaiveDate, layout: &Layout<'a>) -> Settlements<'a> {
        let notes = portfolio.credit_notes.iter().map(|(id, note)| {
            let names = note.invoice.as_slice();
            let id = Settlement::CreditNote(id);
            (note.issued_on, id, &note.customer, note.amount, names)
        });
        let payments = portfolio.payments.iter().map(|(id, payment)| {
            let names = payment.applies_to.as_slice();
            let id = Settlement::Payment(id);
            (
                payment.received_on,
                id,
                &payment.customer,
                payment.amount,
                names,
            )
        });
        let most = portfolio.credit_notes.len() + portfolio.payments.len();
        let mut credits = Vec::with_capacity(most);
        let mut named = Vec::with_capacity(most);
        for (on, id, customer, money, names) in
            notes.chain(payments).filter(|(on, ..)| *on <= as_of)
        {
            let account = layout
                .account_of
                .get(&(customer.clone(), money.currency))
                .copied();
            let first = named.len();
            if let Some(theirs) = account.map(|account| &layout.accounts[account]) {
                named.extend(
                    names
                        .iter()
                        .filter_map(|id| theirs.find(&layout.issued, id)),
                );
            }
            credits.push(Credit {
                on,
                id,
                account,
                amount: money.amount,
                named: first..named.len(),
            });
        }
        // Account by account, keeping the stored order within each; then each account's few
        // settlements by date, a stable sort. Sorting them all by one key was a tenth of an
        // aging's instructions at L.
        let no_account = layout.accounts.len();
        let (mut order, ends) = grouped(
            credits
                .iter()
                .map(|credit| credit.account.unwrap_or(no_account)),
            no_account + 1,
        );
        let mut start = 0;
        for end in ends {
            order[start..end].sort_by_key(|place| credits[*place].on);
            start = end;
        }
        Settlements {
            credits,
            order,
            named,
        }
    }
}

impl<'a> Allocation<'a> {
    /// Allocates the payments and credit notes dated up to `as_of` to the invoices issued up
    /// to then.
    ///
    /// Settlements are taken in order of date (then id); each goes first to the invoices it
    /// names, in the order named (their instalments earliest first), then to the customer's
    /// other dues in its currency, oldest due first.
    pub fn compute(portfolio: &'a Portfolio, as_of: NaiveDate) -> Allocation<'a> {
        let layout = Layout::of(portfolio, as_of);
        let Settlements {
            credits,
            order,
            named,
        } = Settlements::of(portfolio, as_of, &layout);
        let Layout {
            accounts,
            account_of,
            issued,
            dues,
            due_invoice,
            queue,
        } = layout;
        let mut paid = vec![Decimal::ZERO; dues.len()];
        let mut applied = Vec::with_capacity(credits.len());
        let mut splits: Vec<(usize, Decimal)> = Vec::with_capacity(credits.len());
        let mut unapplied = BTreeMap::new();
        // How many of each account's queue, from the start, are paid in full: dues only ever
        // get paid more, so no later settlement needs to look at those again.
        let mut settled = vec![0; accounts.len()];
        for place in order {
            let credit = &credits[place];
            let first_split = splits.len();
            let mut remaining = credit.amount;
            if let Some(account) = credit.account {
                let theirs = &accounts[account];
                let named_invoices = &named[credit.named.clone()];
                let named_dues = named_invoices
                    .iter()
                    .flat_map(|at| issued[*at].dues.clone());
                let rest = queue[theirs.dues.start + settled[account]..theirs.dues.end]
                    .iter()
                    .copied()
                    .filter(|due| !named_invoices.contains(&due_invoice[*due]));
                for due in named_dues.chain(rest) {
                    if remaining <= Decimal::ZERO {
                        break;
                    }
                    let take = (dues[due].amount - paid[due]).min(remaining);
                    if take > Decimal::ZERO {
                        paid[due] += take;
                        remaining -= take;
                        let invoice = due_invoice[due];
                        match splits[first_split..].last_mut() {
                            Some((last, amount)) if *last == invoice => *amount += take,
                            _ => splits.push((invoice, take)),
                        }
                    }
                }
                let queued = &queue[theirs.dues.clone()];
                while queued
                    .get(settled[account])
                    .is_some_and(|due| paid[*due] >= dues[*due].amount)
                {
                    settled[account] += 1;
                }
            }
            if remaining > Decimal::ZERO {
                unapplied.insert(credit.id, remaining);
            }
            applied.push((credit.id, credit.on, first_split..splits.len()));
        }
        Allocation {
            accounts,
            account_of,
            issued,
            dues,
            paid,
            applied,
            splits,
            unapplied,
        }
    }

    /// What is still owed on each of an invoice's dues, earliest first.
    pub fn open_dues(&self, id: &InvoiceId, invoice: &Invoice) -> Vec<Due> {
        let at = self
            .account_of
            .get(&(invoice.customer.clone(), invoice.amount().currency))
            .and_then(|account| self.accounts[*account].find(&self.issued, id));
        match at {
            Some(at) => self.open_of(&self.issued[at]).collect(),
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

    /// Every customer's account in each currency with an invoice issued by the cut-off.
    pub fn ledgers(&self) -> impl Iterator<Item = Ledger<'_, 'a>> + '_ {
        self.accounts.iter().map(|account| Ledger {
            customer: account.customer,
            currency: account.currency,
            allocation: self,
            invoices: account.invoices.clone(),
            dues: account.dues.clone(),
        })
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
    pub fn applied(&self, settlement: &Settlement) -> Option<Vec<(&InvoiceId, Decimal)>> {
        self.applied
            .iter()
            .find(|(id, ..)| id == settlement)
            .map(|(_, _, splits)| {
                self.splits[splits.clone()]
                    .iter()
                    .map(|(invoice, amount)| (&self.issued[*invoice].id, *amount))
                    .collect()
            })
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
            kind: Default::default(),
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
        pay_in(p, id, on, Money::new(amount, Currency::COP), applies_to);
    }

    fn pay_in(p: &mut Portfolio, id: &str, on: u32, amount: Money, applies_to: &[&str]) {
        p.payments.insert(
            PaymentId(id.into()),
            Payment {
                customer: CustomerId("c1".into()),
                received_on: day(on),
                amount,
                method: PaymentMethod::Cash,
                reference: Default::default(),
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
    fn money_in_one_currency_never_pays_an_invoice_in_another_even_when_it_names_it() {
        let mut p = portfolio_with_three_invoices();
        let usd = Currency::parse("USD").expect("valid code");
        let dollars = Terms::single(Money::new(dec!(50), usd), day(8)).expect("terms");
        p.invoices.insert(InvoiceId("U".into()), invoice(dollars));
        pay_in(&mut p, "p1", 15, Money::new(dec!(30), usd), &["A"]);
        let a = Allocation::compute(&p, day(31));
        assert_eq!(
            splits(&a, Settlement::Payment(&PaymentId("p1".into()))),
            vec![(InvoiceId("U".into()), dec!(30))]
        );
        assert_eq!(open(&p, &a, "U"), dec!(20));
        assert_eq!(open(&p, &a, "A"), dec!(100));
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
