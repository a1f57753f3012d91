//! Ajustes → who sets the company's settings: this device's role, who changed them last,
//! what each change changed, and the aging buckets every report uses.

use leptos::prelude::*;

use crate::domain::aging::AgingBuckets;
use crate::ui::browser;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

/// This device's role and what it means for the settings below.
#[component]
pub fn CompanyStanding() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let o = move || i18n.outreach();
    let role = move || {
        let me = session.device.get().map(|d| d.id)?;
        Some(session.company.with(|c| c.roles.of(&me)))
    };
    let note = move || {
        let me = session.device.get().map(|d| d.id)?;
        let text = session.company.with(|company| {
            if company.roles.is_office(&me) {
                o().company_is_office.to_owned()
            } else if session.may_change_company() {
                o().company_will_be_office.to_owned()
            } else if let Some(last) = company.last_change() {
                let when = i18n
                    .number_format()
                    .date_time(browser::local_time_of(last.at.wall_ms));
                (o().company_set_by_office)(&session.label_of(&last.at.device), &when)
            } else {
                o().company_awaits_office.to_owned()
            }
        });
        Some(text)
    };
    view! {
        <dl class="facts company-role">
            <dt>{move || o().this_device_role}</dt>
            <dd>{move || role().map(|role| (o().role_name)(role))}</dd>
        </dl>
        <p class="hint company-standing">{note}</p>
    }
}

/// Every change to the company's settings that took effect, newest first.
#[component]
pub fn SettingsHistory() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let o = move || i18n.outreach();
    let changes = move || {
        let format = i18n.number_format();
        session.company.with(|company| {
            company
                .history
                .iter()
                .rev()
                .map(|change| {
                    let what: Vec<String> = change
                        .fields
                        .iter()
                        .map(|f| (o().setting_field)(*f))
                        .collect();
                    (o().settings_change)(
                        &session.label_of(&change.at.device),
                        &format.date_time(browser::local_time_of(change.at.wall_ms)),
                        &what.join(", "),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <details class="settings-history">
            <summary>{move || o().settings_history}</summary>
            {move || {
                let changes = changes();
                if changes.is_empty() {
                    view! { <p class="hint">{o().settings_history_empty}</p> }.into_any()
                } else {
                    view! {
                        <ol>{changes.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}</ol>
                    }.into_any()
                }
            }}
        </details>
    }
}

/// The aging buckets' limits, as a person writes them: «0, 30, 60, 90, 120».
#[component]
pub fn AgingBucketsSetting() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let o = move || i18n.outreach();
    let invalid = RwSignal::new(false);
    let written = move || {
        session.company.with(|c| {
            c.settings
                .aging
                .limits()
                .iter()
                .map(i64::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        })
    };
    let change = move |ev| {
        let limits: Option<Vec<i64>> = event_target_value(&ev)
            .split(',')
            .map(|part| part.trim().parse().ok())
            .collect();
        match limits.and_then(AgingBuckets::new) {
            Some(aging) => {
                invalid.set(false);
                session.change_company(move |c| c.aging = aging);
            }
            None => invalid.set(true),
        }
    };
    view! {
        <label class="field">
            <span>{move || o().aging_buckets}</span>
            <input type="text" name="aging_buckets" inputmode="numeric" prop:value=written on:change=change/>
        </label>
        <p class="hint">{move || o().aging_buckets_hint}</p>
        <Show when=move || invalid.get()>
            <p class="status error" role="alert">{move || o().aging_buckets_invalid}</p>
        </Show>
    }
}
