use leptos::prelude::*;

use crate::domain::customer::Customer;
use crate::ui::alert::Alert;
use crate::ui::browser;
use crate::ui::i18n::use_i18n;
use crate::ui::reach::{reach_links, Reach};
use crate::ui::session::use_session;

/// The ways a document reaches the customer as text: the phone's share sheet, and WhatsApp or
/// e-mail straight to the customer's number or address.
#[component]
pub fn SendToCustomer(
    customer: Customer,
    /// What the share sheet calls the document.
    #[prop(into)]
    title: Signal<&'static str>,
    /// The document as text; nothing to send while `None`.
    text: Memo<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let share = move |_| {
        let Some(text) = text.get_untracked() else {
            return;
        };
        let title = title.get_untracked().to_owned();
        leptos::task::spawn_local(async move {
            if let Err(error) = browser::share_text(&title, &text).await {
                session.alert.set(Some(Alert::NotShared(error)));
            }
        });
    };
    let links = move || {
        text.get()
            .map(|text| reach_links(&customer, &text))
            .unwrap_or_default()
            .into_iter()
            .filter(|(kind, _)| matches!(kind, Reach::WhatsApp | Reach::Email))
            .map(|(kind, href)| {
                view! { <a class="button" href=href rel="noopener">{kind.label(i18n.texts(), i18n.day())}</a> }
            })
            .collect_view()
    };
    view! {
        <div class="form-buttons no-print">
            <button class="primary share" on:click=share>{move || i18n.report().share_text}</button>
            {links}
        </div>
    }
}
