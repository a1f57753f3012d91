//! Small preferences that belong to this browser, not to the shared operation log.

use gloo_storage::{LocalStorage, Storage};

const LANGUAGE_KEY: &str = "cobranza.language";

pub fn language() -> Option<String> {
    LocalStorage::get(LANGUAGE_KEY).ok()
}

pub fn set_language(code: &str) {
    // Losing this preference only means starting in Spanish next time; nothing to report.
    let _ = LocalStorage::set(LANGUAGE_KEY, code);
}
