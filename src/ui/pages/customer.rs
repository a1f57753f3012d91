use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::{customer_href, totals_text};
use crate::domain::account::{invoice_lines, InvoiceLine};
use crate::domain::customer::{Customer, CustomerId};
use crate::domain::invoice::InvoiceId;
use crate::domain::money::Money;
use crate::domain::number_format::NumberFormat;
use crate::domain::timeline::{timeline, Happening};
use crate::ui::forms::{CreditNoteForm, CustomerForm, InvoiceForm, PaymentForm};
use crate::ui::i18n::{use_i18n, Texts};
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
}

/// Cliente: what the customer owes and since when, how to reach them, their invoices and
/// instalments, and everything that happened.
#[component]
pub fn CustomerPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let query = use_query_map();
    let id = Memo::new(move |_| query.with(|q| q.get("id")).map(CustomerId));
    let customer = Memo::new(move |_| {
        let id = id.get()?;
        session.portfolio.with(|p| p.customers.get(&id).cloned())
    });
    let t = move || i18n.texts();
    move || match (id.get(), customer.get()) {
        (Some(id), Some(customer)) => view! { <CustomerView id=id customer=customer/> }.into_any(),
        _ => view! {
            <A href="/cartera" attr:class="back">{t().back_to_portfolio}</A>
            <p class="status">{t().customer_not_found}</p>
        }
        .into_any(),
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
    let standing = Memo::new(move |_| {
        session
            .standings
            .with(|all| all.get(&id.get_value()).cloned().unwrap_or_default())
    });
    let lines = Memo::new(move |_| {
        let today = session.today.get();
        session
            .portfolio
            .with(|p| invoice_lines(p, &id.get_value(), today))
    });
    let history = Memo::new(move |_| session.portfolio.with(|p| timeline(p, &id.get_value())));
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
    let contacts = contact_links(&customer);
    let late = move || standing.with(|s| s.oldest_days_overdue);

    view! {
        <A href="/cartera" attr:class="back">{move || t().back_to_portfolio}</A>
        <header class="customer-header">
            <h1>{customer.name.clone()}</h1>
            <p class="customer-facts">
                {[customer.tax_id.clone(), customer.city.clone(), customer.collector.clone()]
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
            </p>
            <nav class="contact-buttons">
                {contacts.into_iter().map(|(kind, href)| view! {
                    <a class="button" href=href rel="noopener">{move || contact_label(t(), kind)}</a>
                }).collect_view()}
            </nav>
        </header>
        <div class="actions">
            <button on:click=move |_| panel.set(Panel::Payment)>{move || t().record_payment}</button>
            <button on:click=move |_| panel.set(Panel::NewInvoice)>{move || t().add_invoice}</button>
            <button on:click=move |_| panel.set(Panel::CreditNote) disabled=move || open().is_empty()>{move || t().credit_note}</button>
            <button on:click=move |_| panel.set(Panel::EditCustomer)>{move || t().edit_customer}</button>
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
                Panel::Payment => view! { <PaymentForm customer=customer open=open() on_done=close/> }.into_any(),
                Panel::CreditNote => view! { <CreditNoteForm customer=customer open=open() on_done=close/> }.into_any(),
            }
        }}
        <section class="invoices">
            <h2>{move || t().invoices}</h2>
            <ul class="invoice-list">
                {move || lines.get().into_iter().map(|line| {
                    let editable = !line.has_installments();
                    let invoice = line.id.clone();
                    view! {
                        <InvoiceRow line=line format=fmt()/>
                        {editable.then(|| view! {
                            <button class="link edit-invoice" on:click=move |_| panel.set(Panel::EditInvoice(invoice.clone()))>
                                {t().edit_invoice}
                            </button>
                        })}
                    }
                }).collect_view()}
            </ul>
        </section>
        <section class="timeline">
            <h2>{move || t().timeline}</h2>
            <ol>
                {move || history.get().into_iter().map(|entry| {
                    let (text, money) = happening_text(t(), fmt(), &entry.happening);
                    view! {
                        <li>
                            <time datetime=entry.on.to_string()>{fmt().date(entry.on)}</time>
                            <span class="what">{text}</span>
                            {money.map(|m| view! { <span class="amount">{fmt().money(m)}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
fn InvoiceRow(line: InvoiceLine, format: NumberFormat) -> impl IntoView {
    let i18n = use_i18n();
    let t = i18n.texts();
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
        <li class="invoice" class:paid=line.is_paid() data-invoice=line.id.0.clone()>
            <div class="invoice-head">
                <strong>{line.id.0.clone()}</strong>
                <span>{t.issue_date}": "{format.date(line.invoice.issued_on)}</span>
                <span>{t.due_date}": "{format.date(line.invoice.terms.due_on())}</span>
            </div>
            <div class="invoice-figures">
                <span class="amount">{format.money(line.invoice.amount())}</span>
                <span class="amount open">
                    {if line.is_paid() { t.paid.to_owned() } else { format!("{}: {}", t.open_amount, format.money(line.open)) }}
                </span>
            </div>
            {dues.map(|dues| view! { <ol class="installments">{dues}</ol> })}
        </li>
    }
}

#[derive(Clone, Copy)]
enum Contact {
    Call,
    WhatsApp,
    Email,
    Map,
}

fn contact_label(t: &Texts, kind: Contact) -> &'static str {
    match kind {
        Contact::Call => t.call,
        Contact::WhatsApp => t.whatsapp,
        Contact::Email => t.email,
        Contact::Map => t.map,
    }
}

/// The phone's own apps do the contacting: dialer, WhatsApp, mail and maps.
fn contact_links(customer: &Customer) -> Vec<(Contact, String)> {
    let mut links = Vec::new();
    if let Some(phone) = customer.phones.first() {
        let dialable: String = phone
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '+')
            .collect();
        let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
        links.push((Contact::Call, format!("tel:{dialable}")));
        links.push((Contact::WhatsApp, format!("https://wa.me/{digits}")));
    }
    if !customer.email.is_empty() {
        links.push((Contact::Email, format!("mailto:{}", customer.email)));
    }
    if let Some(point) = customer.location {
        links.push((Contact::Map, format!("geo:{point}")));
    } else if !customer.address.is_empty() {
        let place = format!("{}, {}", customer.address, customer.city);
        links.push((
            Contact::Map,
            format!("geo:0,0?q={}", js_sys::encode_uri_component(&place)),
        ));
    }
    links
}

fn happening_text(t: &Texts, fmt: NumberFormat, happening: &Happening) -> (String, Option<Money>) {
    match happening {
        Happening::InvoiceIssued(id, amount) => ((t.timeline_invoice)(&id.0), Some(*amount)),
        Happening::PaymentReceived(method, amount) => (
            (t.timeline_payment)((t.method_name)(*method)),
            Some(*amount),
        ),
        Happening::CreditNoteIssued(number, amount) => {
            ((t.timeline_credit_note)(number), Some(*amount))
        }
        Happening::PromiseMade { due_on, amount } => {
            ((t.timeline_promise)(&fmt.date(*due_on)), Some(*amount))
        }
        Happening::DisputeOpened(_) => (t.timeline_dispute_opened.to_owned(), None),
        Happening::DisputeResolved => (t.timeline_dispute_resolved.to_owned(), None),
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
