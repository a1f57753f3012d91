use leptos::prelude::*;
use rust_decimal::Decimal;

use super::dispute_report::DisputeReport;
use crate::domain::aging::{age, AgingBasis};
use crate::domain::money::{Currency, Money};
use crate::sync::csv::aging_export::{aging_csv, AgingCsvLabels};
use crate::ui::alert::Alert;
use crate::ui::bar_chart::{BarChart, BarRow};
use crate::ui::browser;
use crate::ui::date_field::DateField;
use crate::ui::i18n::{use_i18n, Texts};
use crate::ui::print_controls::{Paper, PrintControls};
use crate::ui::reports_nav::ReportsNav;
use crate::ui::session::use_session;
use crate::ui::table_scroll::TableScroll;

/// Informes → Por edades: the aging report as of a chosen cut-off date, per currency and
/// per customer; printable and exportable as CSV.
#[component]
pub fn AgingReportPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let portfolio = session.portfolio;
    let cutoff = RwSignal::new(session.today.get_untracked());
    let basis = RwSignal::new(AgingBasis::DueDate);
    let paper = RwSignal::new(Paper::default());
    let buckets = session.company.with_untracked(|c| c.settings.aging.clone());
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
        if let Err(detail) = browser::download(&name, "text/csv;charset=utf-8", &csv) {
            session.alert.set(Some(Alert::NotDownloaded(detail)));
        }
    };
    view! {
        <ReportsNav/>
        <div class="report-controls no-print">
            <DateField name="cutoff" label=move || t().cutoff_date date=cutoff/>
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
        <PrintControls paper=paper/>
        <article class=move || paper.get().class()>
        <h1>{move || t().aging_title}</h1>
        <p class="as-of">{move || (i18n.report().as_of)(&i18n.number_format().date(cutoff.get()))}</p>
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
                            let name = p.customers.get(&row.customer).map(|c| c.name.clone()).unwrap_or_else(|| row.customer.0.to_string());
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
                        <AgingBars labels=labels.clone() amounts=amounts.clone() currency=currency/>
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
        </article>
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
    // The caption names the currency; bare amounts keep eight columns within a sheet.
    let amount = move |amount: Decimal| fmt.amount(amount, currency.minor_digits());
    view! {
        <section class="by-customer">
            <h2>{t.by_customer}</h2>
            <TableScroll label=t.by_customer>
                <table class="aging-customers" data-currency=currency.to_string()>
                    <caption>{currency.to_string()}</caption>
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
                                    {amounts.into_iter().map(|a| view! { <td class="amount">{amount(a)}</td> }).collect_view()}
                                    <td class="amount">{amount(total)}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </TableScroll>
        </section>
    }
}

/// One currency's aging totals as bars, one per bucket: on the aging report and the dashboard.
#[component]
pub fn AgingBars(labels: Vec<String>, amounts: Vec<Decimal>, currency: Currency) -> impl IntoView {
    let i18n = use_i18n();
    let fmt = i18n.number_format();
    let rows = labels
        .into_iter()
        .zip(amounts)
        .map(|(label, amount)| BarRow {
            label,
            bars: vec![(amount, fmt.money(Money::new(amount, currency)))],
        })
        .collect();
    view! { <BarChart title=(i18n.texts().aging_chart)(currency.code()) rows=rows kind="aging"/> }
}

pub fn bucket_label(t: &Texts, (from, to): (i64, Option<i64>)) -> String {
    match to {
        Some(0) => t.bucket_not_due.to_owned(),
        Some(to) => (t.bucket_range)(from, to),
        None => (t.bucket_over)(from),
    }
}
