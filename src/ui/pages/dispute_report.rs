use leptos::prelude::*;

use super::totals_text;
use crate::domain::dispute_report::disputes_by_reason;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;
use crate::ui::table_scroll::TableScroll;

/// Disputes grouped by reason, so management can fix the cause rather than chase the symptom.
#[component]
pub fn DisputeReport() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let lines = Memo::new(move |_| session.portfolio.with(disputes_by_reason));
    let d = move || i18n.day();
    view! {
        <section class="dispute-report">
            <h2>{move || d().disputes_by_reason}</h2>
            <Show
                when=move || lines.with(|l| !l.is_empty())
                fallback=move || view! { <p class="empty">{move || d().no_disputes}</p> }
            >
                <TableScroll label=move || d().disputes_by_reason>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.texts().reason}</th>
                            <th scope="col">{move || d().open_count}</th>
                            <th scope="col">{move || d().resolved_count}</th>
                            <th scope="col">{move || d().amount_in_dispute}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || lines.get().into_iter().map(|(reason, line)| view! {
                            <tr>
                                <th scope="row">{(d().dispute_reason)(reason)}</th>
                                <td>{line.open}</td>
                                <td>{line.resolved}</td>
                                <td class="amount">{totals_text(&line.open_amount, i18n.number_format())}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
                </TableScroll>
            </Show>
        </section>
    }
}
