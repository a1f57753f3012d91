use leptos::prelude::*;

use super::{date_text, read_amount, read_date, save_all_checked, FormEnd, TextField};
use crate::domain::customer::CustomerId;
use crate::domain::invoice::InvoiceId;
use crate::domain::invoice_acceptance::Delivery;
use crate::domain::money::{Currency, Money};
use crate::sync::edit::{save_invoice, save_invoice_with_delivery};
use crate::ui::currency_select::CurrencySelect;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

/// Adds an invoice to the customer (`invoice` is `None`) or corrects one due in one payment.
#[component]
pub fn InvoiceForm(
    customer: CustomerId,
    invoice: Option<InvoiceId>,
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let t = i18n.texts();
    let l = i18n.legal();
    let fmt = i18n.number_format();
    let is_new = invoice.is_none();
    let today = session.today.get_untracked();
    let current = invoice.as_ref().and_then(|id| {
        session
            .portfolio
            .with_untracked(|p| p.invoices.get(id).cloned())
    });
    let number = RwSignal::new(
        invoice
            .as_ref()
            .map(|i| i.0.to_string())
            .unwrap_or_default(),
    );
    let issued = RwSignal::new(date_text(current.as_ref().map_or(today, |i| i.issued_on)));
    // A new sale is due after the customer's agreed term, or the usual thirty days.
    let term = session.portfolio.with_untracked(|p| {
        p.customers
            .get(&customer)
            .and_then(|c| c.credit_terms.payment_days)
            .unwrap_or(30)
    });
    let due = RwSignal::new(date_text(
        current
            .as_ref()
            .map_or(today + chrono::Days::new(u64::from(term)), |i| {
                i.terms.due_on()
            }),
    ));
    let amount = RwSignal::new(
        current
            .as_ref()
            .map(|i| fmt.amount(i.amount().amount, i.amount().currency.minor_digits()))
            .unwrap_or_default(),
    );
    let currency = RwSignal::new(
        current
            .as_ref()
            .map_or(Currency::USUAL, |i| i.amount().currency),
    );
    let held = invoice
        .as_ref()
        .and_then(|id| {
            session
                .portfolio
                .with_untracked(|p| p.deliveries.get(id).cloned())
        })
        .unwrap_or_default();
    let day_text = |day: Option<chrono::NaiveDate>| day.map(date_text).unwrap_or_default();
    let cufe = RwSignal::new(held.cufe.clone());
    let received_on = RwSignal::new(day_text(held.received_on));
    let received_by = RwSignal::new(held.received_by.clone());
    let objected_on = RwSignal::new(day_text(held.objected_on));
    let error = RwSignal::new(None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = i18n.texts();
        let (Some(issued_on), Some(due_on)) = (
            read_date(&issued.get_untracked()),
            read_date(&due.get_untracked()),
        ) else {
            error.set(Some(t.date_unreadable.to_owned()));
            return;
        };
        let Some(value) = read_amount(&amount.get_untracked()) else {
            error.set(Some(t.amount_unreadable.to_owned()));
            return;
        };
        // An empty day is no day; a day that cannot be read is said.
        let optional_day = |text: String| match text.trim() {
            "" => Ok(None),
            typed => read_date(typed).map(Some).ok_or(()),
        };
        let (Ok(received), Ok(objected)) = (
            optional_day(received_on.get_untracked()),
            optional_day(objected_on.get_untracked()),
        ) else {
            error.set(Some(t.date_unreadable.to_owned()));
            return;
        };
        let delivery = Delivery {
            cufe: cufe.get_untracked().trim().to_owned(),
            received_on: received,
            received_by: received_by.get_untracked().trim().to_owned(),
            objected_on: objected,
        };
        let number = number.get_untracked();
        let events = session.portfolio.with_untracked(|p| {
            let sale = save_invoice(
                p,
                &customer,
                &number,
                is_new,
                issued_on,
                due_on,
                Money::new(value, currency.get_untracked()),
            );
            save_invoice_with_delivery(p, sale, &InvoiceId(number.trim().into()), delivery)
        });
        save_all_checked(session, t, events, error, move || on_done.run(()));
    };
    view! {
        <form class="panel" on:submit=submit>
            <h2>{if is_new { t.add_invoice } else { t.edit_invoice }}</h2>
            {is_new.then(|| view! { <TextField label=t.invoice_number name="invoice" value=number required=true/> })}
            <TextField label=t.issue_date name="issue_date" value=issued kind="date" required=true/>
            <TextField label=t.due_date name="due_date" value=due kind="date" required=true/>
            <TextField label=t.amount name="amount" value=amount required=true kind="text"/>
            <CurrencySelect label=t.currency value=currency/>
            <fieldset class="delivery">
                <legend>{l.delivery_title}</legend>
                <TextField label=l.cufe_label name="cufe" value=cufe/>
                <TextField label=l.received_on_label name="received_on" value=received_on kind="date"/>
                <TextField label=l.received_by_label name="received_by" value=received_by/>
                <TextField label=l.objected_on_label name="objected_on" value=objected_on kind="date"/>
            </fieldset>
            <FormEnd error=error on_cancel=on_done/>
        </form>
    }
}
