//! A wide table in a box of its own, scrolled sideways on a phone.

use leptos::prelude::*;

/// Focusable, so that a keyboard scrolls it too (WCAG 2.1.1), and a named region, so that a
/// screen reader says which table it is on the way in.
#[component]
pub fn TableScroll(#[prop(into)] label: TextProp, children: Children) -> impl IntoView {
    view! {
        <div class="table-scroll" tabindex="0" role="region" aria-label=label>
            {children()}
        </div>
    }
}
