//! Leptos components and pages. They read the session's state and issue its commands; the
//! rules they show come from `domain`.

mod aging_chart;
mod app;
mod browser;
mod contact_gate;
mod currency_select;
mod demo_banner;
mod forms;
mod i18n;
mod language_picker;
mod message;
mod nav_icon;
mod pages;
mod reach;
mod receipt_card;
mod service_worker;
mod session;

pub fn start() {
    leptos::mount::mount_to_body(app::App);
}
