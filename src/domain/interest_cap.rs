//! The cap the law puts on late interest in each country the app knows, as a multiple of the
//! rate the business keeps month by month in its table (`certified_rate`). Where the app knows
//! of no general cap, the table holds the company's own maximum, as its counsel sets it, and
//! the app never charges more than what the table says.

use rust_decimal::{dec, Decimal};

use super::holiday::Country;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CapRule {
    /// Colombia: one and a half times the bank rate («interés bancario corriente») the
    /// Superintendencia Financiera certifies each month (Código de Comercio art. 884).
    BankRate,
    /// Chile: the «máximo convencional», 50 % over the «interés corriente» the CMF publishes
    /// (Ley 18.010 art. 6); an agreement above it falls to the current rate (art. 8).
    CurrentRate,
    /// Peru: the maximum rate the Banco Central de Reserva sets (Código Civil art. 1243).
    CentralBankMaximum,
    /// No general cap the app knows of (Mexico, Ecuador, the United States' state laws, a
    /// company's own policy): the table's rate is the cap.
    CompanyMaximum,
}

impl CapRule {
    pub fn of(country: Option<Country>) -> CapRule {
        match country {
            Some(Country::Colombia) => CapRule::BankRate,
            Some(Country::Chile) => CapRule::CurrentRate,
            Some(Country::Peru) => CapRule::CentralBankMaximum,
            Some(Country::Mexico | Country::Ecuador | Country::UnitedStates) | None => {
                CapRule::CompanyMaximum
            }
        }
    }

    /// The month's cap, effective annual in percent, from the rate in the company's table.
    pub fn cap(self, table_percent: Decimal) -> Decimal {
        table_percent * self.multiple()
    }

    fn multiple(self) -> Decimal {
        match self {
            CapRule::BankRate | CapRule::CurrentRate => dec!(1.5),
            CapRule::CentralBankMaximum | CapRule::CompanyMaximum => Decimal::ONE,
        }
    }

    /// The article that sets the cap, for the interface to cite; `None` where the company
    /// sets it.
    pub fn source(self) -> Option<&'static str> {
        match self {
            CapRule::BankRate => Some("Código de Comercio, art. 884"),
            CapRule::CurrentRate => Some("Ley 18.010, art. 6"),
            CapRule::CentralBankMaximum => Some("Código Civil del Perú, art. 1243"),
            CapRule::CompanyMaximum => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colombia_and_chile_allow_half_again_the_table_peru_and_the_rest_the_table_itself() {
        let table = dec!(17.21);
        assert_eq!(
            CapRule::of(Some(Country::Colombia)).cap(table),
            dec!(25.815)
        );
        assert_eq!(CapRule::of(Some(Country::Chile)).cap(table), dec!(25.815));
        assert_eq!(CapRule::of(Some(Country::Peru)).cap(table), table);
        assert_eq!(CapRule::of(Some(Country::Mexico)).cap(table), table);
        assert_eq!(CapRule::of(None).cap(table), table);
        assert_eq!(CapRule::of(None).source(), None);
    }
}
