use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use crate::domain::money::{Currency, Money};
use crate::ui::i18n::use_i18n;

const WIDTH: i64 = 320;
const BAR_HEIGHT: i64 = 22;
const GAP: i64 = 10;
const LABEL_WIDTH: i64 = 96;
/// Room right of the longest bar for its amount.
const VALUE_WIDTH: i64 = 110;
/// Where the text sits in its row.
const BASELINE: i64 = 15;

/// Horizontal bars, one per bucket, drawn by the app: no chart library, legible on a phone,
/// and the table beside it is its text alternative. Geometry is in whole SVG units computed
/// from the exact amounts, so no float ever touches money.
#[component]
pub fn AgingChart(labels: Vec<String>, amounts: Vec<Decimal>, currency: Currency) -> impl IntoView {
    let i18n = use_i18n();
    let fmt = i18n.number_format();
    let largest = amounts.iter().copied().max().unwrap_or_default();
    let scale = |amount: Decimal| -> i64 {
        if largest.is_zero() {
            0
        } else {
            (amount * Decimal::from(WIDTH - LABEL_WIDTH - VALUE_WIDTH) / largest)
                .round()
                .to_i64()
                .unwrap_or(0)
        }
    };
    let height = amounts.len() as i64 * (BAR_HEIGHT + GAP);
    let bars = labels
        .into_iter()
        .zip(amounts)
        .enumerate()
        .map(|(i, (label, amount))| {
            let y = i as i64 * (BAR_HEIGHT + GAP);
            let width = scale(amount);
            let text = fmt.money(Money::new(amount, currency));
            view! {
                <g class=format!("bucket bucket-{i}")>
                    <text x="0" y=y + BASELINE class="bar-label">{label}</text>
                    <rect x=LABEL_WIDTH y=y width=width height=BAR_HEIGHT rx="3"/>
                    <text x=LABEL_WIDTH + width + 4 y=y + BASELINE class="bar-value">{text}</text>
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
