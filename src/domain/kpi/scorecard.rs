//! The KPIs a manager reads, worked out from a set of figures with the formulas of this
//! module, so every screen and every cut (portfolio, collector, city) divides the same way.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::cei::collection_effectiveness;
use super::dso::MonthSales;
use super::dso::{average_days_delinquent, best_possible_dso, count_back_dso, standard_dso};
use super::figures::{CurrencyFigures, Figures, PromiseTally};
use super::ratio::{contacts_per_payment, percent, promise_kept_rate};
use crate::domain::dispute::DisputeReason;
use crate::domain::money::Currency;

/// The money KPIs of one currency. A ratio is `None` where its denominator is zero (no
/// credit sales, nothing owed): there is nothing honest to show then.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MoneyKpis {
    pub dso: Option<Decimal>,
    pub count_back_dso: Option<Decimal>,
    pub best_possible_dso: Option<Decimal>,
    pub average_days_delinquent: Option<Decimal>,
    pub cei: Option<Decimal>,
    pub percent_current: Option<Decimal>,
    pub receivables: Decimal,
    pub overdue: Decimal,
    pub accounts_overdue: usize,
    pub collected: Decimal,
    pub credit_sales: Decimal,
}

/// Every KPI of a set of customers over a period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scorecard {
    pub money: BTreeMap<Currency, MoneyKpis>,
    pub promises: PromiseTally,
    pub promise_kept_rate: Option<Decimal>,
    pub contacts: usize,
    pub payments: usize,
    pub contacts_per_payment: Option<Decimal>,
    pub open_disputes: BTreeMap<DisputeReason, usize>,
}

impl Scorecard {
    /// `period_days` is the period's length; `month_days` the count-back months' lengths,
    /// most recent first.
    pub fn from_figures(figures: &Figures, period_days: i64, month_days: &[i64]) -> Scorecard {
        let activity = &figures.activity;
        Scorecard {
            money: figures
                .currencies
                .iter()
                .map(|(currency, f)| (*currency, money_kpis(f, period_days, month_days)))
                .collect(),
            promises: activity.promises,
            promise_kept_rate: promise_kept_rate(
                activity.promises.kept,
                activity.promises.not_kept(),
            ),
            contacts: activity.contacts,
            payments: activity.payments,
            contacts_per_payment: contacts_per_payment(activity.contacts, activity.payments),
            open_disputes: activity.open_disputes.clone(),
        }
    }

    pub fn broken_promises(&self) -> usize {
        self.promises.not_kept()
    }

    pub fn open_disputes_total(&self) -> usize {
        self.open_disputes.values().sum()
    }
}

fn money_kpis(f: &CurrencyFigures, days: i64, month_days: &[i64]) -> MoneyKpis {
    let dso = standard_dso(f.receivables, f.credit_sales, days);
    let best = best_possible_dso(f.current, f.credit_sales, days);
    let months: Vec<MonthSales> = month_days
        .iter()
        .enumerate()
        .map(|(i, days)| MonthSales {
            days: *days,
            sales: f.monthly_sales.get(i).copied().unwrap_or_default(),
        })
        .collect();
    MoneyKpis {
        dso,
        count_back_dso: count_back_dso(f.receivables, &months),
        best_possible_dso: best,
        average_days_delinquent: average_days_delinquent(dso, best),
        cei: collection_effectiveness(
            f.opening_receivables,
            f.credit_sales,
            f.receivables,
            f.current,
        ),
        percent_current: percent(f.current, f.receivables),
        receivables: f.receivables,
        overdue: f.overdue(),
        accounts_overdue: f.accounts_overdue,
        collected: f.collected,
        credit_sales: f.credit_sales,
    }
}
