//! Setting this device's PIN (which seals its data) or changing it: the new one typed twice,
//! checked against the rules before anything is written.

use leptos::prelude::*;

use crate::domain::app_lock::check_secret;
use crate::store::data_key::UnlockError;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

#[component]
pub fn PinForm() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let x = move || i18n.lock();
    let current = RwSignal::new(String::new());
    let new_secret = RwSignal::new(String::new());
    let repeated = RwSignal::new(String::new());
    let message = RwSignal::new(None::<(bool, &'static str)>);
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
                for field in [current, new_secret, repeated] {
                    field.set(String::new());
                }
            }
            message.set(Some(outcome));
        });
    };
    let secret_field = move |label: &'static str, name: &'static str, value: RwSignal<String>| {
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
        <form class="pin-form" on:submit=save>
            {move || session.sealed.get().then(|| secret_field(x().current_secret, "current_secret", current))}
            {move || secret_field(x().new_secret, "new_secret", new_secret)}
            {move || secret_field(x().repeat_secret, "repeat_secret", repeated)}
            <button type="submit" class="primary" disabled=move || session.busy.get()>
                {move || if session.sealed.get() { x().change_pin } else { x().set_pin }}
            </button>
            {move || message.get().map(|(ok, text)| view! {
                <p class=if ok { "status" } else { "status error" } role=if ok { "status" } else { "alert" }>{text}</p>
            })}
        </form>
    }
}
