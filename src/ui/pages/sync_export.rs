use leptos::prelude::*;

use crate::domain::portfolio::Portfolio;
use crate::store::bundle_cipher;
use crate::sync::bundle::export::{compose, file_name};
use crate::sync::bundle::format::{BundleKind, Sender};
use crate::sync::bundle::sealed::{check_passphrase, PassphraseProblem};
use crate::sync::hlc::DeviceId;
use crate::ui::browser;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Choice {
    Full,
    Delta,
    Route,
}

/// Sends a bundle: full, the news for one known device, or one collector's route; sealed
/// with a passphrase when one is given; shared as a file where the phone can, else
/// downloaded.
#[component]
pub fn ExportPanel() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let x = move || i18n.exchange();
    let choice = RwSignal::new(Choice::Full);
    let peer = RwSignal::new(String::new());
    let collector = RwSignal::new(String::new());
    let passphrase = RwSignal::new(String::new());
    let again = RwSignal::new(String::new());
    let status: RwSignal<Option<Result<String, String>>> = RwSignal::new(None);
    let working = RwSignal::new(false);

    let peers = move || {
        let me = session.device.get().map(|d| d.id);
        session.peers.with(|peers| {
            peers
                .0
                .iter()
                .filter(|(id, p)| Some(*id) != me.as_ref() && p.last_bundle.is_some())
                .map(|(id, p)| (id.0.clone(), p.label.clone()))
                .collect::<Vec<_>>()
        })
    };
    let collectors = move || session.portfolio.with(Portfolio::collectors);

    let create = move |_| {
        let secret = passphrase.get_untracked();
        if let Err(problem) = check_passphrase(&secret, &again.get_untracked()) {
            let said = match problem {
                PassphraseProblem::TooShort => x().passphrase_too_short,
                PassphraseProblem::Differ => x().passphrases_differ,
            };
            return status.set(Some(Err(said.to_owned())));
        }
        let (kind, kind_words) = match choice.get_untracked() {
            Choice::Full => (BundleKind::Full, vec![x().file_kind_full.to_owned()]),
            Choice::Delta => {
                let id = peer.get_untracked();
                let label = session
                    .peers
                    .with_untracked(|p| p.label(&DeviceId(id.clone())).map(str::to_owned))
                    .unwrap_or_default();
                (
                    BundleKind::Delta {
                        for_device: DeviceId(id),
                    },
                    vec![x().file_kind_for.to_owned(), label],
                )
            }
            Choice::Route => {
                let name = collector.get_untracked();
                (
                    BundleKind::Route {
                        collector: name.clone(),
                    },
                    vec![x().file_kind_route.to_owned(), name],
                )
            }
        };
        let Some(device) = session.device.get_untracked() else {
            return;
        };
        working.set(true);
        status.set(None);
        leptos::task::spawn_local(async move {
            let outcome = async {
                // Sending a route is the office's work: a company without an office yet
                // gets this device as its office, and the route carries it.
                if matches!(kind, BundleKind::Route { .. }) {
                    session.become_office().await.map_err(|e| e.to_string())?;
                }
                let ops = session.stored_ops().await.map_err(|e| e.to_string())?;
                let bundle = session.projection.with_untracked(|projection| {
                    session.peers.with_untracked(|peers| {
                        compose(
                            kind,
                            &ops,
                            projection,
                            peers,
                            Sender {
                                device: device.id.clone(),
                                label: device.label.clone(),
                            },
                            browser::now_ms(),
                        )
                    })
                });
                let count = bundle.ops.iter().filter(|op| op.event.is_change()).count();
                let mut words: Vec<&str> = kind_words.iter().map(String::as_str).collect();
                let sealed = !secret.is_empty();
                // Sealing first: when it fails, no plain file is written in its place.
                let contents = if sealed {
                    words.push(x().file_sealed);
                    bundle_cipher::seal(&bundle.to_json(), &secret)
                        .await?
                        .to_json()
                } else {
                    bundle.to_json()
                };
                let name = file_name(&device.label, browser::today(), &words);
                if !browser::share_file(&name, "application/json", &contents).await? {
                    browser::download(&name, "application/json", &contents)?;
                }
                Ok::<_, String>((x().bundle_ready)(count, sealed))
            }
            .await;
            status.set(Some(outcome.map_err(|detail| (x().export_failed)(&detail))));
            working.set(false);
        });
    };

    let radio = move |value: Choice, text: fn(&crate::ui::i18n::ExchangeTexts) -> &'static str| {
        view! {
            <label class="choice">
                <input type="radio" name="bundle-kind" checked=move || choice.get() == value on:change=move |_| choice.set(value)/>
                <span>{move || text(x())}</span>
            </label>
        }
    };

    view! {
        <section class="export panel">
            <h2>{move || x().export_title}</h2>
            {radio(Choice::Full, |x| x.kind_full)}
            {radio(Choice::Delta, |x| x.kind_delta)}
            {move || (choice.get() == Choice::Delta).then(|| {
                let options = peers();
                if peer.get_untracked().is_empty() {
                    if let Some((id, _)) = options.first() {
                        peer.set(id.clone());
                    }
                }
                if options.is_empty() {
                    view! { <p class="status">{x().no_peers}</p> }.into_any()
                } else {
                    view! {
                        <label class="field">
                            <span>{x().for_device}</span>
                            <select name="peer" on:change=move |ev| peer.set(event_target_value(&ev))>
                                {options.into_iter().map(|(id, label)| {
                                    let selected = peer.get_untracked() == id;
                                    view! { <option value=id selected=selected>{label}</option> }
                                }).collect_view()}
                            </select>
                        </label>
                    }.into_any()
                }
            })}
            {radio(Choice::Route, |x| x.kind_route)}
            {move || (choice.get() == Choice::Route).then(|| {
                let options = collectors();
                if collector.get_untracked().is_empty() {
                    if let Some(first) = options.first() {
                        collector.set(first.clone());
                    }
                }
                if options.is_empty() {
                    view! { <p class="status">{x().no_collectors}</p> }.into_any()
                } else {
                    view! {
                        <label class="field">
                            <span>{x().for_collector}</span>
                            <select name="collector" on:change=move |ev| collector.set(event_target_value(&ev))>
                                {options.into_iter().map(|name| {
                                    let selected = collector.get_untracked() == name;
                                    let value = name.clone();
                                    view! { <option value=value selected=selected>{name}</option> }
                                }).collect_view()}
                            </select>
                        </label>
                    }.into_any()
                }
            })}
            <label class="field">
                <span>{move || x().passphrase}</span>
                <input type="password" name="passphrase" autocomplete="new-password"
                    prop:value=passphrase on:input=move |ev| passphrase.set(event_target_value(&ev))/>
            </label>
            <label class="field">
                <span>{move || x().passphrase_again}</span>
                <input type="password" name="passphrase-again" autocomplete="new-password"
                    prop:value=again on:input=move |ev| again.set(event_target_value(&ev))/>
            </label>
            <p class="hint">{move || x().passphrase_help}</p>
            <button class="primary create-bundle" disabled=move || working.get() on:click=create>
                {move || if working.get() { x().working } else { x().create_bundle }}
            </button>
            {move || status.get().map(|outcome| match outcome {
                Ok(message) => view! { <p class="status ok" role="status">{message}</p> }.into_any(),
                Err(message) => view! { <p class="status error" role="alert">{message}</p> }.into_any(),
            })}
        </section>
    }
}
