//! Which accounts a report looks at: the whole portfolio, one collector's or one city's.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::figures::{Breakdown, Figures};
use super::scorecard::Scorecard;
use crate::domain::aging::AgingReport;
use crate::domain::customer::Customer;
use crate::domain::money::Currency;
use crate::domain::portfolio::Portfolio;

#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Segment {
    #[default]
    Portfolio,
    /// By the collector's name as assigned; "" is the unassigned accounts.
    Collector(String),
    /// By city as written, without surrounding spaces; "" is the accounts without one.
    City(String),
}

impl Segment {
    /// The collector an account counts under.
    pub fn collector_of(customer: Option<&Customer>) -> &str {
        customer.map(|c| c.collector.trim()).unwrap_or_default()
    }

    /// The city an account counts under.
    pub fn city_of(customer: Option<&Customer>) -> &str {
        customer.map(|c| c.city.trim()).unwrap_or_default()
    }

    /// Whether an account (possibly one only its invoices know of) is in the segment.
    pub fn includes(&self, customer: Option<&Customer>) -> bool {
        match self {
            Segment::Portfolio => true,
            Segment::Collector(name) => Segment::collector_of(customer) == name,
            Segment::City(name) => Segment::city_of(customer) == name,
        }
    }

    /// The segment's figures in a breakdown; `None` when it has no accounts there.
    pub fn figures<'a>(&self, breakdown: &'a Breakdown) -> Option<&'a Figures> {
        match self {
            Segment::Portfolio => Some(&breakdown.portfolio),
            Segment::Collector(name) => breakdown.by_collector.get(name),
            Segment::City(name) => breakdown.by_city.get(name),
        }
    }

    /// The segment's KPIs over the breakdown's period; `None` when it has no accounts there.
    pub fn scorecard(&self, breakdown: &Breakdown) -> Option<Scorecard> {
        self.figures(breakdown).map(|figures| {
            Scorecard::from_figures(figures, breakdown.period.days(), &breakdown.month_days)
        })
    }
}

impl Segment {
    /// The aging report's bucket totals per currency over the segment's accounts only.
    pub fn aging_totals(
        &self,
        portfolio: &Portfolio,
        report: &AgingReport,
    ) -> BTreeMap<Currency, Vec<Decimal>> {
        if *self == Segment::Portfolio {
            return report.totals.clone();
        }
        let mut totals: BTreeMap<Currency, Vec<Decimal>> = BTreeMap::new();
        for row in &report.rows {
            if self.includes(portfolio.customers.get(&row.customer)) {
                let sums = totals
                    .entry(row.currency)
                    .or_insert_with(|| vec![Decimal::ZERO; row.buckets.len()]);
                for (sum, amount) in sums.iter_mut().zip(&row.buckets) {
                    *sum += amount;
                }
            }
        }
        totals
    }
}
