use leptos::prelude::*;

use super::{save_checked, FormEnd, TextField};
use crate::domain::customer::CustomerId;
use crate::sync::collection_edit::hand_to_sales;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

/// Hands the account to a salesperson, the customer's own by default, with a note that shows
/// in the history and in that salesperson's agenda.
#[component]
pub fn HandoffForm(
    customer: CustomerId,
    salesperson: String,
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let c = i18n.credit();
    let salesperson = RwSignal::new(salesperson);
    let note = RwSignal::new(String::new());
    let error = RwSignal::new(None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let checked = session.portfolio.with_untracked(|p| {
            hand_to_sales(
                p,
                session.today.get_untracked(),
                &customer,
                &salesperson.get_untracked(),
                &note.get_untracked(),
                &session.device_label(),
            )
        });
        save_checked(session, i18n.texts(), checked, error, move || {
            on_done.run(())
        });
    };
    view! {
        <form class="panel handoff" on:submit=submit>
            <h2>{c.hand_to_sales}</h2>
            <p class="hint">{c.handoff_hint}</p>
            <TextField label=c.salesperson name="salesperson" value=salesperson required=true/>
            <TextField label=c.handoff_note name="note" value=note required=true/>
            <FormEnd error=error on_cancel=on_done/>
        </form>
    }
}
