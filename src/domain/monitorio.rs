//! Whether a claim fits Colombia's proceso monitorio: a money debt, contractual, determined
//! and due, of «mínima cuantía» (Código General del Proceso, art. 419), which is at most 40
//! monthly minimum wages at filing (art. 25). A creditor files it without a lawyer and without
//! a título ejecutivo; the judge orders payment and the debtor must pay or explain.

use rust_decimal::Decimal;

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

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn forty_minimum_wages_fit_one_peso_more_does_not() {
        let wage = dec!(1423500);
        assert_eq!(monitorio_cap(wage), dec!(56940000));
        assert!(fits_monitorio(dec!(56940000), wage));
        assert!(!fits_monitorio(dec!(56940000.01), wage));
        assert!(!fits_monitorio(Decimal::ZERO, wage), "nothing to claim");
    }
}
