use leptos::prelude::*;
use leptos_router::components::A;

use super::customer_href;
use crate::domain::bureau_report::{
    bureau_standings, reports_to_update, BureauFiling, FilingKind, Reportability,
};
use crate::domain::customer::CustomerId;
use crate::domain::money::{Currency, Money};
use crate::sync::op::Event;
use crate::ui::i18n::use_i18n;
use crate::ui::reports_nav::ReportsNav;
use crate::ui::session::use_session;
use crate::ui::table_scroll::TableScroll;

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
    let to_update = Memo::new(move |_| {
        session.accounts.with(|a| {
            session
                .portfolio
                .with(|p| reports_to_update(p, &a.standings))
        })
    });
    let file = move |customer: CustomerId, kind: FilingKind| {
        let filing = BureauFiling {
            customer,
            on: session.today.get_untracked(),
            by: session.device_label(),
            kind,
        };
        session.save_then(vec![Event::BureauFiled { filing }], || ());
    };
    let name_of = move |customer: &CustomerId| {
        session.portfolio.with(|p| {
            p.customers
                .get(customer)
                .map(|c| c.name.clone())
                .unwrap_or_default()
        })
    };
    let reportable = move || {
        accounts.with(|list| {
            list.iter()
                .filter(|a| {
                    a.reported_on.is_none()
                        && matches!(a.reportability, Reportability::Reportable { .. })
                })
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
                let name = name_of(&account.customer);
                let state = match (account.reported_on, account.reportability) {
                    (Some(_), _) => "reported",
                    (None, Reportability::Reportable { .. }) => "reportable",
                    (None, Reportability::Waiting { .. }) => "waiting",
                    _ => "blocked",
                };
                let status = match account.reported_on {
                    Some(on) => (l().reported_on)(&day(on)),
                    None => (l().status)(&account.reportability, &day),
                };
                let customer = account.customer.clone();
                let may_report = state == "reportable";
                view! {
                    <tr data-state=state>
                        <th scope="row"><A href=customer_href(&account.customer)>{name}</A></th>
                        <td class="number">{format.money(Money::new(account.overdue, Currency::COP))}</td>
                        <td>{account.defaulted_on.map(day)}</td>
                        <td>
                            {status}
                            {may_report.then(|| view! {
                                " "<button type="button" class="link mark-reported" disabled=move || session.busy.get()
                                    on:click=move |_| file(customer.clone(), FilingKind::Reported)>{l().mark_reported}</button>
                            })}
                        </td>
                    </tr>
                }
            })
            .collect_view()
    };
    let updates = move || {
        let format = i18n.number_format();
        to_update
            .get()
            .into_iter()
            .map(|(customer, reported)| {
                let name = name_of(&customer);
                view! {
                    <li>
                        <A href=customer_href(&customer)>{name}</A>
                        " · "{(l().reported_on)(&format.date(reported))}" "
                        <button type="button" class="link mark-updated" disabled=move || session.busy.get()
                            on:click=move |_| file(customer.clone(), FilingKind::Updated)>{l().mark_updated}</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <ReportsNav/>
        <h1>{move || l().bureau_title}</h1>
        <p class="hint legal-source">{move || l().bureau_law}</p>
        <Show when=move || to_update.with(|u| !u.is_empty())>
            <section class="reports-to-update">
                <h2>{move || l().update_title}</h2>
                <p class="hint">{move || l().update_help}</p>
                <ul>{updates}</ul>
            </section>
        </Show>
        <Show when=move || accounts.with(|a| !a.is_empty())
            fallback=move || view! { <p class="empty">{l().no_overdue}</p> }>
            <p class="count" data-figure="reportable">{move || (l().reportable_count)(reportable())}</p>
            <TableScroll label=move || l().bureau_title>
                <table class="bureau-standing">
                    <thead><tr>
                        <th scope="col">{move || l().column_customer}</th>
                        <th scope="col" class="number">{move || l().column_overdue}</th>
                        <th scope="col">{move || l().column_defaulted}</th>
                        <th scope="col">{move || l().column_status}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </TableScroll>
        </Show>
    }
}
