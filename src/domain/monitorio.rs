//! Whether a claim fits Colombia's proceso monitorio: a money debt, contractual, determined
//! and due, of «mínima cuantía» (Código General del Proceso, art. 419), which is at most 40
//! monthly minimum wages at filing (art. 25). A creditor files it without a lawyer and without
//! a título ejecutivo; the judge orders payment and the debtor must pay or explain.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

use super::claim::Claim;
use super::minimum_wage::MinimumWages;
use super::money::Currency;

/// Monthly minimum wages a claim of «mínima cuantía» may reach.
pub const MAX_WAGES: u32 = 40;

/// The most a claim may be for the proceso monitorio, with `wage` the monthly minimum wage of
/// the year it is filed.
pub fn monitorio_cap(wage: Decimal) -> Decimal {
    wage * Decimal::from(MAX_WAGES)
}

/// Whether a claim of `claim` fits it.
pub fn fits_monitorio(claim: Decimal, wage: Decimal) -> bool {
    claim > Decimal::ZERO && claim <= monitorio_cap(wage)
}

/// Whether a customer's claim may go to the proceso monitorio if filed on a day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MonitorioFit {
    /// Nothing past due and undisputed to claim: the debt must be «exigible».
    NothingDue,
    /// Part of the claim is in another currency than pesos, which the app does not convert.
    NotInPesos,
    /// A month's interest rate is missing from the table, so the claim is not known.
    ClaimUnknown,
    /// The minimum wage of the filing year is not in the table: never guessed.
    MissingWage(i32),
    Fits {
        claim: Decimal,
        cap: Decimal,
    },
    TooLarge {
        claim: Decimal,
        cap: Decimal,
    },
}

/// Whether `claims` (as `claim::claims_on` gives them for the filing day) fit the monitorio
/// when filed on `filing_on`.
pub fn monitorio_fit(claims: &[Claim], wages: &MinimumWages, filing_on: NaiveDate) -> MonitorioFit {
    if claims.is_empty() {
        return MonitorioFit::NothingDue;
    }
    if claims.iter().any(|c| c.currency != Currency::COP) {
        return MonitorioFit::NotInPesos;
    }
    let Some(claim) = claims.iter().map(Claim::total).sum::<Option<Decimal>>() else {
        return MonitorioFit::ClaimUnknown;
    };
    let Some(wage) = wages.get(filing_on.year()) else {
        return MonitorioFit::MissingWage(filing_on.year());
    };
    let cap = monitorio_cap(wage);
    if fits_monitorio(claim, wage) {
        MonitorioFit::Fits { claim, cap }
    } else {
        MonitorioFit::TooLarge { claim, cap }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::late_interest::InterestProblem;
    use rust_decimal::dec;

    fn claim(principal: Decimal, interest: Decimal) -> Claim {
        Claim {
            currency: Currency::COP,
            dues: Vec::new(),
            principal,
            interest: Ok(interest),
        }
    }

    fn wages_2026() -> MinimumWages {
        MinimumWages::default()
            .with(2026, dec!(1423500))
            .expect("a wage")
    }

    fn filed() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 4).expect("a day")
    }

    #[test]
    fn interest_accrued_before_filing_counts_towards_the_cap() {
        let wages = wages_2026();
        assert_eq!(
            monitorio_fit(&[claim(dec!(56000000), dec!(940000))], &wages, filed()),
            MonitorioFit::Fits {
                claim: dec!(56940000),
                cap: dec!(56940000)
            }
        );
        assert!(matches!(
            monitorio_fit(&[claim(dec!(56000000), dec!(940000.01))], &wages, filed()),
            MonitorioFit::TooLarge { .. }
        ));
    }

    #[test]
    fn what_the_app_cannot_know_it_says_instead_of_guessing() {
        let wages = wages_2026();
        assert_eq!(
            monitorio_fit(&[], &wages, filed()),
            MonitorioFit::NothingDue
        );
        let next_year = NaiveDate::from_ymd_opt(2027, 1, 4).expect("a day");
        assert_eq!(
            monitorio_fit(&[claim(dec!(1000), Decimal::ZERO)], &wages, next_year),
            MonitorioFit::MissingWage(2027)
        );
        let mut unknown = claim(dec!(1000), Decimal::ZERO);
        unknown.interest = Err(InterestProblem::MissingRates(Vec::new()));
        assert_eq!(
            monitorio_fit(&[unknown], &wages, filed()),
            MonitorioFit::ClaimUnknown
        );
        let mut dollars = claim(dec!(1000), Decimal::ZERO);
        dollars.currency = Currency::parse("USD").expect("a code");
        assert_eq!(
            monitorio_fit(&[dollars], &wages, filed()),
            MonitorioFit::NotInPesos
        );
    }

    #[test]
    fn forty_minimum_wages_fit_one_peso_more_does_not() {
        let wage = dec!(1423500);
        assert_eq!(monitorio_cap(wage), dec!(56940000));
        assert!(fits_monitorio(dec!(56940000), wage));
        assert!(!fits_monitorio(dec!(56940000.01), wage));
        assert!(!fits_monitorio(Decimal::ZERO, wage), "nothing to claim");
    }
}
