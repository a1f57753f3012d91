use leptos::prelude::*;

use super::{read_amount, save_checked, ChoiceField, FormEnd, TextField};
use crate::domain::customer::CustomerId;
use crate::domain::dispute::DisputeReason;
use crate::domain::invoice::InvoiceId;
use crate::domain::money::Money;
use crate::sync::collection_edit::{open_dispute, DisputeForm as Form};
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

/// Opens a dispute ("reclamo") on some invoices or the whole account; those invoices leave
/// the agenda until it is resolved.
#[component]
pub fn DisputeForm(
    customer: CustomerId,
    /// The customer's open invoices and what is open on each.
    open: Vec<(InvoiceId, Money)>,
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let d = i18n.day();
    let fmt = i18n.number_format();
    let reason = RwSignal::new(DisputeReason::DefectiveProduct);
    let chosen = RwSignal::new(Vec::<InvoiceId>::new());
    let amount = RwSignal::new(String::new());
    let owner = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let currency = open.first().map(|(_, m)| m.currency);
    let customer = StoredValue::new(customer);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = i18n.texts();
        let typed = amount.get_untracked();
        let amount = if typed.trim().is_empty() {
            None
        } else {
            match (read_amount(&typed), currency) {
                (Some(value), Some(currency)) => Some(Money::new(value, currency)),
                _ => {
                    error.set(Some(t.amount_unreadable.to_owned()));
                    return;
                }
            }
        };
        let form = Form {
            customer: customer.get_value(),
            invoices: chosen.get_untracked(),
            reason: reason.get_untracked(),
            amount,
            owner: owner.get_untracked(),
        };
        let today = session.today.get_untracked();
        let checked = session
            .portfolio
            .with_untracked(|p| open_dispute(p, today, form));
        save_checked(session, t, checked, error, move || on_done.run(()));
    };
    view! {
        <form class="panel" on:submit=submit>
            <h2>{d.open_dispute}</h2>
            <ChoiceField label=d.open_dispute name="dispute_reason" chosen=reason
                choices=DisputeReason::ALL.map(|r| (r, (d.dispute_reason)(r))).to_vec()/>
            <fieldset class="field">
                <legend>{d.disputed_invoices}</legend>
                {open.into_iter().map(|(id, money)| {
                    let value = id.clone();
                    view! {
                        <label class="check">
                            <input type="checkbox" name="disputed_invoice" value=id.0.to_string() on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                chosen.update(|list| {
                                    list.retain(|i| *i != value);
                                    if on { list.push(value.clone()); }
                                });
                            }/>
                            <span>{format!("{} · {}", id.0, fmt.money(money))}</span>
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <TextField label=d.disputed_amount name="disputed_amount" value=amount/>
            <TextField label=d.owner name="owner" value=owner/>
            <FormEnd error=error on_cancel=on_done/>
        </form>
    }
}
