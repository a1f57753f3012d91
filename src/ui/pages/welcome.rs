use leptos::prelude::*;

use crate::ui::alert::AlertBanner;
use crate::ui::i18n::use_i18n;
use crate::ui::language_picker::LanguagePicker;
use crate::ui::session::use_session;

#[component]
pub fn WelcomePage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let t = move || i18n.texts();
    let label = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let name = label.get_untracked().trim().to_owned();
        missing.set(name.is_empty());
        if !name.is_empty() {
            session.introduce(name);
        }
    };
    view! {
        <main class="welcome">
            <LanguagePicker/>
            <h1>{move || t().welcome_title}</h1>
            <p>{move || t().welcome_intro}</p>
            <form on:submit=submit>
                <label for="device-label">{move || t().device_label}</label>
                <input
                    id="device-label"
                    name="device-label"
                    autocomplete="off"
                    maxlength="60"
                    placeholder=move || t().device_label_placeholder
                    prop:value=move || label.get()
                    on:input=move |ev| label.set(event_target_value(&ev))
                />
                <Show when=move || missing.get()>
                    <p class="field-error" role="alert">{move || t().device_label_required}</p>
                </Show>
                <p class="hint">{move || t().welcome_demo_note}</p>
                <button type="submit" class="primary" disabled=move || session.busy.get()>
                    {move || t().start}
                </button>
            </form>
            <AlertBanner/>
        </main>
    }
}
