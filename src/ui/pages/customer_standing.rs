//! What holds a customer's collection back or reshapes it: open disputes, with the button that
//! resolves them, and the payment plan in force, instalment by instalment.

use leptos::prelude::*;

use crate::domain::customer::CustomerId;
use crate::domain::money::Money;
use crate::domain::plan_progress::InstallmentState;
use crate::domain::portfolio::Portfolio;
use crate::sync::collection_edit::resolve_dispute;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

#[component]
pub fn OpenDisputes(
    customer: CustomerId,
    /// The customer's own records (`Portfolio::of_customer`).
    records: Memo<Portfolio>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let customer = StoredValue::new(customer);
    let disputes = Memo::new(move |_| {
        records.with(|p| {
            p.disputes
                .iter()
                .filter(|(_, d)| d.customer == customer.get_value() && d.is_open())
                .map(|(id, d)| (id.clone(), d.clone()))
                .collect::<Vec<_>>()
        })
    });
    let d = move || i18n.day();
    view! {
        <Show when=move || disputes.with(|list| !list.is_empty())>
            <section class="disputes">
                <h2>{move || d().disputes}</h2>
                <ul>
                    {move || disputes.get().into_iter().map(|(id, dispute)| {
                        let fmt = i18n.number_format();
                        let invoices: Vec<String> = dispute.invoices.iter().map(|i| i.0.to_string()).collect();
                        let resolve = move |_| {
                            let today = session.today.get_untracked();
                            let checked = session.portfolio.with_untracked(|p| resolve_dispute(p, today, &id));
                            if let Ok(event) = checked {
                                session.save_then(vec![event], || ());
                            }
                        };
                        view! {
                            <li class="dispute">
                                <strong>{(d().dispute_reason)(dispute.reason)}</strong>
                                <span>{fmt.date(dispute.opened_on)}</span>
                                <span>{invoices.join(", ")}</span>
                                {dispute.amount.map(|a| view! { <span class="amount">{fmt.money(a)}</span> })}
                                {(!dispute.owner.is_empty()).then(|| view! { <span>{d().owner}": "{dispute.owner.clone()}</span> })}
                                <button on:click=resolve disabled=move || session.busy.get()>{d().resolve}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

#[component]
pub fn PlanStatus(
    customer: CustomerId,
    /// The customer's own records (`Portfolio::of_customer`).
    records: Memo<Portfolio>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let customer = StoredValue::new(customer);
    let progress = Memo::new(move |_| {
        let today = session.today.get();
        records.with(|p| {
            let (plan, progress) = p.plans_in_progress(today).remove(&customer.get_value())?;
            Some((plan.terms.balance.currency, progress))
        })
    });
    let d = move || i18n.day();
    let t = move || i18n.texts();
    move || {
        progress.get().map(|(currency, progress)| {
            let fmt = i18n.number_format();
            view! {
                <section class="payment-plan">
                    <h2>{d().payment_plan}
                        {progress.broken.then(|| view! { <span class="badge broken">{d().plan_broken}</span> })}
                    </h2>
                    <ol class="installments">
                        {progress.installments.into_iter().map(|(installment, state)| view! {
                            <li class="installment" class:paid=matches!(state, InstallmentState::Kept | InstallmentState::PaidLate)
                                class:late=matches!(state, InstallmentState::Overdue(_))>
                                <span>{(t().installment)(installment.number)}</span>
                                <span>{fmt.date(installment.due_on)}</span>
                                <span class="amount">{fmt.money(Money::new(installment.amount(), currency))}</span>
                                <span>{(d().installment_state)(state)}</span>
                            </li>
                        }).collect_view()}
                    </ol>
                </section>
            }
        })
    }
}
