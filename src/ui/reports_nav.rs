use leptos::prelude::*;
use leptos_router::components::A;

use crate::ui::i18n::use_i18n;

/// The reports under Informes: the dashboard, the aging report and the credit bureaus.
#[component]
pub fn ReportsNav() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="subnav no-print">
            <A href="/informes" exact=true>{move || i18n.report().dashboard_tab}</A>
            <A href="/informes/edades">{move || i18n.report().aging_tab}</A>
            <A href="/informes/centrales">{move || i18n.legal().bureau_tab}</A>
        </nav>
    }
}
