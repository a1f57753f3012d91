use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::domain::money::{Currency, Money};
use crate::ui::i18n::use_i18n;

const WIDTH: f64 = 320.0;
const BAR_HEIGHT: f64 = 22.0;
const GAP: f64 = 10.0;
const LABEL_WIDTH: f64 = 96.0;
/// Room right of the longest bar for its amount.
const VALUE_WIDTH: f64 = 110.0;

/// Horizontal bars, one per bucket, drawn by the app: no chart library, legible on a phone,
/// and the table beside it is its text alternative. Bar lengths are the only floats here; the
/// amounts printed stay exact.
#[component]
pub fn AgingChart(labels: Vec<String>, amounts: Vec<Decimal>, currency: Currency) -> impl IntoView {
    let i18n = use_i18n();
    let fmt = i18n.number_format();
    let largest = amounts.iter().copied().max().unwrap_or_default();
    let scale = |amount: Decimal| -> f64 {
        if largest.is_zero() {
            0.0
        } else {
            (amount / largest).to_f64().unwrap_or(0.0) * (WIDTH - LABEL_WIDTH - VALUE_WIDTH)
        }
    };
    let height = amounts.len() as f64 * (BAR_HEIGHT + GAP);
    let bars = labels
        .into_iter()
        .zip(amounts)
        .enumerate()
        .map(|(i, (label, amount))| {
            let y = i as f64 * (BAR_HEIGHT + GAP);
            let width = scale(amount);
            let text = fmt.money(Money::new(amount, currency));
            view! {
                <g class=format!("bucket bucket-{i}")>
                    <text x="0" y=y + BAR_HEIGHT * 0.7 class="bar-label">{label}</text>
                    <rect x=LABEL_WIDTH y=y width=width height=BAR_HEIGHT rx="3"/>
                    <text x=LABEL_WIDTH + width + 4.0 y=y + BAR_HEIGHT * 0.7 class="bar-value">{text}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg
            class="aging-chart"
            viewBox=format!("0 0 {WIDTH} {height}")
            role="img"
            aria-label=(i18n.texts().aging_chart)(currency.code())
        >
            {bars}
        </svg>
    }
}
