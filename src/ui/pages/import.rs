use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::portfolio::Portfolio;
use crate::sync::csv::amount::DecimalSeparator;
use crate::sync::csv::date::DateFormat;
use crate::sync::csv::table::{detect, FileKind, Layout};
use crate::sync::import::preview;
use crate::ui::browser;
use crate::ui::currency_select::CurrencySelect;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

/// Files bigger than this are refused unread: no portfolio is, and reading one would freeze a
/// phone.
const MAX_FILE_BYTES: f64 = 50.0 * 1024.0 * 1024.0;

/// The file being imported, as read and as the person confirmed its layout.
#[derive(Clone)]
struct Picked {
    name: String,
    bytes: Arc<[u8]>,
    kind: FileKind,
    layout: Layout,
}

/// Cartera → Importar: pick a CSV, see what it would change and every bad row, confirm.
#[component]
pub fn ImportPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let t = move || i18n.texts();
    let picked: RwSignal<Option<Picked>> = RwSignal::new(None);
    let input = NodeRef::<leptos::html::Input>::new();
    let problem: RwSignal<Option<String>> = RwSignal::new(None);
    let done: RwSignal<Option<usize>> = RwSignal::new(None);
    let currency = RwSignal::new(session.portfolio.with_untracked(Portfolio::usual_currency));

    let result = Memo::new(move |_| {
        let picked = picked.get()?;
        Some(
            session
                .portfolio
                .with(|p| preview(&picked.bytes, picked.kind, picked.layout, currency.get(), p)),
        )
    });

    let on_file = move |ev: leptos::ev::Event| {
        done.set(None);
        problem.set(None);
        picked.set(None);
        let Some(file) = browser::picked_file(&ev) else {
            return;
        };
        if file.size() > MAX_FILE_BYTES {
            problem.set(Some(t().file_too_large.to_owned()));
            return;
        }
        leptos::task::spawn_local(async move {
            let Ok(bytes) = browser::read_file(&file).await else {
                problem.set(Some(t().file_unreadable.to_owned()));
                return;
            };
            match detect(&bytes) {
                Ok((kind, layout)) => picked.set(Some(Picked {
                    name: file.name(),
                    bytes: bytes.into(),
                    kind,
                    layout,
                })),
                Err(file_problem) => problem.set(Some((t().file_problem)(&file_problem))),
            }
        });
    };
    let change = move |edit: fn(&mut Picked, &str), value: String| {
        picked.update(|p| {
            if let Some(p) = p {
                edit(p, &value);
            }
        });
    };
    let confirm = move |_| {
        let Some(Ok(preview)) = result.get_untracked() else {
            return;
        };
        let count = preview.plan.events.len();
        session.save_then(preview.plan.events, move || {
            picked.set(None);
            // So that choosing the same file again reads it again.
            if let Some(input) = input.get_untracked() {
                input.set_value("");
            }
            done.set(Some(count));
        });
    };

    view! {
        <A href="/cartera" attr:class="back">{move || t().back_to_portfolio}</A>
        <h1>{move || t().import_title}</h1>
        <p class="intro">{move || t().import_intro}</p>
        <label class="field">
            <span>{move || t().choose_file}</span>
            <input type="file" node_ref=input accept=".csv,text/csv,text/plain" on:change=on_file/>
        </label>
        {move || problem.get().map(|message| view! { <p class="status error" role="alert">{message}</p> })}
        {move || done.get().map(|count| view! { <p class="status ok" role="status">{(t().imported)(count)}</p> })}
        {move || picked.get().map(|p| view! {
            <fieldset class="layout">
                <legend>{p.name.clone()}</legend>
                <label class="field">
                    <span>{t().file_kind}</span>
                    <select name="kind" on:change=move |ev| change(|p, v| p.kind = if v == "payments" { FileKind::Payments } else { FileKind::Portfolio }, event_target_value(&ev))>
                        <option value="portfolio" selected=p.kind == FileKind::Portfolio>{t().kind_portfolio}</option>
                        <option value="payments" selected=p.kind == FileKind::Payments>{t().kind_payments}</option>
                    </select>
                </label>
                <label class="field">
                    <span>{t().delimiter}</span>
                    <select name="delimiter" on:change=move |ev| change(|p, v| p.layout.delimiter = v.bytes().next().unwrap_or(b','), event_target_value(&ev))>
                        {[b',', b';', b'\t'].into_iter().map(|d| view! {
                            <option value=char::from(d).to_string() selected=p.layout.delimiter == d>{(t().delimiter_name)(d)}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span>{t().decimal_separator}</span>
                    <select name="decimal" on:change=move |ev| change(|p, v| p.layout.decimal = if v == "dot" { DecimalSeparator::Dot } else { DecimalSeparator::Comma }, event_target_value(&ev))>
                        <option value="comma" selected=p.layout.decimal == DecimalSeparator::Comma>{t().decimal_comma}</option>
                        <option value="dot" selected=p.layout.decimal == DecimalSeparator::Dot>{t().decimal_dot}</option>
                    </select>
                </label>
                <label class="field">
                    <span>{t().date_format}</span>
                    <select name="dates" on:change=move |ev| change(|p, v| p.layout.dates = if v == "iso" { DateFormat::Iso } else { DateFormat::DayMonthYear }, event_target_value(&ev))>
                        <option value="dmy" selected=p.layout.dates == DateFormat::DayMonthYear>{t().date_dmy}</option>
                        <option value="iso" selected=p.layout.dates == DateFormat::Iso>{t().date_iso}</option>
                    </select>
                </label>
                <CurrencySelect label=t().default_currency value=currency/>
            </fieldset>
        })}
        {move || result.get().map(|outcome| match outcome {
            Err(file_problem) => view! { <p class="status error" role="alert">{(t().file_problem)(&file_problem)}</p> }.into_any(),
            Ok(preview) => {
                let plan = &preview.plan;
                let counts = [
                    (plan.new_customers, t().plan_new_customers),
                    (plan.updated_customers, t().plan_updated_customers),
                    (plan.new_invoices, t().plan_new_invoices),
                    (plan.updated_invoices, t().plan_updated_invoices),
                    (plan.new_payments, t().plan_new_payments),
                    (plan.already_present, t().plan_already_present),
                ];
                let bad = preview.bad_rows.len();
                let empty = plan.is_empty();
                view! {
                    <section class="preview" aria-live="polite">
                        <ul class="plan">
                            {counts.into_iter().filter(|(n, _)| *n > 0).map(|(n, text)| view! { <li>{text(n)}</li> }).collect_view()}
                        </ul>
                        {(plan.inferred_kinds > 0).then(|| view! {
                            <p class="inferred">{(i18n.credit().inferred_kinds)(plan.inferred_kinds)}</p>
                        })}
                        {(!preview.ignored_columns.is_empty()).then(|| view! {
                            <p class="ignored">{t().ignored_columns}": "{preview.ignored_columns.join(", ")}</p>
                        })}
                        {(bad > 0).then(|| view! {
                            <details class="bad-rows" open=true>
                                <summary>{(t().bad_rows_title)(bad)}</summary>
                                <table>
                                    <tbody>
                                        {preview.bad_rows.iter().map(|row| view! {
                                            <tr><th scope="row">{t().line}" "{row.line}</th><td>{(t().row_problem)(&row.problem)}</td></tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </details>
                        })}
                        {empty.then(|| view! { <p class="status">{t().nothing_to_import}</p> })}
                        <button class="primary" disabled=move || empty || session.busy.get() on:click=confirm>
                            {t().import_confirm}
                        </button>
                    </section>
                }.into_any()
            }
        })}
    }
}
