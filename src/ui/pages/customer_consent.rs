//! The channels a customer authorized: a collector records "no me escriban por WhatsApp" in
//! one tap, and every contact button honours it from then on, on every device that syncs.

use leptos::prelude::*;

use crate::domain::contact::Channel;
use crate::domain::customer::CustomerId;
use crate::sync::collection_edit::set_channel_consent;
use crate::ui::forms::save_checked;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

const CHANNELS: [Channel; 5] = [
    Channel::Call,
    Channel::WhatsApp,
    Channel::Sms,
    Channel::Email,
    Channel::Visit,
];

#[component]
pub fn ChannelConsents(customer: CustomerId) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let customer = StoredValue::new(customer);
    let error = RwSignal::new(None::<String>);
    let revoked = Memo::new(move |_| {
        session
            .portfolio
            .with(|p| p.revoked_channels.get(&customer.get_value()).cloned())
            .unwrap_or_default()
    });
    let toggle = move |channel: Channel, revoke: bool| {
        let today = session.today.get_untracked();
        let checked = session.portfolio.with_untracked(|p| {
            set_channel_consent(p, today, &customer.get_value(), channel, revoke)
        });
        save_checked(session, i18n.texts(), checked, error, || ());
    };
    let o = move || i18n.outreach();
    view! {
        <section class="consents">
            <h2>{move || o().channels_title}</h2>
            <ul class="consent-list">
                {move || {
                    let d = i18n.day();
                    let o = o();
                    let fmt = i18n.number_format();
                    CHANNELS.into_iter().map(|channel| {
                        let since = revoked.with(|r| r.get(&channel).copied());
                        let state = since.map_or(o.channel_authorized.to_owned(), |day| (o.channel_revoked_since)(&fmt.date(day)));
                        let action = if since.is_some() { o.authorize_again } else { o.revoke };
                        view! {
                            <li class:revoked=since.is_some() data-channel=format!("{channel:?}")>
                                <span>{(d.channel_name)(channel)}</span>
                                <span class="consent-state">{state}</span>
                                <button type="button" class="link" disabled=move || session.busy.get()
                                    on:click=move |_| toggle(channel, since.is_none())>{action}</button>
                            </li>
                        }
                    }).collect_view()
                }}
            </ul>
            {move || error.get().map(|m| view! { <p class="status error" role="alert">{m}</p> })}
        </section>
    }
}
