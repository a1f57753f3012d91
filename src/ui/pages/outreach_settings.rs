//! Ajustes → reminders and contact: who signs the messages, how customers can pay, the reminder
//! steps, and each message's wording with a live preview on a real customer.

use leptos::prelude::*;

use super::company_standing::{AgingBucketsSetting, CompanyStanding, SettingsHistory};
use super::interest_settings::LateInterestSettings;
use super::minimum_wage_settings::MinimumWageSettings;
use super::policy_settings::PolicySettings;
use crate::domain::contact::Objective;
use crate::domain::late_interest::interest_owed;
use crate::domain::message_template::{render, threatening_words, MessageKind, MessageValues};
use crate::domain::outreach::OutreachSettings;
use crate::domain::reminder::open_items;
use crate::ui::i18n::{use_i18n, OutreachTexts};
use crate::ui::session::{use_session, Session};

/// Saves a change to the company's outreach settings, for every device.
pub fn change_outreach(session: Session, change: impl FnOnce(&mut OutreachSettings) + 'static) {
    session.change_company(move |company| change(&mut company.outreach));
}

#[component]
pub fn OutreachSettingsPanel() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let o = move || i18n.outreach();
    let text_setting = move |label: fn(&OutreachTexts) -> &'static str,
                             name: &'static str,
                             read: fn(&OutreachSettings) -> String,
                             write: fn(&mut OutreachSettings, String)| {
        view! {
            <label class="field">
                <span>{move || label(i18n.outreach())}</span>
                <input type="text" name=name prop:value=move || session.outreach.with(read)
                    on:change=move |ev| {
                        let value = event_target_value(&ev).trim().to_owned();
                        change_outreach(session, move |s| write(s, value));
                    }/>
            </label>
        }
    };
    // One real customer for every template's preview, worked out once for all of them.
    let sample = Memo::new(move |_| {
        let today = session.today.get();
        session.portfolio.with(|p| {
            let (customer, items) = open_items(p, today).into_iter().next()?;
            let name = p.customers.get(&customer)?.name.clone();
            let mut values = session
                .outreach
                .with(|s| s.asking(&name, &items, &session.device_label(), today));
            values.interest = session.company.with(|c| {
                let own = p.of_customer(&customer);
                interest_owed(&own, &customer, today, c.settings.interest_terms())
            });
            Some(values)
        })
    });
    let steps = move || {
        let mut steps = session.outreach.with(|s| s.reminders.steps.clone());
        steps.sort_unstable();
        steps
    };
    view! {
        <section class="outreach-settings">
            <h2>{move || o().outreach_title}</h2>
            <CompanyStanding/>
            <fieldset class="company-settings" disabled=move || !session.may_change_company()>
            {text_setting(|o| o.company, "company", |s| s.company.clone(), |s, v| s.company = v)}
            {text_setting(|o| o.payment_methods, "payment_methods", |s| s.payment_methods.clone(), |s, v| s.payment_methods = v)}
            {text_setting(|o| o.company_tax_id, "company_tax_id", |s| s.company_tax_id.clone(), |s, v| s.company_tax_id = v)}
            {text_setting(|o| o.company_address, "company_address", |s| s.company_address.clone(), |s, v| s.company_address = v)}
            <h3>{move || o().reminder_steps}</h3>
            <ul class="reminder-steps">
                {move || steps().into_iter().map(|step| view! {
                    <li>
                        <label class="field">
                            <span>{o().step_days}</span>
                            <input type="number" name="reminder_step" value=step.to_string() on:change=move |ev| {
                                if let Ok(days) = event_target_value(&ev).parse::<i32>() {
                                    change_outreach(session, move |s| {
                                        s.reminders.steps.retain(|d| *d != step && *d != days);
                                        s.reminders.steps.push(days);
                                        if let Some(own) = s.template(MessageKind::Reminder(step)).map(str::to_owned) {
                                            s.set_template(MessageKind::Reminder(step), None);
                                            s.set_template(MessageKind::Reminder(days), Some(own));
                                        }
                                    });
                                }
                            }/>
                        </label>
                        <button type="button" class="link" on:click=move |_| change_outreach(session, move |s| s.reminders.steps.retain(|d| *d != step))>{o().remove}</button>
                    </li>
                }).collect_view()}
            </ul>
            <button type="button" on:click=move |_| change_outreach(session, move |s| {
                let next = s.reminders.steps.iter().max().map_or(0, |m| m + 7);
                s.reminders.steps.push(next);
            })>{move || o().add_step}</button>
            <label class="check">
                <input type="checkbox" name="consolidated" prop:checked=move || session.outreach.with(|s| s.reminders.consolidated)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        change_outreach(session, move |s| s.reminders.consolidated = on);
                    }/>
                <span>{move || o().consolidated}</span>
            </label>
            <h3>{move || o().templates_title}</h3>
            <p class="hint">{move || o().placeholders_help}</p>
            {move || {
                let mut kinds: Vec<MessageKind> = steps().into_iter().map(MessageKind::Reminder).collect();
                kinds.push(MessageKind::Statement);
                kinds.push(MessageKind::ThankYou);
                kinds.push(MessageKind::Recognition);
                kinds.extend(Objective::ALL.map(MessageKind::Objective));
                kinds.into_iter().map(|kind| view! { <TemplateEditor kind=kind sample=sample/> }).collect_view()
            }}
            <AgingBucketsSetting/>
            <LateInterestSettings/>
            <MinimumWageSettings/>
            </fieldset>
        </section>
        <PolicySettings/>
        <SettingsHistory/>
    }
}

/// One template: its text, what it gives for a real customer, and what is wrong with it.
#[component]
fn TemplateEditor(kind: MessageKind, sample: Memo<Option<MessageValues>>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let o = move || i18n.outreach();
    // What is being typed, previewed before it is saved on leaving the field.
    let draft: RwSignal<Option<String>> = RwSignal::new(None);
    let text = Memo::new(move |_| {
        draft.get().unwrap_or_else(|| {
            session
                .outreach
                .with(|s| s.template(kind).map(str::to_owned))
                .unwrap_or_else(|| (o().default_template)(kind).to_owned())
        })
    });
    let preview = move || {
        let values = sample.get().unwrap_or_default();
        render(&text.get(), &values, i18n.number_format())
    };
    let threats = move || {
        let words = threatening_words(&text.get());
        (!words.is_empty()).then(|| (o().threat_warning)(&words.join(", ")))
    };
    view! {
        <details class="template" data-kind=format!("{kind:?}")>
            <summary>{move || (o().kind_name)(kind)}</summary>
            <textarea rows="4" name="template" prop:value=move || text.get()
                on:change=move |ev| {
                    let wanted = event_target_value(&ev);
                    draft.set(None);
                    change_outreach(session, move |s| s.set_template(kind, Some(wanted)));
                }
                on:input=move |ev| draft.set(Some(event_target_value(&ev)))></textarea>
            <p class="preview-label">{move || o().preview}</p>
            {move || match preview() {
                Ok(message) => view! { <p class="message-preview">{message}</p> }.into_any(),
                Err(problem) => view! { <p class="status error" role="alert">{(o().template_problem)(&problem)}</p> }.into_any(),
            }}
            {move || threats().map(|w| view! { <p class="status warning" role="alert">{w}</p> })}
            <button type="button" class="link" on:click=move |_| change_outreach(session, move |s| s.set_template(kind, None))>{move || o().restore_default}</button>
        </details>
    }
}
