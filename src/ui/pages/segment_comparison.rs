use std::collections::BTreeSet;

use leptos::prelude::*;

use crate::domain::kpi::headline::Kpi;
use crate::domain::kpi::scorecard::Scorecard;
use crate::domain::money::{Currency, Money};
use crate::ui::bar_chart::{BarChart, BarRow};
use crate::ui::i18n::use_i18n;
use crate::ui::kpi_text::value_text;
use crate::ui::table_scroll::TableScroll;

/// The columns a comparison shows: enough to rank collectors or cities on one screen.
const COLUMNS: [Kpi; 6] = [
    Kpi::Receivables,
    Kpi::Overdue,
    Kpi::PercentCurrent,
    Kpi::Collected,
    Kpi::Dso,
    Kpi::PromiseKeptRate,
];

/// Collectors (or cities) side by side, per currency: a table and, when `chart` is set,
/// collected against overdue as bars.
#[component]
pub fn SegmentComparison(
    title: &'static str,
    column: &'static str,
    rows: Vec<(String, Scorecard)>,
    #[prop(optional)] chart: bool,
    kind: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let r = i18n.report();
    let fmt = i18n.number_format();
    let currencies: BTreeSet<Currency> = rows
        .iter()
        .flat_map(|(_, card)| card.money.keys().copied())
        .collect();
    let blocks = currencies
        .into_iter()
        .map(|currency| {
            let in_currency: Vec<&(String, Scorecard)> = rows
                .iter()
                .filter(|(_, card)| card.money.contains_key(&currency))
                .collect();
            let bars = chart.then(|| {
                let money = |value| fmt.money(Money::new(value, currency));
                let bars: Vec<BarRow> = in_currency
                    .iter()
                    .map(|(label, card)| {
                        let m = &card.money[&currency];
                        BarRow {
                            label: label.clone(),
                            bars: vec![
                                (m.collected, money(m.collected)),
                                (m.overdue, money(m.overdue)),
                            ],
                        }
                    })
                    .collect();
                view! {
                    <BarChart
                        title=format!("{title} · {currency}")
                        series=vec![r.series_collected.to_owned(), r.series_overdue.to_owned()]
                        rows=bars
                        kind="collectors"
                    />
                }
            });
            let body = in_currency
                .iter()
                .map(|(label, card)| {
                    view! {
                        <tr>
                            <th scope="row">{label.clone()}</th>
                            {COLUMNS.iter().map(|kpi| view! {
                                <td class="amount">{value_text(*kpi, kpi.value(card, Some(currency)), Some(currency), fmt, r)}</td>
                            }).collect_view()}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                {bars}
                <TableScroll label=format!("{column} ({currency})")>
                    <table class=format!("comparison {kind}") data-currency=currency.to_string()>
                        <caption>{currency.to_string()}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{column}</th>
                                {COLUMNS.iter().map(|kpi| view! { <th scope="col">{(r.kpi_name)(*kpi)}</th> }).collect_view()}
                            </tr>
                        </thead>
                        <tbody>{body}</tbody>
                    </table>
                </TableScroll>
            }
        })
        .collect_view();
    (!rows.is_empty()).then(|| {
        view! {
            <section class=format!("comparison-block {kind}")>
                <h2>{title}</h2>
                {blocks}
            </section>
        }
    })
}
