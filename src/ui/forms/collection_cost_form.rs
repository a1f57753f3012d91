use leptos::prelude::*;

use super::{date_text, read_amount, read_date, save_checked, FormEnd, TextField};
use crate::domain::customer::CustomerId;
use crate::domain::money::{Currency, Money};
use crate::sync::charge::record_collection_cost;
use crate::ui::currency_select::CurrencySelect;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

/// Records a documented cost of collecting from the customer, which they then owe as an
/// invoice of its own.
#[component]
pub fn CollectionCostForm(
    customer: CustomerId,
    currency: Currency,
    on_done: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let c = i18n.credit();
    let today = session.today.get_untracked();
    let amount = RwSignal::new(String::new());
    let currency = RwSignal::new(currency);
    let incurred = RwSignal::new(date_text(today));
    let reason = RwSignal::new(String::new());
    let error = RwSignal::new(None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = i18n.texts();
        let Some(on) = read_date(&incurred.get_untracked()) else {
            error.set(Some(t.date_unreadable.to_owned()));
            return;
        };
        let Some(value) = read_amount(&amount.get_untracked()) else {
            error.set(Some(t.amount_unreadable.to_owned()));
            return;
        };
        let device = session.device_id_untracked();
        let checked = session.portfolio.with_untracked(|p| {
            record_collection_cost(
                p,
                today,
                &device,
                &customer,
                Money::new(value, currency.get_untracked()),
                on,
                &reason.get_untracked(),
            )
        });
        save_checked(session, t, checked, error, move || on_done.run(()));
    };
    view! {
        <form class="panel collection-cost" on:submit=submit>
            <h2>{c.cost_title}</h2>
            <p class="hint">{c.cost_hint}</p>
            <TextField label=c.cost_amount name="amount" value=amount required=true/>
            <CurrencySelect label=i18n.texts().currency value=currency/>
            <TextField label=c.cost_day name="incurred_on" value=incurred kind="date" required=true/>
            <TextField label=c.cost_reason name="reason" value=reason required=true/>
            <FormEnd error=error on_cancel=on_done/>
        </form>
    }
}
