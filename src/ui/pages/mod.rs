mod aging_report;
mod bureau_standing;
mod cash_close;
mod company_standing;
mod credit_policy;
mod customer;
mod customer_consent;
mod customer_history;
mod customer_standing;
mod dashboard;
mod demand_letter;
mod dispute_report;
mod dossier;
mod good_payers;
mod import;
mod interest_claim;
mod interest_settings;
mod kpi_cards;
mod lock_screen;
mod lock_settings;
mod minimum_wage_settings;
mod outreach_settings;
mod parties;
mod pin_request;
mod policy_settings;
mod portfolio;
mod reminders;
mod sample_portfolio;
mod segment_comparison;
mod server_settings;
mod settings;
mod statement;
mod statement_text;
mod sync;
mod sync_devices;
mod sync_export;
mod sync_import;
mod sync_integrity;
mod sync_restored;
mod sync_server;
mod today;
mod welcome;

pub use aging_report::AgingReportPage;
pub use bureau_standing::BureauStandingPage;
pub use cash_close::CashClosePage;
pub use credit_policy::CreditPolicyPage;
pub use customer::{CustomerPage, NewCustomerPage};
pub use dashboard::DashboardPage;
pub use demand_letter::DemandLetterPage;
pub use dossier::DossierPage;
pub use import::ImportPage;
pub use lock_screen::LockScreen;
pub use pin_request::PinRequest;
pub use portfolio::PortfolioPage;
pub use settings::SettingsPage;
pub use statement::StatementPage;
pub use sync::SyncPage;
pub use today::TodayPage;
pub use welcome::WelcomePage;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::customer::{Customer, CustomerId};
use crate::domain::money::Totals;
use crate::domain::number_format::NumberFormat;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

/// Per-currency totals on one line, never added across currencies.
pub(crate) fn totals_text(totals: &Totals, format: NumberFormat) -> String {
    let parts: Vec<String> = totals.iter().map(|money| format.money(money)).collect();
    if parts.is_empty() {
        "—".to_owned()
    } else {
        parts.join(" · ")
    }
}

/// The customer screen's address; ids may hold any character a file had.
fn customer_href(id: &CustomerId) -> String {
    format!("/cliente?id={}", js_sys::encode_uri_component(&id.0))
}

/// The customer's «Política de crédito y cobranza».
fn credit_policy_href(id: &CustomerId) -> String {
    format!(
        "/cliente/politica?id={}",
        js_sys::encode_uri_component(&id.0)
    )
}

/// The customer's pre-legal demand letter.
fn demand_letter_href(id: &CustomerId) -> String {
    format!("/cliente/carta?id={}", js_sys::encode_uri_component(&id.0))
}

/// The customer's court-ready dossier.
fn dossier_href(id: &CustomerId) -> String {
    format!(
        "/cliente/expediente?id={}",
        js_sys::encode_uri_component(&id.0)
    )
}

/// The customer's statement of account.
fn statement_href(id: &CustomerId) -> String {
    format!("/cliente/estado?id={}", js_sys::encode_uri_component(&id.0))
}

/// What a customer's page shows once the customer is gone (erased, or a stale link).
#[component]
fn CustomerNotFound() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <A href="/cartera" attr:class="back">{move || i18n.texts().back_to_portfolio}</A>
        <p class="status">{move || i18n.texts().customer_not_found}</p>
    }
}

/// The customer named by the page's `?id=`, and their record while it exists.
fn customer_in_query() -> (Memo<Option<CustomerId>>, Memo<Option<Customer>>) {
    let session = use_session();
    let query = leptos_router::hooks::use_query_map();
    let id = Memo::new(move |_| query.with(|q| q.get("id")).map(|id| CustomerId(id.into())));
    let customer = Memo::new(move |_| {
        let id = id.get()?;
        session.portfolio.with(|p| p.customers.get(&id).cloned())
    });
    (id, customer)
}
