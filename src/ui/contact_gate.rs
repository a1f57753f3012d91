//! The buttons that reach a customer, each asked of the contact policy first: an allowed one
//! opens the phone's app; a blocked one says why, under which law, and from when it is
//! allowed. A collector may still go ahead with a typed reason, which is recorded with the
//! contact; a channel the customer revoked stays closed.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDateTime};
use leptos::prelude::*;

use crate::domain::contact::{Channel, Contact};
use crate::domain::contact_policy::{Block, Detail, Verdict, FAILED_ATTEMPTS_BEFORE_VISIT};
use crate::domain::customer::{Customer, CustomerId};
use crate::ui::browser;
use crate::ui::i18n::use_i18n;
use crate::ui::reach::{reach_links, Reach};
use crate::ui::session::use_session;

/// A contact a person is about to make: the channel and, when the policy said no, why they
/// went ahead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attempt {
    pub channel: Channel,
    pub policy_override: Option<String>,
}

#[component]
pub fn ContactGate(
    id: CustomerId,
    customer: Customer,
    /// The contacts with this customer, which the policy counts.
    #[prop(into)]
    contacts: Signal<Vec<Contact>>,
    /// The text WhatsApp, SMS and e-mail carry.
    #[prop(into)]
    message: Signal<String>,
    /// Only the written channels, for a reminder.
    #[prop(optional)]
    written_only: bool,
    /// Offers the phone's share sheet too, under this title, when every written channel is
    /// allowed; what the person picks there is confirmed afterwards.
    #[prop(optional)]
    share_title: Option<String>,
    on_attempt: Callback<Attempt>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let id = StoredValue::new(id);
    let reason = RwSignal::new(String::new());
    let overriding = RwSignal::new(false);
    let customer = StoredValue::new(customer);
    let verdicts = Memo::new(move |_| {
        let now = session.debtor_now.get().unwrap_or_else(browser::local_now);
        session.outreach.with(|outreach| {
            let revoked = session.portfolio.with(|p| p.revoked(&id.get_value()));
            contacts.with(|contacts| {
                let contacts: Vec<&Contact> = contacts.iter().collect();
                Channel::ALL
                    .into_iter()
                    .map(|channel| {
                        let verdict = customer.with_value(|debtor| {
                            outreach
                                .policy
                                .check(channel, now, debtor, &contacts, &revoked)
                        });
                        (channel, verdict)
                    })
                    .collect::<BTreeMap<Channel, Verdict>>()
            })
        })
    });
    let blocked = move |channel: Channel| -> Option<Block> {
        verdicts.with(|v| match v.get(&channel) {
            Some(Verdict::Blocked(block)) => Some(block.clone()),
            _ => None,
        })
    };
    let links = move || {
        let text = message.get();
        reach_links(&customer.get_value(), &text)
            .into_iter()
            .filter_map(|(kind, href)| {
                let channel = match kind {
                    Reach::Call => Channel::Call,
                    Reach::WhatsApp => Channel::WhatsApp,
                    Reach::Sms => Channel::Sms,
                    Reach::Email => Channel::Email,
                    Reach::Map => return (!written_only).then_some((kind, href, None)),
                };
                (!written_only || channel != Channel::Call).then_some((kind, href, Some(channel)))
            })
            .collect::<Vec<_>>()
    };
    let buttons = move || {
        let t = i18n.texts();
        let d = i18n.day();
        let override_reason = reason.get().trim().to_owned();
        links()
            .into_iter()
            .map(|(kind, href, channel)| {
                let block = channel.and_then(blocked);
                let revoked = block.as_ref().is_some_and(|b| b.detail == Detail::ChannelRevoked);
                let open = block.is_none() || (!override_reason.is_empty() && !revoked);
                let label = kind.label(t, d);
                if !open {
                    return view! {
                        <button type="button" class="button blocked" disabled=true data-reach=format!("{kind:?}")>{label}</button>
                    }
                    .into_any();
                }
                let policy_override = block.is_some().then(|| override_reason.clone());
                view! {
                    <a class="button" href=href rel="noopener" data-reach=format!("{kind:?}")
                        on:click=move |_| if let Some(channel) = channel {
                            on_attempt.run(Attempt { channel, policy_override: policy_override.clone() });
                        }>
                        {label}
                    </a>
                }
                .into_any()
            })
            .collect_view()
    };
    let explanation = move || {
        let o = i18n.outreach();
        let d = i18n.day();
        let fmt = i18n.number_format();
        let when = |moment: NaiveDateTime| {
            let weekday = o.weekdays[moment.weekday().num_days_from_monday() as usize];
            format!("{weekday} {}", fmt.date_time(moment))
        };
        let mut groups: Vec<(Block, Vec<&'static str>)> = Vec::new();
        for (_, _, channel) in links() {
            let Some(channel) = channel else { continue };
            let Some(block) = blocked(channel) else {
                continue;
            };
            let name = (d.channel_name)(channel);
            match groups.iter_mut().find(|(b, _)| *b == block) {
                Some((_, names)) => names.push(name),
                None => groups.push((block, vec![name])),
            }
        }
        if groups.is_empty() {
            return None;
        }
        let policy = session.outreach.with(|o| o.policy.clone());
        let lines = groups
            .into_iter()
            .map(|(block, names)| {
                let source = block
                    .rule
                    .and_then(|index| policy.rules.get(index))
                    .map(|rule| format!(" · {}: {}", o.source, rule.source))
                    .unwrap_or_default();
                let next = match (&block.detail, block.next_allowed) {
                    (_, Some(moment)) => (o.allowed_from)(&when(moment)),
                    (Detail::VisitToConsumer { .. }, None) => {
                        (o.visit_opens)(FAILED_ATTEMPTS_BEFORE_VISIT)
                    }
                    (_, None) => o.until_authorized.to_owned(),
                };
                view! {
                    <li>
                        <strong>{names.join(", ")}</strong>": "{(o.detail)(&block.detail, fmt)}{source}
                        <br/><span class="next-allowed">{next}</span>
                    </li>
                }
            })
            .collect_view();
        let now = session
            .debtor_now
            .get()
            .map(|moment| (o.debtor_time)(&when(moment)));
        Some(view! {
            <div class="policy-block" role="note">
                <p><strong>{o.blocked}</strong>{now.map(|n| format!(" · {n}"))}</p>
                <ul>{lines}</ul>
                <Show
                    when=move || overriding.get()
                    fallback=move || view! {
                        <button type="button" class="link override" on:click=move |_| overriding.set(true)>{o.override_contact}</button>
                    }
                >
                    <label class="field">
                        <span>{o.override_reason}</span>
                        <input type="text" name="override_reason" prop:value=move || reason.get()
                            on:input=move |ev| reason.set(event_target_value(&ev))/>
                    </label>
                    <p class="hint">{o.override_note}</p>
                </Show>
            </div>
        })
    };
    let share = move || {
        let title = share_title.clone()?;
        let override_reason = reason.get().trim().to_owned();
        let written = [Channel::WhatsApp, Channel::Sms, Channel::Email];
        let any_blocked = written.into_iter().any(|c| blocked(c).is_some());
        if any_blocked && override_reason.is_empty() {
            return None;
        }
        let policy_override = any_blocked.then_some(override_reason);
        let text = message.get();
        Some(view! {
            <button type="button" class="button" data-reach="Share" on:click=move |_| {
                let (title, text) = (title.clone(), text.clone());
                let attempt = Attempt { channel: Channel::WhatsApp, policy_override: policy_override.clone() };
                leptos::task::spawn_local(async move {
                    if browser::share_text(&title, &text).await == Ok(true) {
                        on_attempt.run(attempt);
                    }
                });
            }>{i18n.outreach().share}</button>
        })
    };
    view! {
        <div class="contact-buttons">{buttons}{share}</div>
        {explanation}
    }
}
