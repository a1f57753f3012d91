use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::aging::{age, AgingBasis, AgingBuckets};
use crate::domain::money::Money;
use crate::ui::i18n::{use_i18n, Texts};
use crate::ui::session::use_session;

/// Informes → Cartera por edades, as of a chosen cut-off date.
#[component]
pub fn ReportsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let portfolio = session.portfolio;
    let cutoff = RwSignal::new(session.today.get_untracked());
    let buckets = AgingBuckets::default();
    let ranges = buckets.ranges();
    let report =
        Memo::new(move |_| portfolio.with(|p| age(p, cutoff.get(), AgingBasis::DueDate, &buckets)));
    let t = move || i18n.texts();
    view! {
        <h1>{move || t().aging_title}</h1>
        <label class="field">
            <span>{move || t().cutoff_date}</span>
            <input
                type="date"
                prop:value=move || cutoff.get().format("%Y-%m-%d").to_string()
                on:change=move |ev| {
                    if let Ok(date) = NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d") {
                        cutoff.set(date);
                    }
                }
            />
        </label>
        {move || report.with(|report| report.totals.iter().map(|(currency, amounts)| {
            let currency = *currency;
            let total: rust_decimal::Decimal = amounts.iter().sum();
            let fmt = i18n.number_format();
            view! {
                <table class="aging" data-currency=currency.to_string()>
                    <caption>{currency.to_string()}</caption>
                    <thead><tr><th scope="col">{t().bucket}</th><th scope="col">{t().amount}</th></tr></thead>
                    <tbody>
                        {ranges.iter().zip(amounts).map(|(range, amount)| view! {
                            <tr>
                                <th scope="row">{bucket_label(t(), *range)}</th>
                                <td class="amount">{fmt.money(Money::new(*amount, currency))}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                    <tfoot><tr><th scope="row">{t().total}</th><td class="amount">{fmt.money(Money::new(total, currency))}</td></tr></tfoot>
                </table>
            }
        }).collect_view())}
    }
}

fn bucket_label(t: &Texts, (from, to): (i64, Option<i64>)) -> String {
    match to {
        Some(0) => t.bucket_not_due.to_owned(),
        Some(to) => (t.bucket_range)(from, to),
        None => (t.bucket_over)(from),
    }
}
