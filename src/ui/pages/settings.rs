use leptos::prelude::*;

use super::lock_settings::LockSettings;
use super::outreach_settings::OutreachSettingsPanel;
use super::sample_portfolio::SamplePortfolioPanel;
use super::server_settings::ServerSettings;
use crate::ui::i18n::use_i18n;
use crate::ui::language_picker::LanguagePicker;
use crate::ui::session::use_session;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let t = move || i18n.texts();
    let persisted = LocalResource::new(crate::ui::browser::persist_storage);
    view! {
        <h1>{move || t().nav_settings}</h1>
        <LanguagePicker/>
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
        <LockSettings/>
        <ServerSettings/>
        <OutreachSettingsPanel/>
        <SamplePortfolioPanel/>
    }
}
