use leptos::prelude::*;

use super::i18n::use_i18n;

/// Rows drawn at first, and added by each tap on «Mostrar más». An office's agenda can hold
/// thousands of customers; drawing every row took seconds at a whole company's size, and a
/// collector works from the top of it.
pub const PAGE: usize = 25;

/// The button under a list drawn `shown` rows at a time out of `total`.
#[component]
pub fn ShowMore(shown: RwSignal<usize>, #[prop(into)] total: Signal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    let left = move || total.get().saturating_sub(shown.get());
    view! {
        <Show when=move || { left() > 0 }>
            <button class="link show-more" on:click=move |_| shown.update(|n| *n += PAGE)>
                {move || (i18n.texts().show_more)(PAGE.min(left()), left())}
            </button>
        </Show>
    }
}
