//! A customer's whole history as CSV, oldest first: the dossier's chronology, one row per
//! thing that happened, for a lawyer to sort and filter.

use super::spreadsheet::{block, number, text, with_bom};
use crate::domain::money::Money;
use crate::domain::timeline::{Entry, Happening};

/// Column titles in the reader's language, and the words for each happening.
pub struct ChronologyCsvLabels<'a> {
    pub date: &'a str,
    pub event: &'a str,
    pub amount: &'a str,
    pub currency: &'a str,
    pub describe: &'a dyn Fn(&Happening) -> (String, Option<Money>),
}

/// `entries` as the timeline gives them (newest first), written oldest first.
pub fn chronology_csv(entries: &[Entry], labels: &ChronologyCsvLabels) -> String {
    let mut records = vec![vec![
        labels.date.to_owned(),
        labels.event.to_owned(),
        labels.amount.to_owned(),
        labels.currency.to_owned(),
    ]];
    for entry in entries.iter().rev() {
        let (words, money) = (labels.describe)(&entry.happening);
        records.push(vec![
            entry.on.to_string(),
            text(&words),
            money.map(|m| number(&m.amount)).unwrap_or_default(),
            money.map(|m| m.currency.to_string()).unwrap_or_default(),
        ]);
    }
    with_bom(&[block(records)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::invoice::{InvoiceId, InvoiceKind};
    use crate::domain::money::Currency;
    use chrono::NaiveDate;
    use rust_decimal::dec;

    #[test]
    fn oldest_first_with_the_amount_apart_from_its_currency() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 11, d).expect("a day");
        let entries = vec![
            Entry {
                on: day(20),
                happening: Happening::DisputeResolved,
                recorded_as: None,
            },
            Entry {
                on: day(2),
                happening: Happening::InvoiceIssued(
                    InvoiceId("F-1".into()),
                    Money::new(dec!(1500.50), Currency::COP),
                    InvoiceKind::default(),
                ),
                recorded_as: None,
            },
        ];
        let describe = |h: &Happening| match h {
            Happening::InvoiceIssued(id, amount, _) => (format!("Factura {}", id.0), Some(*amount)),
            _ => ("-resuelta".to_owned(), None),
        };
        let csv = chronology_csv(
            &entries,
            &ChronologyCsvLabels {
                date: "Fecha",
                event: "Hecho",
                amount: "Valor",
                currency: "Moneda",
                describe: &describe,
            },
        );
        assert_eq!(
            csv,
            "\u{feff}Fecha,Hecho,Valor,Moneda\n2026-11-02,Factura F-1,1500.5,COP\n2026-11-20,'-resuelta,,\n"
        );
    }
}
