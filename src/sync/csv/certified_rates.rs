//! The table of certified rates pasted from a spreadsheet or typed: one month a line, as
//! "2026-02;17,21;Resolución 0123 de 2026" (or with commas or tabs between, "17.21 %" or
//! "17,21% E.A."). A heading line is skipped; any other line that cannot be read stops the
//! whole paste, naming the line, so no month is taken wrong.

use std::str::FromStr;

use rust_decimal::Decimal;

use crate::domain::certified_rate::{CertifiedRate, Month};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RateLineProblem {
    /// The first cell is not a month.
    Month(String),
    /// The second cell is not a rate in percent.
    Rate(String),
    /// More than month, rate and resolution: a decimal comma read as a separator, most often.
    TooManyCells,
}

/// The rates of `text`, or the first line (counted from 1) that cannot be read and why.
pub fn parse_certified_rates(text: &str) -> Result<Vec<CertifiedRate>, (u64, RateLineProblem)> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .delimiter(delimiter(text))
        .from_reader(text.as_bytes());
    let mut rates = Vec::new();
    for (at, record) in reader.records().enumerate() {
        let line = at as u64 + 1;
        let Ok(record) = record else {
            return Err((line, RateLineProblem::TooManyCells));
        };
        let cells: Vec<&str> = record.iter().collect();
        if cells.iter().all(|cell| cell.is_empty()) {
            continue;
        }
        let month = match Month::from_str(cells[0]) {
            Ok(month) => month,
            // A heading ("Mes;Tasa;Resolución") on the first line.
            Err(_) if line == 1 && rate(cells.get(1).copied().unwrap_or_default()).is_none() => {
                continue
            }
            Err(text) => return Err((line, RateLineProblem::Month(text))),
        };
        if cells.len() > 3 {
            return Err((line, RateLineProblem::TooManyCells));
        }
        let cell = cells.get(1).copied().unwrap_or_default();
        let annual_percent =
            rate(cell).ok_or_else(|| (line, RateLineProblem::Rate(cell.into())))?;
        rates.push(CertifiedRate {
            month,
            annual_percent,
            resolution: cells.get(2).copied().unwrap_or_default().to_owned(),
        });
    }
    Ok(rates)
}

/// A tab or a semicolon wherever one is used: a rate's decimal comma must not count as a
/// separator, as it would in a line of one semicolon and one comma.
fn delimiter(text: &str) -> u8 {
    [b'\t', b';']
        .into_iter()
        .find(|d| text.as_bytes().contains(d))
        .unwrap_or(b',')
}

/// "17,21", "17.21 %", "17,21% E.A." as a percent.
fn rate(cell: &str) -> Option<Decimal> {
    let number = cell
        .trim()
        .trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.' || c.is_whitespace())
        .trim_end_matches('%')
        .trim()
        .replace(',', ".");
    Decimal::from_str(&number).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    fn read(text: &str) -> Vec<(String, Decimal, String)> {
        parse_certified_rates(text)
            .expect("readable")
            .into_iter()
            .map(|r| (r.month.to_string(), r.annual_percent, r.resolution))
            .collect()
    }

    #[test]
    fn a_table_pasted_from_a_spanish_spreadsheet_or_typed_by_hand() {
        let pasted =
            "Mes;Tasa E.A.;Resolución\n2026-02;17,21%;Res. 0101 de 2026\n\n03/2026;17,5 % E.A.;\n";
        assert_eq!(
            read(pasted),
            vec![
                ("2026-02".into(), dec!(17.21), "Res. 0101 de 2026".into()),
                ("2026-03".into(), dec!(17.5), String::new()),
            ]
        );
        assert_eq!(
            read("2026-04\t18.02\tRes. 0303"),
            vec![("2026-04".into(), dec!(18.02), "Res. 0303".into())]
        );
    }

    #[test]
    fn a_line_that_cannot_be_read_is_named_and_nothing_is_taken() {
        assert_eq!(
            parse_certified_rates("2026-02;17,21\nmarzo;17,5"),
            Err((2, RateLineProblem::Month("marzo".into())))
        );
        assert_eq!(
            parse_certified_rates("2026-02;diecisiete"),
            Err((1, RateLineProblem::Rate("diecisiete".into())))
        );
        // A decimal comma in a comma-separated line splits the rate in two.
        assert_eq!(
            parse_certified_rates("2026-02,17,21,Res. 0101"),
            Err((1, RateLineProblem::TooManyCells))
        );
    }
}
