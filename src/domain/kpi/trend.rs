//! Collected against due over time: for each week or month of a period, what fell due and
//! what came in. A manager sees at a glance whether collection keeps up with the dues.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::period::{Period, Step};
use crate::domain::customer::CustomerId;
use crate::domain::money::Currency;
use crate::domain::portfolio::Portfolio;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrendPoint {
    pub window: Period,
    /// Instalments and invoices that fell due in the window, paid or not.
    pub due: Decimal,
    /// Payments received in the window.
    pub collected: Decimal,
}

/// Per currency, one point per window of `step` across `period`, oldest first; only the
/// customers `included` says yes to count.
pub fn collected_against_due(
    portfolio: &Portfolio,
    period: Period,
    step: Step,
    included: impl Fn(&CustomerId) -> bool,
) -> BTreeMap<Currency, Vec<TrendPoint>> {
    let windows = period.windows(step);
    let mut trend: BTreeMap<Currency, Vec<TrendPoint>> = BTreeMap::new();
    for invoice in portfolio.invoices.values() {
        if invoice.issued_on > period.last() || !included(&invoice.customer) {
            continue;
        }
        for due in invoice.terms.dues() {
            if let Some(p) = point(&mut trend, &windows, invoice.amount().currency, due.due_on) {
                p.due += due.amount;
            }
        }
    }
    for payment in portfolio.payments.values() {
        if included(&payment.customer) {
            if let Some(p) = point(
                &mut trend,
                &windows,
                payment.amount.currency,
                payment.received_on,
            ) {
                p.collected += payment.amount.amount;
            }
        }
    }
    trend
}

/// The point of `currency` whose window holds `day`, if any.
fn point<'a>(
    trend: &'a mut BTreeMap<Currency, Vec<TrendPoint>>,
    windows: &[Period],
    currency: Currency,
    day: NaiveDate,
) -> Option<&'a mut TrendPoint> {
    let index = windows.iter().position(|w| w.contains(day))?;
    let points = trend.entry(currency).or_insert_with(|| {
        windows
            .iter()
            .map(|window| TrendPoint {
                window: *window,
                due: Decimal::ZERO,
                collected: Decimal::ZERO,
            })
            .collect()
    });
    points.get_mut(index)
}
