use leptos::prelude::*;

use crate::ui::browser;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

/// Every device heard of: its label, the fingerprint of the key it published, the last bundle
/// received from it and when, and how many of its operations are held here.
#[component]
pub fn DevicesPanel() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let x = move || i18n.exchange();
    let rows = move || {
        let me = session.device.get().map(|d| d.id);
        let peers = session.peers.get();
        let format = i18n.number_format();
        session.projection.with(|projection| {
            let held = projection.versions();
            let mut devices: Vec<_> = held.devices().cloned().collect();
            devices.extend(
                peers
                    .0
                    .keys()
                    .filter(|d| !held.devices().any(|h| h == *d))
                    .cloned(),
            );
            if let Some(me) = &me {
                devices.retain(|d| d != me);
                devices.insert(0, me.clone());
            }
            devices
                .into_iter()
                .map(|device| {
                    let is_me = me.as_ref() == Some(&device);
                    let label = if is_me {
                        format!("{} {}", session.device_label(), x().this_device_mark)
                    } else {
                        peers
                            .label(&device)
                            .unwrap_or(x().unknown_device)
                            .to_owned()
                    };
                    let last = peers
                        .0
                        .get(&device)
                        .and_then(|p| p.last_bundle.as_ref())
                        .map(|b| format.date_time(browser::local_time_of(b.imported_ms)))
                        .unwrap_or_else(|| {
                            if is_me {
                                String::new()
                            } else {
                                x().never.to_owned()
                            }
                        });
                    let short: String = device.0.chars().take(8).collect();
                    let key = projection
                        .key(&device)
                        .map_or_else(|| x().no_key.to_owned(), |key| key.fingerprint());
                    (label, short, key, last, held.count(&device))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="devices">
            <h2>{move || x().devices_title}</h2>
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{move || x().column_device}</th>
                            <th scope="col">{move || x().column_key}</th>
                            <th scope="col">{move || x().column_last_bundle}</th>
                            <th scope="col" class="number">{move || x().column_held}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || rows().into_iter().map(|(label, short, key, last, count)| view! {
                            <tr>
                                <th scope="row">{label}<br/><span class="mono">{short}</span></th>
                                <td class="mono key">{key}</td>
                                <td>{last}</td>
                                <td class="number">{count}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
    }
}
