//! Today's reminders: each with its message already written from the business's template, the
//! written channels the contact policy allows, and a confirmation that it went out, which is
//! recorded as a contact so the step is never offered again.

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_router::components::A;

use super::customer_href;
use crate::domain::agenda_owner::AgendaOwner;
use crate::domain::contact::{Channel, Contact, Objective, Outcome};
use crate::domain::customer::CustomerId;
use crate::domain::message_template::MessageKind;
use crate::domain::reminder::{due_reminders, DueReminder};
use crate::sync::collection_edit::log_contact;
use crate::ui::browser;
use crate::ui::contact_gate::{Attempt, ContactGate};
use crate::ui::forms::{save_all_checked, ChoiceField};
use crate::ui::i18n::use_i18n;
use crate::ui::message::{compose, with_interest};
use crate::ui::session::use_session;
use crate::ui::show_more::{ShowMore, PAGE};

#[component]
pub fn Reminders(
    /// Whose reminders: those of the agenda this device shows.
    owner: RwSignal<AgendaOwner>,
    /// Who signs the messages.
    #[prop(into)]
    signature: Signal<String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let reminders = Memo::new(move |_| {
        let today = session.today.get();
        session.outreach.with(|o| {
            session.portfolio.with(|p| {
                let mine = owner.with(|owner| owner.customers(p));
                session
                    .accounts
                    .with(|a| due_reminders(p, &a.items, &o.reminders, today))
                    .into_iter()
                    .filter(|r| mine.as_ref().is_none_or(|mine| mine.contains(&r.customer)))
                    .collect::<Vec<_>>()
            })
        })
    });
    let shown = RwSignal::new(PAGE);
    // The contacts with the customers shown, for the contact policy: one pass over the
    // contacts instead of one per card.
    let contacts = Memo::new(move |_| {
        let customers: BTreeSet<CustomerId> = reminders.with(|r| {
            r.iter()
                .take(shown.get())
                .map(|r| r.customer.clone())
                .collect()
        });
        session.portfolio.with(|p| p.contacts_of(&customers))
    });
    let o = move || i18n.outreach();
    view! {
        <h2>{move || o().reminders_title}</h2>
        <Show when=move || reminders.with(Vec::is_empty)>
            <p class="empty">{move || o().reminders_empty}</p>
        </Show>
        <ol class="reminders">
            <For
                each=move || reminders.with(|r| r.iter().take(shown.get()).cloned().collect::<Vec<_>>())
                key=|r| r.keys.clone()
                children=move |reminder| {
                    let customer = reminder.customer.clone();
                    let theirs = Signal::derive(move || {
                        contacts.with(|c| c.get(&customer).cloned().unwrap_or_default())
                    });
                    view! { <ReminderCard reminder=reminder signature=signature contacts=theirs/> }
                }
            />
        </ol>
        <ShowMore shown=shown total=Signal::derive(move || reminders.with(Vec::len))/>
    }
}

#[component]
fn ReminderCard(
    reminder: DueReminder,
    signature: Signal<String>,
    /// The contacts with the customer, which the contact policy counts.
    contacts: Signal<Vec<Contact>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let customer = session
        .portfolio
        .with_untracked(|p| p.customers.get(&reminder.customer).cloned())
        .unwrap_or_default();
    let kind = reminder
        .step
        .map_or(MessageKind::Statement, MessageKind::Reminder);
    let name = customer.name.clone();
    let name_shown = customer.name.clone();
    let items = reminder.items.clone();
    let customer_id: StoredValue<CustomerId> = StoredValue::new(reminder.customer.clone());
    let message = Memo::new(move |_| {
        let today = session.today.get();
        session.outreach.with(|outreach| {
            let mut values = outreach.values(&name, &items, &signature.get(), today);
            with_interest(
                session,
                outreach,
                kind,
                &customer_id.get_value(),
                &mut values,
            );
            compose(i18n, outreach, kind, &values)
        })
    });
    let sending = RwSignal::new(None::<Attempt>);
    let channel = RwSignal::new(Channel::WhatsApp);
    let error = RwSignal::new(None::<String>);
    let keys = StoredValue::new(reminder.keys.clone());
    let on_attempt = Callback::new(move |attempt: Attempt| {
        channel.set(attempt.channel);
        sending.set(Some(attempt));
    });
    let confirm = move |_| {
        let Some(attempt) = sending.get_untracked() else {
            return;
        };
        let today = session.today.get_untracked();
        let contact = Contact {
            customer: customer_id.get_value(),
            at: browser::local_now(),
            channel: channel.get_untracked(),
            objective: Objective::Remind,
            outcome: Outcome::MessageSent,
            note: String::new(),
            next_followup: None,
            position: None,
            reminded: keys.get_value(),
            policy_override: attempt.policy_override,
        };
        let checked = session
            .portfolio
            .with_untracked(|p| log_contact(p, today, contact, None));
        save_all_checked(session, i18n.texts(), checked, error, move || {
            sending.set(None)
        });
    };
    let fmt = i18n.number_format();
    let o = i18n.outreach();
    let d = i18n.day();
    let written = [Channel::WhatsApp, Channel::Sms, Channel::Email];
    view! {
        <li class="reminder" data-customer=reminder.customer.0.to_string()>
            <div class="agenda-head">
                <A href=customer_href(&reminder.customer) attr:class="customer-name">{name_shown}</A>
                <span class="badge">{(o.step_name)(reminder.step)}</span>
            </div>
            <ul class="reminder-items">
                {reminder.items.iter().map(|item| view! {
                    <li data-invoice=item.invoice.0.to_string()>
                        {item.invoice.0.to_string()}" · "{fmt.date(item.due_on)}" · "
                        <span class="amount">{fmt.money(item.open)}</span>
                    </li>
                }).collect_view()}
            </ul>
            <p class="message-preview">{move || message.get()}</p>
            <ContactGate id=reminder.customer.clone() customer=customer message=message written_only=true contacts=contacts
                share_title=(o.step_name)(reminder.step) on_attempt=on_attempt/>
            {move || sending.get().map(|_| view! {
                <div class="panel sent-confirm">
                    <ChoiceField label=o.was_it_sent name="sent_channel" chosen=channel
                        choices=written.map(|c| (c, (d.channel_name)(c))).to_vec()/>
                    {move || error.get().map(|m| view! { <p class="status error" role="alert">{m}</p> })}
                    <div class="form-buttons">
                        <button type="button" class="primary" on:click=confirm disabled=move || session.busy.get()>{o.yes_sent}</button>
                        <button type="button" class="link" on:click=move |_| sending.set(None)>{o.not_sent}</button>
                    </div>
                </div>
            })}
        </li>
    }
}
