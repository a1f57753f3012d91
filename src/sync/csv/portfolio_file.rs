//! A customers-and-invoices file: one row per invoice, or per instalment when a `cuota`
//! column numbers them. Every row is read; each bad one is reported with its line and reason,
//! and nothing is taken from it.

use std::collections::BTreeMap;
use std::fmt;

use super::amount::{detect_separator, parse_amount, AmountProblem, DecimalSeparator};
use super::column::{recognise, Column};
use super::date::{detect_format, parse_date, DateFormat, DateProblem};
use super::text::{decode, detect_delimiter, EncodingProblem};
use crate::domain::customer::CustomerId;
use crate::domain::invoice::{Installment, InvoiceId, Terms, TermsProblem};
use crate::domain::money::{Currency, Money};
use crate::sync::op::{CustomerPatch, InvoicePatch};

/// How the file is written; detected, shown on the preview, and confirmed by the person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    pub delimiter: u8,
    pub decimal: DecimalSeparator,
    pub dates: DateFormat,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileProblem {
    Encoding(EncodingProblem),
    /// Columns the file must have and lacks.
    MissingColumns(Vec<Column>),
    /// The CSV itself is broken (an unclosed quote, say) at this line.
    Malformed {
        line: u64,
    },
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileProblem::Encoding(problem) => problem.fmt(f),
            FileProblem::MissingColumns(columns) => write!(f, "missing columns: {columns:?}"),
            FileProblem::Malformed { line } => write!(f, "the CSV is malformed at line {line}"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowProblem {
    Missing(Column),
    Amount(AmountProblem),
    Date(Column, DateProblem),
    Currency(String),
    Installment(String),
    /// The same invoice number on two rows, without instalment numbers to tell them apart.
    RepeatedInvoice(InvoiceId),
    /// The instalments of one invoice, read together, do not make valid terms.
    Terms(InvoiceId, TermsProblem),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRow {
    pub line: u64,
    pub problem: RowProblem,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PortfolioFile {
    pub customers: BTreeMap<CustomerId, CustomerPatch>,
    pub invoices: BTreeMap<InvoiceId, InvoicePatch>,
    pub bad_rows: Vec<BadRow>,
    /// Headers that name nothing we know, shown on the preview so nothing is dropped silently.
    pub ignored_columns: Vec<String>,
}

const REQUIRED: [Column; 4] = [
    Column::CustomerName,
    Column::Invoice,
    Column::DueDate,
    Column::Amount,
];

/// The layout the file appears to use.
pub fn detect_layout(bytes: &[u8]) -> Result<Layout, FileProblem> {
    let text = decode(bytes).map_err(FileProblem::Encoding)?;
    let delimiter = detect_delimiter(text);
    let table = Table::read(text, delimiter)?;
    let cells = |wanted: &[Column]| -> Vec<&str> {
        table
            .rows
            .iter()
            .flat_map(|(_, record)| wanted.iter().map(|column| table.cell(record, *column)))
            .collect()
    };
    let amounts = cells(&[Column::Amount]);
    let dates = cells(&[Column::IssueDate, Column::DueDate]);
    Ok(Layout {
        delimiter,
        decimal: detect_separator(amounts),
        dates: detect_format(dates),
    })
}

/// Reads the whole file with a confirmed layout. Amounts without a currency column are in
/// `default_currency`.
pub fn read_portfolio(
    bytes: &[u8],
    layout: Layout,
    default_currency: Currency,
) -> Result<PortfolioFile, FileProblem> {
    let text = decode(bytes).map_err(FileProblem::Encoding)?;
    let table = Table::read(text, layout.delimiter)?;
    let has = |wanted: Column| table.index.contains_key(&wanted);
    let mut missing: Vec<Column> = REQUIRED.into_iter().filter(|c| !has(*c)).collect();
    if !has(Column::CustomerId) && !has(Column::TaxId) {
        missing.push(Column::CustomerId);
    }
    if !missing.is_empty() {
        return Err(FileProblem::MissingColumns(missing));
    }

    let mut file = PortfolioFile {
        ignored_columns: table
            .headers
            .iter()
            .filter(|name| recognise(name).is_none())
            .cloned()
            .collect(),
        ..PortfolioFile::default()
    };
    // Invoice number → the customer, issue date, currency and each row's instalment.
    let mut pieces: BTreeMap<InvoiceId, Vec<InvoiceRow>> = BTreeMap::new();
    for (line, record) in &table.rows {
        let cell = |column: Column| table.cell(record, column);
        match read_row(&cell, *line, layout, default_currency) {
            Ok((customer, patch, row)) => {
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
        Some(id) => CustomerId(id),
        None => return Err(RowProblem::Missing(Column::CustomerId)),
    };
    let name = required(Column::CustomerName)?;
    let invoice = InvoiceId(required(Column::Invoice)?);
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
    let patch = CustomerPatch {
        name: Some(name),
        tax_id,
        phones: optional(Column::Phone).map(|phone| vec![phone]),
        email: optional(Column::Email),
        address: optional(Column::Address),
        city: optional(Column::City),
        collector: optional(Column::Collector),
        notes: None,
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
        customer: Some(first.customer.clone()),
        issued_on: Some(first.issued_on),
        terms: Some(terms),
    })
}

/// A file read once: its header names, where each known column is, and its non-blank rows.
struct Table {
    headers: Vec<String>,
    index: BTreeMap<Column, usize>,
    rows: Vec<(u64, csv::StringRecord)>,
}

impl Table {
    fn read(text: &str, delimiter: u8) -> Result<Table, FileProblem> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers: Vec<String> = reader
            .headers()
            .map_err(|_| FileProblem::Malformed { line: 1 })?
            .iter()
            .map(|name| name.trim().to_owned())
            .collect();
        let mut index = BTreeMap::new();
        for (position, name) in headers.iter().enumerate() {
            if let Some(column) = recognise(name) {
                // When two headers name the same column, the first one counts.
                index.entry(column).or_insert(position);
            }
        }
        let mut rows = Vec::new();
        for record in reader.records() {
            let line = |e: &csv::Error| e.position().map_or(0, |p| p.line());
            let record = record.map_err(|e| FileProblem::Malformed { line: line(&e) })?;
            if record.iter().all(|cell| cell.trim().is_empty()) {
                continue;
            }
            rows.push((record.position().map_or(0, |p| p.line()), record));
        }
        Ok(Table {
            headers,
            index,
            rows,
        })
    }

    /// A row's value in a column, trimmed; empty when the file lacks the column or the cell.
    fn cell<'r>(&self, record: &'r csv::StringRecord, column: Column) -> &'r str {
        self.index
            .get(&column)
            .and_then(|position| record.get(*position))
            .map(str::trim)
            .unwrap_or_default()
    }
}
