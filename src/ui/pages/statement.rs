use leptos::prelude::*;
use leptos_router::components::A;

use super::aging_report::bucket_label;
use super::interest_claim::InterestClaims;
use super::statement_text::{movement_name, statement_text};
use super::{customer_href, customer_in_query, CustomerNotFound};
use crate::domain::kpi::period::PeriodLength;
use crate::domain::late_interest::interest_owed;
use crate::domain::money::{Currency, Money};
use crate::domain::statement::{statement, CurrencyStatement, Movement, Statement};
use crate::sync::csv::statement_export::{statement_csv, StatementCsvLabels};
use crate::ui::alert::Alert;
use crate::ui::browser;
use crate::ui::date_field::DateField;
use crate::ui::i18n::use_i18n;
use crate::ui::print_controls::{Paper, PrintControls};
use crate::ui::send_to_customer::SendToCustomer;
use crate::ui::session::use_session;
use crate::ui::table_scroll::TableScroll;

/// Cliente → Estado de cuenta: the customer's movements between two dates with the running
/// balance and the aging of what is left; printable, as CSV, or shared as text.
#[component]
pub fn StatementPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let (id, customer) = customer_in_query();
    let today = session.today.get_untracked();
    let to = RwSignal::new(today);
    let from = RwSignal::new(PeriodLength::Days90.ending(today).first());
    let paper = RwSignal::new(Paper::default());
    let buckets = session.company.with_untracked(|c| c.settings.aging.clone());
    let ranges = StoredValue::new(buckets.ranges());
    let found = Memo::new(move |_| {
        let id = id.get()?;
        Some(
            session
                .portfolio
                .with(|p| statement(p, &id, from.get(), to.get(), &buckets)),
        )
    });
    let t = move || i18n.texts();
    let r = move || i18n.report();
    let name = move || customer.with(|c| c.as_ref().map(|c| c.name.clone()).unwrap_or_default());
    let interest = Memo::new(move |_| {
        let id = id.get()?;
        let to = to.get();
        session.company.with(|c| {
            let settings = &c.settings;
            session.portfolio.with(|p| {
                let own = p.of_customer(&id);
                interest_owed(&own, &id, to, settings.interest_terms())
            })
        })
    });
    let text = Memo::new(move |_| {
        let format = i18n.number_format();
        found.with(|s| {
            s.as_ref().map(|s| {
                let mut text = statement_text(s, &name(), t(), r(), format);
                for owed in interest
                    .get()
                    .into_iter()
                    .flatten()
                    .filter(|m| !m.amount.is_zero())
                {
                    text.push_str(&(i18n.credit().interest_line)(&format.money(owed)));
                }
                text
            })
        })
    });
    let export = move |_| {
        let Some(statement) = found.get_untracked() else {
            return;
        };
        let (t, r) = (t(), r());
        let describe = |movement: &Movement| movement_name(movement, t, r);
        let csv = statement_csv(
            &statement,
            &StatementCsvLabels {
                date: r.column_date,
                movement: r.column_movement,
                document: r.column_document,
                due: r.column_due,
                charge: r.column_charge,
                credit: r.column_credit,
                balance: r.column_balance,
                opening: r.opening_balance,
                closing: r.closing_balance,
                describe: &describe,
            },
        );
        let file = format!(
            "estado-de-cuenta-{}-{}.csv",
            statement.customer.0, statement.to
        );
        if let Err(detail) = browser::download(&file, "text/csv;charset=utf-8", &csv) {
            session.alert.set(Some(Alert::NotDownloaded(detail)));
        }
    };
    move || {
        let Some(customer) = customer.get() else {
            return view! { <CustomerNotFound/> }.into_any();
        };
        let back = id.get().map(|id| customer_href(&id)).unwrap_or_default();
        view! {
            <A href=back attr:class="back no-print">{format!("← {}", r().back_to_customer)}</A>
            <div class="report-controls no-print">
                <DateField name="from" label=move || r().statement_from date=from/>
                <DateField name="to" label=move || r().statement_to date=to/>
                <button class="export" on:click=export>{t().export_csv}</button>
            </div>
            <PrintControls paper=paper/>
            <article class=move || format!("{} statement", paper.get().class())>
                <h1>{r().statement_title}</h1>
                <p class="statement-customer">
                    <strong>{customer.name.clone()}</strong>
                    {(!customer.tax_id.is_empty()).then(|| format!(" · {}", customer.tax_id))}
                    {(!customer.city.is_empty()).then(|| format!(" · {}", customer.city))}
                </p>
                <p class="as-of">
                    {move || {
                        let fmt = i18n.number_format();
                        (r().period_range)(&fmt.date(from.get()), &fmt.date(to.get()))
                    }}
                </p>
                {move || found.get().map(|s| statement_view(s, ranges.get_value()))}
                {id.get().map(|id| {
                    let records = Memo::new({
                        let id = id.clone();
                        move |_| session.portfolio.with(|p| p.of_customer(&id))
                    });
                    view! { <InterestClaims customer=id records=records.into() as_of=to.into()/> }
                })}
            </article>
            <SendToCustomer customer=customer.clone() title=Signal::derive(move || r().statement_title) text=text/>
            <details class="share-preview no-print">
                <summary>{r().share_preview}</summary>
                <pre class="statement-text">{move || text.get()}</pre>
            </details>
        }
        .into_any()
    }
}

pub(super) fn statement_view(
    statement: Statement,
    ranges: Vec<(i64, Option<i64>)>,
) -> impl IntoView {
    let i18n = use_i18n();
    let r = i18n.report();
    if statement.currencies.is_empty() {
        return view! { <p class="empty">{r.no_movements}</p> }.into_any();
    }
    statement
        .currencies
        .into_iter()
        .map(|(currency, s)| currency_view(currency, s, &ranges, statement.from, statement.to))
        .collect_view()
        .into_any()
}

fn currency_view(
    currency: Currency,
    s: CurrencyStatement,
    ranges: &[(i64, Option<i64>)],
    from: chrono::NaiveDate,
    to: chrono::NaiveDate,
) -> impl IntoView {
    let i18n = use_i18n();
    let (t, r, fmt) = (i18n.texts(), i18n.report(), i18n.number_format());
    let money = move |amount: rust_decimal::Decimal| fmt.money(Money::new(amount, currency));
    // The caption names the currency; bare amounts keep seven columns within a sheet.
    let amount = move |amount: rust_decimal::Decimal| fmt.amount(amount, currency.minor_digits());
    let blank_if_zero = move |value: rust_decimal::Decimal| {
        if value.is_zero() {
            String::new()
        } else {
            amount(value)
        }
    };
    let overdue = s.overdue();
    let in_favour = s.closing.is_sign_negative() && !s.closing.is_zero();
    view! {
        <section class="statement-block" data-currency=currency.to_string()>
            <TableScroll label=format!("{} ({currency})", r.statement_title)>
            <table class="statement">
                <caption>{currency.to_string()}</caption>
                <thead>
                    <tr>
                        <th scope="col">{r.column_date}</th>
                        <th scope="col">{r.column_movement}</th>
                        <th scope="col">{r.column_document}</th>
                        <th scope="col">{r.column_due}</th>
                        <th scope="col" class="amount">{r.column_charge}</th>
                        <th scope="col" class="amount">{r.column_credit}</th>
                        <th scope="col" class="amount">{r.column_balance}</th>
                    </tr>
                </thead>
                <tbody>
                    <tr class="opening">
                        <td>{fmt.date(from)}</td>
                        <th scope="row" colspan="5">{r.opening_balance}</th>
                        <td class="amount">{amount(s.opening)}</td>
                    </tr>
                    {s.lines.into_iter().map(|line| {
                        let due = match &line.movement {
                            Movement::Invoice { due_on, .. } => fmt.date(*due_on),
                            _ => String::new(),
                        };
                        view! {
                            <tr>
                                <td>{fmt.date(line.on)}</td>
                                <td>{movement_name(&line.movement, t, r)}</td>
                                <td>{line.movement.document()}</td>
                                <td data-label=r.column_due>{due}</td>
                                <td class="amount" data-label=r.column_charge>{blank_if_zero(line.charge)}</td>
                                <td class="amount" data-label=r.column_credit>{blank_if_zero(line.credit)}</td>
                                <td class="amount" data-label=r.column_balance>{amount(line.balance)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
                <tfoot>
                    <tr class="closing">
                        <td>{fmt.date(to)}</td>
                        <th scope="row" colspan="5">{r.closing_balance}</th>
                        <td class="amount">{amount(s.closing)}</td>
                    </tr>
                </tfoot>
            </table>
            </TableScroll>
            {in_favour.then(|| view! { <p class="credit-note">{r.credit_in_favour}</p> })}
            <table class="statement-aging">
                <caption>{(t.aging_chart)(currency.code())}</caption>
                <tbody>
                    {ranges.iter().zip(s.aging).map(|(range, value)| view! {
                        <tr><th scope="row">{bucket_label(t, *range)}</th><td class="amount">{money(value)}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            <p class="overdue-at-end">{format!("{}: {}", r.overdue_at_end, money(overdue))}</p>
        </section>
    }
}
