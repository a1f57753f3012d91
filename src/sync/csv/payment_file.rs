//! A payments file: one row per payment received, as a bank statement or the accounting
//! program lists them. Each payment must belong to a customer the portfolio already has,
//! found by customer id, tax id or the invoice it pays; every other row is reported.

use super::amount::parse_amount;
use super::column::Column;
use super::date::parse_date;
use super::payment_method::parse_method;
use super::table::{BadRow, FileProblem, Layout, RowProblem, Table};
use super::text::decode;
use crate::domain::customer::CustomerId;
use crate::domain::invoice::InvoiceId;
use crate::domain::money::{Currency, Money};
use crate::domain::payment::Payment;
use crate::domain::portfolio::Portfolio;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PaymentFile {
    /// Each good row's line and payment, in file order.
    pub payments: Vec<(u64, Payment)>,
    pub bad_rows: Vec<BadRow>,
    pub ignored_columns: Vec<String>,
}

/// Reads the whole file with a confirmed layout against the portfolio it will go into.
/// Amounts without a currency are in their invoice's currency, else `default_currency`.
pub fn read_payments(
    bytes: &[u8],
    layout: Layout,
    default_currency: Currency,
    portfolio: &Portfolio,
) -> Result<PaymentFile, FileProblem> {
    let text = decode(bytes).map_err(FileProblem::Encoding)?;
    let table = Table::read(text, layout.delimiter)?;
    let mut missing: Vec<Column> = [Column::PaymentDate, Column::Amount]
        .into_iter()
        .filter(|c| !table.has(*c))
        .collect();
    if ![Column::CustomerId, Column::TaxId, Column::Invoice]
        .iter()
        .any(|c| table.has(*c))
    {
        missing.push(Column::CustomerId);
    }
    if !missing.is_empty() {
        return Err(FileProblem::MissingColumns(missing));
    }
    let mut file = PaymentFile {
        ignored_columns: table.ignored_columns(),
        ..PaymentFile::default()
    };
    for (line, record) in &table.rows {
        let cell = |column: Column| table.cell(record, column);
        match read_row(&cell, layout, default_currency, portfolio) {
            Ok(payment) => file.payments.push((*line, payment)),
            Err(problem) => file.bad_rows.push(BadRow {
                line: *line,
                problem,
            }),
        }
    }
    Ok(file)
}

fn read_row<'a>(
    cell: &impl Fn(Column) -> &'a str,
    layout: Layout,
    default_currency: Currency,
    portfolio: &Portfolio,
) -> Result<Payment, RowProblem> {
    let received_on = parse_date(cell(Column::PaymentDate), layout.dates)
        .map_err(|problem| RowProblem::Date(Column::PaymentDate, problem))?;
    let amount = parse_amount(cell(Column::Amount), layout.decimal).map_err(RowProblem::Amount)?;
    let invoice = match cell(Column::Invoice) {
        "" => None,
        number => {
            let id = InvoiceId(number.into());
            match portfolio.invoices.get(&id) {
                Some(invoice) => Some((id, invoice)),
                None => return Err(RowProblem::UnknownInvoice(id)),
            }
        }
    };
    let named = [cell(Column::CustomerId), cell(Column::TaxId)]
        .into_iter()
        .find(|value| !value.is_empty());
    let customer = match (named, &invoice) {
        (Some(key), invoice) => {
            let customer = find_customer(portfolio, key)
                .ok_or_else(|| RowProblem::UnknownCustomer(key.to_owned()))?;
            if let Some((id, invoice)) = invoice {
                if invoice.customer != customer {
                    return Err(RowProblem::InvoiceOfAnotherCustomer(id.clone()));
                }
            }
            customer
        }
        (None, Some((_, invoice))) => invoice.customer.clone(),
        (None, None) => return Err(RowProblem::Missing(Column::CustomerId)),
    };
    let currency = match cell(Column::Currency) {
        "" => invoice
            .as_ref()
            .map_or(default_currency, |(_, inv)| inv.amount().currency),
        code => Currency::parse(code).map_err(|_| RowProblem::Currency(code.to_owned()))?,
    };
    let method = parse_method(cell(Column::Method))
        .ok_or_else(|| RowProblem::Method(cell(Column::Method).to_owned()))?;
    Ok(Payment {
        customer,
        received_on,
        amount: Money::new(amount, currency),
        method,
        reference: cell(Column::Reference).into(),
        applies_to: invoice.map(|(id, _)| vec![id]).unwrap_or_default(),
        receipt: None,
    })
}

/// A customer by its own id, or by tax id with or without dots, dashes and check digit
/// separators ("800.197.268-1" is "8001972681").
fn find_customer(portfolio: &Portfolio, key: &str) -> Option<CustomerId> {
    let id = CustomerId(key.into());
    if portfolio.customers.contains_key(&id) {
        return Some(id);
    }
    let plain = |text: &str| -> String {
        text.chars()
            .filter(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_uppercase()
    };
    let wanted = plain(key);
    portfolio
        .customers
        .iter()
        .find(|(id, customer)| plain(&customer.tax_id) == wanted || plain(&id.0) == wanted)
        .map(|(id, _)| id.clone())
}
