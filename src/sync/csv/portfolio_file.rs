//! A customers-and-invoices file: one row per invoice, or per instalment when a `cuota`
//! column numbers them. Every row is read; each bad one is reported with its line and reason,
//! and nothing is taken from it.

use super::amount::parse_amount;
use super::column::Column;
use super::date::parse_date;
use super::table::{BadRow, FileProblem, Layout, RowProblem, Table};
use super::text::decode;
use crate::domain::credit_terms::{CreditTerms, MAX_PAYMENT_DAYS};
use crate::domain::customer::CustomerId;
use crate::domain::debtor::{inferred_from_tax_id, DebtorKind, IdType};
use crate::domain::invoice::{Installment, InvoiceId, Terms};
use crate::domain::invoice_acceptance::Delivery;
use crate::domain::money::{Currency, Money};
use crate::sync::op::{CustomerPatch, InvoicePatch};
use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PortfolioFile {
    pub customers: BTreeMap<CustomerId, CustomerPatch>,
    pub invoices: BTreeMap<InvoiceId, InvoicePatch>,
    pub bad_rows: Vec<BadRow>,
    /// Headers that name nothing we know, shown on the preview so nothing is dropped silently.
    pub ignored_columns: Vec<String>,
    /// Customers taken as businesses from the shape of their NIT, the file not saying.
    pub inferred_kinds: BTreeSet<CustomerId>,
    /// Each invoice's electronic code and receipt, where the file gives them.
    pub deliveries: BTreeMap<InvoiceId, Delivery>,
}

const REQUIRED: [Column; 4] = [
    Column::CustomerName,
    Column::Invoice,
    Column::DueDate,
    Column::Amount,
];

/// Reads the whole file with a confirmed layout. Amounts without a currency column are in
/// `default_currency`.
pub fn read_portfolio(
    bytes: &[u8],
    layout: Layout,
    default_currency: Currency,
) -> Result<PortfolioFile, FileProblem> {
    let text = decode(bytes).map_err(FileProblem::Encoding)?;
    let table = Table::read(text, layout.delimiter)?;
    let has = |wanted: Column| table.has(wanted);
    let mut missing: Vec<Column> = REQUIRED.into_iter().filter(|c| !has(*c)).collect();
    if !has(Column::CustomerId) && !has(Column::TaxId) {
        missing.push(Column::CustomerId);
    }
    if !missing.is_empty() {
        return Err(FileProblem::MissingColumns(missing));
    }

    let mut file = PortfolioFile {
        ignored_columns: table.ignored_columns(),
        ..PortfolioFile::default()
    };
    // Invoice number → the customer, issue date, currency and each row's instalment.
    let mut pieces: BTreeMap<InvoiceId, Vec<InvoiceRow>> = BTreeMap::new();
    for (line, record) in &table.rows {
        let cell = |column: Column| table.cell(record, column);
        match read_row(&cell, *line, layout, default_currency) {
            Ok((customer, patch, row)) => {
                if patch.kind.is_some() && cell(Column::DebtorKind).is_empty() {
                    file.inferred_kinds.insert(customer.clone());
                }
                file.customers.insert(customer, patch);
                pieces.entry(row.invoice.clone()).or_default().push(row);
            }
            Err(problem) => file.bad_rows.push(BadRow {
                line: *line,
                problem,
            }),
        }
    }
    for (invoice, rows) in pieces {
        if let Some(delivery) = rows.iter().find_map(|r| r.delivery.clone()) {
            file.deliveries.insert(invoice.clone(), delivery);
        }
        match invoice_terms(&invoice, &rows) {
            Ok(patch) => {
                file.invoices.insert(invoice, patch);
            }
            Err(bad) => file.bad_rows.push(bad),
        }
    }
    file.bad_rows.sort_by_key(|bad| bad.line);
    Ok(file)
}

/// One row's share of an invoice.
struct InvoiceRow {
    line: u64,
    invoice: InvoiceId,
    customer: CustomerId,
    issued_on: chrono::NaiveDate,
    installment: Option<u32>,
    due: Installment,
    currency: Currency,
    delivery: Option<Delivery>,
}

fn read_row<'a>(
    cell: &impl Fn(Column) -> &'a str,
    line: u64,
    layout: Layout,
    default_currency: Currency,
) -> Result<(CustomerId, CustomerPatch, InvoiceRow), RowProblem> {
    let required = |column: Column| {
        let value = cell(column);
        if value.is_empty() {
            Err(RowProblem::Missing(column))
        } else {
            Ok(value.to_owned())
        }
    };
    let optional = |column: Column| Some(cell(column).to_owned()).filter(|v| !v.is_empty());
    let tax_id = optional(Column::TaxId);
    let customer = match optional(Column::CustomerId).or_else(|| tax_id.clone()) {
        Some(id) => CustomerId(id.into()),
        None => return Err(RowProblem::Missing(Column::CustomerId)),
    };
    let name = required(Column::CustomerName)?;
    let invoice = InvoiceId(required(Column::Invoice)?.into());
    let date = |column: Column| {
        parse_date(cell(column), layout.dates).map_err(|problem| RowProblem::Date(column, problem))
    };
    let due_on = date(Column::DueDate)?;
    let issued_on = if cell(Column::IssueDate).is_empty() {
        due_on
    } else {
        date(Column::IssueDate)?
    };
    let amount = parse_amount(cell(Column::Amount), layout.decimal).map_err(RowProblem::Amount)?;
    let currency = match optional(Column::Currency) {
        Some(code) => Currency::parse(&code).map_err(|_| RowProblem::Currency(code))?,
        None => default_currency,
    };
    let installment = match optional(Column::Installment) {
        Some(text) => Some(
            text.parse::<u32>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or(RowProblem::Installment(text))?,
        ),
        None => None,
    };
    let stated_kind = optional(Column::DebtorKind)
        .map(|text| DebtorKind::parse(&text).ok_or(RowProblem::DebtorKind(text)))
        .transpose()?;
    let stated_id_type = optional(Column::IdType)
        .map(|text| IdType::parse(&text).ok_or(RowProblem::IdType(text)))
        .transpose()?;
    let inferred = tax_id.as_deref().and_then(inferred_from_tax_id);
    let kind = stated_kind.or(inferred.map(|(kind, _)| kind));
    let id_type = stated_id_type.or(inferred.map(|(_, id_type)| id_type));
    let payment_days = optional(Column::PaymentDays)
        .map(|text| {
            text.parse::<u32>()
                .ok()
                .filter(|days| (1..=MAX_PAYMENT_DAYS).contains(days))
                .ok_or(RowProblem::PaymentDays(text))
        })
        .transpose()?;
    let limit = optional(Column::CreditLimit)
        .map(|text| parse_amount(&text, layout.decimal).map_err(RowProblem::CreditLimit))
        .transpose()?
        .map(|amount| {
            // A limit of nothing is a hold, not a limit: say so rather than guess.
            (amount > Decimal::ZERO)
                .then(|| Money::new(amount, currency))
                .ok_or(RowProblem::ZeroLimit)
        })
        .transpose()?;
    let credit_terms = (payment_days.is_some() || limit.is_some()).then(|| CreditTerms {
        payment_days,
        limits: limit.into_iter().collect(),
    });
    let patch = CustomerPatch {
        name: Some(name),
        tax_id,
        phones: optional(Column::Phone).map(|phone| vec![phone]),
        email: optional(Column::Email),
        address: optional(Column::Address),
        city: optional(Column::City),
        collector: optional(Column::Collector),
        notes: None,
        location: None,
        kind,
        id_type,
        visits_authorized: None,
        credit_terms,
        salesperson: optional(Column::Salesperson),
        bureau_authorization: None,
    };
    let received_on = match cell(Column::ReceivedOn) {
        "" => None,
        _ => Some(date(Column::ReceivedOn)?),
    };
    let delivery = Delivery {
        cufe: cell(Column::Cufe).to_owned(),
        received_on,
        received_by: cell(Column::ReceivedBy).to_owned(),
        objected_on: None,
    };
    let row = InvoiceRow {
        line,
        invoice,
        customer: customer.clone(),
        issued_on,
        installment,
        due: Installment {
            number: installment.unwrap_or(1),
            due_on,
            amount,
        },
        currency,
        delivery: (delivery != Delivery::default()).then_some(delivery),
    };
    Ok((customer, patch, row))
}

/// The rows of one invoice as its terms: one row is the whole invoice; several numbered rows
/// are its instalments.
fn invoice_terms(invoice: &InvoiceId, rows: &[InvoiceRow]) -> Result<InvoicePatch, BadRow> {
    let first = &rows[0];
    let bad = |line: u64, problem: RowProblem| BadRow { line, problem };
    if let Some(repeat) = rows
        .iter()
        .skip(1)
        .find(|r| r.installment.is_none() || first.installment.is_none())
    {
        return Err(bad(
            repeat.line,
            RowProblem::RepeatedInvoice(invoice.clone()),
        ));
    }
    let terms = if first.installment.is_none() {
        Terms::single(
            Money::new(first.due.amount, first.currency),
            first.due.due_on,
        )
    } else {
        Terms::in_installments(first.currency, rows.iter().map(|r| r.due).collect())
    };
    let terms =
        terms.map_err(|problem| bad(first.line, RowProblem::Terms(invoice.clone(), problem)))?;
    Ok(InvoicePatch {
        kind: None,
        customer: Some(first.customer.clone()),
        issued_on: Some(first.issued_on),
        terms: Some(terms),
    })
}
