//! The monthly minimum wage of each year («salario mínimo mensual legal vigente», SMMLV), which
//! Colombian law uses as a yardstick: a debt of at most 15 % of it needs two notices before a
//! credit-bureau report (Ley 1266 de 2008, art. 12), and a claim of at most 40 of them is of
//! «mínima cuantía», open to the proceso monitorio (Código General del Proceso, arts. 25 and
//! 419). The government decrees it each December; the business keeps the table and a year
//! missing from it is never guessed.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Written as a list of years, since a map keyed by number does not survive every reader of
/// the log.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Vec<YearWage>", into = "Vec<YearWage>")]
pub struct MinimumWages {
    /// The wage in pesos of each year, each positive.
    by_year: BTreeMap<i32, Decimal>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct YearWage {
    year: i32,
    wage: Decimal,
}

impl From<Vec<YearWage>> for MinimumWages {
    fn from(years: Vec<YearWage>) -> Self {
        MinimumWages {
            by_year: years.into_iter().map(|y| (y.year, y.wage)).collect(),
        }
    }
}

impl From<MinimumWages> for Vec<YearWage> {
    fn from(wages: MinimumWages) -> Self {
        wages
            .by_year
            .into_iter()
            .map(|(year, wage)| YearWage { year, wage })
            .collect()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WageProblem {
    /// A wage of zero or less.
    NotPositive(i32),
    /// A year outside 1990–2200: most often a typo.
    Year(i32),
}

impl MinimumWages {
    pub fn get(&self, year: i32) -> Option<Decimal> {
        self.by_year.get(&year).copied()
    }

    pub fn is_empty(&self) -> bool {
        self.by_year.is_empty()
    }

    /// Every year and its wage, the earliest first.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = (i32, Decimal)> + '_ {
        self.by_year.iter().map(|(year, wage)| (*year, *wage))
    }

    /// The table with `year`'s wage set (a decree corrected replaces the year's figure).
    pub fn with(&self, year: i32, wage: Decimal) -> Result<MinimumWages, WageProblem> {
        if !(1990..=2200).contains(&year) {
            return Err(WageProblem::Year(year));
        }
        if wage <= Decimal::ZERO {
            return Err(WageProblem::NotPositive(year));
        }
        let mut by_year = self.by_year.clone();
        by_year.insert(year, wage);
        Ok(MinimumWages { by_year })
    }

    pub fn without(&self, year: i32) -> MinimumWages {
        let mut by_year = self.by_year.clone();
        by_year.remove(&year);
        MinimumWages { by_year }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn a_year_is_set_corrected_and_removed_but_never_guessed() {
        let wages = MinimumWages::default()
            .with(2025, dec!(1423500))
            .and_then(|w| w.with(2026, dec!(1500000)))
            .and_then(|w| w.with(2026, dec!(1550000)))
            .expect("valid wages");
        assert_eq!(wages.get(2026), Some(dec!(1550000)));
        assert_eq!(wages.get(2027), None);
        assert_eq!(wages.without(2025).get(2025), None);
        assert_eq!(
            wages.with(2027, Decimal::ZERO),
            Err(WageProblem::NotPositive(2027))
        );
        assert_eq!(wages.with(20260, dec!(1)), Err(WageProblem::Year(20260)));
        let json = serde_json::to_value(&wages).expect("serializable");
        assert_eq!(
            serde_json::from_value::<MinimumWages>(json).ok(),
            Some(wages),
            "read back through a JSON value, as the log reads it"
        );
    }
}
