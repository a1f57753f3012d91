use leptos::prelude::*;

use super::{date_text, read_amount, read_date, save_checked, FormEnd, TextField};
use crate::domain::credit_note::CreditNote;
use crate::domain::customer::CustomerId;
use crate::domain::invoice::InvoiceId;
use crate::domain::money::Money;
use crate::sync::edit::{issue_credit_note, EditProblem};
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

/// Records a credit note the accounting program issued against one of the customer's invoices.
#[component]
pub fn CreditNoteForm(
    customer: CustomerId,
    /// The customer's open invoices and what is open on each, oldest due first.
    open: Vec<(InvoiceId, Money)>,
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let t = i18n.texts();
    let today = session.today.get_untracked();
    let number = RwSignal::new(String::new());
    let issued = RwSignal::new(date_text(today));
    let amount = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let invoice = RwSignal::new(
        open.first()
            .map(|(id, _)| id.0.to_string())
            .unwrap_or_default(),
    );
    let error = RwSignal::new(None);
    let currencies = StoredValue::new(open.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = i18n.texts();
        let Some(issued_on) = read_date(&issued.get_untracked()) else {
            error.set(Some(t.date_unreadable.to_owned()));
            return;
        };
        let Some(value) = read_amount(&amount.get_untracked()) else {
            error.set(Some(t.amount_unreadable.to_owned()));
            return;
        };
        let id = InvoiceId(invoice.get_untracked().into());
        let Some(currency) = currencies.with_value(|open| {
            open.iter()
                .find(|(open_id, _)| *open_id == id)
                .map(|(_, m)| m.currency)
        }) else {
            error.set(Some(
                (t.edit_problem)(&EditProblem::UnknownInvoice).to_owned(),
            ));
            return;
        };
        let note = CreditNote {
            customer: customer.clone(),
            number: number.get_untracked().trim().to_owned(),
            issued_on,
            amount: Money::new(value, currency),
            invoice: Some(id),
            reason: reason.get_untracked().trim().to_owned(),
        };
        let checked = session
            .portfolio
            .with_untracked(|p| issue_credit_note(p, today, note));
        save_checked(session, t, checked, error, move || on_done.run(()));
    };
    let fmt = i18n.number_format();
    view! {
        <form class="panel" on:submit=submit>
            <h2>{t.credit_note}</h2>
            <TextField label=t.credit_note_number name="number" value=number required=true/>
            <TextField label=t.issue_date name="issue_date" value=issued kind="date" required=true/>
            <label class="field">
                <span>{t.pays_invoice}</span>
                <select name="invoice" on:change=move |ev| invoice.set(event_target_value(&ev))>
                    {open.into_iter().map(|(id, money)| view! {
                        <option value=id.0.to_string()>{format!("{} · {}", id.0, fmt.money(money))}</option>
                    }).collect_view()}
                </select>
            </label>
            <TextField label=t.amount name="amount" value=amount required=true/>
            <TextField label=t.reason name="reason" value=reason/>
            <FormEnd error=error on_cancel=on_done/>
        </form>
    }
}
