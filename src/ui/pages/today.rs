use leptos::prelude::*;

use super::totals_text;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

#[component]
pub fn TodayPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let portfolio = session.portfolio;
    let summary = Memo::new(move |_| {
        session
            .standings
            .with(|standings| portfolio.with(|p| p.summary(standings, session.today.get())))
    });
    let t = move || i18n.texts();
    let fmt = move || i18n.number_format();
    view! {
        <h1>{move || t().nav_today}</h1>
        <Show
            when=move || portfolio.with(|p| !p.customers.is_empty())
            fallback=move || view! { <p class="empty">{move || t().empty_portfolio}</p> }
        >
            <dl class="cards">
                <div class="card wide">
                    <dt>{move || t().total_receivable}</dt>
                    <dd class="amount">{move || summary.with(|s| totals_text(&s.receivable, fmt()))}</dd>
                </div>
                <div class="card wide">
                    <dt>{move || t().overdue}</dt>
                    <dd class="amount overdue">{move || summary.with(|s| totals_text(&s.overdue, fmt()))}</dd>
                </div>
                <div class="card">
                    <dt>{move || t().customers_overdue}</dt>
                    <dd>{move || summary.with(|s| s.customers_overdue)}</dd>
                </div>
                <div class="card">
                    <dt>{move || t().promises_due_today}</dt>
                    <dd>{move || summary.with(|s| s.promises_due_today)}</dd>
                </div>
            </dl>
        </Show>
    }
}
