use chrono::Days;
use leptos::prelude::*;
use rust_decimal::Decimal;

use super::{date_text, read_amount, read_date, save_all_checked, ChoiceField, FormEnd, TextField};
use crate::domain::customer::CustomerId;
use crate::domain::money::Money;
use crate::domain::payment_plan::{schedule, Frequency, PlanTerms};
use crate::sync::collection_edit::agree_plan;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;
use crate::ui::table_scroll::TableScroll;

/// Refinances the overdue balance into a payment plan ("acuerdo de pago"). The schedule is
/// shown, exact to the peso, while the terms are typed, and only saved on «Confirmar».
#[component]
pub fn PlanForm(customer: CustomerId, overdue: Money, on_done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let d = i18n.day();
    let fmt = i18n.number_format();
    let today = session.today.get_untracked();
    let currency = overdue.currency;
    let balance = RwSignal::new(fmt.amount(overdue.amount, currency.minor_digits()));
    let down = RwSignal::new("0".to_owned());
    let count = RwSignal::new("3".to_owned());
    let frequency = RwSignal::new(2usize);
    let day_of_month = RwSignal::new("15".to_owned());
    let first_due = RwSignal::new(date_text(today + Days::new(30)));
    let rate = RwSignal::new("0".to_owned());
    let error = RwSignal::new(None::<String>);
    let terms = Memo::new(move |_| {
        let frequency = match frequency.get() {
            0 => Frequency::Weekly,
            1 => Frequency::Fortnightly,
            2 => Frequency::Monthly,
            _ => Frequency::DayOfMonth(day_of_month.get().trim().parse().unwrap_or(0)),
        };
        Some(PlanTerms {
            balance: Money::new(read_amount(&balance.get())?, currency),
            down_payment: read_amount(&down.get())?,
            agreed_on: today,
            first_due: read_date(&first_due.get())?,
            frequency,
            installments: count.get().trim().parse().ok()?,
            monthly_rate: read_amount(&rate.get())? / Decimal::ONE_HUNDRED,
        })
    });
    let preview = move || {
        let t = i18n.texts();
        let d = i18n.day();
        let Some(terms) = terms.get() else {
            return view! { <p class="status">{t.amount_unreadable}</p> }.into_any();
        };
        match schedule(&terms) {
            Err(problem) => {
                view! { <p class="status error">{(d.plan_problem)(&problem)}</p> }.into_any()
            }
            Ok(installments) => {
                let money = move |amount| fmt.money(Money::new(amount, currency));
                let total: Decimal =
                    terms.down_payment + installments.iter().map(|i| i.amount()).sum::<Decimal>();
                view! {
                    <TableScroll label=d.payment_plan>
                    <table class="schedule">
                        <thead><tr><th>"#"</th><th>{t.due_date}</th><th>{d.interest}</th><th>{t.amount}</th></tr></thead>
                        <tbody>
                            {installments.into_iter().map(|i| view! {
                                <tr>
                                    <td>{i.number}</td>
                                    <td>{fmt.date(i.due_on)}</td>
                                    <td class="amount">{money(i.interest)}</td>
                                    <td class="amount">{money(i.amount())}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                        <tfoot><tr><th colspan="3">{d.plan_total}</th><td class="amount" data-figure="plan-total">{money(total)}</td></tr></tfoot>
                    </table>
                    </TableScroll>
                }.into_any()
            }
        }
    };
    let customer = StoredValue::new(customer);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let t = i18n.texts();
        let Some(terms) = terms.get_untracked() else {
            error.set(Some(t.amount_unreadable.to_owned()));
            return;
        };
        let checked = session
            .portfolio
            .with_untracked(|p| agree_plan(p, &customer.get_value(), terms));
        save_all_checked(session, t, checked, error, move || on_done.run(()));
    };
    let frequencies: Vec<(usize, &str)> = d.frequency_choices.into_iter().enumerate().collect();
    view! {
        <form class="panel" on:submit=submit>
            <h2>{d.payment_plan}</h2>
            <TextField label=d.plan_balance name="plan_balance" value=balance required=true/>
            <TextField label=d.down_payment name="down_payment" value=down/>
            <TextField label=d.installments_count name="installments" value=count kind="number" required=true/>
            <ChoiceField label=d.frequency name="frequency" chosen=frequency choices=frequencies/>
            <Show when=move || frequency.get() == 3>
                <TextField label=d.day_of_month name="day_of_month" value=day_of_month kind="number"/>
            </Show>
            <TextField label=d.first_due name="first_due" value=first_due kind="date" required=true/>
            <TextField label=d.monthly_rate name="monthly_rate" value=rate/>
            {preview}
            <FormEnd error=error on_cancel=on_done submit=d.confirm_plan/>
        </form>
    }
}
