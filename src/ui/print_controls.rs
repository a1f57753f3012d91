use leptos::prelude::*;

use crate::ui::browser;
use crate::ui::i18n::use_i18n;

/// The sheet a report is laid out for. Letter is the default where Cobranza started
/// (Colombia, Mexico, the United States); most of the rest of the world prints on A4.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Paper {
    #[default]
    Letter,
    A4,
}

impl Paper {
    /// The class that selects the matching named `@page` in the print style sheet.
    pub fn class(self) -> &'static str {
        match self {
            Paper::Letter => "printable paper-letter",
            Paper::A4 => "printable paper-a4",
        }
    }
}

/// A paper choice and a print button; nothing of it appears on the paper.
#[component]
pub fn PrintControls(paper: RwSignal<Paper>) -> impl IntoView {
    let i18n = use_i18n();
    let r = move || i18n.report();
    view! {
        <div class="print-controls no-print">
            <label class="field">
                <span>{move || r().paper}</span>
                <select name="paper" on:change=move |ev| {
                    paper.set(if event_target_value(&ev) == "a4" { Paper::A4 } else { Paper::Letter });
                }>
                    <option value="letter" selected=move || paper.get() == Paper::Letter>{move || r().paper_letter}</option>
                    <option value="a4" selected=move || paper.get() == Paper::A4>{move || r().paper_a4}</option>
                </select>
            </label>
            <button class="print" on:click=move |_| browser::print()>{move || i18n.day().print}</button>
        </div>
    }
}
