//! The bank rate a financial authority certifies each month: in Colombia the Superintendencia
//! Financiera's «interés bancario corriente» for consumer and ordinary credit, on which the
//! legal maximum for late interest rests. It changes every month and cannot be worked out, so
//! the business keeps the table, copied from each resolution, and a month missing from it is
//! never guessed.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A calendar month, written "2026-02".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Month {
    year: i32,
    /// 1 to 12.
    month: u32,
}

impl Month {
    pub fn of(day: NaiveDate) -> Month {
        Month {
            year: day.year(),
            month: day.month(),
        }
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    /// 1 for January.
    pub fn number(&self) -> u32 {
        self.month
    }

    pub fn first_day(&self) -> NaiveDate {
        // Every `Month` is built from a real date or checked when read.
        NaiveDate::from_ymd_opt(self.year, self.month, 1).unwrap_or_default()
    }

    /// The first day of the month after.
    pub fn end(&self) -> NaiveDate {
        let (year, month) = match self.month {
            12 => (self.year + 1, 1),
            m => (self.year, m + 1),
        };
        NaiveDate::from_ymd_opt(year, month, 1).unwrap_or_default()
    }
}

impl fmt::Display for Month {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl FromStr for Month {
    type Err = String;

    /// "2026-02", or "02/2026" and "2/2026" as a spreadsheet writes it.
    fn from_str(text: &str) -> Result<Month, String> {
        let text = text.trim();
        let (year, month) = match (text.split_once('-'), text.split_once('/')) {
            (Some((y, m)), _) => (y, m),
            (None, Some((m, y))) => (y, m),
            _ => return Err(text.to_owned()),
        };
        let (Ok(year), Ok(month)) = (year.trim().parse::<i32>(), month.trim().parse::<u32>())
        else {
            return Err(text.to_owned());
        };
        NaiveDate::from_ymd_opt(year, month, 1)
            .filter(|_| (1900..=2200).contains(&year))
            .map(Month::of)
            .ok_or_else(|| text.to_owned())
    }
}

impl TryFrom<String> for Month {
    type Error = String;
    fn try_from(text: String) -> Result<Month, String> {
        text.parse()
    }
}

impl From<Month> for String {
    fn from(month: Month) -> String {
        month.to_string()
    }
}

/// One month's certified rate, as its resolution gives it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CertifiedRate {
    pub month: Month,
    /// Effective annual rate, in percent: 17.21 for 17,21 % E.A.
    pub annual_percent: Decimal,
    /// The resolution that certified it ("Resolución 0123 de 2026"), cited beside the interest.
    pub resolution: String,
}

/// What is wrong with a table of rates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RateProblem {
    /// The same month twice.
    Repeated(Month),
    /// A rate at or below zero, or above 100 % a year: a typing slip, not a certified rate.
    OutOfRange(Month),
}

/// A rate above this is not a bank rate anyone certified but a slip of the keyboard.
const HIGHEST_PERCENT: Decimal = Decimal::ONE_HUNDRED;

/// The table of certified rates, one per month, in month order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "Vec<CertifiedRate>", into = "Vec<CertifiedRate>")]
pub struct CertifiedRates(Vec<CertifiedRate>);

impl CertifiedRates {
    pub fn new(mut rates: Vec<CertifiedRate>) -> Result<CertifiedRates, RateProblem> {
        rates.sort_by_key(|rate| rate.month);
        for pair in rates.windows(2) {
            if pair[0].month == pair[1].month {
                return Err(RateProblem::Repeated(pair[0].month));
            }
        }
        if let Some(rate) = rates
            .iter()
            .find(|r| r.annual_percent <= Decimal::ZERO || r.annual_percent > HIGHEST_PERCENT)
        {
            return Err(RateProblem::OutOfRange(rate.month));
        }
        Ok(CertifiedRates(rates))
    }

    pub fn get(&self, month: Month) -> Option<&CertifiedRate> {
        self.0
            .binary_search_by_key(&month, |rate| rate.month)
            .ok()
            .map(|at| &self.0[at])
    }

    /// The table with `rates` written over the months they name.
    pub fn merged(&self, rates: Vec<CertifiedRate>) -> Result<CertifiedRates, RateProblem> {
        let mut all: Vec<CertifiedRate> = self
            .0
            .iter()
            .filter(|kept| rates.iter().all(|new| new.month != kept.month))
            .cloned()
            .collect();
        all.extend(rates);
        CertifiedRates::new(all)
    }

    /// The table without `month`'s rate.
    pub fn without(&self, month: Month) -> CertifiedRates {
        CertifiedRates(
            self.0
                .iter()
                .filter(|r| r.month != month)
                .cloned()
                .collect(),
        )
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &CertifiedRate> {
        self.0.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl TryFrom<Vec<CertifiedRate>> for CertifiedRates {
    type Error = String;
    fn try_from(rates: Vec<CertifiedRate>) -> Result<CertifiedRates, String> {
        CertifiedRates::new(rates).map_err(|problem| format!("{problem:?}"))
    }
}

impl From<CertifiedRates> for Vec<CertifiedRate> {
    fn from(rates: CertifiedRates) -> Vec<CertifiedRate> {
        rates.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    fn rate(month: &str, percent: Decimal) -> CertifiedRate {
        CertifiedRate {
            month: month.parse().expect("a month"),
            annual_percent: percent,
            resolution: String::new(),
        }
    }

    #[test]
    fn months_read_as_people_write_them_and_nothing_else() {
        assert_eq!(
            "2026-02".parse::<Month>().map(|m| m.to_string()),
            Ok("2026-02".into())
        );
        assert_eq!(
            "2/2026".parse::<Month>().map(|m| m.to_string()),
            Ok("2026-02".into())
        );
        assert!("2026-13".parse::<Month>().is_err());
        assert!("febrero".parse::<Month>().is_err());
        let december: Month = "2026-12".parse().expect("a month");
        assert_eq!(
            december.end(),
            NaiveDate::from_ymd_opt(2027, 1, 1).expect("a day")
        );
    }

    #[test]
    fn a_table_has_one_plausible_rate_per_month() {
        let table =
            CertifiedRates::new(vec![rate("2026-03", dec!(17.5)), rate("2026-02", dec!(17))])
                .expect("a table");
        assert_eq!(
            table.iter().next().map(|r| r.month.to_string()),
            Some("2026-02".into())
        );
        assert_eq!(
            CertifiedRates::new(vec![rate("2026-02", dec!(17)), rate("2026-02", dec!(18))]),
            Err(RateProblem::Repeated("2026-02".parse().expect("a month")))
        );
        assert!(CertifiedRates::new(vec![rate("2026-02", dec!(1721))]).is_err());
        assert!(CertifiedRates::new(vec![rate("2026-02", dec!(0))]).is_err());
        let merged = table
            .merged(vec![rate("2026-03", dec!(18))])
            .expect("merged");
        assert_eq!(
            merged
                .get("2026-03".parse().expect("a month"))
                .map(|r| r.annual_percent),
            Some(dec!(18))
        );
    }
}
