use std::collections::BTreeSet;

use leptos::html;
use leptos::prelude::*;
use leptos_router::components::A;

use super::aging_report::bucket_label;
use super::{customer_href, totals_text};
use crate::domain::customer_filter::CustomerFilter;
use crate::sync::csv::hold_export::{holds_csv, HoldCsvLabels};
use crate::ui::alert::Alert;
use crate::ui::browser;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

/// Every row has this height (style/main.css agrees), so the list can draw only the rows on
/// screen and still scroll through tens of thousands of customers.
const ROW_PX: usize = 72;
/// Rows drawn beyond each edge of the screen, so a quick flick shows no gap.
const OVERSCAN: usize = 8;

/// Cartera: every customer with what they owe and how late, most overdue first.
#[component]
pub fn PortfolioPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let portfolio = session.portfolio;
    let query = RwSignal::new(String::new());
    let bucket: RwSignal<Option<usize>> = RwSignal::new(None);
    let city: RwSignal<Option<String>> = RwSignal::new(None);
    let collector: RwSignal<Option<String>> = RwSignal::new(None);
    let on_hold = RwSignal::new(false);
    let over_limit = RwSignal::new(false);
    let export_holds = move |_| {
        let t = i18n.texts();
        let [tax_id, salesperson, collector, since, reason, by, balance, currency] =
            i18n.credit().holds_csv_columns;
        let labels = HoldCsvLabels {
            customer_id: t.csv_customer_id,
            customer: t.csv_customer,
            tax_id,
            salesperson,
            collector,
            since,
            reason,
            by,
            balance,
            currency,
        };
        let today = session.today.get_untracked();
        let csv = portfolio.with_untracked(|p| holds_csv(p, today, &labels));
        let name = format!("credito-suspendido-{today}.csv");
        if let Err(detail) = browser::download(&name, "text/csv;charset=utf-8", &csv) {
            session.alert.set(Some(Alert::NotDownloaded(detail)));
        }
    };
    let buckets = session.company.with_untracked(|c| c.settings.aging.clone());
    let bucket_names = StoredValue::new(buckets.ranges());
    let accounts = session.accounts;
    let choices = Memo::new(move |_| {
        portfolio.with(|p| {
            let cities: BTreeSet<String> = p
                .customers
                .values()
                .map(|c| c.city.clone())
                .filter(|c| !c.is_empty())
                .collect();
            // The unassigned are a choice of their own, first.
            let collectors = p
                .has_unassigned()
                .then(String::new)
                .into_iter()
                .chain(p.collectors())
                .collect::<Vec<_>>();
            (cities.into_iter().collect::<Vec<_>>(), collectors)
        })
    });
    let rows = Memo::new(move |_| {
        let filter = CustomerFilter {
            bucket: bucket.get(),
            city: city.get(),
            collector: collector.get(),
            on_hold: on_hold.get(),
            over_limit: over_limit.get(),
            ..CustomerFilter::default()
        }
        .with_query(&query.get());
        portfolio.with(|p| {
            accounts.with(|accounts| {
                let standings = &accounts.standings;
                let mut rows: Vec<_> = p
                    .customers
                    .iter()
                    .filter_map(|(id, customer)| {
                        let standing = standings.get(id)?;
                        let held = p.credit_holds.contains_key(id);
                        filter
                            .accepts(id, customer, standing, held, &buckets)
                            .then(|| (id.clone(), customer.clone(), standing.clone(), held))
                    })
                    .collect();
                rows.sort_by(|a, b| {
                    b.2.oldest_days_overdue
                        .cmp(&a.2.oldest_days_overdue)
                        .then_with(|| a.1.name.cmp(&b.1.name))
                });
                rows
            })
        })
    });

    // Which rows are on screen, from where the list sits in the scrolled window.
    let list = NodeRef::<html::Ul>::new();
    let window_rows = RwSignal::new((0usize, 40usize));
    let measure = move || {
        let Some(list) = list.get_untracked() else {
            return;
        };
        let top = list.get_bounding_client_rect().top();
        let height = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0);
        let first = ((-top) / ROW_PX as f64).floor().max(0.0) as usize;
        let count = (height / ROW_PX as f64).ceil() as usize;
        let wanted = (first.saturating_sub(OVERSCAN), first + count + OVERSCAN);
        if window_rows.get_untracked() != wanted {
            window_rows.set(wanted);
        }
    };
    let scroll = window_event_listener(leptos::ev::scroll, move |_| measure());
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || {
        scroll.remove();
        resize.remove();
    });
    Effect::new(move |_| {
        rows.track();
        measure();
    });

    let t = move || i18n.texts();
    let select = move |signal: RwSignal<Option<String>>| {
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            signal.set((value != "*").then_some(value));
        }
    };
    view! {
        <div class="page-title">
            <h1>{move || t().nav_portfolio}</h1>
            <A href="/cliente/nuevo" attr:class="button">{move || t().new_customer}</A>
            <A href="/cartera/importar" attr:class="button">{move || t().import_link}</A>
        </div>
        <input
            type="search"
            class="search"
            aria-label=move || t().search_placeholder
            placeholder=move || t().search_placeholder
            prop:value=move || query.get()
            on:input=move |ev| query.set(event_target_value(&ev))
        />
        <div class="filters">
            <label class="field">
                <span>{move || t().filter_bucket}</span>
                <select name="bucket" on:change=move |ev| bucket.set(event_target_value(&ev).parse().ok())>
                    <option value="*">{move || t().all}</option>
                    {move || bucket_names.with_value(|ranges| ranges.iter().enumerate().map(|(i, range)| view! {
                        <option value=i.to_string() selected=bucket.get_untracked() == Some(i)>{bucket_label(t(), *range)}</option>
                    }).collect_view())}
                </select>
            </label>
            <label class="field">
                <span>{move || t().filter_city}</span>
                <select name="city" on:change=select(city)>
                    <option value="*">{move || t().all}</option>
                    {move || choices.with(|(cities, _)| cities.iter().map(|c| view! {
                        <option value=c.clone() selected=city.get_untracked().as_ref() == Some(c)>{c.clone()}</option>
                    }).collect_view())}
                </select>
            </label>
            <label class="field">
                <span>{move || t().filter_collector}</span>
                <select name="collector" on:change=select(collector)>
                    <option value="*">{move || t().all}</option>
                    {move || choices.with(|(_, collectors)| collectors.iter().map(|c| {
                        let label = if c.is_empty() { t().unassigned.to_owned() } else { c.clone() };
                        view! { <option value=c.clone() selected=collector.get_untracked().as_ref() == Some(c)>{label}</option> }
                    }).collect_view())}
                </select>
            </label>
            <label class="check">
                <input type="checkbox" name="on_hold" prop:checked=move || on_hold.get()
                    on:change=move |ev| on_hold.set(event_target_checked(&ev))/>
                <span>{move || i18n.credit().filter_on_hold}</span>
            </label>
            <Show when=move || on_hold.get()>
                <button type="button" class="holds-csv" on:click=export_holds>{move || i18n.credit().holds_csv}</button>
            </Show>
            <label class="check">
                <input type="checkbox" name="over_limit" prop:checked=move || over_limit.get()
                    on:change=move |ev| over_limit.set(event_target_checked(&ev))/>
                <span>{move || i18n.credit().filter_over_limit}</span>
            </label>
        </div>
        <p class="count">
            {move || (t().customers_shown)(rows.with(Vec::len), portfolio.with(|p| p.customers.len()))}
        </p>
        <Show when=move || rows.with(Vec::is_empty) && portfolio.with(|p| !p.customers.is_empty())>
            <p class="empty">{move || t().no_match}</p>
        </Show>
        <ul
            class="customer-list"
            node_ref=list
            style:height=move || format!("{}px", rows.with(Vec::len) * ROW_PX)
        >
            {move || {
                let (first, last) = window_rows.get();
                rows.with(|rows| {
                    let last = last.min(rows.len());
                    let first = first.min(last);
                    rows[first..last].iter().enumerate().map(|(offset, (id, customer, standing, held))| {
                        let days = standing.oldest_days_overdue;
                        let lateness = if days > 0 { (t().days_overdue)(days) } else { t().up_to_date.to_owned() };
                        let top = (first + offset) * ROW_PX;
                        view! {
                            <li class="customer" data-customer=id.0.to_string() style:top=format!("{top}px")>
                                <a href=customer_href(id)>
                                    <div class="customer-main">
                                        <span class="customer-name">{customer.name.clone()}</span>
                                        <span class="customer-city">{customer.city.clone()}</span>
                                    </div>
                                    <div class="customer-figures">
                                        <span class="amount">{totals_text(&standing.balance, i18n.number_format())}</span>
                                        <span class="lateness" class:late={days > 0}>{lateness}</span>
                                        {standing.in_dispute.then(|| view! { <span class="badge">{t().in_dispute}</span> })}
                                        {held.then_some(()).map(|()| view! { <span class="badge on-hold">{i18n.credit().on_hold}</span> })}
                                        {customer.credit_terms.over_limit(&standing.balance).then(|| view! { <span class="badge over-limit">{i18n.credit().over_limit}</span> })}
                                    </div>
                                </a>
                            </li>
                        }
                    }).collect_view()
                })
            }}
        </ul>
    }
}
