//! Ajustes → Servidor: the server this device syncs with, its user and database; «Probar
//! conexión» says what is wrong, in words, before anything is kept.

use leptos::prelude::*;

use crate::store::settings::ServerLogin;
use crate::sync::replication::replicator::ReplicationProblem;
use crate::sync::replication::setup::route_database;
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
    // What the last test or connection said, worded.
    let said: RwSignal<Option<Result<&'static str, String>>> = RwSignal::new(None);

    let typed = move || {
        let login = ServerLogin {
            url: url.get_untracked().trim().to_owned(),
            user: user.get_untracked().trim().to_owned(),
            database: match database.get_untracked().trim() {
                // A collector's database is named after their user, as the office creates it.
                "" => route_database(user.get_untracked().trim()),
                named => named.to_owned(),
            },
        };
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
            {move || match sync.state.get() {
                SyncState::Synced { round, .. } => Some(view! {
                    <p class="status">{(s().last_round)(round.received, round.sent)}</p>
                }.into_any()),
                SyncState::Failed(problem) => Some(view! {
                    <p class="status error" role="alert">{(s().problem)(&problem)}</p>
                }.into_any()),
                _ => None,
            }}
        </section>
    }
}
