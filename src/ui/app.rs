use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::path;

use super::alert::AlertBanner;
use super::browser;
use super::demo_banner::DemoBanner;
use super::i18n::{use_i18n, I18n};
use super::nav_icon::{NavIcon, Tab};
use super::pages::{
    AgingReportPage, BureauStandingPage, CashClosePage, CreditPolicyPage, CustomerPage,
    DashboardPage, DemandLetterPage, DossierPage, ImportPage, LockScreen, NewCustomerPage,
    PinRequest, PortfolioPage, SettingsPage, StatementPage, SyncPage, TodayPage, WelcomePage,
};
use super::server_sync::{ServerSync, SyncBadge};
use super::service_worker::Updates;
use super::session::{use_session, Phase, Session};
use super::static_shell;
use crate::store::error::StoreError;

#[component]
pub fn App() -> impl IntoView {
    I18n::provide();
    let session = Session::provide();
    ServerSync::provide(session);
    let updates = Updates::register();
    let t = move || use_i18n().texts();
    // A memo, so that a change of the company's other settings does not redraw the shell.
    let pin_first = Memo::new(move |_| asks_for_pin(session));
    view! {
        <Router>
            {move || {
                let phase = session.phase.get();
                // index.html's static shell stays until there is something else to show,
                // and goes in the same turn as that is drawn.
                if phase != Phase::Opening {
                    static_shell::remove();
                }
                match phase {
                Phase::Opening => ().into_any(),
                Phase::Failed(error) => {
                    let message = match error {
                        StoreError::Unavailable(_) => t().storage_unavailable,
                        StoreError::QuotaExceeded => t().storage_full,
                        StoreError::Failed(_) => t().storage_unreadable,
                    };
                    view! {
                        <div class="status error" role="alert">
                            <p>{message}</p>
                            <details><summary>{t().technical_detail}</summary>{error.to_string()}</details>
                        </div>
                    }.into_any()
                }
                Phase::Welcome => view! { <WelcomePage/> }.into_any(),
                Phase::Locked => view! { <LockScreen/> }.into_any(),
                Phase::Ready if pin_first.get() => view! { <PinRequest/> }.into_any(),
                Phase::Ready => view! { <Shell/> }.into_any(),
                }
            }}
            <Show when=move || updates.available()>
                <div class="update-toast" role="status">
                    <span>{move || t().update_available}</span>
                    <button on:click=move |_| updates.apply()>{move || t().update_now}</button>
                </div>
            </Show>
        </Router>
    }
}

/// Whether the PIN is asked before anything else: offered after the first start, or required
/// by the company of a device that has none.
fn asks_for_pin(session: Session) -> bool {
    let required = session.company.with(|c| c.settings.lock.required);
    session.offer_pin.get() || (required && !session.sealed.get())
}

#[component]
fn Shell() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let online = browser::online_signal();
    let t = move || i18n.texts();
    let label = move || session.device_label();
    super::idle_lock::watch_idle(session);
    view! {
        <header class="app-header">
            <span class="app-name">{move || t().app_name}</span>
            <span class="device-label">{label}</span>
            <SyncBadge/>
            <span class="connectivity" class:offline=move || !online.get()>
                {move || if online.get() { t().online } else { t().offline }}
            </span>
        </header>
        <DemoBanner/>
        <AlertBanner/>
        <main>
            <Routes fallback=|| view! { <TodayPage/> }>
                <Route path=path!("/") view=TodayPage/>
                <Route path=path!("/cartera") view=PortfolioPage/>
                <Route path=path!("/cartera/importar") view=ImportPage/>
                <Route path=path!("/cliente") view=CustomerPage/>
                <Route path=path!("/cliente/nuevo") view=NewCustomerPage/>
                <Route path=path!("/cliente/estado") view=StatementPage/>
                <Route path=path!("/cliente/politica") view=CreditPolicyPage/>
                <Route path=path!("/cliente/carta") view=DemandLetterPage/>
                <Route path=path!("/cliente/expediente") view=DossierPage/>
                <Route path=path!("/caja") view=CashClosePage/>
                <Route path=path!("/informes") view=DashboardPage/>
                <Route path=path!("/informes/edades") view=AgingReportPage/>
                <Route path=path!("/informes/centrales") view=BureauStandingPage/>
                <Route path=path!("/sincronizar") view=SyncPage/>
                <Route path=path!("/ajustes") view=SettingsPage/>
            </Routes>
        </main>
        <nav class="bottom-nav" aria-label=move || t().nav_label>
            <A href="/" exact=true><NavIcon tab=Tab::Today/><span>{move || t().nav_today}</span></A>
            <A href="/cartera"><NavIcon tab=Tab::Portfolio/><span>{move || t().nav_portfolio}</span></A>
            <A href="/informes"><NavIcon tab=Tab::Reports/><span>{move || t().nav_reports}</span></A>
            <A href="/sincronizar"><NavIcon tab=Tab::Sync/><span>{move || t().nav_sync}</span></A>
            <A href="/ajustes"><NavIcon tab=Tab::Settings/><span>{move || t().nav_settings}</span></A>
        </nav>
    }
}
