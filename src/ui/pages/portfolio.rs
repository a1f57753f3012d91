use leptos::prelude::*;

use super::totals_text;
use crate::domain::search::{fold, matches};
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

/// Cartera: every customer with what they owe and how late, most overdue first.
#[component]
pub fn PortfolioPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let portfolio = session.portfolio;
    let query = RwSignal::new(String::new());
    let standings = Memo::new(move |_| portfolio.with(|p| p.standings(session.today.get())));
    let rows = Memo::new(move |_| {
        let folded = fold(&query.get());
        portfolio.with(|p| {
            standings.with(|standings| {
                let mut rows: Vec<_> = p
                    .customers
                    .iter()
                    .filter(|(id, customer)| matches(id, customer, &folded))
                    .filter_map(|(id, customer)| {
                        let standing = standings.get(id)?.clone();
                        Some((id.clone(), customer.clone(), standing))
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
    let t = move || i18n.texts();
    view! {
        <h1>{move || t().nav_portfolio}</h1>
        <input
            type="search"
            class="search"
            aria-label=move || t().search_placeholder
            placeholder=move || t().search_placeholder
            prop:value=move || query.get()
            on:input=move |ev| query.set(event_target_value(&ev))
        />
        <p class="count">
            {move || (t().customers_shown)(rows.with(Vec::len), portfolio.with(|p| p.customers.len()))}
        </p>
        <Show when=move || rows.with(Vec::is_empty) && portfolio.with(|p| !p.customers.is_empty())>
            <p class="empty">{move || t().no_match}</p>
        </Show>
        <ul class="customer-list">
            {move || rows.get().into_iter().map(|(id, customer, standing)| {
                let days = standing.oldest_days_overdue;
                let lateness = if days > 0 { (t().days_overdue)(days) } else { t().up_to_date.to_owned() };
                view! {
                    <li class="customer" data-customer=id.0.clone()>
                        <div class="customer-main">
                            <span class="customer-name">{customer.name.clone()}</span>
                            <span class="customer-city">{customer.city.clone()}</span>
                        </div>
                        <div class="customer-figures">
                            <span class="amount">{totals_text(&standing.balance, i18n.number_format())}</span>
                            <span class="lateness" class:late={days > 0}>{lateness}</span>
                            {standing.in_dispute.then(|| view! { <span class="badge">{t().in_dispute}</span> })}
                        </div>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
