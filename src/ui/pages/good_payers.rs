//! Informes → the period's good payers, each with a recognition ready to send: prevention,
//! and the list sales wants before offering more credit.

use leptos::prelude::*;
use leptos_router::components::A;

use super::customer_href;
use crate::domain::good_payers::good_payers;
use crate::domain::kpi::period::Period;
use crate::domain::message_template::{MessageKind, MessageValues};
use crate::ui::i18n::use_i18n;
use crate::ui::message::compose;
use crate::ui::reach::{reach_links, Reach};
use crate::ui::session::use_session;
use crate::ui::table_scroll::TableScroll;

/// Rows shown at first: a thank-you goes out by hand, one by one.
const SHOWN: usize = 25;

#[component]
pub fn GoodPayers(period: Memo<Period>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let c = move || i18n.credit();
    let payers = Memo::new(move |_| session.portfolio.with(|p| good_payers(p, period.get())));
    let rows = move || {
        let fmt = i18n.number_format();
        let payers = payers.get();
        let total = payers.len();
        let view = session.portfolio.with(|p| {
            session.outreach.with(|outreach| {
                payers
                    .into_iter()
                    .take(SHOWN)
                    .filter_map(|payer| {
                        let customer = p.customers.get(&payer.customer)?;
                        let values = MessageValues {
                            customer: customer.name.clone(),
                            company: outreach.company.clone(),
                            collector: session.device_label(),
                            ..MessageValues::default()
                        };
                        let message = compose(i18n, outreach, MessageKind::Recognition, &values);
                        let links: Vec<_> = reach_links(customer, &message)
                            .into_iter()
                            .filter(|(reach, _)| matches!(reach, Reach::WhatsApp | Reach::Email))
                            .map(|(reach, href)| {
                                let label = reach.label(i18n.texts(), i18n.day());
                                view! { <a class="button" href=href target="_blank" rel="noopener">{label}</a> }
                            })
                            .collect();
                        let name = customer.name.clone();
                        let paid: Vec<String> =
                            payer.paid_on_time.iter().map(|m| fmt.money(*m)).collect();
                        Some(view! {
                            <tr>
                                <th scope="row"><A href=customer_href(&payer.customer)>{name}</A></th>
                                <td class="amount">{payer.dues_on_time}</td>
                                <td class="amount">{paid.join(" · ")}</td>
                                <td class="reach">{links}</td>
                            </tr>
                        })
                    })
                    .collect_view()
            })
        });
        (view.into_any(), total)
    };
    view! {
        <section class="good-payers">
            <h2>{move || c().good_payers_title}</h2>
            <p class="hint">{move || c().good_payers_hint}</p>
            {move || {
                let (rows, total) = rows();
                if total == 0 {
                    return view! { <p class="empty">{c().no_good_payers}</p> }.into_any();
                }
                view! {
                    <p class="count">{(c().good_payers_count)(total)}</p>
                    <TableScroll label=move || c().good_payers_title>
                        <table>
                            <thead><tr>
                                <th scope="col">{c().column_customer}</th>
                                <th scope="col">{c().column_dues_on_time}</th>
                                <th scope="col">{c().column_paid_on_time}</th>
                                <th scope="col">{c().column_recognition}</th>
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </TableScroll>
                }
                .into_any()
            }}
        </section>
    }
}
