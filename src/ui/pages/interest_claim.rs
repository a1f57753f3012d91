//! A customer's late interest, month by month, apart from what they owe: on their screen and
//! on their statement, the way a debtor (or a judge) can check it against the resolutions.

use chrono::NaiveDate;
use leptos::prelude::*;
use rust_decimal::Decimal;

use crate::domain::allocation::Allocation;
use crate::domain::customer::CustomerId;
use crate::domain::late_interest::{claims, AccountInterest, InterestBasis, InterestProblem};
use crate::domain::money::{Currency, Money};
use crate::domain::number_format::NumberFormat;
use crate::domain::portfolio::Portfolio;
use crate::sync::charge::book_late_interest;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

/// A rate as the resolutions write it: "25,5 %".
pub fn percent(format: NumberFormat, rate: Decimal) -> String {
    let rate = rate.normalize();
    format!("{}\u{a0}%", format.amount(rate, rate.scale()))
}

/// The interest `customer` owes up to `as_of`, one table per currency; nothing when the
/// company charges none or the customer was never late.
#[component]
pub fn InterestClaims(
    customer: CustomerId,
    records: Signal<Portfolio>,
    as_of: Signal<NaiveDate>,
    /// Offers to book the interest as an invoice: on the customer's screen, for an office.
    #[prop(optional)]
    bookable: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let c = move || i18n.credit();
    let customer = StoredValue::new(customer);
    let accounts = Memo::new(move |_| {
        let as_of = as_of.get();
        let customer = customer.get_value();
        session.company.with(|company| {
            let settings = &company.settings;
            if settings.interest == InterestBasis::None {
                return Vec::new();
            }
            records.with(|p| {
                let allocation = Allocation::compute(p, as_of);
                claims(&allocation, &customer, as_of, settings.interest_terms())
                    .into_iter()
                    .filter(|(_, account)| {
                        account.booked_through.is_some()
                            || account
                                .claim
                                .as_ref()
                                .map_or(true, |c| !c.months.is_empty())
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let bookable = bookable && session.may_change_company();
    move || {
        accounts.with(|accounts| {
            if accounts.is_empty() {
                return ().into_any();
            }
            view! {
                <section class="interest-claim">
                    <h2>{c().interest_heading}</h2>
                    <p class="hint">{c().interest_apart}</p>
                    {accounts.iter().map(|(currency, account)| view! {
                        {account_view(*currency, account)}
                        {(bookable && account.claim.as_ref().is_ok_and(|c| c.total > Decimal::ZERO)).then(|| view! {
                            <BookInterest customer=customer.get_value() currency=*currency records/>
                        })}
                    }).collect_view()}
                </section>
            }
            .into_any()
        })
    }
}

/// Turns the interest claimed so far into an invoice due today, in one tap.
#[component]
fn BookInterest(
    customer: CustomerId,
    currency: Currency,
    records: Signal<Portfolio>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let problem = RwSignal::new(None::<&'static str>);
    let book = move |_| {
        let booked = session.company.with_untracked(|company| {
            records.with_untracked(|p| {
                book_late_interest(
                    p,
                    &customer,
                    currency,
                    session.today.get_untracked(),
                    company.settings.interest_terms(),
                )
            })
        });
        match booked {
            Ok(event) => {
                problem.set(None);
                session.save_then(vec![event], || ());
            }
            Err(error) => problem.set(Some((i18n.texts().edit_problem)(&error))),
        }
    };
    view! {
        <p class="book-interest">
            <button type="button" data-currency=currency.code().to_owned() on:click=book>{move || i18n.credit().book_interest}</button>
            " "<small class="hint">{move || i18n.credit().book_interest_hint}</small>
        </p>
        {move || problem.get().map(|text| view! { <p class="status error" role="alert">{text}</p> })}
    }
}

fn account_view(currency: Currency, account: &AccountInterest) -> impl IntoView {
    let i18n = use_i18n();
    let c = i18n.credit();
    let format = i18n.number_format();
    let money = move |amount: Decimal| format.money(Money::new(amount, currency));
    let booked = account.booked_through.map(
        |day| view! { <p class="hint booked-through">{(c.booked_through)(&format.date(day))}</p> },
    );
    let claim = match &account.claim {
        Err(InterestProblem::MissingRates(months)) => {
            let names: Vec<String> = months.iter().map(|m| (c.month_name)(*m)).collect();
            view! { <p class="status error" data-figure="interest-missing">{(c.missing_rates)(&names)}</p> }
                .into_any()
        }
        Ok(claim) => {
            let rows = claim
                .months
                .iter()
                .map(|m| {
                    let rate = percent(format, m.annual_percent);
                    view! {
                        <tr>
                            <td>{(c.month_name)(m.month)}</td>
                            <td class="number">{m.days}</td>
                            <td class="number">{rate}{m.cut_to_cap.then(|| view! { <small>" ("{c.cut_to_cap}")"</small> })}</td>
                            <td>{m.resolution.clone()}</td>
                            <td class="number">{money(m.interest)}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <table class="interest-months" data-currency=currency.code().to_owned()>
                    <thead><tr>
                        <th scope="col">{c.column_month}</th>
                        <th scope="col" class="number">{c.column_days}</th>
                        <th scope="col" class="number">{c.column_rate}</th>
                        <th scope="col">{c.column_resolution}</th>
                        <th scope="col" class="number">{c.column_interest}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                    <tfoot>
                        <tr><th scope="row" colspan="4">{c.interest_total}</th><td class="number" data-figure="interest-total">{money(claim.total)}</td></tr>
                        <tr><th scope="row" colspan="4">{c.balance_with_interest}</th><td class="number" data-figure="balance-with-interest">{money(account.balance + claim.total)}</td></tr>
                    </tfoot>
                </table>
            }
            .into_any()
        }
    };
    view! { {booked}{claim} }
}
