//! Ajustes → «Bloqueo de la app»: set the PIN that seals this device's data, change it, lock
//! now, and how many idle minutes lock the app.

use leptos::prelude::*;

use crate::domain::app_lock::check_secret;
use crate::store::data_key::UnlockError;
use crate::store::settings;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

#[component]
pub fn LockSettings() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let x = move || i18n.lock();
    let current = RwSignal::new(String::new());
    let new_secret = RwSignal::new(String::new());
    let repeated = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, &'static str)>);
    let minutes = RwSignal::new(settings::idle_minutes().to_string());
    let clear = move || {
        current.set(String::new());
        new_secret.set(String::new());
        repeated.set(String::new());
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (old, new, again) = (
            current.get_untracked(),
            new_secret.get_untracked(),
            repeated.get_untracked(),
        );
        if let Err(problem) = check_secret(&new) {
            message.set(Some((false, (x().problem)(problem))));
            return;
        }
        if new != again {
            message.set(Some((false, x().mismatch)));
            return;
        }
        message.set(None);
        let sealed = session.sealed.get_untracked();
        leptos::task::spawn_local(async move {
            let outcome = if sealed {
                match session.change_pin(old, new).await {
                    Ok(()) => (true, x().pin_changed),
                    Err(UnlockError::WrongSecret) => (false, x().wrong_current),
                    Err(UnlockError::Failed(_)) => (false, x().failed),
                }
            } else {
                match session.set_pin(new).await {
                    Ok(()) => (true, x().pin_set),
                    Err(_) => (false, x().failed),
                }
            };
            if outcome.0 {
                clear();
            }
            message.set(Some(outcome));
        });
    };
    let keep_minutes = move |ev| {
        let typed = event_target_value(&ev);
        minutes.set(typed.clone());
        if let Ok(value) = typed.trim().parse::<u32>() {
            if (1..=240).contains(&value) {
                settings::set_idle_minutes(value);
            }
        }
    };
    let secret_field =
        move |label: fn() -> &'static str, name: &'static str, value: RwSignal<String>| {
            view! {
                <label class="field">
                    <span>{label}</span>
                    <input type="password" name=name autocomplete="new-password"
                        prop:value=move || value.get()
                        on:input=move |ev| value.set(event_target_value(&ev))/>
                </label>
            }
        };
    view! {
        <section class="panel lock-settings">
            <h2>{move || x().settings_title}</h2>
            <p class="legal-source">{move || x().settings_help}</p>
            <Show when=move || session.sealed.get()>
                <p class="status">{move || x().sealed_note}</p>
            </Show>
            <form on:submit=save>
                <Show when=move || session.sealed.get()>
                    {secret_field(|| use_i18n().lock().current_secret, "current_secret", current)}
                </Show>
                {secret_field(|| use_i18n().lock().new_secret, "new_secret", new_secret)}
                {secret_field(|| use_i18n().lock().repeat_secret, "repeat_secret", repeated)}
                <button type="submit" class="primary" disabled=move || session.busy.get()>
                    {move || if session.sealed.get() { x().change_pin } else { x().set_pin }}
                </button>
                {move || message.get().map(|(ok, text)| view! {
                    <p class=if ok { "status" } else { "status error" } role=if ok { "status" } else { "alert" }>{text}</p>
                })}
            </form>
            <label class="field">
                <span>{move || x().idle_minutes}</span>
                <input type="number" name="idle_minutes" min="1" max="240" inputmode="numeric"
                    prop:value=move || minutes.get() on:input=keep_minutes/>
            </label>
            <Show when=move || session.sealed.get()>
                <button type="button" class="lock-now" on:click=move |_| session.lock_now()>{move || x().lock_now}</button>
            </Show>
        </section>
    }
}
