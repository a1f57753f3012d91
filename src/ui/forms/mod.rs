//! The forms of the customer screen and the agenda. Each collects text, hands it to
//! `sync::edit` or `sync::collection_edit` for checking, and saves the resulting events; what
//! is wrong is said next to the button, in the reader's words.

mod choice_field;
mod collection_cost_form;
mod contact_form;
mod credit_note_form;
mod customer_form;
mod dispute_form;
mod handoff_form;
mod invoice_form;
mod payment_form;
mod pin_form;
mod plan_form;
mod typification_form;

pub use choice_field::ChoiceField;
pub use collection_cost_form::CollectionCostForm;
pub use contact_form::ContactForm;
pub use credit_note_form::CreditNoteForm;
pub use customer_form::CustomerForm;
pub use dispute_form::DisputeForm;
pub use handoff_form::HandoffForm;
pub use invoice_form::InvoiceForm;
pub use payment_form::PaymentForm;
pub use pin_form::PinForm;
pub use plan_form::PlanForm;
pub use typification_form::TypificationForm;

use chrono::NaiveDate;
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::sync::csv::amount::{parse_amount, DecimalSeparator};
use crate::sync::csv::date::{parse_date, DateFormat};
use crate::sync::edit::EditProblem;
use crate::sync::op::Event;
use crate::ui::i18n::{use_i18n, Language, Texts};
use crate::ui::session::{use_session, Session};

/// A labelled text input bound to a signal.
#[component]
fn TextField(
    label: &'static str,
    name: &'static str,
    value: RwSignal<String>,
    #[prop(default = "text")] kind: &'static str,
    #[prop(optional)] required: bool,
) -> impl IntoView {
    view! {
        <label class="field">
            <span>{label}</span>
            <input
                type=kind
                name=name
                required=required
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </label>
    }
}

/// An amount as the reader writes it in their language ("1.500.000,50" or "1,500,000.50").
pub(crate) fn read_amount(text: &str) -> Option<Decimal> {
    let separator = match use_i18n().language() {
        Language::Es => DecimalSeparator::Comma,
        Language::En => DecimalSeparator::Dot,
    };
    parse_amount(text, separator).ok()
}

fn read_date(text: &str) -> Option<NaiveDate> {
    parse_date(text, DateFormat::Iso).ok()
}

fn date_text(date: NaiveDate) -> String {
    date.to_string()
}

/// Saves a checked event and then runs `then`, or says what is wrong with it.
pub fn save_checked(
    session: Session,
    texts: &'static Texts,
    checked: Result<Event, EditProblem>,
    error: RwSignal<Option<String>>,
    then: impl FnOnce() + 'static,
) {
    save_all_checked(
        session,
        texts,
        checked.map(|event| vec![event]),
        error,
        then,
    );
}

/// Saves checked events in one transaction and then runs `then`, or says what is wrong
/// next to the button: the edit itself, or why it could not be stored.
pub fn save_all_checked(
    session: Session,
    texts: &'static Texts,
    checked: Result<Vec<Event>, EditProblem>,
    error: RwSignal<Option<String>>,
    then: impl FnOnce() + 'static,
) {
    match checked.and_then(crate::sync::edit::admissible) {
        Ok(events) => {
            error.set(None);
            let saved = session.save(events, then);
            leptos::task::spawn_local(async move {
                if let Err(problem) = saved.await {
                    error.set(Some((texts.not_saved)(&problem).to_owned()));
                }
            });
        }
        Err(problem) => error.set(Some((texts.edit_problem)(&problem).to_owned())),
    }
}

/// The message under a form and the buttons that end it.
#[component]
fn FormEnd(
    error: RwSignal<Option<String>>,
    on_cancel: Callback<()>,
    /// What the main button says, when not «Guardar».
    #[prop(optional)]
    submit: Option<&'static str>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let t = move || i18n.texts();
    view! {
        {move || error.get().map(|message| view! { <p class="status error" role="alert">{message}</p> })}
        <div class="form-buttons">
            <button type="submit" class="primary" disabled=move || session.busy.get()>{move || submit.unwrap_or(t().save)}</button>
            <button type="button" class="link" on:click=move |_| on_cancel.run(())>{move || t().cancel}</button>
        </div>
    }
}
