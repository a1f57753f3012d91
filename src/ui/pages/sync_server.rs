use leptos::prelude::*;

use crate::sync::replication::setup::routes;
use crate::ui::browser;
use crate::ui::i18n::use_i18n;
use crate::ui::server_sync::{use_server_sync, SyncBadge};
use crate::ui::session::use_session;
use crate::ui::table_scroll::TableScroll;

/// With a sync server: per database, what this device sent and received through it since it
/// connected, and when. The office sees each collector's route by the collector's name.
#[component]
pub fn ServerExchangesPanel() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let sync = use_server_sync();
    let s = move || i18n.server();
    let rows = move || {
        let format = i18n.number_format();
        let when = |ms: u64| format.date_time(browser::local_time_of(ms));
        let count = |n: u64| format.amount(n.into(), 0);
        let collectors = session.portfolio.with(|p| p.collectors());
        let whose = routes(&collectors);
        sync.exchanges.with(|exchanges| {
            exchanges
                .iter()
                .map(|(db, exchange)| {
                    let name = whose
                        .iter()
                        .find(|(_, route)| route == db)
                        .map(|(collector, _)| (s().route_of)(collector));
                    (
                        name,
                        db.clone(),
                        count(exchange.sent),
                        count(exchange.received),
                        exchange
                            .moved_at_ms
                            .map(when)
                            .unwrap_or_else(|| s().nothing_yet.to_owned()),
                        when(exchange.checked_at_ms),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    move || {
        sync.login.with(Option::is_some).then(|| {
            view! {
                <section class="panel server-exchanges">
                    <h2>{s().exchanges_title}</h2>
                    <p><SyncBadge/></p>
                    <p class="hint">{s().exchanges_help}</p>
                    <TableScroll label=s().exchanges_title>
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">{s().column_database}</th>
                                    <th scope="col" class="number">{s().column_sent}</th>
                                    <th scope="col" class="number">{s().column_received}</th>
                                    <th scope="col">{s().column_moved}</th>
                                    <th scope="col">{s().column_checked}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {move || rows().into_iter().map(|(name, db, sent, received, moved, checked)| view! {
                                    <tr>
                                        <th scope="row">{name.map(|n| view! { {n}<br/> })}<span class="mono">{db}</span></th>
                                        <td class="number">{sent}</td>
                                        <td class="number">{received}</td>
                                        <td>{moved}</td>
                                        <td>{checked}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </TableScroll>
                </section>
            }
        })
    }
}
