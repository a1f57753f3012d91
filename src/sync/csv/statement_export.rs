//! A customer's statement of account as CSV: per currency, the opening balance, one row per
//! movement with its running balance, and the closing balance.

use super::spreadsheet::{block, number, text, with_bom};
use crate::domain::statement::{Movement, Statement};

/// Column titles and words in the reader's language.
pub struct StatementCsvLabels<'a> {
    pub date: &'a str,
    pub movement: &'a str,
    pub document: &'a str,
    pub due: &'a str,
    pub charge: &'a str,
    pub credit: &'a str,
    pub balance: &'a str,
    pub opening: &'a str,
    pub closing: &'a str,
    pub describe: &'a dyn Fn(&Movement) -> String,
}

pub fn statement_csv(statement: &Statement, labels: &StatementCsvLabels) -> String {
    let blocks: Vec<String> = statement
        .currencies
        .iter()
        .map(|(currency, s)| {
            let titled = |title: &str| format!("{title} ({currency})");
            let header = vec![
                labels.date.to_owned(),
                labels.movement.to_owned(),
                labels.document.to_owned(),
                labels.due.to_owned(),
                titled(labels.charge),
                titled(labels.credit),
                titled(labels.balance),
            ];
            let edge = |on: chrono::NaiveDate, title: &str, amount| {
                let mut row = vec![on.to_string(), title.to_owned()];
                row.extend([String::new(), String::new(), String::new(), String::new()]);
                row.push(number(amount));
                row
            };
            let mut records = vec![header, edge(statement.from, labels.opening, &s.opening)];
            for line in &s.lines {
                let due = match &line.movement {
                    Movement::Invoice { due_on, .. } => due_on.to_string(),
                    _ => String::new(),
                };
                let amount = |a: &rust_decimal::Decimal| {
                    if a.is_zero() {
                        String::new()
                    } else {
                        number(a)
                    }
                };
                records.push(vec![
                    line.on.to_string(),
                    text(&(labels.describe)(&line.movement)),
                    text(&line.movement.document()),
                    due,
                    amount(&line.charge),
                    amount(&line.credit),
                    number(&line.balance),
                ]);
            }
            records.push(edge(statement.to, labels.closing, &s.closing));
            block(records)
        })
        .collect();
    with_bom(&blocks)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::aging::AgingBuckets;
    use crate::domain::customer::CustomerId;
    use crate::domain::invoice::{Invoice, InvoiceId, Terms};
    use crate::domain::money::{Currency, Money};
    use crate::domain::portfolio::Portfolio;
    use crate::domain::statement::statement;
    use chrono::NaiveDate;
    use rust_decimal::dec;

    #[test]
    fn opening_movements_and_closing_with_plain_numbers() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).expect("date");
        let mut p = Portfolio::default();
        p.invoices.insert(
            InvoiceId("=F1".into()),
            Invoice {
                kind: Default::default(),
                customer: CustomerId("c".into()),
                issued_on: day(2),
                terms: Terms::single(Money::new(dec!(1500000.50), Currency::COP), day(30))
                    .expect("terms"),
            },
        );
        let s = statement(
            &p,
            &CustomerId("c".into()),
            day(1),
            day(24),
            &AgingBuckets::default(),
        );
        let describe = |_: &Movement| "Factura".to_owned();
        let csv = statement_csv(
            &s,
            &StatementCsvLabels {
                date: "Fecha",
                movement: "Concepto",
                document: "Documento",
                due: "Vence",
                charge: "Cargo",
                credit: "Abono",
                balance: "Saldo",
                opening: "Saldo anterior",
                closing: "Saldo final",
                describe: &describe,
            },
        );
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        assert_eq!(
            lines,
            vec![
                "Fecha,Concepto,Documento,Vence,Cargo (COP),Abono (COP),Saldo (COP)",
                "2026-11-01,Saldo anterior,,,,,0",
                "2026-11-02,Factura,'=F1,2026-11-30,1500000.5,,1500000.5",
                "2026-11-24,Saldo final,,,,,1500000.5",
            ]
        );
    }
}
