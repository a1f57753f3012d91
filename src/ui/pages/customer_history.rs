//! The customer's history, newest first, with what can still be done about a payment: see its
//! receipt again, or void it with a reason.

use leptos::prelude::*;

use crate::domain::customer::CustomerId;
use crate::domain::money::Money;
use crate::domain::number_format::NumberFormat;
use crate::domain::payment::PaymentId;
use crate::domain::portfolio::Portfolio;
use crate::domain::receipt::Receipt;
use crate::domain::timeline::{timeline, Happening};
use crate::sync::collection_edit::void_payment;
use crate::sync::op::OpId;
use crate::ui::forms::save_checked;
use crate::ui::i18n::{use_i18n, CreditTexts, DayTexts, LegalTexts, OutreachTexts, Texts};
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
                    let (text, money) = happening_text(t(), d(), i18n.outreach(), i18n.credit(), i18n.legal(), fmt, &entry.happening);
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

fn happening_text(
    t: &Texts,
    d: &DayTexts,
    o: &OutreachTexts,
    c: &CreditTexts,
    l: &LegalTexts,
    fmt: NumberFormat,
    happening: &Happening,
) -> (String, Option<Money>) {
    match happening {
        Happening::InvoiceIssued(id, amount, kind) => {
            ((t.timeline_invoice)(&id.0, kind, fmt), Some(*amount))
        }
        Happening::PaymentReceived {
            method,
            amount,
            receipt,
            ..
        } => {
            let text = (t.timeline_payment)((t.method_name)(*method));
            let text = match receipt {
                Some(r) => format!("{text} · {r}"),
                None => text,
            };
            (text, Some(*amount))
        }
        Happening::PaymentVoided {
            amount,
            receipt,
            reason,
        } => {
            let text = (d.timeline_void)(reason);
            let text = match receipt {
                Some(r) => format!("{text} · {r}"),
                None => text,
            };
            (text, Some(*amount))
        }
        Happening::CreditNoteIssued(number, amount) => {
            ((t.timeline_credit_note)(number), Some(*amount))
        }
        Happening::ContactMade(contact) => {
            let mut text = (d.timeline_contact)(
                (d.channel_name)(contact.channel),
                (d.outcome_name)(contact.outcome),
            );
            if !contact.note.is_empty() {
                text = format!("{text} — {}", contact.note);
            }
            if contact.position.is_some() {
                text = format!("{text} · {}", d.visit_proof);
            }
            if let Some(reason) = &contact.policy_override {
                text = format!("{text} · {}", (o.override_recorded)(reason));
            }
            (text, None)
        }
        Happening::PromiseMade {
            due_on,
            amount,
            outcome,
        } => (
            format!(
                "{} ({})",
                (t.timeline_promise)(&fmt.date(*due_on)),
                (d.promise_outcome)(*outcome)
            ),
            Some(*amount),
        ),
        Happening::DisputeOpened(_, dispute) => (
            (d.timeline_dispute)((d.dispute_reason)(dispute.reason)),
            dispute.amount,
        ),
        Happening::DisputeResolved => (t.timeline_dispute_resolved.to_owned(), None),
        Happening::PlanAgreed {
            installments,
            balance,
        } => ((d.timeline_plan)(*installments), Some(*balance)),
        Happening::Typified(typification) => {
            let judged = typification
                .willingness
                .map_or(d.not_known, d.willingness_name);
            (
                (d.timeline_typified)(&format!(
                    "{judged} · {} {}",
                    d.risk,
                    (d.risk_name)(typification.risk).to_lowercase()
                )),
                None,
            )
        }
        Happening::Skipped(reason) => ((d.timeline_skipped)((d.skip_reason)(*reason)), None),
        Happening::CreditHeld { reason, by } => ((c.timeline_hold)(reason, by), None),
        Happening::CreditRestored { by } => ((c.timeline_restored)(by), None),
        Happening::HandedToSales {
            salesperson,
            note,
            by,
        } => ((c.timeline_handed)(salesperson, note, by), None),
        Happening::BureauFiled { kind, by } => ((l.timeline_filed)(*kind, by), None),
        Happening::ChannelRevoked(channel) => (
            (o.timeline_channel_revoked)((d.channel_name)(*channel)),
            None,
        ),
    }
}
