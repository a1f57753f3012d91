//! The additive facts behind every KPI, counted once per customer and summed into the whole
//! portfolio, each collector's accounts and each city. Ratios are never summed: they are
//! worked out from these sums (see `scorecard`), so a collector's DSO and the portfolio's
//! come from the same receivables and sales that the aging report shows.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::period::Period;
use super::segment::Segment;
use crate::domain::aging::{age, AgingBasis, AgingBuckets, AgingReport};
use crate::domain::customer::CustomerId;
use crate::domain::dispute::DisputeReason;
use crate::domain::money::Currency;
use crate::domain::portfolio::Portfolio;
use crate::domain::promise_outcome::{promise_outcomes, PromiseOutcome};

/// The money facts of one currency.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CurrencyFigures {
    /// Invoiced during the period.
    pub credit_sales: Decimal,
    /// Owed at the end of the day before the period.
    pub opening_receivables: Decimal,
    /// Owed at the cut-off, exactly as the aging report adds it up.
    pub receivables: Decimal,
    /// Of `receivables`, what is not yet due (the aging report's first bucket).
    pub current: Decimal,
    /// Customers with something overdue at the cut-off.
    pub accounts_overdue: usize,
    /// Payments received during the period.
    pub collected: Decimal,
    /// Credit sales per calendar month going back from the cut-off, most recent first, as
    /// far back as the oldest invoice (the months of the count-back DSO).
    pub monthly_sales: Vec<Decimal>,
}

impl CurrencyFigures {
    pub fn overdue(&self) -> Decimal {
        self.receivables - self.current
    }

    fn add(&mut self, other: &CurrencyFigures) {
        self.credit_sales += other.credit_sales;
        self.opening_receivables += other.opening_receivables;
        self.receivables += other.receivables;
        self.current += other.current;
        self.accounts_overdue += other.accounts_overdue;
        self.collected += other.collected;
        if self.monthly_sales.len() < other.monthly_sales.len() {
            self.monthly_sales
                .resize(other.monthly_sales.len(), Decimal::ZERO);
        }
        for (sum, month) in self.monthly_sales.iter_mut().zip(&other.monthly_sales) {
            *sum += month;
        }
    }
}

/// How the promises due in the period turned out by the cut-off.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PromiseTally {
    pub kept: usize,
    pub partly_kept: usize,
    pub broken: usize,
    /// Due on the cut-off itself and not yet paid in full.
    pub pending: usize,
}

impl PromiseTally {
    /// Broken outright or only partly kept: the customer did not do what they said.
    pub fn not_kept(&self) -> usize {
        self.broken + self.partly_kept
    }

    fn add(&mut self, other: &PromiseTally) {
        self.kept += other.kept;
        self.partly_kept += other.partly_kept;
        self.broken += other.broken;
        self.pending += other.pending;
    }

    fn count(&mut self, outcome: PromiseOutcome) {
        match outcome {
            PromiseOutcome::Kept => self.kept += 1,
            PromiseOutcome::PartlyKept(_) => self.partly_kept += 1,
            PromiseOutcome::Broken => self.broken += 1,
            PromiseOutcome::Pending => self.pending += 1,
        }
    }
}

/// The work and its results, whatever the currency.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Activity {
    pub contacts: usize,
    pub payments: usize,
    pub promises: PromiseTally,
    /// Disputes open at the cut-off, by reason.
    pub open_disputes: BTreeMap<DisputeReason, usize>,
}

impl Activity {
    fn add(&mut self, other: &Activity) {
        self.contacts += other.contacts;
        self.payments += other.payments;
        self.promises.add(&other.promises);
        for (reason, count) in &other.open_disputes {
            *self.open_disputes.entry(*reason).or_default() += count;
        }
    }
}

/// Everything counted for a set of customers over one period.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    pub currencies: BTreeMap<Currency, CurrencyFigures>,
    pub activity: Activity,
}

impl Figures {
    pub fn add(&mut self, other: &Figures) {
        for (currency, figures) in &other.currencies {
            self.currencies.entry(*currency).or_default().add(figures);
        }
        self.activity.add(&other.activity);
    }

    fn currency(&mut self, currency: Currency) -> &mut CurrencyFigures {
        self.currencies.entry(currency).or_default()
    }
}

/// The figures of a period for the whole portfolio and cut by who collects and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Breakdown {
    pub period: Period,
    /// Days in each month of `CurrencyFigures::monthly_sales`, most recent first.
    pub month_days: Vec<i64>,
    pub portfolio: Figures,
    /// Keyed by the collector's name; "" holds the unassigned accounts.
    pub by_collector: BTreeMap<String, Figures>,
    /// Keyed by city as written on the customer; "" holds those without one.
    pub by_city: BTreeMap<String, Figures>,
}

/// Counts `period`'s figures per customer once, then sums them three ways.
pub fn breakdown(portfolio: &Portfolio, period: Period) -> Breakdown {
    let months = portfolio
        .invoices
        .values()
        .map(|i| i.issued_on)
        .min()
        .map(|since| Period::months_back(period.last(), since))
        .unwrap_or_default();
    let per_customer = customer_figures(portfolio, period, &months);
    let month_days = months.iter().map(Period::days).collect();
    let mut breakdown = Breakdown {
        period,
        month_days,
        portfolio: Figures::default(),
        by_collector: BTreeMap::new(),
        by_city: BTreeMap::new(),
    };
    for (id, figures) in &per_customer {
        let customer = portfolio.customers.get(id);
        let collector = Segment::collector_of(customer);
        let city = Segment::city_of(customer);
        breakdown.portfolio.add(figures);
        breakdown
            .by_collector
            .entry(collector.to_owned())
            .or_default()
            .add(figures);
        breakdown
            .by_city
            .entry(city.to_owned())
            .or_default()
            .add(figures);
    }
    breakdown
}

/// Each customer's figures; a customer with nothing to count in the period is left out.
/// `months` are the count-back windows, most recent first.
fn customer_figures(
    portfolio: &Portfolio,
    period: Period,
    months: &[Period],
) -> BTreeMap<CustomerId, Figures> {
    let cutoff = period.last();
    let mut figures: BTreeMap<CustomerId, Figures> = BTreeMap::new();
    let buckets = AgingBuckets::default();
    let closing = age(portfolio, cutoff, AgingBasis::DueDate, &buckets);
    let opening_day = period.first().pred_opt().unwrap_or(period.first());
    let opening = age(portfolio, opening_day, AgingBasis::DueDate, &buckets);
    add_receivables(&mut figures, &closing, |f, row_total, current| {
        f.receivables += row_total;
        f.current += current;
        if row_total > current {
            f.accounts_overdue += 1;
        }
    });
    add_receivables(&mut figures, &opening, |f, row_total, _| {
        f.opening_receivables += row_total;
    });

    for invoice in portfolio.invoices.values() {
        let issued = invoice.issued_on;
        if issued > cutoff {
            continue;
        }
        let amount = invoice.amount();
        let f = figures
            .entry(invoice.customer.clone())
            .or_default()
            .currency(amount.currency);
        if period.contains(issued) {
            f.credit_sales += amount.amount;
        }
        // Windows run most recent first, so the one holding `issued` is the first that
        // starts on or before it.
        if let Some(month) = months.iter().position(|w| w.first() <= issued) {
            if f.monthly_sales.len() <= month {
                f.monthly_sales.resize(month + 1, Decimal::ZERO);
            }
            f.monthly_sales[month] += amount.amount;
        }
    }
    for payment in portfolio.payments.values() {
        if period.contains(payment.received_on) {
            let f = figures.entry(payment.customer.clone()).or_default();
            f.currency(payment.amount.currency).collected += payment.amount.amount;
            f.activity.payments += 1;
        }
    }
    for contact in portfolio.contacts.values() {
        if period.contains(contact.on()) {
            figures
                .entry(contact.customer.clone())
                .or_default()
                .activity
                .contacts += 1;
        }
    }
    let outcomes = promise_outcomes(portfolio, cutoff);
    for (id, promise) in &portfolio.promises {
        if let (true, Some(outcome)) = (period.contains(promise.due_on), outcomes.get(id)) {
            figures
                .entry(promise.customer.clone())
                .or_default()
                .activity
                .promises
                .count(*outcome);
        }
    }
    for dispute in portfolio.disputes.values() {
        if dispute.is_open_on(cutoff) {
            *figures
                .entry(dispute.customer.clone())
                .or_default()
                .activity
                .open_disputes
                .entry(dispute.reason)
                .or_default() += 1;
        }
    }
    figures
}

/// Adds each aging row (customer and currency) to its customer's figures.
fn add_receivables(
    figures: &mut BTreeMap<CustomerId, Figures>,
    report: &AgingReport,
    mut add: impl FnMut(&mut CurrencyFigures, Decimal, Decimal),
) {
    for row in &report.rows {
        let current = row.buckets.first().copied().unwrap_or_default();
        let f = figures
            .entry(row.customer.clone())
            .or_default()
            .currency(row.currency);
        add(f, row.total(), current);
    }
}
