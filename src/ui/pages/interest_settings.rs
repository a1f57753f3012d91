//! Ajustes → Intereses de mora: whether the company charges late interest and at what rate,
//! and the table of certified rates its legal cap rests on, pasted or typed month by month.

use std::str::FromStr;

use leptos::prelude::*;
use rust_decimal::Decimal;

use super::interest_claim::percent;
use crate::domain::certified_rate::Month;
use crate::domain::late_interest::InterestBasis;
use crate::sync::csv::certified_rates::parse_certified_rates;
use crate::ui::i18n::{use_i18n, CreditTexts};
use crate::ui::session::use_session;
use crate::ui::table_scroll::TableScroll;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Choice {
    None,
    Agreed,
    Legal,
}

/// What the company charges for paying late; only the office changes it (the fieldset).
#[component]
pub fn LateInterestSettings() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let c = move || i18n.credit();
    let cap = move || {
        session
            .company
            .with(|company| company.settings.interest_terms().cap)
    };
    let basis = move || {
        session
            .company
            .with(|company| company.settings.interest.clone())
    };
    let stored = move || match basis() {
        InterestBasis::None => Choice::None,
        InterestBasis::Agreed { .. } => Choice::Agreed,
        InterestBasis::LegalMaximum => Choice::Legal,
    };
    // «Tasa pactada» picked before a rate was written: shown, not yet the company's.
    let picked: RwSignal<Option<Choice>> = RwSignal::new(None);
    let shown = move || picked.get().unwrap_or_else(stored);
    let rate_invalid = RwSignal::new(false);
    let agreed_rate = move || match basis() {
        InterestBasis::Agreed { annual_percent } => {
            let rate = annual_percent.normalize();
            i18n.number_format().amount(rate, rate.scale())
        }
        _ => String::new(),
    };
    let choose = move |choice: Choice| {
        rate_invalid.set(false);
        let next = match choice {
            Choice::None => InterestBasis::None,
            Choice::Legal => InterestBasis::LegalMaximum,
            Choice::Agreed => {
                picked.set(Some(Choice::Agreed));
                return;
            }
        };
        picked.set(None);
        session.change_company(move |s| s.interest = next);
    };
    let set_rate = move |text: String| {
        let rate = Decimal::from_str(&text.trim().trim_end_matches('%').trim().replace(',', "."))
            .ok()
            .filter(|r| *r > Decimal::ZERO && *r <= Decimal::ONE_HUNDRED);
        match rate {
            Some(annual_percent) => {
                rate_invalid.set(false);
                picked.set(None);
                session
                    .change_company(move |s| s.interest = InterestBasis::Agreed { annual_percent });
            }
            None => rate_invalid.set(true),
        }
    };
    let option = move |value: Choice,
                       label: fn(&'static CreditTexts) -> &'static str,
                       name: &'static str| {
        view! {
            <label class="check">
                <input type="radio" name="interest_basis" value=name
                    prop:checked=move || shown() == value on:change=move |_| choose(value)/>
                <span>{move || label(c())}</span>
            </label>
        }
    };
    view! {
        <section class="late-interest">
            <h3>{move || c().interest_title}</h3>
            <p class="hint legal-source">{move || (c().interest_law)(cap())}</p>
            <div role="radiogroup">
                {option(Choice::None, |c| c.basis_none, "none")}
                {option(Choice::Agreed, |c| c.basis_agreed, "agreed")}
                {option(Choice::Legal, |c| c.basis_legal, "legal")}
            </div>
            <Show when=move || shown() == Choice::Agreed>
                <label class="field">
                    <span>{move || c().agreed_rate}</span>
                    <input type="text" name="agreed_rate" inputmode="decimal" prop:value=agreed_rate
                        on:change=move |ev| set_rate(event_target_value(&ev))/>
                </label>
                <Show when=move || rate_invalid.get()>
                    <p class="status error" role="alert">{move || c().agreed_rate_invalid}</p>
                </Show>
            </Show>
            <CertifiedRatesTable/>
        </section>
    }
}

/// The months' certified rates with their caps, and a box to paste more.
#[component]
fn CertifiedRatesTable() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let c = move || i18n.credit();
    let cap = move || {
        session
            .company
            .with(|company| company.settings.interest_terms().cap)
    };
    let pasted = RwSignal::new(String::new());
    let outcome: RwSignal<Option<Result<String, String>>> = RwSignal::new(None);
    let remove = move |month: Month| {
        session.change_company(move |s| s.certified_rates = s.certified_rates.without(month));
    };
    let rows = move || {
        let format = i18n.number_format();
        session.company.with(|company| {
            let cap = company.settings.interest_terms().cap;
            company
                .settings
                .certified_rates
                .iter()
                .rev()
                .map(|rate| {
                    let month = rate.month;
                    view! {
                        <tr data-month=month.to_string()>
                            <td>{(c().month_name)(month)}</td>
                            <td class="number">{percent(format, rate.annual_percent)}</td>
                            <td class="number">{percent(format, cap.cap(rate.annual_percent))}</td>
                            <td>{rate.resolution.clone()}</td>
                            <td><button type="button" class="link" on:click=move |_| remove(month)>{c().remove}</button></td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let add = move |_| {
        let c = c();
        let rates = match parse_certified_rates(&pasted.get_untracked()) {
            Ok(rates) => rates,
            Err((line, problem)) => {
                outcome.set(Some(Err((c.rate_line_problem)(line, &problem))));
                return;
            }
        };
        // Checked against the table as it is now, to say what is wrong; written against the
        // table as it is when the write's turn comes.
        let checked = session
            .company
            .with_untracked(|company| company.settings.certified_rates.merged(rates.clone()));
        if let Err(problem) = checked {
            outcome.set(Some(Err((c.rate_problem)(&problem))));
            return;
        }
        let added = rates.len();
        session.change_company(move |s| {
            if let Ok(merged) = s.certified_rates.merged(rates) {
                s.certified_rates = merged;
            }
        });
        pasted.set(String::new());
        outcome.set(Some(Ok((c.rates_added)(added))));
    };
    view! {
        <h4>{move || c().rates_title}</h4>
        <p class="hint">{move || (c().rates_help)(cap())}</p>
        <Show when=move || !session.company.with(|company| company.settings.certified_rates.is_empty())
            fallback=move || view! { <p class="hint rates-empty">{c().rates_empty}</p> }>
            <TableScroll label=move || c().rates_title>
                <table class="certified-rates">
                    <thead><tr>
                        <th scope="col">{move || c().column_month}</th>
                        <th scope="col" class="number">{move || (c().column_table_rate)(cap())}</th>
                        <th scope="col" class="number">{move || c().column_usury_rate}</th>
                        <th scope="col">{move || c().column_resolution}</th>
                        <td></td>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </TableScroll>
        </Show>
        <label class="field">
            <span>{move || c().paste_rates}</span>
            <textarea name="certified_rates" rows="3" prop:value=move || pasted.get()
                on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
        </label>
        <button type="button" class="add-rates" on:click=add>{move || c().add_rates}</button>
        {move || outcome.get().map(|outcome| match outcome {
            Ok(text) => view! { <p class="status" role="status">{text}</p> }.into_any(),
            Err(text) => view! { <p class="status error" role="alert">{text}</p> }.into_any(),
        })}
    }
}
