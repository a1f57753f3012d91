use leptos::prelude::*;

use crate::ui::i18n::{use_i18n, Language};
use crate::ui::session::use_session;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let t = move || i18n.texts();
    let persisted = LocalResource::new(crate::ui::browser::persist_storage);
    view! {
        <h1>{move || t().nav_settings}</h1>
        <label class="field">
            <span>{move || t().language}</span>
            <select
                id="language"
                on:change=move |ev| {
                    if let Some(language) = Language::from_code(&event_target_value(&ev)) {
                        i18n.set_language(language);
                    }
                }
            >
                {Language::ALL.into_iter().map(|language| view! {
                    <option value=language.code() selected=move || i18n.language() == language>
                        {language.texts().language_name}
                    </option>
                }).collect_view()}
            </select>
        </label>
        <dl class="facts">
            <dt>{move || t().this_device}</dt>
            <dd>{move || session.device.get().map(|d| d.label)}</dd>
            <dt>{move || t().storage}</dt>
            <dd>
                {move || match persisted.get() {
                    Some(true) => t().storage_persistent,
                    _ => t().storage_best_effort,
                }}
            </dd>
        </dl>
    }
}
