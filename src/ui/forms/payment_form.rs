use leptos::prelude::*;

use super::{date_text, read_amount, read_date, save_checked, FormEnd, TextField};
use crate::domain::customer::CustomerId;
use crate::domain::invoice::InvoiceId;
use crate::domain::money::Money;
use crate::domain::payment::{payment_currency, Payment, PaymentMethod};
use crate::domain::receipt::Receipt;
use crate::sync::collection_edit::take_payment;
use crate::sync::op::Event;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

const METHODS: [PaymentMethod; 7] = [
    PaymentMethod::Cash,
    PaymentMethod::Transfer,
    PaymentMethod::BankDeposit,
    PaymentMethod::Card,
    PaymentMethod::DigitalWallet,
    PaymentMethod::Cheque,
    PaymentMethod::Other,
];

/// Records a payment from the customer, paying a chosen invoice or the oldest dues first, and
/// hands over the numbered receipt this device issues for it.
#[component]
pub fn PaymentForm(
    customer: CustomerId,
    /// The customer's open invoices and what is open on each, oldest due first.
    open: Vec<(InvoiceId, Money)>,
    on_done: Callback<()>,
    on_receipt: Callback<Receipt>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let t = i18n.texts();
    let today = session.today.get_untracked();
    let received = RwSignal::new(date_text(today));
    let amount = RwSignal::new(String::new());
    let method = RwSignal::new(0usize);
    let reference = RwSignal::new(String::new());
    let pays = RwSignal::new(String::new());
    let error = RwSignal::new(None);
    let currency_of = StoredValue::new(open.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = i18n.texts();
        let Some(received_on) = read_date(&received.get_untracked()) else {
            error.set(Some(t.date_unreadable.to_owned()));
            return;
        };
        let Some(value) = read_amount(&amount.get_untracked()) else {
            error.set(Some(t.amount_unreadable.to_owned()));
            return;
        };
        let invoice = Some(pays.get_untracked())
            .filter(|p| !p.is_empty())
            .map(|p| InvoiceId(p.into()));
        let currency = currency_of.with_value(|open| payment_currency(open, invoice.as_ref()));
        let payment = Payment {
            customer: customer.clone(),
            received_on,
            amount: Money::new(value, currency),
            method: METHODS
                .get(method.get_untracked())
                .copied()
                .unwrap_or(PaymentMethod::Other),
            reference: reference.get_untracked().trim().into(),
            applies_to: invoice.into_iter().collect(),
            receipt: None,
        };
        let issuer = session.device_id_untracked();
        let checked = session
            .portfolio
            .with_untracked(|p| take_payment(p, today, &issuer, payment));
        let receipt = match &checked {
            Ok(Event::PaymentRecorded { payment }) => payment.receipt.clone(),
            _ => None,
        };
        save_checked(session, t, checked, error, move || match receipt {
            Some(receipt) => on_receipt.run(receipt),
            None => on_done.run(()),
        });
    };
    let fmt = i18n.number_format();
    view! {
        <form class="panel" on:submit=submit>
            <h2>{t.record_payment}</h2>
            <TextField label=t.payment_date name="payment_date" value=received kind="date" required=true/>
            <TextField label=t.amount name="amount" value=amount required=true/>
            <label class="field">
                <span>{t.method}</span>
                <select name="method" on:change=move |ev| method.set(event_target_value(&ev).parse().unwrap_or(0))>
                    {METHODS.iter().enumerate().map(|(i, m)| view! { <option value=i.to_string()>{(t.method_name)(*m)}</option> }).collect_view()}
                </select>
            </label>
            <TextField label=t.reference name="reference" value=reference/>
            <label class="field">
                <span>{t.pays_invoice}</span>
                <select name="pays" on:change=move |ev| pays.set(event_target_value(&ev))>
                    <option value="">{t.oldest_first}</option>
                    {open.into_iter().map(|(id, money)| view! {
                        <option value=id.0.to_string()>{format!("{} · {}", id.0, fmt.money(money))}</option>
                    }).collect_view()}
                </select>
            </label>
            <FormEnd error=error on_cancel=on_done/>
        </form>
    }
}
