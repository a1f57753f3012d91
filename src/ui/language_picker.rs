use leptos::prelude::*;

use super::i18n::{use_i18n, Language};

/// Choose the interface language; each language is named in itself, so anyone can find theirs.
#[component]
pub fn LanguagePicker() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <label class="field">
            <span>{move || i18n.texts().language}</span>
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
    }
}
