//! Asked once the device has its name, and whenever the company requires a PIN that this
//! device does not have yet: nothing else shows until it is set, unless the company leaves
//! it optional and the person says «Ahora no».

use leptos::prelude::*;

use crate::ui::forms::PinForm;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

#[component]
pub fn PinRequest() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let x = move || i18n.lock();
    let required = move || session.company.with(|c| c.settings.lock.required);
    view! {
        <main class="pin-request">
            <h1>{move || x().request_title}</h1>
            <p>{move || if required() { x().request_required } else { x().request_intro }}</p>
            <p class="legal-source">{move || x().settings_help}</p>
            <PinForm/>
            <Show when=move || !required()>
                <button type="button" class="link not-now" on:click=move |_| session.offer_pin.set(false)>
                    {move || x().not_now}
                </button>
            </Show>
        </main>
    }
}
