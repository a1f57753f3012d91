//! What every CSV file we read shares: its layout (delimiter, decimal separator, date format),
//! the problems that make a whole file unreadable, and the table of its rows.

use std::collections::BTreeMap;
use std::fmt;

use super::amount::{detect_separator, AmountProblem, DecimalSeparator};
use super::column::{recognise, Column};
use super::date::{detect_format, DateFormat, DateProblem};
use super::text::{decode, detect_delimiter, EncodingProblem};
use crate::domain::invoice::{InvoiceId, TermsProblem};
use crate::sync::op_check::OpProblem;

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
    /// A value no operation may carry (markup in a name, say): importing it would make every
    /// bundle of this device refused by its peers.
    Unacceptable(OpProblem),
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileProblem::Encoding(problem) => problem.fmt(f),
            FileProblem::MissingColumns(columns) => write!(f, "missing columns: {columns:?}"),
            FileProblem::Malformed { line } => write!(f, "the CSV is malformed at line {line}"),
            FileProblem::Unacceptable(problem) => write!(f, "unacceptable value: {problem:?}"),
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
    /// Neither «natural» nor «jurídica» (nor a word for them).
    DebtorKind(String),
    IdType(String),
    /// Not a whole number of days between 1 and two years.
    PaymentDays(String),
    CreditLimit(AmountProblem),
    /// A credit limit of zero: withdrawing credit is a hold, which a person records.
    ZeroLimit,
    /// The same invoice number on two rows, without instalment numbers to tell them apart.
    RepeatedInvoice(InvoiceId),
    /// The instalments of one invoice, read together, do not make valid terms.
    Terms(InvoiceId, TermsProblem),
    /// A payment method we do not know by that name.
    Method(String),
    /// A payment for a customer the portfolio does not have.
    UnknownCustomer(String),
    /// A payment naming an invoice the portfolio does not have.
    UnknownInvoice(InvoiceId),
    /// The customer column and the invoice's own customer disagree.
    InvoiceOfAnotherCustomer(InvoiceId),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadRow {
    pub line: u64,
    pub problem: RowProblem,
}

/// Which of the files we read this one is, from its headers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// Customers and their invoices (or instalments), one row each.
    Portfolio,
    /// Payments received.
    Payments,
}

/// What the file is and how it is written, from one reading of it. A file with due dates is
/// a portfolio; one with payment dates and no due dates lists payments. Anything else is read
/// as a portfolio, whose reader names the missing columns.
pub fn detect(bytes: &[u8]) -> Result<(FileKind, Layout), FileProblem> {
    let text = decode(bytes).map_err(FileProblem::Encoding)?;
    let delimiter = detect_delimiter(text);
    let table = Table::read(text, delimiter)?;
    let kind = if !table.has(Column::DueDate) && table.has(Column::PaymentDate) {
        FileKind::Payments
    } else {
        FileKind::Portfolio
    };
    let cells = |wanted: &[Column]| -> Vec<&str> {
        table
            .rows
            .iter()
            .flat_map(|(_, record)| wanted.iter().map(|column| table.cell(record, *column)))
            .collect()
    };
    let amounts = cells(&[Column::Amount]);
    let dates = cells(&[Column::IssueDate, Column::DueDate, Column::PaymentDate]);
    let layout = Layout {
        delimiter,
        decimal: detect_separator(amounts),
        dates: detect_format(dates),
    };
    Ok((kind, layout))
}

/// The layout the file appears to use.
pub fn detect_layout(bytes: &[u8]) -> Result<Layout, FileProblem> {
    detect(bytes).map(|(_, layout)| layout)
}

/// A file read once: its header names, where each known column is, and its non-blank rows.
pub struct Table {
    pub headers: Vec<String>,
    pub index: BTreeMap<Column, usize>,
    pub rows: Vec<(u64, csv::StringRecord)>,
}

impl Table {
    pub fn read(text: &str, delimiter: u8) -> Result<Table, FileProblem> {
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
    pub fn cell<'r>(&self, record: &'r csv::StringRecord, column: Column) -> &'r str {
        self.index
            .get(&column)
            .and_then(|position| record.get(*position))
            .map(str::trim)
            .unwrap_or_default()
    }

    /// Whether the file has a header for this column.
    pub fn has(&self, column: Column) -> bool {
        self.index.contains_key(&column)
    }

    /// Headers that name nothing we know, shown on the preview so nothing is dropped silently.
    pub fn ignored_columns(&self) -> Vec<String> {
        self.headers
            .iter()
            .filter(|name| recognise(name).is_none())
            .cloned()
            .collect()
    }
}
