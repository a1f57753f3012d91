use leptos::prelude::*;

use crate::store::settings::Door;
use crate::ui::browser;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

/// This device found it had been restored from an older copy and took a new id: said at the
/// top of Sincronizar until someone has read it, since its receipts and bundles now carry
/// another device code.
#[component]
pub fn RestoredNoticePanel() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let x = move || i18n.exchange();
    move || {
        session.restored.get().map(|notice| {
            let when = i18n
                .number_format()
                .date_time(browser::local_time_of(notice.at_ms));
            let text = (x().restored_text)(
                notice.moved,
                notice.from_seq,
                notice.door == Door::Server,
                &when,
            );
            view! {
                <section class="panel restored-notice" role="status">
                    <h2>{x().restored_title}</h2>
                    <p>{text}</p>
                    <p class="mono">{(x().restored_ids)(&notice.former, &notice.new)}</p>
                    <button type="button" class="acknowledge-restore"
                        on:click=move |_| session.acknowledge_restore()>
                        {x().restored_acknowledge}
                    </button>
                </section>
            }
        })
    }
}
