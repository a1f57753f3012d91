use leptos::prelude::*;

use crate::sync::device_key::PublicKey;
use crate::sync::hlc::DeviceId;
use crate::sync::op::Event;
use crate::sync::role::Role;
use crate::ui::browser;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;
use crate::ui::table_scroll::TableScroll;

/// Every device heard of: its label, the fingerprint of the key it published and whether the
/// office accepted it (with the button that does, once the fingerprint has been compared with
/// the person's), the last bundle received from it and when, and how many of its operations
/// are held here.
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
                    // What it is called, as a bundle from it or the office's mark said.
                    let name = if is_me {
                        session.device_label()
                    } else {
                        peers.label(&device).map(str::to_owned).unwrap_or_else(|| {
                            session
                                .company
                                .with(|c| c.labels.get(&device).cloned())
                                .unwrap_or_default()
                        })
                    };
                    let label = if is_me {
                        format!("{name} {}", x().this_device_mark)
                    } else if name.is_empty() {
                        x().unknown_device.to_owned()
                    } else {
                        name.clone()
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
                    let key = projection.key(&device).cloned();
                    let fingerprint = key
                        .as_ref()
                        .map_or_else(|| x().no_key.to_owned(), |key| key.fingerprint());
                    let standing = match (projection.acceptance(&device), key) {
                        (Some(acceptance), _) => {
                            let by = if me.as_ref() == Some(&acceptance.by) {
                                session.device_label()
                            } else {
                                peers
                                    .label(&acceptance.by)
                                    .unwrap_or(&acceptance.by.0)
                                    .to_owned()
                            };
                            Standing::Accepted((x().accepted_by)(&by))
                        }
                        (None, Some(key)) if !is_me => Standing::ToAccept(device.clone(), key),
                        (None, Some(_)) => Standing::Waiting,
                        (None, None) => Standing::NoKey,
                    };
                    let role = session.company.with(|c| c.roles.of(&device));
                    (
                        label,
                        short,
                        fingerprint,
                        standing,
                        last,
                        held.count(&device),
                        (device, role, name),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="devices">
            <h2>{move || x().devices_title}</h2>
            <TableScroll label=move || x().devices_title>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{move || x().column_device}</th>
                            <th scope="col">{move || x().column_key}</th>
                            <th scope="col">{move || i18n.outreach().column_role}</th>
                            <th scope="col">{move || x().column_last_bundle}</th>
                            <th scope="col" class="number">{move || x().column_held}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || rows().into_iter().map(|(label, short, key, standing, last, count, (device, role, name))| view! {
                            <tr>
                                <th scope="row">{label}<br/><span class="mono">{short}</span></th>
                                <td>
                                    <span class="mono key">{key}</span><br/>
                                    {match standing {
                                        Standing::Accepted(text) => view! {
                                            <span class="accepted">{text}</span>
                                        }.into_any(),
                                        Standing::ToAccept(device, key) => view! {
                                            <button type="button" class="link accept-device"
                                                title=move || x().accept_hint
                                                disabled=move || session.busy.get()
                                                on:click=move |_| session.save_then(
                                                    vec![Event::DeviceAccepted {
                                                        device: device.clone(),
                                                        key: key.clone(),
                                                    }],
                                                    || (),
                                                )>
                                                {move || x().accept}
                                            </button>
                                        }.into_any(),
                                        Standing::Waiting => view! {
                                            <span class="not-accepted">{x().not_accepted}</span>
                                        }.into_any(),
                                        Standing::NoKey => ().into_any(),
                                    }}
                                </td>
                                <td><RoleCell device=device role=role name=name/></td>
                                <td>{last}</td>
                                <td class="number">{count}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </TableScroll>
        </section>
    }
}

/// Where a device stands with the company.
enum Standing {
    /// «Aceptado por «Oficina»».
    Accepted(String),
    /// Another device with a key nobody accepted yet: this one can.
    ToAccept(DeviceId, PublicKey),
    /// This device, not accepted yet: the office does it.
    Waiting,
    NoKey,
}

/// A device's role, and on an office the button that changes it. The first office of a
/// company names itself as it names another.
#[component]
fn RoleCell(device: DeviceId, role: Option<Role>, name: String) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let o = move || i18n.outreach();
    let other = if role == Some(Role::Office) {
        Role::Collector
    } else {
        Role::Office
    };
    let is_me = session
        .device
        .with_untracked(|d| d.as_ref().is_some_and(|d| d.id == device));
    let may_mark = move || !is_me && session.may_change_company();
    let mark = move |_| {
        let mark = Event::DeviceRoleSet {
            device: device.clone(),
            role: other,
            label: name.clone(),
        };
        session.save_then(session.as_office(vec![mark]), || ());
    };
    view! {
        <span class="role">{move || (o().role_name)(role)}</span>
        <Show when=may_mark>
            <br/>
            <button type="button" class="link mark-role" disabled=move || session.busy.get()
                on:click=mark.clone()>
                {move || (o().make_role)(other)}
            </button>
        </Show>
    }
}
