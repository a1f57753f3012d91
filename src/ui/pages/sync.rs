use leptos::prelude::*;

use super::sync_devices::DevicesPanel;
use super::sync_export::ExportPanel;
use super::sync_import::ImportPanel;
use super::sync_integrity::IntegrityAlarmPanel;
use super::sync_restored::RestoredNoticePanel;
use super::sync_server::ServerExchangesPanel;
use crate::ui::i18n::use_i18n;

/// Sincronizar: with a server, what went through it; send bundles, receive them, and see
/// every device heard of.
#[component]
pub fn SyncPage() -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.texts();
    view! {
        <h1>{move || t().nav_sync}</h1>
        <p class="intro">{move || t().sync_intro}</p>
        <IntegrityAlarmPanel/>
        <RestoredNoticePanel/>
        <ServerExchangesPanel/>
        <ImportPanel/>
        <ExportPanel/>
        <DevicesPanel/>
    }
}
