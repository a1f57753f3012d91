//! Registers the service worker that makes the app start offline, and offers a new version
//! only when the person chooses to take it: an update never reloads the page under their feet.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerRegistration, ServiceWorkerState};

use super::browser;

/// Whether a new version is installed and waiting for the person to take it.
#[derive(Clone, Copy)]
pub struct Updates {
    waiting: RwSignal<bool>,
}

impl Updates {
    pub fn register() -> Updates {
        let updates = Updates {
            waiting: RwSignal::new(false),
        };
        if browser::has_service_worker_support() {
            leptos::task::spawn_local(watch(updates.waiting));
        }
        updates
    }

    pub fn available(&self) -> bool {
        self.waiting.get()
    }

    /// Activates the waiting version and reloads into it.
    pub fn apply(&self) {
        let container = window().navigator().service_worker();
        let reload = Closure::<dyn FnMut()>::new(browser::reload);
        container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
        reload.forget();
        leptos::task::spawn_local(async move {
            let Ok(found) = JsFuture::from(container.get_registration()).await else {
                return;
            };
            let waiting = browser::dyn_into::<ServiceWorkerRegistration>(found)
                .and_then(|registration| registration.waiting());
            if let Some(worker) = waiting {
                // A refused message leaves the old version running, which is safe.
                let _ = worker.post_message(&JsValue::from_str("skip-waiting"));
            }
        });
    }
}

async fn watch(waiting: RwSignal<bool>) {
    let container = window().navigator().service_worker();
    let Ok(registered) = JsFuture::from(container.register("/sw.js")).await else {
        return;
    };
    let Some(registration) = browser::dyn_into::<ServiceWorkerRegistration>(registered) else {
        return;
    };
    // The first install has no controller yet: that is not an update.
    let has_controller = move || window().navigator().service_worker().controller().is_some();
    if registration.waiting().is_some() && has_controller() {
        waiting.set(true);
    }
    let reg = registration.clone();
    let on_update_found = Closure::<dyn FnMut()>::new(move || {
        let Some(installing) = reg.installing() else {
            return;
        };
        let worker: ServiceWorker = installing.clone();
        let on_state = Closure::<dyn FnMut()>::new(move || {
            if worker.state() == ServiceWorkerState::Installed && has_controller() {
                waiting.set(true);
            }
        });
        installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
        on_state.forget();
    });
    registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
    on_update_found.forget();
}
