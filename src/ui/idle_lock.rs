//! Locks the app after the company's idle minutes, and when it comes back from the
//! background after them: a phone left on a counter locks itself.

use leptos::ev;
use leptos::prelude::*;

use super::browser;
use super::session::Session;
use crate::domain::app_lock::idle_expired;

/// Watches the person's touches and keys while the shell is on screen.
pub fn watch_idle(session: Session) {
    let last_active = StoredValue::new(browser::now_ms());
    let check = move || {
        let now = browser::now_ms();
        let minutes = session
            .company
            .with_untracked(|c| c.settings.lock.idle_minutes);
        if idle_expired(last_active.get_value(), now, minutes) {
            session.lock_now();
        }
    };
    let touched = move || last_active.set_value(browser::now_ms());
    let handles = [
        window_event_listener(ev::pointerdown, move |_| touched()),
        window_event_listener(ev::keydown, move |_| touched()),
        // Back from the background: the check comes before the touch that brought it back.
        window_event_listener(ev::visibilitychange, move |_| check()),
    ];
    let ticking = set_interval_with_handle(check, std::time::Duration::from_secs(10));
    on_cleanup(move || {
        for handle in handles {
            handle.remove();
        }
        if let Ok(handle) = ticking {
            handle.clear();
        }
    });
}
