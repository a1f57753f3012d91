//! Ajustes → Servidor: the server this device syncs with, its user and database; «Probar
//! conexión» says what is wrong, in words, before anything is kept.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::store::settings::ServerLogin;
use crate::sync::replication::replicator::ReplicationProblem;
use crate::sync::replication::setup::{collector_user, route_database, routes, OFFICE_DATABASE};
use crate::ui::i18n::use_i18n;
use crate::ui::server_sync::{use_server_sync, ServerSync, SyncState};
use crate::ui::session::use_session;

#[component]
pub fn ServerSettings() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let sync = use_server_sync();
    let s = move || i18n.server();
    let known = sync.login.get_untracked().unwrap_or_default();
    let url = RwSignal::new(known.url);
    let user = RwSignal::new(known.user);
    let database = RwSignal::new(known.database);
    let password = RwSignal::new(String::new());
    let working = RwSignal::new(false);
    // Only whether this is the office redraws the setup: what it said must outlive the
    // routes it adds to the login.
    let at_office = Memo::new(move |_| {
        sync.login
            .with(|l| l.as_ref().is_some_and(|l| l.database == OFFICE_DATABASE))
    });
    // What the last test or connection said, worded.
    let said: RwSignal<Option<Result<&'static str, String>>> = RwSignal::new(None);

    let typed = move || {
        let mut login = ServerLogin {
            url: url.get_untracked().trim().to_owned(),
            user: user.get_untracked().trim().to_owned(),
            database: match database.get_untracked().trim() {
                // A collector's database is named after their user, as the office creates it.
                "" => route_database(user.get_untracked().trim()),
                named => named.to_owned(),
            },
            routes: Vec::new(),
        };
        // Logging in again to the same database keeps the routes set up for it.
        if let Some(known) = sync.login.get_untracked() {
            if known.url == login.url && known.database == login.database {
                login.routes = known.routes;
            }
        }
        let secret = password.get_untracked();
        (!login.url.is_empty() && !login.user.is_empty() && !secret.is_empty())
            .then_some((login, secret))
    };
    let act = move |keep: bool| {
        let Some((login, secret)) = typed() else {
            return said.set(Some(Err(s().missing_fields.to_owned())));
        };
        database.set(login.database.clone());
        working.set(true);
        said.set(None);
        leptos::task::spawn_local(async move {
            let outcome = if keep {
                sync.connect(session, login, &secret).await
            } else {
                ServerSync::test(&login, &secret).await
            };
            if outcome.is_ok() {
                password.set(String::new());
            }
            said.set(Some(outcome.map(|()| s().connection_ok).map_err(
                |problem| (s().problem)(&ReplicationProblem::Server(problem)),
            )));
            working.set(false);
        });
    };
    let field = move |label: &'static str,
                      name: &'static str,
                      kind: &'static str,
                      value: RwSignal<String>| {
        view! {
            <label class="field">
                <span>{label}</span>
                <input type=kind name=name autocomplete="off" prop:value=value
                    on:input=move |ev| value.set(event_target_value(&ev))/>
            </label>
        }
    };

    view! {
        <section class="panel server-settings" id="servidor">
            <h2>{move || s().title}</h2>
            <p class="hint">{move || s().help}</p>
            {move || sync.login.get().map(|login| view! {
                <p class="status ok">{(s().connected_as)(&login.user, &login.database)}</p>
            })}
            {move || field(s().url, "server-url", "url", url)}
            {move || field(s().user, "server-user", "text", user)}
            {move || field(s().password, "server-password", "password", password)}
            <p class="hint">{move || s().password_help}</p>
            {move || field(s().database, "server-database", "text", database)}
            <div class="form-buttons">
                <button type="button" class="test-server" disabled=move || working.get() on:click=move |_| act(false)>
                    {move || if working.get() { s().working } else { s().test }}
                </button>
                <button type="button" class="primary connect-server" disabled=move || working.get() on:click=move |_| act(true)>
                    {move || s().connect}
                </button>
            </div>
            {move || said.get().map(|outcome| match outcome {
                Ok(text) => view! { <p class="status ok" role="status">{text}</p> }.into_any(),
                Err(text) => view! { <p class="status error" role="alert">{text}</p> }.into_any(),
            })}
            {move || sync.login.get().is_some().then(|| view! {
                <div class="form-buttons">
                    <button type="button" class="sync-now" on:click=move |_| sync.run(session)>{s().sync_now}</button>
                    <button type="button" class="link" on:click=move |_| sync.disconnect()>{s().disconnect}</button>
                </div>
            })}
            {move || at_office.get().then(|| view! { <ServerSetup/> })}
            {move || sync.last.get().map(|round| view! {
                <p class="status last-round">{(s().last_round)(round.received, round.sent)}</p>
            })}
            {move || match sync.state.get() {
                SyncState::Failed(problem) => Some(view! {
                    <p class="status error" role="alert">{(s().problem)(&problem)}</p>
                }),
                _ => None,
            }}
        </section>
    }
}

/// At the office: the administrator's one-time setup of the server — the office's database,
/// and each collector's user and route database. Nothing typed here is kept.
#[component]
pub fn ServerSetup() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let sync = use_server_sync();
    let s = move || i18n.server();
    let admin = RwSignal::new(String::new());
    let secret = RwSignal::new(String::new());
    let collectors = Memo::new(move |_| session.portfolio.with(|p| routes(&p.collectors())));
    let passwords: RwSignal<BTreeMap<String, String>> = RwSignal::new(BTreeMap::new());
    let working = RwSignal::new(false);
    let said: RwSignal<Option<Result<String, String>>> = RwSignal::new(None);
    let create = move |_| {
        let (name, password) = (admin.get_untracked(), secret.get_untracked());
        if name.trim().is_empty() || password.is_empty() {
            return said.set(Some(Err(s().missing_fields.to_owned())));
        }
        // Every collector, with the password typed for them or none: a route set up before
        // is brought up to date either way.
        let typed: Vec<(String, String)> = passwords.with_untracked(|typed| {
            collectors
                .get_untracked()
                .into_iter()
                .map(|(collector, _)| {
                    let password = typed.get(&collector).cloned().unwrap_or_default();
                    (collector, password)
                })
                .collect()
        });
        working.set(true);
        said.set(None);
        leptos::task::spawn_local(async move {
            let outcome = sync.set_up(session, (name.trim(), &password), &typed).await;
            if outcome.is_ok() {
                secret.set(String::new());
                passwords.set(BTreeMap::new());
            }
            said.set(Some(outcome.map(|n| (s().set_up_done)(n)).map_err(
                |problem| (s().problem)(&ReplicationProblem::Server(problem)),
            )));
            working.set(false);
        });
    };
    view! {
        <section class="panel server-setup">
            <h2>{move || s().set_up_title}</h2>
            <p class="hint">{move || s().set_up_help}</p>
            <label class="field">
                <span>{move || s().administrator}</span>
                <input type="text" name="admin-user" autocomplete="off" prop:value=admin
                    on:input=move |ev| admin.set(event_target_value(&ev))/>
            </label>
            <label class="field">
                <span>{move || s().password}</span>
                <input type="password" name="admin-password" autocomplete="off" prop:value=secret
                    on:input=move |ev| secret.set(event_target_value(&ev))/>
            </label>
            <table class="collector-users">
                <thead><tr>
                    <th scope="col">{move || s().collector}</th>
                    <th scope="col">{move || s().user}</th>
                    <th scope="col">{move || s().new_password}</th>
                </tr></thead>
                <tbody>
                    {move || collectors.get().into_iter().map(|(collector, _)| {
                        let key = collector.clone();
                        let user = collector_user(&collector);
                        view! {
                            <tr>
                                <th scope="row">{collector.clone()}</th>
                                <td class="mono">{user.clone()}</td>
                                <td>
                                    <input type="password" name=format!("password-{user}") autocomplete="new-password"
                                        aria-label=format!("{} {collector}", s().new_password)
                                        on:input=move |ev| {
                                            let value = event_target_value(&ev);
                                            passwords.update(|p| { p.insert(key.clone(), value); });
                                        }/>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <button type="button" class="primary set-up-server" disabled=move || working.get() on:click=create>
                {move || if working.get() { s().working } else { s().set_up }}
            </button>
            {move || said.get().map(|outcome| match outcome {
                Ok(text) => view! { <p class="status ok" role="status">{text}</p> }.into_any(),
                Err(text) => view! { <p class="status error" role="alert">{text}</p> }.into_any(),
            })}
        </section>
    }
}
