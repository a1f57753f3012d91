//! Ajustes → the contact policy: the law the business works under, each rule with its source,
//! every number and hour editable, the debtors' time zone, and the year's holidays.

use chrono::{Datelike, NaiveDate, NaiveTime};
use leptos::prelude::*;

use super::outreach_settings::change_outreach;
use crate::domain::contact_policy::{Preset, Rule, Window};
use crate::domain::holiday::{public_holidays, Country};
use crate::ui::browser;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

#[component]
pub fn PolicySettings() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let o = move || i18n.outreach();
    let policy = move || session.outreach.with(|s| s.policy.clone());
    // A zone being typed that the browser does not know, shown as typed with its error.
    let zone: RwSignal<Option<String>> = RwSignal::new(None);
    let zone_error = RwSignal::new(false);
    let new_holiday = RwSignal::new(String::new());
    let choose_preset = move |ev| {
        let chosen = event_target_value(&ev).parse::<usize>().ok();
        if let Some(preset) = chosen.and_then(|i| Preset::ALL.get(i).copied()) {
            change_outreach(session, move |s| {
                let extra = std::mem::take(&mut s.policy.extra_holidays);
                s.policy = preset.policy();
                s.policy.extra_holidays = extra;
            });
            zone.set(None);
            zone_error.set(false);
        }
    };
    let set_zone = move |ev| {
        let wanted = event_target_value(&ev).trim().to_owned();
        let known = browser::now_in(&wanted).is_some();
        zone_error.set(!known);
        if known {
            zone.set(None);
            change_outreach(session, move |s| s.policy.time_zone = wanted);
        } else {
            zone.set(Some(wanted));
        }
    };
    let choose_country = move |ev| {
        let chosen = event_target_value(&ev).parse::<usize>().ok();
        let country = chosen.and_then(|i| Country::ALL.get(i).copied());
        change_outreach(session, move |s| s.policy.country = country);
    };
    let add_holiday = move |_| {
        if let Ok(day) = NaiveDate::parse_from_str(&new_holiday.get_untracked(), "%Y-%m-%d") {
            change_outreach(session, move |s| {
                if !s.policy.extra_holidays.contains(&day) {
                    s.policy.extra_holidays.push(day);
                    s.policy.extra_holidays.sort();
                }
            });
            new_holiday.set(String::new());
        }
    };
    let holidays = move || {
        let year = session.today.get().year();
        let fmt = i18n.number_format();
        policy()
            .country
            .map(|country| public_holidays(country, year))
            .unwrap_or_default()
            .into_iter()
            .map(|h| view! { <li>{fmt.date(h.date)}" — "{h.name}</li> })
            .collect_view()
    };
    view! {
        <section class="policy-settings">
            <h2>{move || o().policy_title}</h2>
            <fieldset class="company-settings" disabled=move || !session.may_change_company()>
            <label class="field">
                <span>{move || o().preset}</span>
                <select name="policy_preset" on:change=choose_preset>
                    {move || Preset::ALL.into_iter().enumerate().map(|(i, preset)| view! {
                        <option value=i.to_string() selected=move || policy().preset == preset>{(o().preset_name)(preset)}</option>
                    }).collect_view()}
                </select>
            </label>
            <label class="field">
                <span>{move || o().time_zone}</span>
                <input type="text" name="time_zone" prop:value=move || zone.get().unwrap_or_else(|| policy().time_zone) on:change=set_zone/>
            </label>
            <Show when=move || zone_error.get()>
                <p class="status error" role="alert">{move || o().time_zone_unknown}</p>
            </Show>
            <label class="field">
                <span>{move || o().holidays_of}</span>
                <select name="holiday_country" on:change=choose_country>
                    <option value="" selected=move || policy().country.is_none()>{move || o().no_holidays}</option>
                    {move || Country::ALL.into_iter().enumerate().map(|(i, country)| view! {
                        <option value=i.to_string() selected=move || policy().country == Some(country)>{(o().country_name)(country)}</option>
                    }).collect_view()}
                </select>
            </label>
            <ol class="policy-rules">
                {move || policy().rules.into_iter().enumerate().map(|(index, rule)| view! {
                    <li class="policy-rule">
                        <p>{(o().rule_text)(&rule.rule)}</p>
                        <p class="source">{o().source}": "{rule.source.clone()}</p>
                        <RuleEditor index=index rule=rule.rule/>
                    </li>
                }).collect_view()}
            </ol>
            <h3>{move || o().extra_holidays}</h3>
            <ul class="extra-holidays">
                {move || policy().extra_holidays.into_iter().map(|day| view! {
                    <li>
                        {i18n.number_format().date(day)}
                        <button type="button" class="link" on:click=move |_| change_outreach(session, move |s| s.policy.extra_holidays.retain(|d| *d != day))>{o().remove}</button>
                    </li>
                }).collect_view()}
            </ul>
            <div class="inline-add">
                <input type="date" name="extra_holiday" aria-label=move || o().extra_holidays prop:value=move || new_holiday.get() on:input=move |ev| new_holiday.set(event_target_value(&ev))/>
                <button type="button" on:click=add_holiday>{move || o().add_date}</button>
            </div>
            <details class="holidays">
                <summary>{move || (o().holidays_this_year)(session.today.get().year())}</summary>
                <ul>{holidays}</ul>
            </details>
            <button type="button" class="link" on:click=move |_| {
                let preset = session.outreach.with_untracked(|s| s.policy.preset);
                change_outreach(session, move |s| s.policy = preset.policy());
                zone.set(None);
                zone_error.set(false);
            }>{move || o().restore_law}</button>
            </fieldset>
        </section>
    }
}

/// The numbers and hours of one rule, each saved as soon as it is changed.
#[component]
fn RuleEditor(index: usize, rule: Rule) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let o = i18n.outreach();
    let edit = move |f: Box<dyn FnOnce(&mut Rule)>| {
        change_outreach(session, move |s| {
            if let Some(rule) = s.policy.rules.get_mut(index) {
                f(&mut rule.rule);
            }
        });
    };
    let number = move |ev: leptos::ev::Event| {
        event_target_value(&ev)
            .parse::<u32>()
            .ok()
            .filter(|n| *n > 0)
    };
    match rule {
        Rule::Hours { week, .. } => view! {
            <ul class="week-hours">
                    {week.into_iter().enumerate().map(|(day, window)| {
                        let from = window.map(|w| w.from.format("%H:%M").to_string()).unwrap_or_default();
                        let until = window.map(|w| w.until.format("%H:%M").to_string()).unwrap_or_default();
                        let set_day = move |from: Option<String>, until: Option<String>| {
                            edit(Box::new(move |rule| {
                                if let Rule::Hours { week, .. } = rule {
                                    let current = week[day];
                                    let parse = |t: Option<String>, old: Option<NaiveTime>| {
                                        t.and_then(|t| NaiveTime::parse_from_str(&t, "%H:%M").ok()).or(old)
                                    };
                                    let from = parse(from, current.map(|w| w.from));
                                    let until = parse(until, current.map(|w| w.until));
                                    week[day] = match (from, until) {
                                        (Some(from), Some(until)) if from < until => Some(Window { from, until }),
                                        _ => None,
                                    };
                                }
                            }));
                        };
                        view! {
                            <li>
                                <span class="weekday">{o.weekdays[day]}</span>
                                <input type="time" name=format!("from_{day}") value=from aria-label=o.weekdays[day]
                                    on:change=move |ev| set_day(Some(event_target_value(&ev)), None)/>
                                <input type="time" name=format!("until_{day}") value=until aria-label=o.weekdays[day]
                                    on:change=move |ev| set_day(None, Some(event_target_value(&ev)))/>
                                {window.is_none().then_some(view! { <span class="closed">{o.closed}</span> })}
                            </li>
                        }
                    }).collect_view()}
            </ul>
        }
        .into_any(),
        Rule::Cap { max, days, .. } => view! {
            <div class="rule-numbers">
                <label class="field"><span>{o.maximum}</span>
                    <input type="number" min="1" name=format!("max_{index}") value=max.to_string() on:change=move |ev| if let Some(n) = number(ev) {
                        edit(Box::new(move |rule| if let Rule::Cap { max, .. } = rule { *max = n }));
                    }/></label>
                <label class="field"><span>{o.days}</span>
                    <input type="number" min="1" name=format!("days_{index}") value=days.to_string() on:change=move |ev| if let Some(n) = number(ev) {
                        edit(Box::new(move |rule| if let Rule::Cap { days, .. } = rule { *days = n }));
                    }/></label>
            </div>
        }
        .into_any(),
        Rule::Spacing { days, .. } | Rule::PauseAfterConversation { days, .. } => view! {
            <div class="rule-numbers">
                <label class="field"><span>{o.days}</span>
                    <input type="number" min="1" name=format!("days_{index}") value=days.to_string() on:change=move |ev| if let Some(n) = number(ev) {
                        edit(Box::new(move |rule| match rule {
                            Rule::Spacing { days, .. } | Rule::PauseAfterConversation { days, .. } => *days = n,
                            _ => {}
                        }));
                    }/></label>
            </div>
        }
        .into_any(),
        Rule::NoHolidays { .. }
        | Rule::AuthorizedChannelsOnly
        | Rule::DebtorOnly
        | Rule::ConsumerVisits => ().into_any(),
    }
}
