use leptos::prelude::*;

use crate::store::settings::Door;
use crate::ui::browser;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

/// A second version of an operation this device holds was refused: said at the top of
/// Sincronizar, on every visit, until someone says they are looking into it.
#[component]
pub fn IntegrityAlarmPanel() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let x = move || i18n.exchange();
    move || {
        session.integrity.get().map(|alarm| {
            let when = i18n
                .number_format()
                .date_time(browser::local_time_of(alarm.at_ms));
            let who = alarm.label.clone().unwrap_or_else(|| alarm.device.clone());
            let text = if alarm.forged {
                x().integrity_forged_text
            } else {
                x().integrity_text
            }(&who, alarm.seq, alarm.door == Door::Server, &when);
            view! {
                <section class="panel integrity-alarm" role="alert">
                    <h2>{x().integrity_title}</h2>
                    <p>{text}</p>
                    <p class="mono">{alarm.device.clone()}</p>
                    <button type="button" class="acknowledge-integrity"
                        on:click=move |_| session.acknowledge_integrity_alarm()>
                        {x().integrity_acknowledge}
                    </button>
                </section>
            }
        })
    }
}
