use leptos::prelude::*;
use leptos_router::components::A;

use super::interest_claim::InterestClaims;
use super::parties::Parties;
use super::{customer_href, customer_in_query, CustomerNotFound};
use crate::domain::contact::{Channel, Contact, Objective, Outcome};
use crate::domain::message_template::MessageKind;
use crate::domain::money::Totals;
use crate::domain::reminder::{open_items, ReminderItem};
use crate::sync::collection_edit::log_contact;
use crate::ui::browser;
use crate::ui::forms::{save_all_checked, ChoiceField};
use crate::ui::i18n::use_i18n;
use crate::ui::message::{compose, with_interest};
use crate::ui::print_controls::{Paper, PrintControls};
use crate::ui::send_to_customer::SendToCustomer;
use crate::ui::session::use_session;

/// Cliente → Carta prejurídica: the written demand of the ladder's lawyer-letter step, as a
/// letter: creditor and debtor with their ids and addresses, each overdue obligation, the late
/// interest where the company charges it, and the company's wording of the demand (deadline,
/// how to pay, what follows). Printed or sent, its sending is recorded as a contact, which
/// makes it a written demand in the customer's history.
#[component]
pub fn DemandLetterPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let (id, customer) = customer_in_query();
    let paper = RwSignal::new(Paper::default());
    let l = move || i18n.legal();
    let today = session.today.get_untracked();
    let overdue = Memo::new(move |_| {
        let Some(id) = id.get() else {
            return Vec::new();
        };
        let mut items = session
            .portfolio
            .with(|p| open_items(p, today).remove(&id))
            .unwrap_or_default();
        items.retain(|item| item.due_on < today);
        items
    });
    let body = Memo::new(move |_| {
        let id = id.get()?;
        let name = customer.with(|c| c.as_ref().map(|c| c.name.clone()))?;
        let kind = MessageKind::Objective(Objective::PreLegalDemand);
        Some(session.outreach.with(|o| {
            let mut values = o.asking(&name, &overdue.get(), &session.device_label(), today);
            with_interest(session, o, kind, &id, &mut values);
            compose(i18n, o, kind, &values)
        }))
    });
    let sent = Memo::new(move |_| {
        let id = id.get()?;
        session.portfolio.with(|p| {
            p.contacts
                .values()
                .filter(|c| c.customer == id && c.objective == Objective::PreLegalDemand)
                .map(|c| (c.on(), c.channel))
                .max_by_key(|(on, _)| *on)
        })
    });
    let channel = RwSignal::new(Channel::Letter);
    let error = RwSignal::new(None);
    let record = move |_| {
        let Some(customer) = id.get_untracked() else {
            return;
        };
        let contact = Contact {
            customer,
            at: browser::local_now(),
            channel: channel.get_untracked(),
            objective: Objective::PreLegalDemand,
            outcome: Outcome::MessageSent,
            note: l().letter_subject.to_owned(),
            next_followup: None,
            position: None,
            reminded: Vec::new(),
            policy_override: None,
        };
        let checked = session
            .portfolio
            .with_untracked(|p| log_contact(p, today, contact, None));
        save_all_checked(session, i18n.texts(), checked, error, || ());
    };
    move || {
        let Some(debtor) = customer.get() else {
            return view! { <CustomerNotFound/> }.into_any();
        };
        let Some(customer_id) = id.get() else {
            return view! { <CustomerNotFound/> }.into_any();
        };
        let back = customer_href(&customer_id);
        let company = session.outreach.get();
        let creditor_missing =
            company.company_tax_id.trim().is_empty() || company.company_address.trim().is_empty();
        let records = Memo::new({
            let id = customer_id.clone();
            move |_| session.portfolio.with(|p| p.of_customer(&id))
        });
        let d = i18n.day();
        let channels = Channel::ALL
            .into_iter()
            .filter(|c| *c != Channel::Visit)
            .map(|c| (c, (d.channel_name)(c)))
            .collect();
        view! {
            <A href=back attr:class="back no-print">{format!("← {}", i18n.report().back_to_customer)}</A>
            {creditor_missing.then(|| view! { <p class="status warning no-print">{l().company_missing}</p> })}
            <PrintControls paper=paper/>
            <article class=move || format!("{} demand-letter", paper.get().class())>
                <header class="letterhead">
                    <strong>{company.company.clone()}</strong>
                    <span>{company.company_tax_id.clone()}</span>
                    <span>{company.company_address.clone()}</span>
                </header>
                <p class="as-of">{(l().letter_date)(&i18n.number_format().date(today))}</p>
                <Parties company=company.clone() debtor=debtor.clone()/>
                <h1>{l().letter_title}</h1>
                <p class="subject"><strong>{l().letter_subject}</strong></p>
                <p class="letter-body">{move || body.get()}</p>
                <ObligationsTable items=overdue/>
                <InterestClaims customer=customer_id.clone() records=records.into() as_of=Signal::derive(move || today)/>
            </article>
            <SendToCustomer customer=debtor.clone() title=Signal::derive(move || l().letter_title) text=body/>
            <div class="record-sending no-print">
                {move || sent.get().map(|(on, channel)| view! {
                    <p class="status" role="status">{(l().sent_on)(&i18n.number_format().date(on), (d.channel_name)(channel))}</p>
                })}
                <ChoiceField label=l().sent_by name="letter_channel" chosen=channel choices=channels/>
                <button type="button" class="primary record-letter" disabled=move || session.busy.get()
                    on:click=record>{l().record_sending}</button>
                <Show when=move || error.with(Option::is_some)>
                    <p class="status error" role="alert">{move || error.get()}</p>
                </Show>
            </div>
        }
        .into_any()
    }
}

/// Each overdue due: invoice (and instalment), due date and what is open, with the total per
/// currency.
#[component]
fn ObligationsTable(items: Memo<Vec<ReminderItem>>) -> impl IntoView {
    let i18n = use_i18n();
    let l = move || i18n.legal();
    let fmt = move || i18n.number_format();
    let total = move || {
        items.with(|items| {
            let mut totals = Totals::default();
            for item in items {
                totals.add(item.open);
            }
            totals
                .iter()
                .map(|m| fmt().money(m))
                .collect::<Vec<_>>()
                .join(" · ")
        })
    };
    view! {
        <table class="obligations">
            <caption>{move || l().obligations}</caption>
            <thead><tr>
                <th scope="col">{move || l().column_invoice}</th>
                <th scope="col">{move || l().column_due}</th>
                <th scope="col" class="number">{move || l().column_open}</th>
            </tr></thead>
            <tbody>
                {move || items.get().into_iter().map(|item| view! {
                    <tr>
                        <td>{match item.installment {
                            Some(n) => format!("{} ({n})", item.invoice.0),
                            None => item.invoice.0.to_string(),
                        }}</td>
                        <td>{fmt().date(item.due_on)}</td>
                        <td class="number">{fmt().money(item.open)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
            <tfoot><tr>
                <th scope="row" colspan="2">{move || l().total}</th>
                <td class="number" data-figure="letter-total">{total}</td>
            </tr></tfoot>
        </table>
    }
}
