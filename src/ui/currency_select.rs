use leptos::prelude::*;

use crate::domain::money::Currency;

/// The currencies of the region the app is sold in, offered wherever one is chosen.
const CURRENCIES: [&str; 9] = [
    "COP", "USD", "MXN", "CLP", "PEN", "ARS", "EUR", "VES", "BOB",
];

#[component]
pub fn CurrencySelect(label: &'static str, value: RwSignal<Currency>) -> impl IntoView {
    view! {
        <label class="field">
            <span>{label}</span>
            <select name="currency" on:change=move |ev| {
                if let Ok(currency) = Currency::parse(&event_target_value(&ev)) {
                    value.set(currency);
                }
            }>
                {CURRENCIES.into_iter().map(|code| view! {
                    <option value=code selected=value.get_untracked().code() == code>{code}</option>
                }).collect_view()}
            </select>
        </label>
    }
}
