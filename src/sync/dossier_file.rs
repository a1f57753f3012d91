//! A customer's dossier («expediente») as a JSON file a lawyer's tools open: the parties, what
//! is claimed and whether it fits the proceso monitorio, and every record of the customer as
//! the log holds it, with each invoice's open amount and acceptance and each promise's
//! outcome. The printed dossier shows the same in words; this is the data behind it.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::Serialize;

use crate::domain::allocation::Allocation;
use crate::domain::claim::Claim;
use crate::domain::contact::Contact;
use crate::domain::credit_note::CreditNote;
use crate::domain::customer::{Customer, CustomerId};
use crate::domain::dispute::Dispute;
use crate::domain::invoice::{Invoice, InvoiceId};
use crate::domain::invoice_acceptance::{Acceptance, Delivery};
use crate::domain::money::Currency;
use crate::domain::monitorio::MonitorioFit;
use crate::domain::payment::{Payment, PaymentId, VoidedPayment};
use crate::domain::portfolio::Portfolio;
use crate::domain::promise::Promise;
use crate::domain::promise_outcome::{promise_outcomes, PromiseOutcome};

/// Names the file's shape for whoever reads it later.
pub const FORMAT: &str = "cobranza-expediente";
pub const VERSION: u32 = 1;

/// The business that claims, as its settings name it.
#[derive(Clone, Copy, Debug, Serialize)]
pub struct Creditor<'a> {
    pub name: &'a str,
    pub tax_id: &'a str,
    pub address: &'a str,
}

#[derive(Serialize)]
struct DossierFile<'a> {
    format: &'static str,
    version: u32,
    as_of: NaiveDate,
    creditor: Creditor<'a>,
    debtor_id: &'a CustomerId,
    debtor: &'a Customer,
    claims: Vec<ClaimRow>,
    monitorio: MonitorioRow,
    invoices: Vec<InvoiceRow<'a>>,
    payments: Vec<PaymentRow<'a>>,
    voided_payments: Vec<&'a VoidedPayment>,
    credit_notes: Vec<&'a CreditNote>,
    promises: Vec<PromiseRow<'a>>,
    contacts: Vec<&'a Contact>,
    disputes: Vec<&'a Dispute>,
}

#[derive(Serialize)]
struct ClaimRow {
    currency: Currency,
    principal: Decimal,
    /// `None` while a month's rate is missing.
    interest: Option<Decimal>,
    total: Option<Decimal>,
}

#[derive(Serialize)]
struct MonitorioRow {
    /// fits, too_large, nothing_due, not_in_pesos, claim_unknown, missing_wage.
    status: &'static str,
    claim: Option<Decimal>,
    cap: Option<Decimal>,
    missing_wage_year: Option<i32>,
}

#[derive(Serialize)]
struct InvoiceRow<'a> {
    id: &'a InvoiceId,
    #[serde(flatten)]
    invoice: &'a Invoice,
    open: Decimal,
    delivery: Option<&'a Delivery>,
    accepted_on: Option<NaiveDate>,
    objected_on: Option<NaiveDate>,
}

#[derive(Serialize)]
struct PaymentRow<'a> {
    id: &'a PaymentId,
    #[serde(flatten)]
    payment: &'a Payment,
}

#[derive(Serialize)]
struct PromiseRow<'a> {
    #[serde(flatten)]
    promise: &'a Promise,
    /// pending, kept, partly_kept or broken.
    outcome: &'static str,
    /// What arrived of a promise partly kept.
    paid: Option<Decimal>,
}

fn monitorio_row(fit: &MonitorioFit) -> MonitorioRow {
    let row = |status| MonitorioRow {
        status,
        claim: None,
        cap: None,
        missing_wage_year: None,
    };
    match fit {
        MonitorioFit::Fits { claim, cap } => MonitorioRow {
            claim: Some(*claim),
            cap: Some(*cap),
            ..row("fits")
        },
        MonitorioFit::TooLarge { claim, cap } => MonitorioRow {
            claim: Some(*claim),
            cap: Some(*cap),
            ..row("too_large")
        },
        MonitorioFit::NothingDue => row("nothing_due"),
        MonitorioFit::NotInPesos => row("not_in_pesos"),
        MonitorioFit::ClaimUnknown => row("claim_unknown"),
        MonitorioFit::MissingWage(year) => MonitorioRow {
            missing_wage_year: Some(*year),
            ..row("missing_wage")
        },
    }
}

/// The dossier of `customer` on `as_of` as pretty JSON; `records` is the customer's own
/// portfolio (`Portfolio::of_customer`), `claims` and `fit` what the screen shows for the day.
pub fn dossier_json(
    records: &Portfolio,
    customer: &CustomerId,
    creditor: Creditor<'_>,
    claims: &[Claim],
    fit: &MonitorioFit,
    as_of: NaiveDate,
) -> Option<String> {
    let debtor = records.customers.get(customer)?;
    let allocation = Allocation::compute(records, as_of);
    let outcomes = promise_outcomes(records, as_of);
    let file = DossierFile {
        format: FORMAT,
        version: VERSION,
        as_of,
        creditor,
        debtor_id: customer,
        debtor,
        claims: claims
            .iter()
            .map(|claim| ClaimRow {
                currency: claim.currency,
                principal: claim.principal,
                interest: claim.interest.as_ref().ok().copied(),
                total: claim.total(),
            })
            .collect(),
        monitorio: monitorio_row(fit),
        invoices: records
            .invoices
            .iter()
            .map(|(id, invoice)| {
                let delivery = records.deliveries.get(id);
                let acceptance = delivery.map_or(Acceptance::Unknown, |d| d.acceptance(as_of));
                InvoiceRow {
                    id,
                    invoice,
                    open: allocation.open_amount(id, invoice),
                    delivery,
                    accepted_on: match acceptance {
                        Acceptance::Accepted { on } => Some(on),
                        _ => None,
                    },
                    objected_on: match acceptance {
                        Acceptance::Objected { on } => Some(on),
                        _ => None,
                    },
                }
            })
            .collect(),
        payments: records
            .payments
            .iter()
            .map(|(id, payment)| PaymentRow { id, payment })
            .collect(),
        voided_payments: records.voided_payments.values().collect(),
        credit_notes: records.credit_notes.values().collect(),
        promises: records
            .promises
            .iter()
            .map(|(id, promise)| {
                let outcome = outcomes.get(id).copied().unwrap_or(PromiseOutcome::Pending);
                let (outcome, paid) = match outcome {
                    PromiseOutcome::Pending => ("pending", None),
                    PromiseOutcome::Kept => ("kept", None),
                    PromiseOutcome::PartlyKept(paid) => ("partly_kept", Some(paid)),
                    PromiseOutcome::Broken => ("broken", None),
                };
                PromiseRow {
                    promise,
                    outcome,
                    paid,
                }
            })
            .collect(),
        contacts: records.contacts.values().collect(),
        disputes: records.disputes.values().collect(),
    };
    serde_json::to_string_pretty(&file).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::invoice::Terms;
    use crate::domain::money::Money;
    use crate::domain::promise::PromiseId;
    use rust_decimal::dec;

    #[test]
    fn the_file_holds_the_debtor_the_open_invoices_and_the_broken_promises() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).expect("a day");
        let customer = CustomerId("c1".into());
        let mut records = Portfolio::default();
        records.customers.insert(
            customer.clone(),
            Customer {
                name: "Ferretería El Tornillo".into(),
                tax_id: "900123456".into(),
                ..Customer::default()
            },
        );
        let pesos = |amount| Money::new(amount, Currency::COP);
        records.invoices.insert(
            InvoiceId("F-1".into()),
            Invoice {
                customer: customer.clone(),
                issued_on: day(8, 3),
                terms: Terms::single(pesos(dec!(900000)), day(9, 2)).expect("terms"),
                kind: Default::default(),
            },
        );
        records.promises.insert(
            PromiseId("p".into()),
            Promise {
                customer: customer.clone(),
                made_on: day(9, 25),
                due_on: day(10, 1),
                amount: pesos(dec!(100000)),
                channel: None,
            },
        );
        let creditor = Creditor {
            name: "Distribuidora Andina",
            tax_id: "NIT 900",
            address: "Bogotá",
        };
        let json = dossier_json(
            &records,
            &customer,
            creditor,
            &[],
            &MonitorioFit::MissingWage(2026),
            day(12, 3),
        )
        .expect("the customer is there");
        let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        assert_eq!(value["format"], FORMAT);
        assert_eq!(value["debtor"]["name"], "Ferretería El Tornillo");
        assert_eq!(value["invoices"][0]["id"], "F-1");
        assert_eq!(value["invoices"][0]["open"], "900000");
        assert_eq!(value["promises"][0]["outcome"], "broken");
        assert_eq!(value["monitorio"]["status"], "missing_wage");
        assert_eq!(value["monitorio"]["missing_wage_year"], 2026);
    }
}
