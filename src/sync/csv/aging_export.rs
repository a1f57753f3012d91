//! The aging report as a CSV file for a spreadsheet: per currency, a header, one row per
//! customer (id, name, one column per bucket from youngest to oldest, total) and a total row;
//! amounts with a dot decimal and no thousands separator, so any spreadsheet reads numbers.

use super::spreadsheet::{block, number, text, with_bom};
use crate::domain::aging::AgingReport;
use crate::domain::portfolio::Portfolio;

/// Column titles in the reader's language.
pub struct AgingCsvLabels<'a> {
    pub customer_id: &'a str,
    pub customer: &'a str,
    pub buckets: &'a [String],
    pub total: &'a str,
}

/// The report as CSV text, with a byte-order mark so spreadsheets read accents as UTF-8.
pub fn aging_csv(report: &AgingReport, portfolio: &Portfolio, labels: &AgingCsvLabels) -> String {
    let blocks: Vec<String> = report
        .totals
        .iter()
        .map(|(currency, totals)| {
            let mut header = vec![labels.customer_id.to_owned(), labels.customer.to_owned()];
            header.extend(labels.buckets.iter().map(|b| format!("{b} ({currency})")));
            header.push(format!("{} ({currency})", labels.total));
            let mut rows: Vec<_> = report
                .rows
                .iter()
                .filter(|row| row.currency == *currency)
                .map(|row| {
                    let name = portfolio
                        .customers
                        .get(&row.customer)
                        .map(|c| c.name.as_str())
                        .unwrap_or_default();
                    (name, row)
                })
                .collect();
            rows.sort_by(|(a_name, a), (b_name, b)| {
                (a_name, &a.customer).cmp(&(b_name, &b.customer))
            });
            let mut records = vec![header];
            for (name, row) in rows {
                let mut record = vec![text(&row.customer.0), text(name)];
                record.extend(row.buckets.iter().map(number));
                record.push(number(&row.total()));
                records.push(record);
            }
            let mut total = vec![
                labels.total.to_uppercase(),
                format!("{} {currency}", labels.total),
            ];
            total.extend(totals.iter().map(number));
            total.push(number(&totals.iter().sum()));
            records.push(total);
            block(records)
        })
        .collect();
    with_bom(&blocks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::aging::{age, AgingBasis, AgingBuckets};
    use crate::domain::customer::{Customer, CustomerId};
    use crate::domain::invoice::{Invoice, InvoiceId, Terms};
    use crate::domain::money::{Currency, Money};
    use chrono::NaiveDate;
    use rust_decimal::dec;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).expect("valid date")
    }

    #[test]
    fn one_block_per_currency_with_machine_readable_amounts() {
        let mut p = Portfolio::default();
        let usd = Currency::parse("USD").expect("code");
        for (id, name) in [("C1", "Zapatería, la 1"), ("C2", "=HYPERLINK()")] {
            p.customers.insert(
                CustomerId(id.into()),
                Customer {
                    name: name.into(),
                    ..Customer::default()
                },
            );
        }
        for (n, customer, amount, currency, due) in [
            ("A", "C1", dec!(1500000), Currency::COP, day(9, 1)),
            ("B", "C2", dec!(250.50), Currency::COP, day(12, 1)),
            ("C", "C1", dec!(99.99), usd, day(10, 15)),
        ] {
            p.invoices.insert(
                InvoiceId(n.into()),
                Invoice {
                    kind: Default::default(),
                    customer: CustomerId(customer.into()),
                    issued_on: day(8, 1),
                    terms: Terms::single(Money::new(amount, currency), due).expect("terms"),
                },
            );
        }
        let buckets = AgingBuckets::new(vec![0, 30, 60]).expect("buckets");
        let report = age(&p, day(11, 1), AgingBasis::DueDate, &buckets);
        let labels: Vec<String> = ["Por vencer", "1-30", "31-60", "+60"]
            .map(String::from)
            .to_vec();
        let csv = aging_csv(
            &report,
            &p,
            &AgingCsvLabels {
                customer_id: "cliente_id",
                customer: "cliente",
                buckets: &labels,
                total: "Total",
            },
        );
        let expected = "\u{feff}cliente_id,cliente,Por vencer (COP),1-30 (COP),31-60 (COP),+60 (COP),Total (COP)\n\
            C2,'=HYPERLINK(),250.5,0,0,0,250.5\n\
            C1,\"Zapatería, la 1\",0,0,0,1500000,1500000\n\
            TOTAL,Total COP,250.5,0,0,1500000,1500250.5\n\
            \n\
            cliente_id,cliente,Por vencer (USD),1-30 (USD),31-60 (USD),+60 (USD),Total (USD)\n\
            C1,\"Zapatería, la 1\",0,99.99,0,0,99.99\n\
            TOTAL,Total USD,0,99.99,0,0,99.99\n";
        assert_eq!(csv, expected);
    }
}
