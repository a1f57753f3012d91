use leptos::prelude::*;

use super::i18n::use_i18n;
use super::session::use_session;

/// Says plainly that the data is not real, and clears it after a second, deliberate tap.
#[component]
pub fn DemoBanner() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let confirming = RwSignal::new(false);
    let t = move || i18n.texts();
    let is_demo = move || session.device.with(|d| d.as_ref().is_some_and(|d| d.demo));
    view! {
        <Show when=is_demo>
            <aside class="demo-banner" aria-labelledby="demo-banner-title">
                <strong id="demo-banner-title">{move || t().demo_banner}</strong>
                <Show
                    when=move || confirming.get()
                    fallback=move || view! {
                        <button class="link" on:click=move |_| confirming.set(true)>
                            {move || t().demo_clear}
                        </button>
                    }
                >
                    <span>{move || t().demo_clear_confirm}</span>
                    <button
                        class="danger"
                        disabled=move || session.busy.get()
                        on:click=move |_| {
                            confirming.set(false);
                            session.start_empty();
                        }
                    >
                        {move || t().confirm_clear}
                    </button>
                    <button class="link" on:click=move |_| confirming.set(false)>
                        {move || t().cancel}
                    </button>
                </Show>
            </aside>
        </Show>
    }
}
