//! Aging of receivables ("cartera por edades") as of a cut-off date.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::allocation::Allocation;
use super::customer::CustomerId;
use super::money::Currency;
use super::portfolio::Portfolio;

/// Which date an invoice's age counts from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum AgingBasis {
    #[default]
    DueDate,
    IssueDate,
}

/// Bucket limits in days: an amount falls in the first bucket whose limit its age does not
/// exceed; the last bucket has no limit. The first limit is 0: not yet due ("por vencer").
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "Vec<i64>", into = "Vec<i64>")]
pub struct AgingBuckets {
    limits: Vec<i64>,
}

impl TryFrom<Vec<i64>> for AgingBuckets {
    type Error = &'static str;

    fn try_from(limits: Vec<i64>) -> Result<Self, Self::Error> {
        AgingBuckets::new(limits).ok_or("bucket limits must rise from 0")
    }
}

impl From<AgingBuckets> for Vec<i64> {
    fn from(buckets: AgingBuckets) -> Self {
        buckets.limits
    }
}

impl Default for AgingBuckets {
    fn default() -> Self {
        AgingBuckets {
            limits: vec![0, 30, 60, 90, 120],
        }
    }
}

impl AgingBuckets {
    /// More columns than any aging report a person reads.
    pub const MAX_LIMITS: usize = 12;
    /// Ten years: an older debt is long past any bucket's meaning.
    pub const MAX_DAYS: i64 = 3650;

    /// Limits must rise strictly from 0, at most `MAX_LIMITS` of them up to `MAX_DAYS`;
    /// anything else is refused.
    pub fn new(limits: Vec<i64>) -> Option<Self> {
        let starts_at_zero = limits.first() == Some(&0);
        let rising = limits.windows(2).all(|w| w[0] < w[1]);
        let readable = limits.len() <= Self::MAX_LIMITS
            && limits.last().is_some_and(|last| *last <= Self::MAX_DAYS);
        (starts_at_zero && rising && readable).then_some(AgingBuckets { limits })
    }

    pub fn limits(&self) -> &[i64] {
        &self.limits
    }

    pub fn count(&self) -> usize {
        self.limits.len() + 1
    }

    pub fn index_for(&self, days: i64) -> usize {
        self.limits
            .iter()
            .position(|limit| days <= *limit)
            .unwrap_or(self.limits.len())
    }

    /// Each bucket's first and last day; `None` as last day for the open-ended bucket.
    pub fn ranges(&self) -> Vec<(i64, Option<i64>)> {
        let mut start = i64::MIN;
        let mut ranges = Vec::with_capacity(self.count());
        for limit in &self.limits {
            ranges.push((start, Some(*limit)));
            start = limit + 1;
        }
        ranges.push((start, None));
        ranges
    }
}

/// One customer's open amounts in one currency, per bucket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgingRow {
    pub customer: CustomerId,
    pub currency: Currency,
    pub buckets: Vec<Decimal>,
}

impl AgingRow {
    pub fn total(&self) -> Decimal {
        self.buckets.iter().sum()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgingReport {
    pub cutoff: NaiveDate,
    pub rows: Vec<AgingRow>,
    pub totals: BTreeMap<Currency, Vec<Decimal>>,
}

pub fn age(
    portfolio: &Portfolio,
    cutoff: NaiveDate,
    basis: AgingBasis,
    buckets: &AgingBuckets,
) -> AgingReport {
    let allocation = Allocation::compute(portfolio, cutoff);
    let mut rows = Vec::new();
    // An account is one customer in one currency: one row, if anything of it is open, in
    // the order of customer, then currency, as the ledgers come.
    for ledger in allocation.ledgers().filter(|ledger| ledger.owes()) {
        let mut amounts = vec![Decimal::ZERO; buckets.count()];
        for (_, invoice, dues) in ledger.invoices() {
            // Each instalment ages from its own due date.
            for due in dues.filter(|due| !due.amount.is_zero()) {
                let from = match basis {
                    AgingBasis::DueDate => due.due_on,
                    AgingBasis::IssueDate => invoice.issued_on,
                };
                amounts[buckets.index_for((cutoff - from).num_days())] += due.amount;
            }
        }
        rows.push(AgingRow {
            customer: ledger.customer.clone(),
            currency: ledger.currency,
            buckets: amounts,
        });
    }
    let mut totals: BTreeMap<Currency, Vec<Decimal>> = BTreeMap::new();
    for row in &rows {
        let total = totals
            .entry(row.currency)
            .or_insert_with(|| vec![Decimal::ZERO; buckets.count()]);
        for (sum, amount) in total.iter_mut().zip(&row.buckets) {
            *sum += amount;
        }
    }
    AgingReport {
        cutoff,
        rows,
        totals,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_buckets_match_collection_practice() {
        let b = AgingBuckets::default();
        assert_eq!(b.count(), 6);
        assert_eq!(b.index_for(-5), 0);
        assert_eq!(b.index_for(0), 0);
        assert_eq!(b.index_for(1), 1);
        assert_eq!(b.index_for(30), 1);
        assert_eq!(b.index_for(31), 2);
        assert_eq!(b.index_for(120), 4);
        assert_eq!(b.index_for(121), 5);
        assert_eq!(b.ranges()[1], (1, Some(30)));
        assert_eq!(b.ranges()[5], (121, None));
    }

    #[test]
    fn bucket_limits_must_rise_from_zero() {
        assert!(AgingBuckets::new(vec![0, 15, 45]).is_some());
        assert!(AgingBuckets::new(vec![0, 45, 15]).is_none());
        assert!(AgingBuckets::new(vec![10, 20]).is_none());
        assert!(AgingBuckets::new(vec![]).is_none());
    }
}
