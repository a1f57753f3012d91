use leptos::prelude::*;

use crate::domain::kpi::headline::{Change, Kpi};
use crate::domain::kpi::scorecard::Scorecard;
use crate::domain::money::Currency;
use crate::ui::i18n::use_i18n;
use crate::ui::kpi_text::{change_text, value_text};

/// Headline numbers, each with its change against the previous period, coloured by whether
/// it moved the right way. `currency` picks the money KPIs' currency; the activity KPIs
/// need none.
#[component]
pub fn KpiCards(
    kpis: &'static [Kpi],
    now: Scorecard,
    before: Option<Scorecard>,
    #[prop(optional)] currency: Option<Currency>,
) -> impl IntoView {
    let i18n = use_i18n();
    let r = i18n.report();
    let fmt = i18n.number_format();
    let cards = kpis
        .iter()
        .map(|kpi| {
            let kpi = *kpi;
            let value = kpi.value(&now, currency);
            let previous = before.as_ref().and_then(|b| kpi.value(b, currency));
            let change = Change::between(kpi, value, previous);
            let class = match change.and_then(|c| c.improved) {
                Some(true) => "change better",
                Some(false) => "change worse",
                None => "change",
            };
            view! {
                <div class="card kpi" data-kpi=format!("{kpi:?}")>
                    <dt>{(r.kpi_name)(kpi)}</dt>
                    <dd class="amount">{value_text(kpi, value, currency, fmt, r)}</dd>
                    {change.map(|c| view! { <dd class=class>{change_text(kpi, c, currency, fmt, r)}</dd> })}
                </div>
            }
        })
        .collect_view();
    view! { <dl class="cards kpis">{cards}</dl> }
}

/// What each KPI means, written once next to the numbers.
#[component]
pub fn KpiDefinitions() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <details class="definitions">
            <summary>{move || i18n.report().definitions}</summary>
            <dl>
                {move || {
                    let r = i18n.report();
                    Kpi::MONEY.iter().chain(Kpi::ACTIVITY.iter()).map(|kpi| view! {
                        <dt>{(r.kpi_name)(*kpi)}</dt>
                        <dd>{(r.kpi_definition)(*kpi)}</dd>
                    }).collect_view()
                }}
            </dl>
        </details>
    }
}
