//! The cash receipt ("recibo de caja") of a field payment, with the thank-you: shared as text
//! through the phone's share sheet, WhatsApp or SMS, or printed (the print style sheet shows
//! only the receipt).

use leptos::prelude::*;

use crate::domain::message_template::{MessageKind, MessageValues};
use crate::domain::receipt::Receipt;
use crate::ui::alert::Alert;
use crate::ui::browser;
use crate::ui::i18n::use_i18n;
use crate::ui::message::compose;
use crate::ui::pages::totals_text;
use crate::ui::reach::{reach_links, Reach};
use crate::ui::session::use_session;

#[component]
pub fn ReceiptCard(receipt: Receipt, on_close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let t = i18n.texts();
    let d = i18n.day();
    let fmt = i18n.number_format();
    let found = session.portfolio.with_untracked(|p| {
        let payment = p
            .every_payment()
            .find(|pay| pay.receipt.as_ref() == Some(&receipt))
            .cloned()?;
        let customer = p.customers.get(&payment.customer).cloned()?;
        Some((payment, customer))
    });
    let Some((payment, customer)) = found else {
        return ().into_any();
    };
    let balance = session.accounts.with_untracked(|a| {
        let s = &a.standings;
        s.get(&payment.customer)
            .map(|s| totals_text(&s.balance, fmt))
            .unwrap_or_default()
    });
    let name = if customer.tax_id.is_empty() {
        customer.name.clone()
    } else {
        format!("{} ({})", customer.name, customer.tax_id)
    };
    let thanks = session.outreach.with_untracked(|outreach| {
        let values = MessageValues {
            customer: customer.name.clone(),
            amounts: vec![payment.amount],
            company: outreach.company.clone(),
            collector: session.device_label(),
            payment_methods: outreach.payment_methods.clone(),
            ..MessageValues::default()
        };
        compose(i18n, outreach, MessageKind::ThankYou, &values)
    });
    let lines = vec![
        format!("{} {receipt}", d.receipt_title),
        format!("{}: {name}", d.receipt_customer),
        format!("{}: {}", d.receipt_date, fmt.date(payment.received_on)),
        format!(
            "{}: {} ({})",
            d.receipt_amount,
            fmt.money(payment.amount),
            (t.method_name)(payment.method)
        ),
        format!("{}: {balance}", d.receipt_balance),
        thanks,
    ];
    let text = lines.join("\n");
    let links: Vec<(Reach, String)> = reach_links(&customer, &text)
        .into_iter()
        .filter(|(kind, _)| matches!(kind, Reach::WhatsApp | Reach::Sms))
        .collect();
    let title = StoredValue::new(format!("{} {receipt}", d.receipt_title));
    let shared = StoredValue::new(text);
    let share = move |_| {
        leptos::task::spawn_local(async move {
            let (title, text) = (title.get_value(), shared.get_value());
            if let Err(error) = browser::share_text(&title, &text).await {
                session.alert.set(Some(Alert::NotShared(error)));
            }
        });
    };
    view! {
        <section class="panel receipt" data-receipt=receipt.to_string()>
            {lines.into_iter().enumerate().map(|(i, line)| match i {
                0 => view! { <h2>{line}</h2> }.into_any(),
                5 => view! { <p class="thanks">{line}</p> }.into_any(),
                _ => view! { <p>{line}</p> }.into_any(),
            }).collect_view()}
            <div class="form-buttons no-print">
                <button class="primary" on:click=share>{d.share}</button>
                {links.into_iter().map(|(kind, href)| view! {
                    <a class="button" href=href rel="noopener">{kind.label(t, d)}</a>
                }).collect_view()}
                <button on:click=move |_| browser::print()>{d.print}</button>
                <button class="link" on:click=move |_| on_close.run(())>{d.close}</button>
            </div>
        </section>
    }
    .into_any()
}
