use leptos::prelude::*;
use leptos_router::components::A;

use super::totals_text;
use crate::domain::cash_close::cash_close;
use crate::domain::customer::CustomerId;
use crate::ui::browser;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;
use crate::ui::table_scroll::TableScroll;

/// Cierre de caja: today's receipts of this device by method, voids listed, and the cash the
/// collector hands over. Printable, like a receipt.
#[component]
pub fn CashClosePage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let close = Memo::new(move |_| {
        let issuer = session
            .device
            .with(|d| d.as_ref().map(|d| d.id.0.clone()))
            .unwrap_or_default();
        let today = session.today.get();
        session.portfolio.with(|p| cash_close(p, &issuer, today))
    });
    let names = move |id: &CustomerId| {
        session
            .portfolio
            .with(|p| p.customers.get(id).map(|c| c.name.clone()))
            .unwrap_or_default()
    };
    let t = move || i18n.texts();
    let d = move || i18n.day();
    let fmt = move || i18n.number_format();
    view! {
        <A href="/" attr:class="back no-print">{move || format!("← {}", t().nav_today)}</A>
        <section class="cash-close">
            <h1>{move || d().cash_close}" · "{move || fmt().date(session.today.get())}</h1>
            <p>{move || close.with(|c| format!("{} · {}", (d().receipts_issued)(c.receipts.len()), (d().voided_receipts)(c.voided)))}</p>
            <dl class="cards">
                <div class="card wide">
                    <dt>{move || d().cash_to_hand_over}</dt>
                    <dd class="amount" data-figure="cash">{move || close.with(|c| totals_text(&c.cash, fmt()))}</dd>
                </div>
                <div class="card wide">
                    <dt>{move || d().collected}</dt>
                    <dd class="amount" data-figure="collected">{move || close.with(|c| totals_text(&c.collected, fmt()))}</dd>
                </div>
            </dl>
            <Show when=move || close.with(|c| c.receipts.is_empty())>
                <p class="empty">{move || d().no_receipts}</p>
            </Show>
            <h2>{move || d().by_method}</h2>
            <table class="by-method">
                <tbody>
                    {move || close.get().by_method.into_iter().map(|(method, totals)| view! {
                        <tr><th>{(t().method_name)(method)}</th><td class="amount">{totals_text(&totals, fmt())}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <TableScroll label=move || d().by_method>
            <table class="receipts">
                <tbody>
                    {move || close.get().receipts.into_iter().map(|line| view! {
                        <tr class:voided=line.voided.is_some() data-receipt=line.receipt.to_string()>
                            <td>{line.receipt.to_string()}</td>
                            <td>{names(&line.customer)}</td>
                            <td>{(t().method_name)(line.method)}</td>
                            <td class="amount">{fmt().money(line.amount)}</td>
                            <td>{line.voided.as_deref().map(d().timeline_void)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            </TableScroll>
            <button class="no-print" on:click=move |_| browser::print()>{move || d().print}</button>
        </section>
    }
}
