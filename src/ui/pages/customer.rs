use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::customer_consent::ChannelConsents;
use super::customer_history::CustomerHistory;
use super::customer_standing::{OpenDisputes, PlanStatus};
use super::interest_claim::InterestClaims;
use super::{
    credit_policy_href, customer_href, customer_in_query, demand_letter_href, dossier_href,
    statement_href, totals_text, CustomerNotFound,
};
use crate::domain::account::{invoice_lines, InvoiceLine};
use crate::domain::contact::{Channel, Objective};
use crate::domain::credit_hold::{CreditHold, HoldLifted};
use crate::domain::credit_terms::CreditTerms;
use crate::domain::customer::{Customer, CustomerId};
use crate::domain::escalation::next_step;
use crate::domain::invoice::InvoiceId;
use crate::domain::invoice_acceptance::Delivery;
use crate::domain::latest_fact::latest_of_each;
use crate::domain::message_template::MessageKind;
use crate::domain::money::{Currency, Money};
use crate::domain::number_format::NumberFormat;
use crate::domain::promise_outcome::broken_promises;
use crate::domain::receipt::Receipt;
use crate::domain::reminder::open_items;
use crate::domain::standing::Standing;
use crate::domain::step::Step;
use crate::sync::op::Event;
use crate::ui::contact_gate::{Attempt, ContactGate};
use crate::ui::forms::{
    CollectionCostForm, ContactForm, CreditNoteForm, CustomerForm, DisputeForm, HandoffForm,
    InvoiceForm, PaymentForm, PlanForm, TypificationForm,
};
use crate::ui::i18n::use_i18n;
use crate::ui::message::{compose, with_interest};
use crate::ui::receipt_card::ReceiptCard;
use crate::ui::session::use_session;

/// Which form is open on the customer screen; one at a time keeps a phone screen readable.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Panel {
    Closed,
    EditCustomer,
    NewInvoice,
    EditInvoice(InvoiceId),
    Payment,
    CreditNote,
    CollectionCost,
    Handoff,
    Contact(Attempt),
    Dispute,
    Plan,
    Typify,
    Receipt(Receipt),
}

/// Cliente: what the customer owes and since when, how to reach them, their invoices and
/// instalments, and everything that happened.
#[component]
pub fn CustomerPage() -> impl IntoView {
    let (id, customer) = customer_in_query();
    move || match (id.get(), customer.get()) {
        (Some(id), Some(customer)) => view! { <CustomerView id=id customer=customer/> }.into_any(),
        _ => view! { <CustomerNotFound/> }.into_any(),
    }
}

#[component]
fn CustomerView(id: CustomerId, customer: Customer) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let panel = RwSignal::new(Panel::Closed);
    let t = move || i18n.texts();
    let fmt = move || i18n.number_format();
    let id = StoredValue::new(id);
    let records = Memo::new(move |_| session.portfolio.with(|p| p.of_customer(&id.get_value())));
    let standing = Memo::new(move |_| {
        session.accounts.with(|a| {
            a.standings
                .get(&id.get_value())
                .cloned()
                .unwrap_or_default()
        })
    });
    let lines = Memo::new(move |_| {
        let today = session.today.get();
        records.with(|p| invoice_lines(p, &id.get_value(), today))
    });
    let broken = Memo::new(move |_| {
        let today = session.today.get();
        records.with(|p| broken_promises(p, &id.get_value(), today))
    });
    let typification = Memo::new(move |_| {
        records
            .with(|p| p.typifications.get(&id.get_value()).cloned())
            .unwrap_or_default()
    });
    let suggestion = Memo::new(move |_| {
        let days = standing.with(|s| s.collectible_days_overdue);
        typification.with(|ty| next_step(ty, days, broken.get()).step)
    });
    let currency = move || standing.with(|s| s.balance.currency());
    let overdue = move || {
        standing.with(|s| {
            s.collectible
                .iter()
                .next()
                .unwrap_or(Money::zero(Currency::USUAL))
        })
    };
    let open = move || {
        lines.with(|lines| {
            lines
                .iter()
                .filter(|l| !l.is_paid())
                .map(|l| (l.id.clone(), l.open))
                .collect::<Vec<_>>()
        })
    };
    let close = Callback::new(move |()| panel.set(Panel::Closed));
    let show_receipt = Callback::new(move |receipt| panel.set(Panel::Receipt(receipt)));
    let name = customer.name.clone();
    let salesperson = customer.salesperson.clone();
    let message = Memo::new(move |_| {
        let today = session.today.get();
        let objective = Objective::for_step(suggestion.get());
        let items = records
            .with(|p| open_items(p, today).remove(&id.get_value()))
            .unwrap_or_default();
        session.outreach.with(|o| {
            let kind = MessageKind::Objective(objective);
            let mut values = o.asking(&name, &items, &session.device_label(), today);
            with_interest(session, o, kind, &id.get_value(), &mut values);
            compose(i18n, o, kind, &values)
        })
    });
    let late = move || standing.with(|s| s.oldest_days_overdue);
    let hold = Memo::new(move |_| records.with(|p| p.credit_holds.get(&id.get_value()).cloned()));
    let handoff = Memo::new(move |_| {
        records.with(|p| latest_of_each(&p.handoffs).into_values().next().cloned())
    });
    let set_hold = move |on: bool| {
        let (today, by) = (session.today.get_untracked(), session.device_label());
        let (hold, lifted) = if on {
            let reason = (i18n.credit().hold_reason_late)(late());
            let hold = CreditHold {
                reason,
                since: today,
                by,
            };
            (Some(hold), None)
        } else {
            (None, Some(HoldLifted { on: today, by }))
        };
        let event = Event::CreditHoldSet {
            customer: id.get_value(),
            hold,
            lifted,
        };
        session.save_then(vec![event], || ());
    };
    let d = move || i18n.day();

    view! {
        <A href="/cartera" attr:class="back">{move || t().back_to_portfolio}</A>
        <header class="customer-header">
            <h1>{customer.name.clone()}</h1>
            <p class="customer-facts">
                {[
                    customer.id_type.map_or(customer.tax_id.clone(), |t| format!("{} {}", t.code(), customer.tax_id)),
                    customer.kind.map(i18n.credit().kind_name).unwrap_or_default().to_owned(),
                    customer.city.clone(),
                    customer.collector.clone(),
                ]
                    .into_iter().filter(|f| !f.is_empty()).collect::<Vec<_>>().join(" · ")}
            </p>
            <dl class="cards">
                <div class="card wide">
                    <dt>{move || t().balance}</dt>
                    <dd class="amount" data-figure="balance">{move || standing.with(|s| totals_text(&s.balance, fmt()))}</dd>
                </div>
                <div class="card wide">
                    <dt>{move || t().overdue}</dt>
                    <dd class="amount overdue" data-figure="overdue">{move || standing.with(|s| totals_text(&s.overdue, fmt()))}</dd>
                </div>
            </dl>
            <p class="lateness" class:late=move || standing.with(|s| s.oldest_days_overdue > 0)>
                {move || if late() > 0 { (t().days_overdue)(late()) } else { t().up_to_date.to_owned() }}
                {move || standing.with(|s| s.in_dispute).then(|| view! { <span class="badge">{t().in_dispute}</span> })}
                {move || (broken.get() > 0).then(|| view! { <span class="badge broken" data-figure="broken-promises">{(d().broken_promises)(broken.get())}</span> })}
                {move || hold.get().map(|_| view! { <span class="badge on-hold">{i18n.credit().on_hold}</span> })}
            </p>
            {move || hold.get().map(|hold| view! {
                <p class="hold-detail">
                    {(i18n.credit().hold_detail)(&fmt().date(hold.since), &hold.by, &hold.reason)}
                    " "
                    <button type="button" class="link lift-hold" on:click=move |_| set_hold(false)>{i18n.credit().lift_hold}</button>
                </p>
            })}
            {move || handoff.get().map(|h| view! {
                <p class="handoff-note">
                    <span class="badge with-sales">{(i18n.credit().with_sales)(&h.salesperson)}</span>
                    " "{h.note}
                </p>
            })}
            <CreditTermsLine terms=customer.credit_terms.clone() standing=standing/>
            <p class="typification">
                {move || typification.with(|ty| {
                    let d = d();
                    let mut parts = vec![
                        ty.willingness.map_or(d.not_known, d.willingness_name).to_owned(),
                        format!("{} {}", d.risk, (d.risk_name)(ty.risk).to_lowercase()),
                    ];
                    parts.extend((!ty.sector.is_empty()).then(|| ty.sector.clone()));
                    parts.extend(ty.reason.map(|r| (d.delinquency_name)(r).to_owned()));
                    parts.join(" · ")
                })}
            </p>
            <p class="suggestion">
                {move || d().suggested}": "<strong>{move || (d().step_name)(suggestion.get())}</strong>
                {move || (suggestion.get() == Step::ChangeConditions && hold.with(Option::is_none)).then(|| view! {
                    " "<button type="button" class="put-on-hold" on:click=move |_| set_hold(true)>{i18n.credit().put_on_hold}</button>
                })}
            </p>
            <ContactGate id=id.get_value() customer=customer.clone() message=message
                contacts=Signal::derive(move || records.with(|r| r.contacts.values().cloned().collect()))
                on_attempt=Callback::new(move |attempt| panel.set(Panel::Contact(attempt)))/>
        </header>
        <div class="actions">
            <button class="primary" on:click=move |_| panel.set(Panel::Contact(Attempt { channel: Channel::Call, policy_override: None }))>{move || d().log_contact}</button>
            <button on:click=move |_| panel.set(Panel::Payment)>{move || t().record_payment}</button>
            <button on:click=move |_| panel.set(Panel::NewInvoice)>{move || t().add_invoice}</button>
            <button on:click=move |_| panel.set(Panel::CreditNote) disabled=move || open().is_empty()>{move || t().credit_note}</button>
            <button class="collection-cost" on:click=move |_| panel.set(Panel::CollectionCost)>{move || i18n.credit().cost_title}</button>
            <button on:click=move |_| panel.set(Panel::Typify)>{move || d().typify}</button>
            <button on:click=move |_| panel.set(Panel::Dispute) disabled=move || open().is_empty()>{move || d().open_dispute}</button>
            <button on:click=move |_| panel.set(Panel::Plan) disabled=move || overdue().amount.is_zero()>{move || d().payment_plan}</button>
            <button class="hand-to-sales" on:click=move |_| panel.set(Panel::Handoff)>{move || i18n.credit().hand_to_sales}</button>
            <button on:click=move |_| panel.set(Panel::EditCustomer)>{move || t().edit_customer}</button>
            <Show when=move || hold.with(Option::is_none) && suggestion.get() != Step::ChangeConditions>
                <button class="put-on-hold" on:click=move |_| set_hold(true)>{move || i18n.credit().put_on_hold}</button>
            </Show>
            <A href=statement_href(&id.get_value()) attr:class="button statement-link">{move || i18n.report().statement_link}</A>
            <A href=credit_policy_href(&id.get_value()) attr:class="button credit-policy-link">{move || i18n.credit_policy().link}</A>
            <A href=demand_letter_href(&id.get_value()) attr:class="button demand-letter-link">{move || i18n.legal().letter_link}</A>
            <A href=dossier_href(&id.get_value()) attr:class="button dossier-link">{move || i18n.dossier().link}</A>
        </div>
        {move || {
            let customer = id.get_value();
            match panel.get() {
                Panel::Closed => ().into_any(),
                Panel::EditCustomer => view! {
                    <CustomerForm id=Some(customer) on_saved=Callback::new(move |_| panel.set(Panel::Closed)) on_cancel=close/>
                }.into_any(),
                Panel::NewInvoice => view! { <InvoiceForm customer=customer invoice=None on_done=close/> }.into_any(),
                Panel::EditInvoice(invoice) => view! { <InvoiceForm customer=customer invoice=Some(invoice) on_done=close/> }.into_any(),
                Panel::Payment => view! { <PaymentForm customer=customer open=open() on_done=close on_receipt=show_receipt/> }.into_any(),
                Panel::CreditNote => view! { <CreditNoteForm customer=customer open=open() on_done=close/> }.into_any(),
                Panel::CollectionCost => view! { <CollectionCostForm customer=customer currency=currency() on_done=close/> }.into_any(),
                Panel::Handoff => view! { <HandoffForm customer=customer salesperson=salesperson.clone() on_done=close/> }.into_any(),
                Panel::Contact(attempt) => view! {
                    <ContactForm customer=customer currency=currency() objective=Objective::for_step(suggestion.get_untracked())
                        channel=attempt.channel policy_override=attempt.policy_override on_done=close/>
                }.into_any(),
                Panel::Dispute => view! { <DisputeForm customer=customer open=open() on_done=close/> }.into_any(),
                Panel::Plan => view! { <PlanForm customer=customer overdue=overdue() on_done=close/> }.into_any(),
                Panel::Typify => view! { <TypificationForm customer=customer on_done=close/> }.into_any(),
                Panel::Receipt(receipt) => view! { <ReceiptCard receipt=receipt on_close=close/> }.into_any(),
            }
        }}
        <OpenDisputes customer=id.get_value() records=records/>
        <PlanStatus customer=id.get_value() records=records/>
        <ChannelConsents customer=id.get_value()/>
        <section class="invoices">
            <h2>{move || t().invoices}</h2>
            <ul class="invoice-list">
                {move || lines.get().into_iter().map(|line| {
                    let editable = !line.has_installments();
                    let invoice = line.id.clone();
                    let delivery = records.with(|p| p.deliveries.get(&invoice).cloned());
                    let edit = editable.then(|| Callback::new(move |()| panel.set(Panel::EditInvoice(invoice.clone()))));
                    view! {
                        <InvoiceRow line=line format=fmt() delivery=delivery today=session.today.get() edit=edit/>
                    }
                }).collect_view()}
            </ul>
        </section>
        <InterestClaims customer=id.get_value() records=records.into() as_of=session.today.into() bookable=true/>
        <CustomerHistory customer=id.get_value() records=records on_receipt=show_receipt/>
    }
}

#[component]
fn InvoiceRow(
    line: InvoiceLine,
    format: NumberFormat,
    /// Its electronic code, receipt and acceptance as a título valor, where known.
    delivery: Option<Delivery>,
    today: chrono::NaiveDate,
    /// What «Editar» does, on an invoice that can still be edited.
    edit: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.texts();
    let l = i18n.legal();
    let delivery = delivery.map(|d| {
        let day = |on| format.date(on);
        let mut parts = Vec::new();
        if !d.cufe.is_empty() {
            parts.push((l.cufe)(&d.cufe));
        }
        if let Some(on) = d.received_on {
            parts.push((l.received)(&day(on), &d.received_by));
        }
        parts.push((l.acceptance)(&d.acceptance(today), &day));
        parts.join(" · ")
    });
    let currency = line.open.currency;
    let money = move |amount| format.money(Money::new(amount, currency));
    let dues = line.has_installments().then(|| {
        line.dues
            .iter()
            .map(|due| {
                view! {
                    <li class="installment" class:paid=due.open.is_zero()>
                        <span>{(t.installment)(due.installment.unwrap_or(1))}</span>
                        <span>{t.due_date}": "{format.date(due.due_on)}</span>
                        <span class="amount">{money(due.amount)}</span>
                        <span class="amount open">{if due.open.is_zero() { t.paid.to_owned() } else { money(due.open) }}</span>
                    </li>
                }
            })
            .collect_view()
    });
    view! {
        <li class="invoice" class:paid=line.is_paid() data-invoice=line.id.0.to_string()>
            <div class="invoice-head">
                <strong>{line.id.0.to_string()}</strong>
                <span>{t.issue_date}": "{format.date(line.invoice.issued_on)}</span>
                <span>{t.due_date}": "{format.date(line.invoice.terms.due_on())}</span>
            </div>
            <div class="invoice-figures">
                <span class="amount">{format.money(line.invoice.amount())}</span>
                <span class="amount open">
                    {if line.is_paid() { t.paid.to_owned() } else { format!("{}: {}", t.open_amount, format.money(line.open)) }}
                </span>
            </div>
            {delivery.map(|text| view! { <p class="delivery">{text}</p> })}
            {dues.map(|dues| view! { <ol class="installments">{dues}</ol> })}
            {edit.map(|edit| view! {
                <button class="link edit-invoice" on:click=move |_| edit.run(())>{t.edit_invoice}</button>
            })}
        </li>
    }
}

/// Cartera → Nuevo cliente.
#[component]
pub fn NewCustomerPage() -> impl IntoView {
    let navigate = use_navigate();
    let back = use_navigate();
    view! {
        <CustomerForm
            id=None
            on_saved=Callback::new(move |id: CustomerId| navigate(&customer_href(&id), Default::default()))
            on_cancel=Callback::new(move |()| back("/cartera", Default::default()))
        />
    }
}

/// The customer's payment term and what is left of each credit limit, «Sobre el cupo» when a
/// new sale would pass one; nothing when no terms were agreed.
#[component]
fn CreditTermsLine(terms: CreditTerms, standing: Memo<Standing>) -> impl IntoView {
    let i18n = use_i18n();
    let c = i18n.credit();
    let fmt = move || i18n.number_format();
    let days = terms.payment_days.map(c.payment_days_detail);
    let terms = StoredValue::new(terms);
    let limits = move || {
        standing.with(|s| {
            terms.with_value(|t| {
                t.limits
                    .iter()
                    .zip(t.room(&s.balance))
                    .map(|(limit, room)| (c.limit_detail)(&fmt().money(*limit), &fmt().money(room)))
                    .collect::<Vec<_>>()
            })
        })
    };
    let over = move || standing.with(|s| terms.with_value(|t| t.over_limit(&s.balance)));
    (!terms.with_value(CreditTerms::is_empty)).then(|| view! {
        <p class="credit-terms">
            {move || days.clone().into_iter().chain(limits()).collect::<Vec<_>>().join(" · ")}
            {move || over().then(|| view! { " "<span class="badge over-limit">{c.over_limit}</span> })}
        </p>
    })
}
