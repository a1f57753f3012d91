use chrono::NaiveDate;
use leptos::prelude::*;

use crate::sync::csv::date::{parse_date, DateFormat};

/// A labelled date picker bound to `date`; a half-typed date leaves `date` as it was.
#[component]
pub fn DateField<L>(name: &'static str, label: L, date: RwSignal<NaiveDate>) -> impl IntoView
where
    L: Fn() -> &'static str + Send + Sync + 'static,
{
    view! {
        <label class="field">
            <span>{label}</span>
            <input
                type="date"
                name=name
                prop:value=move || date.get().to_string()
                on:change=move |ev| {
                    if let Ok(day) = parse_date(&event_target_value(&ev), DateFormat::Iso) {
                        date.set(day);
                    }
                }
            />
        </label>
    }
}
