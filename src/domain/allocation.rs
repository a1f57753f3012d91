//! Which invoices each payment and credit note pays. Balances are never stored: they follow
//! from this deterministic function of the set of invoices and settlements, so every device
//! that holds the same operations computes the same balances, whatever order the operations
//! arrived in.

use std::collections::BTreeMap;
use std::ops::Range;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::book::Book;
use super::credit_note::CreditNoteId;
use super::customer::CustomerId;
use super::invoice::{Due, Invoice, InvoiceId, InvoiceKind};
use super::late_interest::Overdue;
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
    /// Its customer's account in its currency; `None` when they have no invoice in it.
    account: Option<usize>,
    amount: Decimal,
    /// Where the invoices it names sit in `issued`, in the order named: a range of
    /// [`Settlements::named`].
    named: Range<usize>,
}

/// An invoice issued by the cut-off and where its dues sit in the allocation.
#[derive(Clone)]
struct Issued {
    /// Where the invoice sits in the portfolio's book of invoices.
    at: usize,
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

/// Which dues each settlement paid. Everything is laid out account by account and indexed by
/// position rather than by id, so that settling a company's whole portfolio reads memory in
/// order and costs little more than reading it.
pub struct Allocation<'a> {
    book: &'a Book<InvoiceId, Invoice>,
    accounts: Vec<Account<'a>>,
    /// The invoices issued by the cut-off, account by account, in id order within each.
    issued: Vec<Issued>,
    /// Where each invoice of the book sits in `issued`; `None` if issued after the cut-off.
    slot_of: Vec<Option<u32>>,
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
    ) -> impl Iterator<Item = (&'a InvoiceId, &'a Invoice, impl Iterator<Item = Due> + 's)> + 's
    {
        let allocation = self.allocation;
        allocation.issued[self.invoices.clone()]
            .iter()
            .map(|issued| {
                let (id, invoice) = allocation.invoice(issued);
                (id, invoice, allocation.open_of(issued))
            })
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
            let (id, invoice) = allocation.invoice(issued);
            if !invoice.kind.earns_late_interest() || !claimed(id) {
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
        let allocation = self.allocation;
        allocation.issued[self.invoices.clone()]
            .iter()
            .filter_map(|issued| match allocation.invoice(issued).1.kind {
                InvoiceKind::LateInterest { through } => Some(through),
                _ => None,
            })
            .max()
    }
}

/// The invoices issued by the cut-off laid out account by account, with their dues.
struct Layout<'a> {
    book: &'a Book<InvoiceId, Invoice>,
    accounts: Vec<Account<'a>>,
    /// Where each customer of the book has their accounts in `accounts`: those of the
    /// customer at place `p` are `first_account[p]..first_account[p + 1]`.
    first_account: Vec<usize>,
    issued: Vec<Issued>,
    slot_of: Vec<Option<u32>>,
    dues: Vec<Due>,
    /// Which of `issued` each due belongs to.
    due_invoice: Vec<usize>,
    /// The day each due's invoice was issued, for the order of `queue`.
    due_issued_on: Vec<NaiveDate>,
    /// Each account's dues in the order money that names no invoice pays them, over the same
    /// ranges as `dues`.
    queue: Vec<usize>,
}

impl<'a> Layout<'a> {
    /// The book is read twice in its own order, which is how memory is fastest read: once to
    /// count each customer's invoices and dues, once to put each in its place. A customer's
    /// place in the book groups their invoices without looking anyone up.
    fn of(portfolio: &'a Portfolio, as_of: NaiveDate) -> Layout<'a> {
        let book = &portfolio.invoices;
        let customers = book.customers().len();
        let issued_by_then = || {
            book.records()
                .iter()
                .zip(book.owners())
                .enumerate()
                .filter(|(_, (invoice, _))| invoice.issued_on <= as_of)
        };
        // Each customer's count of invoices and of dues, and whether they owe in more than
        // one currency (rare: their invoices then go in order of currency, then id).
        let mut invoices_of = vec![0usize; customers];
        let mut dues_of = vec![0usize; customers];
        let mut currency_of: Vec<Option<Currency>> = vec![None; customers];
        let mut mixed = vec![false; customers];
        for (_, (invoice, owner)) in issued_by_then() {
            let owner = *owner as usize;
            invoices_of[owner] += 1;
            dues_of[owner] += invoice.terms.dues().count();
            let currency = invoice.amount().currency;
            match currency_of[owner] {
                None => currency_of[owner] = Some(currency),
                Some(first) if first != currency => mixed[owner] = true,
                Some(_) => {}
            }
        }
        // Where each customer's invoices and dues start: the next free place of each, which
        // once they are all placed is where each customer's places end.
        let mut next_invoice = Vec::with_capacity(customers);
        let mut next_due = Vec::with_capacity(customers);
        let (mut invoices, mut dues) = (0, 0);
        for (of_invoices, of_dues) in invoices_of.iter().zip(&dues_of) {
            next_invoice.push(invoices);
            next_due.push(dues);
            invoices += of_invoices;
            dues += of_dues;
        }
        let nowhere = Due {
            installment: None,
            due_on: NaiveDate::MIN,
            amount: Decimal::ZERO,
        };
        let mut layout = Layout {
            book,
            accounts: Vec::with_capacity(customers),
            first_account: Vec::with_capacity(customers + 1),
            issued: vec![Issued { at: 0, dues: 0..0 }; invoices],
            slot_of: vec![None; book.len()],
            dues: vec![nowhere; dues],
            due_invoice: vec![0; dues],
            due_issued_on: vec![NaiveDate::MIN; dues],
            queue: Vec::new(),
        };
        for (at, (_, owner)) in issued_by_then() {
            let owner = *owner as usize;
            next_due[owner] = layout.lay(next_invoice[owner], at, next_due[owner]);
            next_invoice[owner] += 1;
        }
        // Each customer's accounts: all their invoices, or, owing in several currencies, their
        // invoices put in order of currency and taken in runs of one currency.
        for (owner, customer) in book.customers().iter().enumerate() {
            layout.first_account.push(layout.accounts.len());
            let slots = next_invoice[owner] - invoices_of[owner]..next_invoice[owner];
            let Some(currency) = currency_of[owner] else {
                continue;
            };
            if !mixed[owner] {
                let dues = next_due[owner] - dues_of[owner]..next_due[owner];
                layout.accounts.push(Account {
                    customer,
                    currency,
                    invoices: slots,
                    dues,
                });
                continue;
            }
            let mut in_order: Vec<usize> = layout.issued[slots.clone()]
                .iter()
                .map(|issued| issued.at)
                .collect();
            in_order.sort_by_key(|at| book.records()[*at].amount().currency);
            let mut due = next_due[owner] - dues_of[owner];
            for (slot, at) in slots.clone().zip(in_order) {
                due = layout.lay(slot, at, due);
            }
            let mut run = slots.start;
            while run < slots.end {
                let currency = layout.currency(run);
                let end = (run..slots.end)
                    .find(|slot| layout.currency(*slot) != currency)
                    .unwrap_or(slots.end);
                let dues = layout.issued[run].dues.start..layout.issued[end - 1].dues.end;
                layout.accounts.push(Account {
                    customer,
                    currency,
                    invoices: run..end,
                    dues,
                });
                run = end;
            }
        }
        layout.first_account.push(layout.accounts.len());
        // The order money that names no invoice pays an account's dues: oldest due first;
        // between dues of the same day, the older invoice, then the id. Dues lie in id order
        // already, so a stable sort by the two days gives it.
        let mut queue: Vec<usize> = (0..layout.dues.len()).collect();
        for account in &layout.accounts {
            queue[account.dues.clone()]
                .sort_by_key(|due| (layout.dues[*due].due_on, layout.due_issued_on[*due]));
        }
        layout.queue = queue;
        layout
    }

    /// Puts the book's invoice at `at` in `slot` of `issued`, its dues from `first_due` on;
    /// returns where its dues end.
    fn lay(&mut self, slot: usize, at: usize, first_due: usize) -> usize {
        let invoice = &self.book.records()[at];
        let mut end = first_due;
        for due in invoice.terms.dues() {
            self.dues[end] = due;
            self.due_invoice[end] = slot;
            self.due_issued_on[end] = invoice.issued_on;
            end += 1;
        }
        self.issued[slot] = Issued {
            at,
            dues: first_due..end,
        };
        self.slot_of[at] = u32::try_from(slot).ok();
        end
    }

    fn currency(&self, slot: usize) -> Currency {
        self.book.records()[self.issued[slot].at].amount().currency
    }

    /// The account of the book's customer at `owner` in `currency`, if they have one.
    fn account(&self, owner: usize, currency: Currency) -> Option<usize> {
        (self.first_account[owner]..self.first_account[owner + 1])
            .find(|account| self.accounts[*account].currency == currency)
    }

    /// Where invoice `id` sits in `issued`, if it is one of `account`'s: found among the
    /// account's few invoices, which costs less than a search of the whole book.
    fn find(&self, account: usize, id: &InvoiceId) -> Option<usize> {
        let invoices = self.accounts[account].invoices.clone();
        let ids = self.book.ids();
        self.issued[invoices.clone()]
            .iter()
            .position(|issued| ids[issued.at] == *id)
            .map(|at| invoices.start + at)
    }
}

/// Where each of `from`'s customers sits in `to`, both in id order: one pass over each.
fn places_in(from: &[CustomerId], to: &[CustomerId]) -> Vec<Option<usize>> {
    let mut at = 0;
    from.iter()
        .map(|customer| {
            while to.get(at).is_some_and(|other| other < customer) {
                at += 1;
            }
            (to.get(at) == Some(customer)).then_some(at)
        })
        .collect()
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

/// A settlement as its book holds it, before it is matched to an account.
struct Held<'a> {
    on: NaiveDate,
    id: Settlement<'a>,
    /// Its customer's place among the invoices' customers; `None` when they have no invoice.
    owner: Option<usize>,
    money: Money,
    /// The first invoice it names, copied (an id is usually inline): the list itself sits
    /// elsewhere on the heap, and reading it out of order cost a quarter of matching.
    first_named: Option<InvoiceId>,
    /// The other invoices it names.
    also_named: &'a [InvoiceId],
}

impl<'a> Held<'a> {
    fn new(
        on: NaiveDate,
        id: Settlement<'a>,
        owner: Option<usize>,
        money: Money,
        names: &'a [InvoiceId],
    ) -> Held<'a> {
        Held {
            on,
            id,
            owner,
            money,
            first_named: names.first().cloned(),
            also_named: names.get(1..).unwrap_or_default(),
        }
    }
}

/// The payments and credit notes dated up to `as_of`, laid out in the order they are taken:
/// account by account (an account's dues stay at hand while its settlements are taken) and,
/// within each, by date, credit notes before payments, then id; those with no account last.
struct Settlements<'a> {
    credits: Vec<Credit<'a>>,
    /// The invoices each credit names, as places in `issued`.
    named: Vec<usize>,
}

impl<'a> Settlements<'a> {
    /// Each book is read in its own order; a settlement's customer is found among the
    /// invoices' customers by place, matched once per customer rather than per settlement.
    /// Settlements are then matched to accounts customer by customer, so that the layout's
    /// accounts and invoices are read in order too.
    fn of(portfolio: &'a Portfolio, as_of: NaiveDate, layout: &Layout<'a>) -> Settlements<'a> {
        let customers = portfolio.invoices.customers();
        let notes_owners = places_in(portfolio.credit_notes.customers(), customers);
        let payments_owners = places_in(portfolio.payments.customers(), customers);
        let notes = portfolio
            .credit_notes
            .iter()
            .zip(portfolio.credit_notes.owners())
            .map(|((id, note), owner)| {
                Held::new(
                    note.issued_on,
                    Settlement::CreditNote(id),
                    notes_owners[*owner as usize],
                    note.amount,
                    note.invoice.as_slice(),
                )
            });
        let payments = portfolio
            .payments
            .iter()
            .zip(portfolio.payments.owners())
            .map(|((id, payment), owner)| {
                Held::new(
                    payment.received_on,
                    Settlement::Payment(id),
                    payments_owners[*owner as usize],
                    payment.amount,
                    payment.applies_to.as_slice(),
                )
            });
        let held: Vec<Held<'a>> = notes
            .chain(payments)
            .filter(|held| held.on <= as_of)
            .collect();
        // Customer by customer, keeping the stored order within each; then each customer's
        // few settlements by account and date, a stable sort. Sorting them all by one key was
        // a tenth of an aging's instructions at L.
        let nobody = customers.len();
        let (places, ends) = grouped(
            held.iter().map(|held| held.owner.unwrap_or(nobody)),
            nobody + 1,
        );
        let mut credits = Vec::with_capacity(held.len());
        let mut named = Vec::with_capacity(held.len());
        let mut unmatched = Vec::new();
        let mut start = 0;
        for end in ends {
            let first = credits.len();
            for place in &places[start..end] {
                let held = &held[*place];
                let account = held
                    .owner
                    .and_then(|owner| layout.account(owner, held.money.currency));
                let Some(account) = account else {
                    unmatched.push(*place);
                    continue;
                };
                let first_named = named.len();
                let names = held.first_named.iter().chain(held.also_named);
                named.extend(names.filter_map(|id| layout.find(account, id)));
                credits.push(Credit {
                    on: held.on,
                    id: held.id,
                    account: Some(account),
                    amount: held.money.amount,
                    named: first_named..named.len(),
                });
            }
            credits[first..].sort_by_key(|credit| (credit.account, credit.on));
            start = end;
        }
        unmatched.sort_by_key(|place| (held[*place].on, *place));
        credits.extend(unmatched.into_iter().map(|place| {
            let held = &held[place];
            Credit {
                on: held.on,
                id: held.id,
                account: None,
                amount: held.money.amount,
                named: 0..0,
            }
        }));
        Settlements { credits, named }
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
        let Settlements { credits, named } = Settlements::of(portfolio, as_of, &layout);
        let Layout {
            book,
            accounts,
            issued,
            slot_of,
            dues,
            due_invoice,
            queue,
            ..
        } = layout;
        let mut paid = vec![Decimal::ZERO; dues.len()];
        let mut applied = Vec::with_capacity(credits.len());
        let mut splits: Vec<(usize, Decimal)> = Vec::with_capacity(credits.len());
        let mut unapplied = BTreeMap::new();
        // How many of each account's queue, from the start, are paid in full: dues only ever
        // get paid more, so no later settlement needs to look at those again.
        let mut settled = vec![0; accounts.len()];
        for credit in &credits {
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
            book,
            accounts,
            issued,
            slot_of,
            dues,
            paid,
            applied,
            splits,
            unapplied,
        }
    }

    /// What is still owed on each of an invoice's dues, earliest first.
    pub fn open_dues(&self, id: &InvoiceId, invoice: &Invoice) -> Vec<Due> {
        let slot = self
            .book
            .ids()
            .binary_search(id)
            .ok()
            .and_then(|at| self.slot_of[at]);
        match slot {
            Some(slot) => self.open_of(&self.issued[slot as usize]).collect(),
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

    /// Every customer's account in each currency with an invoice issued by the cut-off, by
    /// customer, then currency.
    pub fn ledgers(&self) -> impl Iterator<Item = Ledger<'_, 'a>> + '_ {
        self.accounts.iter().map(|account| Ledger {
            customer: account.customer,
            currency: account.currency,
            allocation: self,
            invoices: account.invoices.clone(),
            dues: account.dues.clone(),
        })
    }

    /// The invoice laid out as `issued`, and its id.
    fn invoice(&self, issued: &Issued) -> (&'a InvoiceId, &'a Invoice) {
        (&self.book.ids()[issued.at], &self.book.records()[issued.at])
    }

    fn open_of<'s>(&'s self, issued: &Issued) -> impl Iterator<Item = Due> + 's {
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
                    .map(|(invoice, amount)| (self.invoice(&self.issued[*invoice]).0, *amount))
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
        a.open_amount(&id, p.invoices.get(&id).expect("an invoice of the test"))
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
        let d = InvoiceId("D".into());
        let dues = a.open_dues(&d, p.invoices.get(&d).expect("an invoice of the test"));
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

    #[test]
    fn a_customer_owing_in_two_currencies_has_an_account_in_each_however_their_ids_mix() {
        let usd = Currency::parse("USD").expect("valid code");
        let mut p = Portfolio::default();
        for (n, customer, due, money) in [
            ("A", "c1", 9, Money::new(dec!(10), usd)),
            ("B", "c1", 5, Money::new(dec!(200), Currency::COP)),
            ("C", "c1", 3, Money::new(dec!(30), usd)),
            ("D", "c0", 4, Money::new(dec!(400), Currency::COP)),
        ] {
            let terms = Terms::single(money, day(due)).expect("terms");
            let invoice = Invoice {
                customer: CustomerId(customer.into()),
                ..invoice(terms)
            };
            p.invoices.insert(InvoiceId(n.into()), invoice);
        }
        pay_in(&mut p, "p1", 15, Money::new(dec!(35), usd), &[]);
        let a = Allocation::compute(&p, day(31));
        let ledgers: Vec<(&str, Currency, Decimal)> = a
            .ledgers()
            .map(|l| (l.customer.0.as_str(), l.currency, l.balance()))
            .collect();
        assert_eq!(
            ledgers,
            vec![
                ("c0", Currency::COP, dec!(400)),
                ("c1", Currency::COP, dec!(200)),
                ("c1", usd, dec!(5)),
            ]
        );
        // Dollars pay the dollar invoices only, the oldest due first.
        assert_eq!(
            splits(&a, Settlement::Payment(&PaymentId("p1".into()))),
            vec![
                (InvoiceId("C".into()), dec!(30)),
                (InvoiceId("A".into()), dec!(5)),
            ]
        );
        assert_eq!(open(&p, &a, "B"), dec!(200));
    }
}
