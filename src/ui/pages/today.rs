use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;
use leptos_router::components::A;

use super::{customer_href, totals_text};
use crate::domain::agenda_owner::AgendaOwner;
use crate::domain::agenda_skip::SkipReason;
use crate::domain::contact::{Channel, Contact, Objective};
use crate::domain::customer::{Customer, CustomerId};
use crate::domain::latest_fact::latest_of_each;
use crate::domain::message_template::MessageKind;
use crate::domain::portfolio::Portfolio;
use crate::domain::priority::{agenda, AgendaEntry, Status};
use crate::domain::sales_handoff::{salespeople_handed, SalesHandoff};
use crate::domain::standing::Standing;
use crate::store::settings;
use crate::sync::collection_edit::skip_today;
use crate::ui::contact_gate::{Attempt, ContactGate};
use crate::ui::forms::{ChoiceField, ContactForm};
use crate::ui::i18n::use_i18n;
use crate::ui::message::{compose, with_interest};
use crate::ui::session::use_session;
use crate::ui::show_more::{ShowMore, PAGE};

use super::reminders::Reminders;

/// One part of the agenda (to do, done, skipped): which rows it holds, how many there are,
/// and how many are drawn.
#[derive(Clone, Copy)]
struct AgendaPart {
    wanted: fn(Status) -> bool,
    total: Signal<usize>,
    shown: RwSignal<usize>,
}

impl AgendaPart {
    /// The rows of this part drawn now, with their place in the whole agenda.
    fn drawn<'a>(
        self,
        list: &'a [AgendaEntry],
    ) -> impl Iterator<Item = (usize, &'a AgendaEntry)> + 'a {
        list.iter()
            .enumerate()
            .filter(move |(_, e)| (self.wanted)(e.status))
            .take(self.shown.get())
    }
}

/// What is open under one agenda row; one row at a time keeps a phone screen readable.
#[derive(Clone, Debug, PartialEq, Eq)]
enum RowPanel {
    Contact(Attempt),
    Skip,
}

/// Hoy: the headline numbers and the agenda of this device's collector, highest score first,
/// each row with its reasons, the suggested step and one-tap ways to reach the customer.
#[component]
pub fn TodayPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let portfolio = session.portfolio;
    let summary = Memo::new(move |_| {
        session
            .accounts
            .with(|a| portfolio.with(|p| p.summary(&a.standings, session.today.get())))
    });
    let owner = RwSignal::new(settings::agenda_owner());
    let collectors = Memo::new(move |_| portfolio.with(Portfolio::collectors));
    let salespeople = Memo::new(move |_| portfolio.with(|p| salespeople_handed(&p.handoffs)));
    let handed = Memo::new(move |_| {
        portfolio.with(|p| {
            latest_of_each(&p.handoffs)
                .into_iter()
                .map(|(id, handoff)| (id.clone(), handoff.clone()))
                .collect::<BTreeMap<_, _>>()
        })
    });
    let entries = Memo::new(move |_| {
        portfolio.with(|p| {
            let mine = owner.with(|owner| owner.customers(p));
            session.accounts.with(|a| {
                agenda(p, &a.standings, session.today.get(), |id| {
                    mine.as_ref().is_none_or(|mine| mine.contains(id))
                })
            })
        })
    });
    let open = RwSignal::new(None::<(usize, RowPanel)>);
    // Messages are signed by whose agenda the device shows, or by the device itself.
    let signature = Signal::derive(move || {
        owner
            .with(|owner| owner.name().map(str::to_owned))
            .unwrap_or_else(|| session.device_label())
    });
    let part = move |wanted: fn(Status) -> bool| AgendaPart {
        wanted,
        total: Signal::derive(move || {
            entries.with(|l| l.iter().filter(|e| wanted(e.status)).count())
        }),
        shown: RwSignal::new(PAGE),
    };
    let to_do = part(|s| s == Status::ToDo);
    let done = part(|s| s == Status::Done);
    let skipped = part(|s| matches!(s, Status::Skipped(_)));
    // The contacts with the customers whose rows offer ways to reach them, for the contact
    // policy: one pass over the contacts instead of one per row.
    let contacts = Memo::new(move |_| {
        let customers: BTreeSet<CustomerId> =
            entries.with(|list| to_do.drawn(list).map(|(_, e)| e.customer.clone()).collect());
        portfolio.with(|p| p.contacts_of(&customers))
    });
    let t = move || i18n.texts();
    let d = move || i18n.day();
    let fmt = move || i18n.number_format();
    let section = move |part: AgendaPart| {
        move || {
            entries.with(|list| {
                part.drawn(list)
                    .map(|(index, entry)| {
                        let (customer, on_hold) = portfolio.with(|p| {
                            let customer = p.customers.get(&entry.customer).cloned().unwrap_or_default();
                            (customer, p.credit_holds.contains_key(&entry.customer))
                        });
                        let standing = session.accounts.with(|a| {
                            let s = &a.standings;
                            s.get(&entry.customer).cloned().unwrap_or_default()
                        });
                        let today = session.today.get_untracked();
                        let objective = Objective::for_step(entry.suggestion.step);
                        let message = session.accounts.with(|a| {
                            let items = a.items.get(&entry.customer).map_or(&[][..], Vec::as_slice);
                            session.outreach.with(|o| {
                                let kind = MessageKind::Objective(objective);
                                let mut values = o.asking(&customer.name, items, &signature.get_untracked(), today);
                                with_interest(session, o, kind, &entry.customer, &mut values);
                                compose(i18n, o, kind, &values)
                            })
                        });
                        let contacts = contacts.with(|c| c.get(&entry.customer).cloned().unwrap_or_default());
                        let handoff = handed.with(|h| h.get(&entry.customer).cloned());
                        view! { <AgendaRow index=index entry=entry.clone() customer=customer on_hold=on_hold handoff=handoff standing=standing message=message contacts=contacts open=open/> }
                    })
                    .collect_view()
            })
        }
    };
    view! {
        <h1>{move || t().nav_today}</h1>
        <Show
            when=move || portfolio.with(|p| !p.customers.is_empty())
            fallback=move || view! { <p class="empty">{move || t().empty_portfolio}</p> }
        >
            <dl class="cards">
                <div class="card wide">
                    <dt>{move || t().total_receivable}</dt>
                    <dd class="amount">{move || summary.with(|s| totals_text(&s.receivable, fmt()))}</dd>
                </div>
                <div class="card wide">
                    <dt>{move || t().overdue}</dt>
                    <dd class="amount overdue">{move || summary.with(|s| totals_text(&s.overdue, fmt()))}</dd>
                </div>
                <div class="card">
                    <dt>{move || t().customers_overdue}</dt>
                    <dd>{move || summary.with(|s| s.customers_overdue)}</dd>
                </div>
                <div class="card">
                    <dt>{move || t().promises_due_today}</dt>
                    <dd>{move || summary.with(|s| s.promises_due_today)}</dd>
                </div>
            </dl>
            <div class="agenda-tools">
                <label class="field">
                    <span>{move || d().device_collector}</span>
                    <select name="device_collector" on:change=move |ev| {
                        let chosen = settings::owner_of_key(&event_target_value(&ev));
                        settings::set_agenda_owner(&chosen);
                        owner.set(chosen);
                    }>
                        <option value="" selected=move || owner.with(|o| *o == AgendaOwner::Everyone)>{move || t().all}</option>
                        {move || collectors.get().into_iter().map(|name| owner_option(owner, AgendaOwner::Collector(name))).collect_view()}
                        <Show when=move || salespeople.with(|s| !s.is_empty())>
                            <optgroup label=move || i18n.credit().agenda_sales>
                                {move || salespeople.get().into_iter().map(|name| owner_option(owner, AgendaOwner::Salesperson(name))).collect_view()}
                            </optgroup>
                        </Show>
                    </select>
                </label>
                <A href="/caja" attr:class="button">{move || d().cash_close}</A>
            </div>
            <h2>{move || d().agenda_title}</h2>
            <Show when=move || to_do.total.get() == 0>
                <p class="empty">{move || d().agenda_empty}</p>
            </Show>
            <ol class="agenda">{section(to_do)}</ol>
            <ShowMore shown=to_do.shown total=to_do.total/>
            <Show when=move || { done.total.get() > 0 }>
                <h2>{move || d().done_today}</h2>
                <ol class="agenda done">{section(done)}</ol>
                <ShowMore shown=done.shown total=done.total/>
            </Show>
            <Show when=move || { skipped.total.get() > 0 }>
                <h2>{move || d().skipped_today}</h2>
                <ol class="agenda skipped">{section(skipped)}</ol>
                <ShowMore shown=skipped.shown total=skipped.total/>
            </Show>
            <Reminders owner=owner signature=signature/>
        </Show>
    }
}

#[component]
fn AgendaRow(
    index: usize,
    entry: AgendaEntry,
    customer: Customer,
    /// Whether the customer's credit is withdrawn.
    on_hold: bool,
    /// The salesperson the account is handed to, with the note.
    handoff: Option<SalesHandoff>,
    standing: Standing,
    /// The message for the suggested step, ready to send.
    message: String,
    /// The contacts with the customer, which the contact policy counts.
    contacts: Vec<Contact>,
    open: RwSignal<Option<(usize, RowPanel)>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let t = i18n.texts();
    let d = i18n.day();
    let fmt = i18n.number_format();
    let overdue = totals_text(&standing.collectible, fmt);
    let currency = standing.balance.currency();
    let id = StoredValue::new(entry.customer.clone());
    let name = customer.name.clone();
    let objective = Objective::for_step(entry.suggestion.step);
    let to_do = entry.status == Status::ToDo;
    let skip_reason = RwSignal::new(SkipReason::NoTime);
    let close = Callback::new(move |()| open.set(None));
    let skip = move |_| {
        let reason = skip_reason.get_untracked();
        let today = session.today.get_untracked();
        let checked = session
            .portfolio
            .with_untracked(|p| skip_today(p, today, &id.get_value(), reason));
        if let Ok(event) = checked {
            session.save_then(vec![event], move || open.set(None));
        }
    };
    let status = match entry.status {
        Status::ToDo => None,
        Status::Done => Some(d.done_today.to_owned()),
        Status::Skipped(reason) => Some((d.skip_reason)(reason).to_owned()),
    };
    view! {
        <li class="agenda-entry" data-customer=entry.customer.0.to_string()>
            <div class="agenda-head">
                <A href=customer_href(&entry.customer) attr:class="customer-name">{name}</A>
                <span class="score" title=t.nav_today>{(d.points)(entry.score)}</span>
            </div>
            {on_hold.then(|| view! { <p class="badge on-hold">{i18n.credit().on_hold}</p> })}
            {handoff.map(|h| view! {
                <p class="handoff-note"><span class="badge with-sales">{(i18n.credit().with_sales)(&h.salesperson)}</span>" "{h.note}</p>
            })}
            <p class="amount overdue">{overdue}</p>
            <p class="suggestion">
                {d.suggested}": "<strong>{(d.step_name)(entry.suggestion.step)}</strong>
                " · "{(d.because)(entry.suggestion.because)}
            </p>
            <ul class="reasons">
                {entry.reasons.iter().map(|(reason, points)| view! {
                    <li>{(d.reason)(*reason)}<span class="points">{format!("+{points}")}</span></li>
                }).collect_view()}
            </ul>
            {status.map(|s| view! { <p class="badge">{s}</p> })}
            {to_do.then(|| view! {
                <ContactGate id=entry.customer.clone() customer=customer.clone() message=message.clone() contacts=contacts.clone()
                    on_attempt=Callback::new(move |attempt| open.set(Some((index, RowPanel::Contact(attempt)))))/>
                <div class="actions">
                    <button class="primary" on:click=move |_| open.set(Some((index, RowPanel::Contact(Attempt { channel: Channel::Call, policy_override: None })))) >{d.log_contact}</button>
                    <button on:click=move |_| open.set(Some((index, RowPanel::Skip)))>{d.skip}</button>
                </div>
            })}
            {move || match open.get() {
                Some((row, RowPanel::Contact(attempt))) if row == index => view! {
                    <ContactForm customer=id.get_value() currency=currency objective=objective channel=attempt.channel
                        policy_override=attempt.policy_override on_done=close/>
                }.into_any(),
                Some((row, RowPanel::Skip)) if row == index => view! {
                    <div class="panel skip-form">
                        <ChoiceField label=d.skip name="skip_reason" chosen=skip_reason
                            choices=SkipReason::ALL.map(|r| (r, (d.skip_reason)(r))).to_vec()/>
                        <div class="form-buttons">
                            <button class="primary" on:click=skip disabled=move || session.busy.get()>{d.confirm_skip}</button>
                            <button class="link" on:click=move |_| open.set(None)>{t.cancel}</button>
                        </div>
                    </div>
                }.into_any(),
                _ => ().into_any(),
            }}
        </li>
    }
}

/// An option of the agenda's owner select, valued as the choice is stored: a salesperson's
/// name carries its mark, since one person could be both.
fn owner_option(chosen: RwSignal<AgendaOwner>, owner: AgendaOwner) -> impl IntoView {
    let value = settings::owner_key(&owner);
    let name = owner.name().unwrap_or_default().to_owned();
    view! { <option value=value selected=move || chosen.with(|c| *c == owner)>{name}</option> }
}
