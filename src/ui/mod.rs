//! Leptos components and pages. They read the session's state and issue its commands; the
//! rules they show come from `domain`.

mod alert;
mod app;
mod bar_chart;
mod browser;
mod contact_gate;
mod currency_select;
mod date_field;
mod demo_banner;
mod forms;
mod happening_text;
mod i18n;
mod idle_lock;
mod kpi_text;
mod language_picker;
mod message;
mod nav_icon;
mod pages;
mod print_controls;
mod reach;
mod receipt_card;
mod reports_nav;
mod send_to_customer;
mod server_sync;
mod service_worker;
mod session;
mod session_lock;
mod show_more;
mod static_shell;
mod table_scroll;
mod write_progress;

pub fn start() {
    leptos::mount::mount_to_body(app::App);
}
