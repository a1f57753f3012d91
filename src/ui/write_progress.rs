use leptos::prelude::*;

use super::i18n::use_i18n;
use super::session::use_session;

/// A bar while many operations are being written, so that a 50,000-operation import or a
/// sample portfolio is seen to move instead of looking stuck.
#[component]
pub fn WriteProgress() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    move || {
        session.progress.get().map(|(written, total)| {
            view! {
                <p class="write-progress" role="status">
                    <progress max=total value=written></progress>
                    {(i18n.texts().saving_ops)(written, total)}
                </p>
            }
        })
    }
}
