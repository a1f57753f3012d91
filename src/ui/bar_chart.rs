use leptos::prelude::*;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

const WIDTH: i64 = 320;
const LABEL_WIDTH: i64 = 118;
/// Room right of the longest bar for its value.
const VALUE_WIDTH: i64 = 108;
const GAP: i64 = 10;
/// Where the text sits in a bar of `SINGLE_BAR` height.
const BASELINE: i64 = 15;
const SINGLE_BAR: i64 = 22;
const PAIRED_BAR: i64 = 16;

/// One row of a chart: its label and one bar per series, each with its value as written.
#[derive(Clone, Debug, PartialEq)]
pub struct BarRow {
    pub label: String,
    pub bars: Vec<(Decimal, String)>,
}

/// Horizontal bars drawn by the app: no chart library, legible on a phone. Geometry is in
/// whole SVG units worked out from the exact values, so no float ever touches money. The
/// drawing is hidden from screen readers, which read the same figures as text instead.
#[component]
pub fn BarChart(
    title: String,
    /// Names of the series, for the legend; none for a single series.
    #[prop(optional)]
    series: Vec<String>,
    rows: Vec<BarRow>,
    /// Distinguishes the charts for their colours.
    kind: &'static str,
) -> impl IntoView {
    let largest = rows
        .iter()
        .flat_map(|row| row.bars.iter().map(|(value, _)| *value))
        .max()
        .unwrap_or_default();
    let scale = |value: Decimal| -> i64 {
        if largest <= Decimal::ZERO || value <= Decimal::ZERO {
            0
        } else {
            (value * Decimal::from(WIDTH - LABEL_WIDTH - VALUE_WIDTH) / largest)
                .round()
                .to_i64()
                .unwrap_or(0)
        }
    };
    let per_row = rows.iter().map(|r| r.bars.len()).max().unwrap_or(1).max(1) as i64;
    let bar = if per_row == 1 { SINGLE_BAR } else { PAIRED_BAR };
    let row_height = per_row * (bar + 2) + GAP;
    let height = rows.len() as i64 * row_height;
    let description = describe(&rows, &series);
    let drawing = rows
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            let top = i as i64 * row_height;
            let bars = row
                .bars
                .into_iter()
                .enumerate()
                .map(|(s, (value, text))| {
                    let y = top + s as i64 * (bar + 2);
                    let width = scale(value);
                    view! {
                        <g class=format!("series-{s}")>
                            <rect x=LABEL_WIDTH y=y width=width height=bar rx="3"/>
                            <text x=LABEL_WIDTH + width + 4 y=y + bar - (SINGLE_BAR - BASELINE) / 2 - 2 class="bar-value">{text}</text>
                        </g>
                    }
                })
                .collect_view();
            view! {
                <g class=format!("row row-{i}")>
                    <text x="0" y=top + BASELINE class="bar-label">{row.label}</text>
                    {bars}
                </g>
            }
        })
        .collect_view();
    let legend = (series.len() > 1).then(|| {
        view! {
            <ul class="legend" aria-hidden="true">
                {series.into_iter().enumerate().map(|(s, name)| view! {
                    <li class=format!("series-{s}")>{name}</li>
                }).collect_view()}
            </ul>
        }
    });
    view! {
        <figure class=format!("bar-chart {kind}")>
            <figcaption>{title}</figcaption>
            {legend}
            <svg viewBox=format!("0 0 {WIDTH} {height}") aria-hidden="true" focusable="false">
                {drawing}
            </svg>
            <p class="sr-only">{description}</p>
        </figure>
    }
}

/// The chart in words: "Por vencer: $ 1.000; 1–30 días: $ 500" or, with series,
/// "Desde 01/11: Venció $ 10, Recaudado $ 8; …".
fn describe(rows: &[BarRow], series: &[String]) -> String {
    rows.iter()
        .map(|row| {
            let values: Vec<String> = row
                .bars
                .iter()
                .enumerate()
                .map(|(s, (_, text))| match series.get(s) {
                    Some(name) if series.len() > 1 => format!("{name} {text}"),
                    _ => text.clone(),
                })
                .collect();
            format!("{}: {}", row.label, values.join(", "))
        })
        .collect::<Vec<_>>()
        .join("; ")
}
