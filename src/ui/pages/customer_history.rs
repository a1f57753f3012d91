//! The customer's history, newest first, with what can still be done about a payment: see its
//! receipt again, or void it with a reason.

use leptos::prelude::*;

use crate::domain::customer::CustomerId;
use crate::domain::payment::PaymentId;
use crate::domain::portfolio::Portfolio;
use crate::domain::receipt::Receipt;
use crate::domain::timeline::{timeline, Happening};
use crate::sync::collection_edit::void_payment;
use crate::sync::op::OpId;
use crate::ui::forms::save_checked;
use crate::ui::happening_text::happening_text;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

#[component]
pub fn CustomerHistory(
    customer: CustomerId,
    /// The customer's own records (`Portfolio::of_customer`).
    records: Memo<Portfolio>,
    on_receipt: Callback<Receipt>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let customer = StoredValue::new(customer);
    let history = Memo::new(move |_| {
        let today = session.today.get();
        records.with(|p| timeline(p, &customer.get_value(), today))
    });
    let voiding = RwSignal::new(None::<PaymentId>);
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let confirm_void = move |_| {
        let Some(payment) = voiding.get_untracked() else {
            return;
        };
        let today = session.today.get_untracked();
        let checked = session
            .portfolio
            .with_untracked(|p| void_payment(p, today, &payment, &reason.get_untracked()));
        save_checked(session, i18n.texts(), checked, error, move || {
            voiding.set(None);
            reason.set(String::new());
        });
    };
    let t = move || i18n.texts();
    let d = move || i18n.day();
    view! {
        <section class="timeline">
            <h2>{move || t().timeline}</h2>
            <ol>
                {move || history.get().into_iter().map(|entry| {
                    let fmt = i18n.number_format();
                    let (text, money) = happening_text(i18n, &entry.happening);
                    let unsigned = entry
                        .recorded_as
                        .as_deref()
                        .and_then(OpId::parse)
                        .is_some_and(|id| !session.projection.with_untracked(|p| p.signed(&id)));
                    let actions = match &entry.happening {
                        Happening::PaymentReceived { id, receipt, .. } => {
                            let id = id.clone();
                            let receipt = receipt.clone();
                            Some(view! {
                                <span class="entry-actions">
                                    {receipt.map(|r| view! {
                                        <button class="link" on:click=move |_| on_receipt.run(r.clone())>{d().view_receipt}</button>
                                    })}
                                    <button class="link void" on:click=move |_| voiding.set(Some(id.clone()))>{d().void}</button>
                                </span>
                            })
                        }
                        _ => None,
                    };
                    view! {
                        <li>
                            <time datetime=entry.on.to_string()>{fmt.date(entry.on)}</time>
                            <span class="what">{text}</span>
                            {money.map(|m| view! { <span class="amount">{fmt.money(m)}</span> })}
                            {unsigned.then(|| view! {
                                <span class="unsigned" title=d().unsigned_title>{d().unsigned}</span>
                            })}
                            {actions}
                        </li>
                    }
                }).collect_view()}
            </ol>
            <Show when=move || voiding.get().is_some()>
                <div class="panel void-form">
                    <label class="field">
                        <span>{move || d().void_reason}</span>
                        <input type="text" name="void_reason" prop:value=move || reason.get()
                            on:input=move |ev| reason.set(event_target_value(&ev))/>
                    </label>
                    {move || error.get().map(|m| view! { <p class="status error" role="alert">{m}</p> })}
                    <div class="form-buttons">
                        <button class="primary" on:click=confirm_void disabled=move || session.busy.get()>{move || d().confirm_void}</button>
                        <button class="link" on:click=move |_| voiding.set(None)>{move || t().cancel}</button>
                    </div>
                </div>
            </Show>
        </section>
    }
}
