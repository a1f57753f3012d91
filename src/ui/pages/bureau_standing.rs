use leptos::prelude::*;
use leptos_router::components::A;

use super::customer_href;
use crate::domain::bureau_report::{bureau_standings, Reportability};
use crate::domain::money::{Currency, Money};
use crate::ui::i18n::use_i18n;
use crate::ui::reports_nav::ReportsNav;
use crate::ui::session::use_session;

/// Informes → Centrales: every account in pesos overdue, and whether it may be reported to a
/// credit bureau today, or when, or what is missing; those that may be reported first.
#[component]
pub fn BureauStandingPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let l = move || i18n.legal();
    let accounts = Memo::new(move |_| {
        let today = session.today.get();
        session.company.with(|company| {
            session.accounts.with(|a| {
                session.portfolio.with(|p| {
                    bureau_standings(p, &a.standings, &company.settings.minimum_wages, today)
                })
            })
        })
    });
    let reportable = move || {
        accounts.with(|list| {
            list.iter()
                .filter(|a| matches!(a.reportability, Reportability::Reportable { .. }))
                .count()
        })
    };
    let rows = move || {
        let format = i18n.number_format();
        let day = |d| format.date(d);
        accounts
            .get()
            .into_iter()
            .map(|account| {
                let name = session.portfolio.with(|p| {
                    p.customers
                        .get(&account.customer)
                        .map(|c| c.name.clone())
                        .unwrap_or_default()
                });
                let state = match account.reportability {
                    Reportability::Reportable { .. } => "reportable",
                    Reportability::Waiting { .. } => "waiting",
                    _ => "blocked",
                };
                view! {
                    <tr data-state=state>
                        <th scope="row"><A href=customer_href(&account.customer)>{name}</A></th>
                        <td class="number">{format.money(Money::new(account.overdue, Currency::COP))}</td>
                        <td>{account.defaulted_on.map(day)}</td>
                        <td>{(l().status)(&account.reportability, &day)}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <ReportsNav/>
        <h1>{move || l().bureau_title}</h1>
        <p class="hint legal-source">{move || l().bureau_law}</p>
        <Show when=move || accounts.with(|a| !a.is_empty())
            fallback=move || view! { <p class="empty">{l().no_overdue}</p> }>
            <p class="count" data-figure="reportable">{move || (l().reportable_count)(reportable())}</p>
            <div class="table-scroll">
                <table class="bureau-standing">
                    <thead><tr>
                        <th scope="col">{move || l().column_customer}</th>
                        <th scope="col" class="number">{move || l().column_overdue}</th>
                        <th scope="col">{move || l().column_defaulted}</th>
                        <th scope="col">{move || l().column_status}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </Show>
    }
}
