//! Ajustes → Salario mínimo mensual por año: the yardstick Colombia's bureau and court rules
//! measure debts by, one figure per year as its decree sets it.

use leptos::prelude::*;

use crate::domain::money::Currency;
use crate::ui::forms::read_amount;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

#[component]
pub fn MinimumWageSettings() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let l = move || i18n.legal();
    let year = RwSignal::new(String::new());
    let wage = RwSignal::new(String::new());
    let problem: RwSignal<Option<String>> = RwSignal::new(None);
    let remove = move |year: i32| {
        session.change_company(move |s| s.minimum_wages = s.minimum_wages.without(year));
    };
    let rows = move || {
        let format = i18n.number_format();
        session.company.with(|company| {
            company
                .settings
                .minimum_wages
                .iter()
                .rev()
                .map(|(year, wage)| {
                    view! {
                        <tr data-year=year>
                            <td>{year}</td>
                            <td class="number">{format.amount(wage, Currency::COP.minor_digits())}</td>
                            <td><button type="button" class="link" on:click=move |_| remove(year)>{l().remove}</button></td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (Ok(year_number), Some(amount)) = (
            year.get_untracked().trim().parse::<i32>(),
            read_amount(&wage.get_untracked()),
        ) else {
            problem.set(Some(l().wage_unreadable.to_owned()));
            return;
        };
        // Checked against the table as it is now, to say what is wrong; written against the
        // table as it is when the write's turn comes.
        let checked = session
            .company
            .with_untracked(|c| c.settings.minimum_wages.with(year_number, amount));
        if let Err(wrong) = checked {
            problem.set(Some((l().wage_problem)(wrong)));
            return;
        }
        session.change_company(move |s| {
            if let Ok(wages) = s.minimum_wages.with(year_number, amount) {
                s.minimum_wages = wages;
            }
        });
        problem.set(None);
        year.set(String::new());
        wage.set(String::new());
    };
    view! {
        <section class="minimum-wages">
            <h3>{move || l().wages_title}</h3>
            <p class="hint legal-source">{move || l().wages_help}</p>
            <Show when=move || !session.company.with(|c| c.settings.minimum_wages.is_empty())
                fallback=move || view! { <p class="hint wages-empty">{l().wages_empty}</p> }>
                <table class="minimum-wages">
                    <thead><tr>
                        <th scope="col">{move || l().column_year}</th>
                        <th scope="col" class="number">{move || l().column_wage}</th>
                        <th scope="col"></th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </Show>
            <form class="add-wage" on:submit=add>
                <label class="field">
                    <span>{move || l().year}</span>
                    <input type="text" name="wage_year" inputmode="numeric" prop:value=year
                        on:input=move |ev| year.set(event_target_value(&ev))/>
                </label>
                <label class="field">
                    <span>{move || l().wage}</span>
                    <input type="text" name="wage_amount" inputmode="decimal" prop:value=wage
                        on:input=move |ev| wage.set(event_target_value(&ev))/>
                </label>
                <button type="submit">{move || l().add_wage}</button>
                <Show when=move || problem.with(Option::is_some)>
                    <p class="status error" role="alert">{move || problem.get()}</p>
                </Show>
            </form>
        </section>
    }
}
