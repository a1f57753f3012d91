use leptos::prelude::*;
use rust_decimal::Decimal;

use super::dispute_report::DisputeReport;
use crate::domain::aging::{age, AgingBasis, AgingBuckets};
use crate::domain::money::{Currency, Money};
use crate::sync::csv::aging_export::{aging_csv, AgingCsvLabels};
use crate::sync::csv::date::{parse_date, DateFormat};
use crate::ui::aging_chart::AgingChart;
use crate::ui::browser;
use crate::ui::i18n::{use_i18n, Texts};
use crate::ui::session::use_session;

/// Informes → Cartera por edades, as of a chosen cut-off date.
#[component]
pub fn ReportsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let portfolio = session.portfolio;
    let cutoff = RwSignal::new(session.today.get_untracked());
    let basis = RwSignal::new(AgingBasis::DueDate);
    let buckets = AgingBuckets::default();
    let ranges = StoredValue::new(buckets.ranges());
    let report =
        Memo::new(move |_| portfolio.with(|p| age(p, cutoff.get(), basis.get(), &buckets)));
    let t = move || i18n.texts();
    let labels = move || -> Vec<String> {
        ranges.with_value(|ranges| ranges.iter().map(|r| bucket_label(t(), *r)).collect())
    };
    let export = move |_| {
        let buckets = labels();
        let csv = report.with_untracked(|report| {
            portfolio.with_untracked(|p| {
                aging_csv(
                    report,
                    p,
                    &AgingCsvLabels {
                        customer_id: t().csv_customer_id,
                        customer: t().csv_customer,
                        buckets: &buckets,
                        total: t().total,
                    },
                )
            })
        });
        let name = format!("cartera-por-edades-{}.csv", cutoff.get_untracked());
        if browser::download(&name, "text/csv;charset=utf-8", &csv).is_err() {
            session.save_error.set(Some("download".into()));
        }
    };
    view! {
        <h1>{move || t().aging_title}</h1>
        <div class="report-controls">
            <label class="field">
                <span>{move || t().cutoff_date}</span>
                <input
                    type="date"
                    name="cutoff"
                    prop:value=move || cutoff.get().to_string()
                    on:change=move |ev| {
                        if let Ok(date) = parse_date(&event_target_value(&ev), DateFormat::Iso) {
                            cutoff.set(date);
                        }
                    }
                />
            </label>
            <label class="field">
                <span>{move || t().aging_basis}</span>
                <select name="basis" on:change=move |ev| basis.set(if event_target_value(&ev) == "issue" { AgingBasis::IssueDate } else { AgingBasis::DueDate })>
                    <option value="due" selected=move || basis.get() == AgingBasis::DueDate>{move || t().basis_due}</option>
                    <option value="issue" selected=move || basis.get() == AgingBasis::IssueDate>{move || t().basis_issue}</option>
                </select>
            </label>
            <button class="export" on:click=export disabled=move || report.with(|r| r.rows.is_empty())>
                {move || t().export_csv}
            </button>
        </div>
        <Show when=move || report.with(|r| r.rows.is_empty())>
            <p class="empty">{move || t().no_receivables}</p>
        </Show>
        {move || {
            let labels = labels();
            let customer_rows = |report: &crate::domain::aging::AgingReport, currency: Currency| {
                portfolio.with(|p| {
                    let mut rows: Vec<(String, Vec<Decimal>)> = report
                        .rows
                        .iter()
                        .filter(|row| row.currency == currency)
                        .map(|row| {
                            let name = p.customers.get(&row.customer).map(|c| c.name.clone()).unwrap_or_else(|| row.customer.0.clone());
                            (name, row.buckets.clone())
                        })
                        .collect();
                    rows.sort();
                    rows
                })
            };
            report.with(|report| report.totals.iter().map(|(currency, amounts)| {
                let currency = *currency;
                let total: Decimal = amounts.iter().sum();
                let fmt = i18n.number_format();
                let money = move |amount: Decimal| fmt.money(Money::new(amount, currency));
                view! {
                    <section class="aging-block" data-currency=currency.to_string()>
                        <AgingChart labels=labels.clone() amounts=amounts.clone() currency=currency/>
                        <table class="aging">
                            <caption>{currency.to_string()}</caption>
                            <thead><tr><th scope="col">{t().bucket}</th><th scope="col">{t().amount}</th></tr></thead>
                            <tbody>
                                {labels.iter().zip(amounts).map(|(label, amount)| view! {
                                    <tr><th scope="row">{label.clone()}</th><td class="amount">{money(*amount)}</td></tr>
                                }).collect_view()}
                            </tbody>
                            <tfoot><tr><th scope="row">{t().total}</th><td class="amount">{money(total)}</td></tr></tfoot>
                        </table>
                        <CustomerTable currency=currency labels=labels.clone() rows=customer_rows(report, currency)/>
                    </section>
                }
            }).collect_view())
        }}
        <DisputeReport/>
    }
}

/// The report's rows for one currency, one per customer.
#[component]
fn CustomerTable(
    currency: Currency,
    labels: Vec<String>,
    rows: Vec<(String, Vec<Decimal>)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.texts();
    let fmt = i18n.number_format();
    let money = move |amount: Decimal| fmt.money(Money::new(amount, currency));
    view! {
        <details class="by-customer">
            <summary>{t.by_customer}</summary>
            <div class="table-scroll">
                <table class="aging-customers" data-currency=currency.to_string()>
                    <thead>
                        <tr>
                            <th scope="col">{t.customer_name}</th>
                            {labels.into_iter().map(|l| view! { <th scope="col">{l}</th> }).collect_view()}
                            <th scope="col">{t.total}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {rows.into_iter().map(|(name, amounts)| {
                            let total: Decimal = amounts.iter().sum();
                            view! {
                                <tr>
                                    <th scope="row">{name}</th>
                                    {amounts.into_iter().map(|a| view! { <td class="amount">{money(a)}</td> }).collect_view()}
                                    <td class="amount">{money(total)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </details>
    }
}

pub fn bucket_label(t: &Texts, (from, to): (i64, Option<i64>)) -> String {
    match to {
        Some(0) => t.bucket_not_due.to_owned(),
        Some(to) => (t.bucket_range)(from, to),
        None => (t.bucket_over)(from),
    }
}
