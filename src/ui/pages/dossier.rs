//! Cliente → Expediente: everything a lawyer or a small-claims judge needs about one customer,
//! from the log: parties, what is claimed and whether it fits the proceso monitorio, the
//! invoices with their acceptance, the statement, the interest, the promises, letters and
//! notices, every contact, disputes, payments and voids, and the draft of a monitorio demand
//! (CGP art. 420). Printed as one document, or downloaded as JSON and CSV.

use chrono::NaiveDate;
use leptos::prelude::*;
use leptos_router::components::A;

use super::interest_claim::InterestClaims;
use super::parties::{creditor_line, debtor_id, debtor_line, Parties};
use super::statement::statement_view;
use super::{customer_href, customer_in_query, CustomerNotFound};
use crate::domain::allocation::Allocation;
use crate::domain::claim::{claims_on, Claim};
use crate::domain::contact::Objective;
use crate::domain::customer::{Customer, CustomerId};
use crate::domain::invoice_acceptance::Acceptance;
use crate::domain::money::Money;
use crate::domain::monitorio::{monitorio_fit, MonitorioFit};
use crate::domain::monitorio_demand::{demand_facts, evidence};
use crate::domain::outreach::OutreachSettings;
use crate::domain::portfolio::Portfolio;
use crate::domain::promise_outcome::{promise_outcomes, PromiseOutcome};
use crate::domain::statement::statement;
use crate::domain::timeline::timeline;
use crate::sync::csv::chronology_export::{chronology_csv, ChronologyCsvLabels};
use crate::sync::dossier_file::{dossier_json, Creditor};
use crate::ui::alert::Alert;
use crate::ui::browser;
use crate::ui::happening_text::happening_text;
use crate::ui::i18n::{use_i18n, Pretension};
use crate::ui::print_controls::{Paper, PrintControls};
use crate::ui::session::use_session;

#[component]
pub fn DossierPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let (id, customer) = customer_in_query();
    let paper = RwSignal::new(Paper::default());
    let today = session.today.get_untracked();
    let records = Memo::new(move |_| {
        let id = id.get()?;
        Some(session.portfolio.with(|p| p.of_customer(&id)))
    });
    let claims = Memo::new(move |_| {
        let id = id.get()?;
        session.company.with(|c| {
            records.with(|r| {
                r.as_ref()
                    .map(|r| claims_on(r, &id, today, c.settings.interest_terms()))
            })
        })
    });
    let fit = Memo::new(move |_| {
        let claims = claims.get()?;
        Some(
            session
                .company
                .with(|c| monitorio_fit(&claims, &c.settings.minimum_wages, today)),
        )
    });
    let download = move |file: String, mime: &str, contents: Option<String>| {
        let Some(contents) = contents else {
            return;
        };
        if let Err(detail) = browser::download(&file, mime, &contents) {
            session.alert.set(Some(Alert::NotDownloaded(detail)));
        }
    };
    let export_json = move |_| {
        let (Some(id), Some(records), Some(claims), Some(fit)) = (
            id.get_untracked(),
            records.get_untracked(),
            claims.get_untracked(),
            fit.get_untracked(),
        ) else {
            return;
        };
        let company = session.outreach.get_untracked();
        let creditor = Creditor {
            name: &company.company,
            tax_id: &company.company_tax_id,
            address: &company.company_address,
        };
        let json = dossier_json(&records, &id, creditor, &claims, &fit, today);
        download(
            format!("expediente-{}-{today}.json", id.0),
            "application/json",
            json,
        );
    };
    let export_csv = move |_| {
        let (Some(id), Some(records)) = (id.get_untracked(), records.get_untracked()) else {
            return;
        };
        let x = i18n.dossier();
        let entries = timeline(&records, &id, today);
        let describe = |happening: &_| happening_text(i18n, happening);
        let csv = chronology_csv(
            &entries,
            &ChronologyCsvLabels {
                date: x.column_date,
                event: x.column_event,
                amount: x.column_value,
                currency: x.column_currency,
                describe: &describe,
            },
        );
        download(
            format!("expediente-{}-{today}.csv", id.0),
            "text/csv;charset=utf-8",
            Some(csv),
        );
    };
    move || {
        let (Some(debtor), Some(customer_id), Some(own)) =
            (customer.get(), id.get(), records.get())
        else {
            return view! { <CustomerNotFound/> }.into_any();
        };
        let x = i18n.dossier();
        let fmt = i18n.number_format();
        let company = session.outreach.get();
        let claims = claims.get().unwrap_or_default();
        let fit = fit.get().unwrap_or(MonitorioFit::NothingDue);
        let from = own
            .invoices
            .values()
            .map(|i| i.issued_on)
            .min()
            .unwrap_or(today);
        let (account, ranges) = session.company.with(|c| {
            let buckets = &c.settings.aging;
            (
                statement(&own, &customer_id, from, today, buckets),
                buckets.ranges(),
            )
        });
        let records_signal = Signal::derive(move || records.get().unwrap_or_default());
        view! {
            <A href=customer_href(&customer_id) attr:class="back no-print">{format!("← {}", i18n.report().back_to_customer)}</A>
            <div class="report-controls no-print">
                <button class="export export-json" on:click=export_json>{x.export_json}</button>
                <button class="export export-csv" on:click=export_csv>{x.export_csv}</button>
            </div>
            <PrintControls paper=paper/>
            <article class=move || format!("{} dossier", paper.get().class())>
                <h1>{x.title}</h1>
                <p class="as-of">{(x.as_of)(&fmt.date(today))}</p>
                <section>
                    <h2>{x.parties}</h2>
                    <Parties company=company.clone() debtor=debtor.clone()/>
                    <p class="authorization">{match &debtor.bureau_authorization {
                        Some(a) => (x.authorization)(&fmt.date(a.on), &a.how),
                        None => x.no_authorization.to_owned(),
                    }}</p>
                </section>
                <ClaimSection claims=claims.clone()/>
                <section class="monitorio">
                    <h2>{x.monitorio_title}</h2>
                    <p data-fit=fit_code(&fit)>{(x.monitorio)(&fit, fmt)}</p>
                </section>
                <InvoicesSection records=own.clone() today=today/>
                <section class="dossier-statement">
                    <h2>{x.statement_title}</h2>
                    {statement_view(account, ranges)}
                </section>
                <InterestClaims customer=customer_id.clone() records=records_signal as_of=Signal::derive(move || today)/>
                <PromisesSection records=own.clone() today=today/>
                <ContactsSection records=own.clone() demands=true/>
                <ContactsSection records=own.clone() demands=false/>
                <DisputesSection records=own.clone()/>
                <PaymentsSection records=own.clone()/>
                <DraftDemand records=own company=company debtor=debtor customer=customer_id claims=claims today=today/>
            </article>
        }
        .into_any()
    }
}

/// A stable word for each monitorio verdict, for tests and styles.
fn fit_code(fit: &MonitorioFit) -> &'static str {
    match fit {
        MonitorioFit::Fits { .. } => "fits",
        MonitorioFit::TooLarge { .. } => "too-large",
        MonitorioFit::NothingDue => "nothing-due",
        MonitorioFit::NotInPesos => "not-in-pesos",
        MonitorioFit::ClaimUnknown => "claim-unknown",
        MonitorioFit::MissingWage(_) => "missing-wage",
    }
}

#[component]
fn ClaimSection(claims: Vec<Claim>) -> impl IntoView {
    let i18n = use_i18n();
    let (x, fmt) = (i18n.dossier(), i18n.number_format());
    if claims.is_empty() {
        return view! { <section><h2>{x.claim_title}</h2><p class="empty">{x.nothing_claimed}</p></section> }
            .into_any();
    }
    let money = move |amount, claim: &Claim| fmt.money(Money::new(amount, claim.currency));
    view! {
        <section>
            <h2>{x.claim_title}</h2>
            <table class="claims">
                <thead><tr>
                    <th scope="col">{x.column_currency}</th>
                    <th scope="col" class="amount">{x.column_principal}</th>
                    <th scope="col" class="amount">{x.column_interest}</th>
                    <th scope="col" class="amount">{x.column_total}</th>
                </tr></thead>
                <tbody>
                    {claims.iter().map(|claim| view! {
                        <tr>
                            <th scope="row">{claim.currency.to_string()}</th>
                            <td class="amount">{money(claim.principal, claim)}</td>
                            <td class="amount">{claim.interest.as_ref().map_or(x.rate_missing.to_owned(), |i| money(*i, claim))}</td>
                            <td class="amount" data-figure="claim-total">{claim.total().map_or(x.rate_missing.to_owned(), |t| money(t, claim))}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
    .into_any()
}

/// A column's title, and whether it holds amounts (set to the right).
type Column = (&'static str, bool);

/// One part of the dossier: its title and its table, or «Nada registrado» when it has no row.
#[component]
fn RecordTable(
    title: &'static str,
    class: &'static str,
    columns: Vec<Column>,
    rows: Vec<AnyView>,
    /// A line between the title and the table.
    #[prop(optional)]
    lead: Option<String>,
) -> impl IntoView {
    let x = use_i18n().dossier();
    let body = if rows.is_empty() {
        view! { <p class="empty">{x.none_recorded}</p> }.into_any()
    } else {
        view! {
            <table>
                <thead><tr>
                    {columns.into_iter().map(|(title, amount)| view! {
                        <th scope="col" class:amount=amount>{title}</th>
                    }).collect_view()}
                </tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <section class=class>
            <h2>{title}</h2>
            {lead.map(|lead| view! { <p class="lead">{lead}</p> })}
            {body}
        </section>
    }
}

#[component]
fn InvoicesSection(records: Portfolio, today: NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    let (x, l, fmt) = (i18n.dossier(), i18n.legal(), i18n.number_format());
    let allocation = Allocation::compute(&records, today);
    let mut invoices: Vec<_> = records.invoices.iter().collect();
    invoices.sort_by_key(|(id, i)| (i.issued_on, *id));
    let date = move |day| fmt.date(day);
    let rows = invoices
        .into_iter()
        .map(|(id, invoice)| {
            let open = Money::new(
                allocation.open_amount(id, invoice),
                invoice.amount().currency,
            );
            let mut acceptance = Vec::new();
            if let Some(d) = records.deliveries.get(id) {
                if !d.cufe.is_empty() {
                    acceptance.push((l.cufe)(&d.cufe));
                }
                if let Some(on) = d.received_on {
                    acceptance.push((l.received)(&fmt.date(on), &d.received_by));
                }
                let state = d.acceptance(today);
                if state != Acceptance::Unknown {
                    acceptance.push((l.acceptance)(&state, &date));
                }
            }
            view! {
                <tr>
                    <th scope="row">{id.0.to_string()}</th>
                    <td>{fmt.date(invoice.issued_on)}</td>
                    <td>{fmt.date(invoice.terms.due_on())}</td>
                    <td class="amount">{fmt.money(invoice.amount())}</td>
                    <td class="amount">{fmt.money(open)}</td>
                    <td>{acceptance.join(" · ")}</td>
                </tr>
            }
            .into_any()
        })
        .collect();
    let columns = vec![
        (l.column_invoice, false),
        (x.column_issued, false),
        (l.column_due, false),
        (x.column_amount, true),
        (l.column_open, true),
        (x.column_acceptance, false),
    ];
    view! { <RecordTable title=x.invoices_title class="dossier-invoices" columns=columns rows=rows/> }
}

#[component]
fn PromisesSection(records: Portfolio, today: NaiveDate) -> impl IntoView {
    let i18n = use_i18n();
    let (x, d, fmt) = (i18n.dossier(), i18n.day(), i18n.number_format());
    let outcomes = promise_outcomes(&records, today);
    let mut promises: Vec<_> = records
        .promises
        .iter()
        .map(|(id, p)| {
            (
                p,
                outcomes.get(id).copied().unwrap_or(PromiseOutcome::Pending),
            )
        })
        .collect();
    promises.sort_by_key(|(p, _)| (p.made_on, p.due_on));
    let broken = promises.iter().filter(|(_, o)| o.is_broken()).count();
    let rows = promises
        .into_iter()
        .map(|(p, outcome)| {
            view! {
                <tr class:broken=outcome.is_broken()>
                    <td>{fmt.date(p.made_on)}</td>
                    <td>{fmt.date(p.due_on)}</td>
                    <td class="amount">{fmt.money(p.amount)}</td>
                    <td>{(d.promise_outcome)(outcome)}</td>
                </tr>
            }
            .into_any()
        })
        .collect();
    let columns = vec![
        (x.column_made, false),
        (x.column_promised_for, false),
        (x.column_amount, true),
        (x.column_outcome, false),
    ];
    view! {
        <RecordTable title=x.promises_title class="dossier-promises" columns=columns rows=rows
            lead=(x.broken_count)(broken)/>
    }
}

/// The written demands and bureau notices (`demands`), or every other contact: when, how,
/// what for, what came of it and the collector's note.
#[component]
fn ContactsSection(records: Portfolio, demands: bool) -> impl IntoView {
    let i18n = use_i18n();
    let (x, d, fmt) = (i18n.dossier(), i18n.day(), i18n.number_format());
    let is_demand = |o: Objective| matches!(o, Objective::PreLegalDemand | Objective::BureauNotice);
    let mut contacts: Vec<_> = records
        .contacts
        .values()
        .filter(|c| is_demand(c.objective) == demands)
        .collect();
    contacts.sort_by_key(|c| c.at);
    let rows = contacts
        .into_iter()
        .map(|c| {
            view! {
                <tr>
                    <td>{fmt.date_time(c.at)}</td>
                    <td>{(d.channel_name)(c.channel)}</td>
                    <td>{(d.objective_name)(c.objective)}</td>
                    <td>{(d.outcome_name)(c.outcome)}</td>
                    <td>{c.note.clone()}</td>
                </tr>
            }
            .into_any()
        })
        .collect();
    let columns = vec![
        (x.column_date, false),
        (x.column_channel, false),
        (x.column_objective, false),
        (x.column_outcome, false),
        (x.column_note, false),
    ];
    let (title, class) = if demands {
        (x.demands_title, "dossier-demands")
    } else {
        (x.contacts_title, "dossier-contacts")
    };
    view! { <RecordTable title=title class=class columns=columns rows=rows/> }
}

#[component]
fn DisputesSection(records: Portfolio) -> impl IntoView {
    let i18n = use_i18n();
    let (x, d, fmt) = (i18n.dossier(), i18n.day(), i18n.number_format());
    let mut disputes: Vec<_> = records.disputes.values().collect();
    disputes.sort_by_key(|d| d.opened_on);
    let rows = disputes
        .into_iter()
        .map(|dispute| {
            let invoices = if dispute.invoices.is_empty() {
                x.whole_account.to_owned()
            } else {
                let ids: Vec<&str> = dispute.invoices.iter().map(|i| i.0.as_str()).collect();
                ids.join(", ")
            };
            view! {
                <tr>
                    <td>{fmt.date(dispute.opened_on)}</td>
                    <td>{(d.dispute_reason)(dispute.reason)}</td>
                    <td>{invoices}</td>
                    <td class="amount">{dispute.amount.map(|m| fmt.money(m)).unwrap_or_default()}</td>
                    <td>{dispute.resolved_on.map_or(x.still_open.to_owned(), |on| fmt.date(on))}</td>
                </tr>
            }
            .into_any()
        })
        .collect();
    let columns = vec![
        (x.column_date, false),
        (x.column_reason, false),
        (x.column_invoices, false),
        (x.column_amount, true),
        (x.column_resolved, false),
    ];
    view! { <RecordTable title=x.disputes_title class="dossier-disputes" columns=columns rows=rows/> }
}

/// Payments and voided payments together, by the day they were received.
#[component]
fn PaymentsSection(records: Portfolio) -> impl IntoView {
    let i18n = use_i18n();
    let (x, t, fmt) = (i18n.dossier(), i18n.texts(), i18n.number_format());
    let payments = records.payments.values().map(|p| (p, None));
    let voided = records.voided_payments.values().map(|v| {
        let on = v.voided_on.map(|on| fmt.date(on));
        (&v.payment, Some((x.voided)(&v.reason, on.as_deref())))
    });
    let mut all: Vec<_> = payments.chain(voided).collect();
    all.sort_by_key(|(p, _)| p.received_on);
    let rows = all
        .into_iter()
        .map(|(p, voided)| {
            let document = p
                .receipt
                .as_ref()
                .map_or(p.reference.to_string(), ToString::to_string);
            let is_voided = voided.is_some();
            view! {
                <tr class:voided=is_voided>
                    <td>{fmt.date(p.received_on)}</td>
                    <td>{(t.method_name)(p.method)}</td>
                    <td>{document}</td>
                    <td class="amount">{fmt.money(p.amount)}</td>
                    <td>{voided}</td>
                </tr>
            }
            .into_any()
        })
        .collect();
    let columns = vec![
        (x.column_date, false),
        (x.column_method, false),
        (x.column_document, false),
        (x.column_amount, true),
        (x.column_note, false),
    ];
    view! { <RecordTable title=x.payments_title class="dossier-payments" columns=columns rows=rows/> }
}

/// A field the record cannot fill, marked for the person who files the demand.
#[component]
fn ToFill(what: &'static str) -> impl IntoView {
    let x = use_i18n().dossier();
    view! { <mark class="to-fill">{(x.to_fill)(what)}</mark> }
}

/// The demand of a proceso monitorio as CGP art. 420 lists its contents, written from the
/// record where it can be and marked for completion where it cannot.
#[component]
fn DraftDemand(
    records: Portfolio,
    company: OutreachSettings,
    debtor: Customer,
    customer: CustomerId,
    claims: Vec<Claim>,
    today: NaiveDate,
) -> impl IntoView {
    let i18n = use_i18n();
    let (x, d, fmt) = (i18n.dossier(), i18n.day(), i18n.number_format());
    let facts = demand_facts(&records, &customer, &claims, today);
    let listed = evidence(&facts, &records, &customer, today);
    let creditor_name = if company.company.trim().is_empty() {
        (x.to_fill)(i18n.legal().creditor)
    } else {
        company.company.clone()
    };
    let pretensions = claims
        .iter()
        .filter_map(|claim| {
            let since = claim.dues.first()?.due_on;
            let principal = fmt.money(Money::new(claim.principal, claim.currency));
            let interest = claim
                .interest
                .as_ref()
                .ok()
                .filter(|i| !i.is_zero())
                .map(|i| fmt.money(Money::new(*i, claim.currency)));
            let through = fmt.date(today);
            Some((x.claim)(&Pretension {
                debtor: &debtor.name,
                creditor: &creditor_name,
                principal: &principal,
                overdue_since: &fmt.date(since),
                interest: interest.as_deref().map(|i| (i, through.as_str())),
            }))
        })
        .map(|text| view! { <p>{text}</p> })
        .collect_view();
    let [judge, parties, claim, facts_title, statement, proofs, notices, annexes] =
        x.draft_sections;
    let debtor_contact = [
        debtor.address.clone(),
        debtor.city.clone(),
        debtor.phones.join(", "),
        debtor.email.clone(),
    ]
    .into_iter()
    .filter(|p| !p.trim().is_empty())
    .collect::<Vec<_>>()
    .join(" · ");
    view! {
        <section class="draft-demand">
            <h2>{x.draft_title}</h2>
            <p class="help no-print">{x.draft_help}</p>
            <h3>{judge}</h3>
            <p>{if debtor.city.trim().is_empty() {
                view! { {(x.judge)("")} <ToFill what=x.judge_city/> }.into_any()
            } else {
                (x.judge)(&debtor.city).into_any()
            }}</p>
            <h3>{parties}</h3>
            <p>{creditor_line(&company)}{format!(", {} ", x.represented_by)}<ToFill what=x.representative/></p>
            <p>{debtor_line(&debtor)}</p>
            <h3>{claim}</h3>
            {pretensions}
            <h3>{facts_title}</h3>
            <ol class="facts">
                {facts.iter().map(|fact| view! { <li>{(x.fact)(fact, fmt, d)}</li> }).collect_view()}
            </ol>
            <h3>{statement}</h3>
            <p>{(x.no_counter_performance)(&creditor_name)}</p>
            <h3>{proofs}</h3>
            <ol class="evidence">
                {listed.iter().map(|e| view! { <li>{(x.evidence)(e, fmt, d)}</li> }).collect_view()}
            </ol>
            <p class="note">{x.documents_note}</p>
            <h3>{notices}</h3>
            <p>{(x.notified_at)(&creditor_name)}{format!(" {} · {}: ", company.company_address, x.email)}<ToFill what=x.email/></p>
            <p>{(x.notified_at)(&format!("{} ({})", debtor.name, debtor_id(&debtor)))}{format!(" {debtor_contact}")}</p>
            <h3>{annexes}</h3>
            <p><ToFill what=x.annexes/></p>
        </section>
    }
}
