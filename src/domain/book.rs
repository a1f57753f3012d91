//! The books of a portfolio that settle against each other: its invoices, payments and credit
//! notes. Each book keeps its records side by side in id order, and beside each the place of
//! its customer among the customers the book names, so that allocation reads every book in
//! order and groups records by customer by their place alone: no hash table, no map scattered
//! over memory. At 100,000 invoices that is most of what an aging report costs.

use std::fmt;

use rustc_hash::FxHashMap;
use serde::de::{Deserialize, Deserializer};
use serde::ser::{Serialize, Serializer};

use super::credit_note::CreditNote;
use super::customer::CustomerId;
use super::invoice::Invoice;
use super::payment::Payment;

/// A record kept in a book: it belongs to one customer.
pub trait Owed {
    fn customer(&self) -> &CustomerId;
}

impl Owed for Invoice {
    fn customer(&self) -> &CustomerId {
        &self.customer
    }
}

impl Owed for Payment {
    fn customer(&self) -> &CustomerId {
        &self.customer
    }
}

impl Owed for CreditNote {
    fn customer(&self) -> &CustomerId {
        &self.customer
    }
}

/// Records by id, read like an ordered map. A record is replaced whole, never changed in
/// place, so that its customer's place is always right.
#[derive(Clone, PartialEq, Eq)]
pub struct Book<K, V> {
    ids: Vec<K>,
    records: Vec<V>,
    /// Where each record's customer sits in `customers`.
    owners: Vec<u32>,
    /// Every customer some record names, in id order.
    customers: Vec<CustomerId>,
    /// How many records name each of `customers`.
    named: Vec<u32>,
}

impl<K, V> Default for Book<K, V> {
    fn default() -> Self {
        Book {
            ids: Vec::new(),
            records: Vec::new(),
            owners: Vec::new(),
            customers: Vec::new(),
            named: Vec::new(),
        }
    }
}

impl<K: Ord, V: Owed> Book<K, V> {
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    pub fn get(&self, id: &K) -> Option<&V> {
        let at = self.ids.binary_search(id).ok()?;
        Some(&self.records[at])
    }

    pub fn contains_key(&self, id: &K) -> bool {
        self.ids.binary_search(id).is_ok()
    }

    /// The records in id order.
    pub fn iter(&self) -> std::iter::Zip<std::slice::Iter<'_, K>, std::slice::Iter<'_, V>> {
        self.ids.iter().zip(self.records.iter())
    }

    pub fn keys(&self) -> std::slice::Iter<'_, K> {
        self.ids.iter()
    }

    pub fn values(&self) -> std::slice::Iter<'_, V> {
        self.records.iter()
    }

    /// Records `record` under `id`, returning the one it replaces. A record that comes after
    /// every other, as a new invoice number or a new payment usually does, costs nothing to
    /// place; one in the middle moves those after it.
    pub fn insert(&mut self, id: K, record: V) -> Option<V> {
        let owner = self.enter(record.customer());
        match self.ids.binary_search(&id) {
            Ok(at) => {
                let before = std::mem::replace(&mut self.records[at], record);
                let left = std::mem::replace(&mut self.owners[at], owner);
                self.leave(left);
                Some(before)
            }
            Err(at) => {
                self.ids.insert(at, id);
                self.records.insert(at, record);
                self.owners.insert(at, owner);
                None
            }
        }
    }

    pub fn remove(&mut self, id: &K) -> Option<V> {
        let at = self.ids.binary_search(id).ok()?;
        self.ids.remove(at);
        let owner = self.owners.remove(at);
        self.leave(owner);
        Some(self.records.remove(at))
    }

    /// The records `keep` keeps, as a book of their own.
    pub fn filtered(&self, keep: impl Fn(&V) -> bool) -> Book<K, V>
    where
        K: Clone,
        V: Clone,
    {
        self.iter()
            .filter(|(_, record)| keep(record))
            .map(|(id, record)| (id.clone(), record.clone()))
            .collect()
    }

    /// Every record's id, in id order.
    pub fn ids(&self) -> &[K] {
        &self.ids
    }

    /// Every record, in the order of `ids`.
    pub fn records(&self) -> &[V] {
        &self.records
    }

    /// Where each record's customer sits in `customers`, in the order of `ids`.
    pub fn owners(&self) -> &[u32] {
        &self.owners
    }

    /// Every customer some record names, in id order, each once.
    pub fn customers(&self) -> &[CustomerId] {
        &self.customers
    }

    /// One more record names `customer`: their place, made if they had none. A new place
    /// moves every place after it by one.
    fn enter(&mut self, customer: &CustomerId) -> u32 {
        match self.customers.binary_search(customer) {
            Ok(at) => {
                self.named[at] += 1;
                place(at)
            }
            Err(at) => {
                self.customers.insert(at, customer.clone());
                self.named.insert(at, 1);
                let new = place(at);
                for owner in &mut self.owners {
                    if *owner >= new {
                        *owner += 1;
                    }
                }
                new
            }
        }
    }

    /// One record fewer names the customer at `owner`: the place goes once none does.
    fn leave(&mut self, owner: u32) {
        let at = owner as usize;
        self.named[at] -= 1;
        if self.named[at] == 0 {
            self.customers.remove(at);
            self.named.remove(at);
            for later in &mut self.owners {
                if *later > owner {
                    *later -= 1;
                }
            }
        }
    }
}

/// A place in a book's vectors as stored: no book holds four billion records.
fn place(at: usize) -> u32 {
    u32::try_from(at).unwrap_or(u32::MAX)
}

impl<K: Ord, V: Owed> FromIterator<(K, V)> for Book<K, V> {
    /// As an ordered map is collected: of two records with the same id, the later stays.
    /// Records collected from a map arrive in order and go straight to their place; only
    /// records out of order are sorted.
    fn from_iter<I: IntoIterator<Item = (K, V)>>(pairs: I) -> Self {
        let pairs = pairs.into_iter();
        let mut ids: Vec<K> = Vec::with_capacity(pairs.size_hint().0);
        let mut records: Vec<V> = Vec::with_capacity(pairs.size_hint().0);
        let mut in_order = true;
        for (id, record) in pairs {
            match ids.last() {
                Some(last) if *last == id => {
                    if let Some(before) = records.last_mut() {
                        *before = record;
                    }
                    continue;
                }
                Some(last) if *last > id => in_order = false,
                _ => {}
            }
            ids.push(id);
            records.push(record);
        }
        if !in_order {
            let mut pairs: Vec<(K, V)> = ids.into_iter().zip(records).collect();
            // Stable, so that of equal ids the later stays last, and is kept.
            pairs.sort_by(|a, b| a.0.cmp(&b.0));
            let mut kept: Vec<(K, V)> = Vec::with_capacity(pairs.len());
            for pair in pairs {
                match kept.last_mut() {
                    Some(last) if last.0 == pair.0 => *last = pair,
                    _ => kept.push(pair),
                }
            }
            (ids, records) = kept.into_iter().unzip();
        }
        // Each customer's place among them all: numbered as first met (a hash probe per
        // record), then the few distinct customers sorted. Sorting and searching the
        // records' customers themselves took tens of milliseconds more at L in the browser.
        let mut met: FxHashMap<&CustomerId, u32> = FxHashMap::default();
        let first_met: Vec<u32> = records
            .iter()
            .map(|record| {
                let next = place(met.len());
                *met.entry(record.customer()).or_insert(next)
            })
            .collect();
        let mut distinct: Vec<(&CustomerId, u32)> = met.into_iter().collect();
        distinct.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let mut rank = vec![0; distinct.len()];
        for (at, (_, met_as)) in distinct.iter().enumerate() {
            rank[*met_as as usize] = place(at);
        }
        let mut counts = vec![0; distinct.len()];
        let owners: Vec<u32> = first_met
            .into_iter()
            .map(|met_as| {
                let owner = rank[met_as as usize];
                counts[owner as usize] += 1;
                owner
            })
            .collect();
        let customers = distinct
            .into_iter()
            .map(|(customer, _)| customer.clone())
            .collect();
        Book {
            ids,
            records,
            owners,
            customers,
            named: counts,
        }
    }
}

impl<'b, K: Ord, V: Owed> IntoIterator for &'b Book<K, V> {
    type Item = (&'b K, &'b V);
    type IntoIter = std::iter::Zip<std::slice::Iter<'b, K>, std::slice::Iter<'b, V>>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<K: fmt::Debug, V: fmt::Debug> fmt::Debug for Book<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.ids.iter().zip(&self.records))
            .finish()
    }
}

/// Written as the ordered map it reads like, so that it reads back from what a map wrote.
impl<K: Serialize, V: Serialize> Serialize for Book<K, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.ids.iter().zip(&self.records))
    }
}

impl<'de, K, V> Deserialize<'de> for Book<K, V>
where
    K: Ord + Deserialize<'de>,
    V: Owed + Deserialize<'de>,
{
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let map = std::collections::BTreeMap::<K, V>::deserialize(deserializer)?;
        Ok(map.into_iter().collect())
    }
}

// proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::domain::invoice::{InvoiceId, Terms};
    use crate::domain::money::{Currency, Money};
    use chrono::NaiveDate;
    use proptest::prelude::*;
    use rust_decimal::Decimal;
    use std::collections::BTreeMap;

    fn invoice(customer: u8, amount: i64) -> Invoice {
        let day = NaiveDate::from_ymd_opt(2026, 3, 1).expect("valid date");
        Invoice {
            kind: Default::default(),
            customer: CustomerId(format!("c{customer}").into()),
            issued_on: day,
            terms: Terms::single(Money::new(Decimal::from(amount), Currency::COP), day)
                .expect("positive"),
        }
    }

    /// What the book must agree with: a map, and each record's customer found by id.
    fn agrees(book: &Book<InvoiceId, Invoice>, map: &BTreeMap<InvoiceId, Invoice>) {
        let read: Vec<_> = book.iter().collect();
        let expected: Vec<_> = map.iter().collect();
        assert_eq!(read, expected);
        let mut customers: Vec<CustomerId> = map.values().map(|i| i.customer.clone()).collect();
        customers.sort_unstable();
        customers.dedup();
        assert_eq!(book.customers(), customers.as_slice());
        for (owner, record) in book.owners().iter().zip(book.records()) {
            assert_eq!(&book.customers()[*owner as usize], &record.customer);
        }
    }

    #[derive(Debug, Clone)]
    enum Change {
        Insert(u8, u8, i64),
        Remove(u8),
    }

    fn change() -> impl Strategy<Value = Change> {
        prop_oneof![
            (0u8..40, 0u8..8, 1i64..1000).prop_map(|(id, c, a)| Change::Insert(id, c, a)),
            (0u8..40).prop_map(Change::Remove),
        ]
    }

    proptest! {
        /// Whatever records come and go, in whatever order, the book reads as the map with
        /// the same changes would, and every record's customer is at its place.
        #[test]
        fn a_book_reads_as_a_map_and_knows_each_records_customer(
            changes in prop::collection::vec(change(), 0..120)
        ) {
            let mut book = Book::default();
            let mut map = BTreeMap::new();
            for change in changes {
                match change {
                    Change::Insert(id, customer, amount) => {
                        let id = InvoiceId(format!("F-{id:02}").into());
                        let record = invoice(customer, amount);
                        prop_assert_eq!(
                            book.insert(id.clone(), record.clone()),
                            map.insert(id, record)
                        );
                    }
                    Change::Remove(id) => {
                        let id = InvoiceId(format!("F-{id:02}").into());
                        prop_assert_eq!(book.remove(&id), map.remove(&id));
                    }
                }
                agrees(&book, &map);
            }
            let collected: Book<InvoiceId, Invoice> = map.clone().into_iter().rev().collect();
            agrees(&collected, &map);
            prop_assert_eq!(&collected, &book);
        }
    }

    proptest! {
        /// Collected from records in any order, repeated ids included, a book keeps what a
        /// map collected from them keeps.
        #[test]
        fn a_book_collects_as_a_map_does(
            records in prop::collection::vec((0u8..30, 0u8..6, 1i64..1000), 0..80),
            sorted in any::<bool>(),
        ) {
            let mut pairs: Vec<(InvoiceId, Invoice)> = records
                .into_iter()
                .map(|(id, c, a)| (InvoiceId(format!("F-{id:02}").into()), invoice(c, a)))
                .collect();
            if sorted {
                pairs.sort_by(|a, b| a.0.cmp(&b.0));
            }
            let map: BTreeMap<InvoiceId, Invoice> = pairs.clone().into_iter().collect();
            let book: Book<InvoiceId, Invoice> = pairs.into_iter().collect();
            agrees(&book, &map);
        }
    }

    #[test]
    fn a_book_is_written_and_read_as_a_map() {
        let book: Book<InvoiceId, Invoice> = [
            (InvoiceId("F-2".into()), invoice(1, 10)),
            (InvoiceId("F-1".into()), invoice(2, 20)),
        ]
        .into_iter()
        .collect();
        let map: BTreeMap<_, _> = book.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        let written = serde_json::to_string(&book).expect("written");
        assert_eq!(written, serde_json::to_string(&map).expect("written"));
        let read: Book<InvoiceId, Invoice> = serde_json::from_str(&written).expect("read");
        assert_eq!(read, book);
    }
}
