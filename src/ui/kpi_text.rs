//! A KPI's value and its change written for people: "26,6 días", "56 %", "$ 310.000",
//! "−3,2 días frente al periodo anterior".

use rust_decimal::Decimal;

use crate::domain::kpi::headline::{Change, Kpi, Unit};
use crate::domain::money::{Currency, Money};
use crate::domain::number_format::NumberFormat;
use crate::ui::i18n::ReportTexts;

/// Days, percentages and ratios keep one decimal: enough to see a move, not more.
const RATIO_DIGITS: u32 = 1;

pub fn value_text(
    kpi: Kpi,
    value: Option<Decimal>,
    currency: Option<Currency>,
    fmt: NumberFormat,
    r: &ReportTexts,
) -> String {
    let Some(value) = value else {
        return r.not_available.to_owned();
    };
    match (kpi.unit(), currency) {
        (Unit::Money, Some(currency)) => fmt.money_in_column(Money::new(value, currency)),
        (Unit::Money, None) => r.not_available.to_owned(),
        (Unit::Count, _) => fmt.amount(value, 0),
        (Unit::Days, _) => (r.days)(&fmt.amount(value, RATIO_DIGITS)),
        (Unit::Percent, _) => format!("{}\u{a0}%", fmt.amount(value, RATIO_DIGITS)),
        (Unit::Ratio, _) => fmt.amount(value, RATIO_DIGITS),
    }
}

/// The change with its sign, in the KPI's unit (points for a percentage).
pub fn change_text(
    kpi: Kpi,
    change: Change,
    currency: Option<Currency>,
    fmt: NumberFormat,
    r: &ReportTexts,
) -> String {
    if change.delta.is_zero() {
        return r.no_change.to_owned();
    }
    let magnitude = change.delta.abs();
    let sign = if change.delta.is_sign_negative() {
        '−'
    } else {
        '+'
    };
    let amount = match kpi.unit() {
        Unit::Percent => (r.points)(&fmt.amount(magnitude, RATIO_DIGITS)),
        _ => value_text(kpi, Some(magnitude), currency, fmt, r),
    };
    let verdict = match change.improved {
        Some(true) => format!(" ({})", r.improved),
        Some(false) => format!(" ({})", r.worsened),
        None => String::new(),
    };
    format!("{}{verdict}", (r.change)(&format!("{sign}{amount}")))
}
