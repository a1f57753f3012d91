//! Ajustes → «Bloqueo de la app»: this device's PIN, locking now, and what the company asks
//! of every device (a PIN required, the idle minutes), which only the office changes.

use leptos::prelude::*;

use crate::domain::app_lock::IDLE_MINUTES;
use crate::ui::forms::PinForm;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

#[component]
pub fn LockSettings() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let x = move || i18n.lock();
    let policy = Memo::new(move |_| session.company.with(|c| c.settings.lock));
    let minutes_wrong = RwSignal::new(false);
    let set_minutes = move |ev| {
        let typed = event_target_value(&ev);
        match typed.trim().parse::<u32>() {
            Ok(minutes) if IDLE_MINUTES.contains(&minutes) => {
                minutes_wrong.set(false);
                session.change_company(move |s| s.lock.idle_minutes = minutes);
            }
            _ => minutes_wrong.set(true),
        }
    };
    view! {
        <section class="panel lock-settings">
            <h2>{move || x().settings_title}</h2>
            <p class="legal-source">{move || x().settings_help}</p>
            <Show when=move || session.sealed.get()>
                <p class="status">{move || x().sealed_note}</p>
            </Show>
            <PinForm/>
            <Show when=move || session.sealed.get()>
                <button type="button" class="lock-now" on:click=move |_| session.lock_now()>{move || x().lock_now}</button>
            </Show>
            <fieldset class="company-lock" disabled=move || !session.may_change_company()>
                <legend>{move || x().company_title}</legend>
                <label class="check">
                    <input type="checkbox" name="lock_required" prop:checked=move || policy.get().required
                        on:change=move |ev| {
                            let required = event_target_checked(&ev);
                            session.change_company(move |s| s.lock.required = required);
                        }/>
                    <span>{move || x().required}</span>
                </label>
                <label class="field">
                    <span>{move || x().idle_minutes}</span>
                    <input type="number" name="idle_minutes" min="1" max="240" inputmode="numeric"
                        prop:value=move || policy.get().idle_minutes.to_string() on:change=set_minutes/>
                </label>
                <Show when=move || minutes_wrong.get()>
                    <p class="status error" role="alert">{move || x().minutes_wrong}</p>
                </Show>
            </fieldset>
        </section>
    }
}
