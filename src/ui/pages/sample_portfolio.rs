use leptos::prelude::*;

use crate::sync::sample_portfolio::PortfolioSize;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;
use crate::ui::write_progress::WriteProgress;

/// Ajustes → a generated portfolio of a whole company's size in place of the demonstration,
/// offered only while the device holds the demonstration.
#[component]
pub fn SamplePortfolioPanel() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let t = move || i18n.texts();
    let size = RwSignal::new(PortfolioSize::L);
    let is_demo = move || session.device.with(|d| d.as_ref().is_some_and(|d| d.demo));
    view! {
        <Show when=is_demo>
            <section class="sample-portfolio">
                <h2>{move || t().sample_title}</h2>
                <p class="hint">{move || t().sample_intro}</p>
                <label for="sample-size">{move || t().sample_size}</label>
                <select
                    id="sample-size"
                    on:change=move |ev| {
                        let chosen = event_target_value(&ev);
                        if let Some(found) = PortfolioSize::ALL
                            .into_iter()
                            .find(|s| s.name() == chosen)
                        {
                            size.set(found);
                        }
                    }
                >
                    {PortfolioSize::ALL
                        .into_iter()
                        .enumerate()
                        .map(|(i, s)| {
                            view! {
                                <option value=s.name() selected=move || size.get() == s>
                                    {move || t().sample_sizes[i]}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
                <button
                    disabled=move || session.busy.get()
                    on:click=move |_| session.load_sample(size.get_untracked())
                >
                    {move || t().sample_load}
                </button>
                <Show when=move || session.busy.get() && session.progress.with(Option::is_none)>
                    <p role="status" class="sample-loading">
                        <progress></progress>
                        {move || t().sample_loading}
                    </p>
                </Show>
                <WriteProgress/>
            </section>
        </Show>
    }
}
