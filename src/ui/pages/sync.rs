use leptos::prelude::*;

use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

#[component]
pub fn SyncPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let t = move || i18n.texts();
    let device = move || session.device.get();
    view! {
        <h1>{move || t().nav_sync}</h1>
        <p>{move || t().sync_intro}</p>
        <dl class="facts">
            <dt>{move || t().this_device}</dt>
            <dd>{move || device().map(|d| d.label)}</dd>
            <dt>{move || t().device_id}</dt>
            <dd class="mono">{move || device().map(|d| d.id.0)}</dd>
            <dt>{move || t().operations_stored}</dt>
            <dd>{move || session.projection.with(|p| p.versions().operation_count())}</dd>
        </dl>
    }
}
