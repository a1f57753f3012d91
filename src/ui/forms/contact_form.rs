use leptos::prelude::*;

use super::{read_amount, read_date, save_all_checked, ChoiceField, FormEnd, TextField};
use crate::domain::contact::{Channel, Contact, Objective, Outcome};
use crate::domain::customer::CustomerId;
use crate::domain::money::{Currency, Money};
use crate::sync::collection_edit::log_contact;
use crate::ui::alert::Alert;
use crate::ui::browser;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

/// Records a contact ("gestión") in a few taps: channel, objective and outcome are lists,
/// the promise fields appear only when the customer promised.
#[component]
pub fn ContactForm(
    customer: CustomerId,
    /// The currency of what the customer owes, for a promise.
    currency: Currency,
    objective: Objective,
    #[prop(default = Channel::Call)] channel: Channel,
    /// Why the collector went ahead although the contact policy said no.
    #[prop(default = None)]
    policy_override: Option<String>,
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let d = i18n.day();
    let channel = RwSignal::new(channel);
    let objective = RwSignal::new(objective);
    let outcome = RwSignal::new(Outcome::NoAnswer);
    let promised = move || outcome.get() == Outcome::Promised;
    let amount = RwSignal::new(String::new());
    let promise_date = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    let followup = RwSignal::new(String::new());
    let with_position = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let customer = StoredValue::new(customer);
    let override_shown = policy_override
        .as_deref()
        .map(|reason| (i18n.outreach().override_recorded)(reason));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = i18n.texts();
        let today = session.today.get_untracked();
        let promise = if promised() {
            let Some(value) = read_amount(&amount.get_untracked()) else {
                error.set(Some(t.amount_unreadable.to_owned()));
                return;
            };
            let Some(due_on) = read_date(&promise_date.get_untracked()) else {
                error.set(Some(t.date_unreadable.to_owned()));
                return;
            };
            Some((Money::new(value, currency), due_on))
        } else {
            None
        };
        let next_followup = read_date(&followup.get_untracked());
        let contact = Contact {
            customer: customer.get_value(),
            at: browser::local_now(),
            channel: channel.get_untracked(),
            objective: objective.get_untracked(),
            outcome: outcome.get_untracked(),
            note: note.get_untracked(),
            next_followup,
            position: None,
            reminded: Vec::new(),
            policy_override: policy_override.clone(),
        };
        let position_wanted = with_position.get_untracked();
        leptos::task::spawn_local(async move {
            let mut contact = contact;
            if position_wanted {
                match browser::position().await {
                    Ok(point) => contact.position = Some(point),
                    Err(detail) => session.alert.set(Some(Alert::NoPosition(detail))),
                }
            }
            let checked = session
                .portfolio
                .with_untracked(|p| log_contact(p, today, contact, promise));
            save_all_checked(session, i18n.texts(), checked, error, move || {
                on_done.run(())
            });
        });
    };
    view! {
        <form class="panel contact-form" on:submit=submit>
            <h2>{d.contact_title}</h2>
            {override_shown.map(|text| view! { <p class="badge warning">{text}</p> })}
            <ChoiceField label=d.channel name="channel" chosen=channel
                choices=Channel::ALL.map(|c| (c, (d.channel_name)(c))).to_vec()/>
            <ChoiceField label=d.objective name="objective" chosen=objective
                choices=Objective::ALL.map(|o| (o, (d.objective_name)(o))).to_vec()/>
            <ChoiceField label=d.outcome name="outcome" chosen=outcome
                choices=Outcome::ALL.map(|o| (o, (d.outcome_name)(o))).to_vec()/>
            <Show when=promised>
                <TextField label=d.promise_amount name="promise_amount" value=amount required=true/>
                <TextField label=d.promise_date name="promise_date" value=promise_date kind="date" required=true/>
            </Show>
            <label class="field">
                <span>{d.note}</span>
                <textarea name="note" rows="2" prop:value=move || note.get() on:input=move |ev| note.set(event_target_value(&ev))></textarea>
            </label>
            <TextField label=d.next_followup name="next_followup" value=followup kind="date"/>
            <label class="check">
                <input type="checkbox" name="with_position" prop:checked=move || with_position.get()
                    on:change=move |ev| with_position.set(event_target_checked(&ev))/>
                <span>{d.record_position}</span>
            </label>
            <FormEnd error=error on_cancel=on_done/>
        </form>
    }
}
