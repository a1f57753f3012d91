//! Money is an exact decimal amount tied to an ISO 4217 currency; amounts of different
//! currencies are never added together.

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An ISO 4217 currency code such as `COP` or `USD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Currency([u8; 3]);

impl Currency {
    pub const COP: Currency = Currency(*b"COP");
    /// What a portfolio with nothing to go by is kept in: the app serves Colombia first.
    pub const USUAL: Currency = Currency::COP;

    pub fn parse(code: &str) -> Result<Self, InvalidCurrency> {
        match code.trim().as_bytes() {
            [a, b, c] if [a, b, c].iter().all(|ch| ch.is_ascii_alphabetic()) => Ok(Currency([
                a.to_ascii_uppercase(),
                b.to_ascii_uppercase(),
                c.to_ascii_uppercase(),
            ])),
            _ => Err(InvalidCurrency(code.to_owned())),
        }
    }

    pub fn code(&self) -> &str {
        // Only ASCII uppercase letters are ever stored.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }

    /// Digits after the decimal point in everyday use; currencies without minor units in
    /// practice are shown whole.
    pub fn minor_digits(&self) -> u32 {
        match &self.0 {
            b"CLP" | b"PYG" | b"JPY" | b"KRW" => 0,
            _ => 2,
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

// Written and read as its code, without a string of its own in between: every amount of a
// snapshot or a bundle carries one, and a whole portfolio holds hundreds of thousands.
impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Code;
        impl Visitor<'_> for Code {
            type Value = Currency;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an ISO 4217 currency code")
            }
            fn visit_str<E: de::Error>(self, code: &str) -> Result<Currency, E> {
                Currency::parse(code).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(Code)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InvalidCurrency(pub String);

impl fmt::Display for InvalidCurrency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not an ISO 4217 currency code: {:?}", self.0)
    }
}

impl std::error::Error for InvalidCurrency {}

/// An amount in one currency.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    #[serde(with = "crate::domain::wire::amount")]
    pub amount: Decimal,
    pub currency: Currency,
}

impl Money {
    pub fn new(amount: Decimal, currency: Currency) -> Self {
        Money { amount, currency }
    }

    pub fn zero(currency: Currency) -> Self {
        Money::new(Decimal::ZERO, currency)
    }
}

/// Totals kept apart per currency: the only honest way to sum a multi-currency portfolio.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Totals(BTreeMap<Currency, Decimal>);

impl Totals {
    /// The currency these totals are first in; [`Currency::USUAL`] when they hold nothing.
    pub fn currency(&self) -> Currency {
        self.0.keys().next().copied().unwrap_or(Currency::USUAL)
    }

    pub fn add(&mut self, money: Money) {
        *self.0.entry(money.currency).or_default() += money.amount;
    }

    pub fn get(&self, currency: Currency) -> Decimal {
        self.0.get(&currency).copied().unwrap_or_default()
    }

    pub fn iter(&self) -> impl Iterator<Item = Money> + '_ {
        self.0
            .iter()
            .map(|(currency, amount)| Money::new(*amount, *currency))
    }

    pub fn is_zero(&self) -> bool {
        self.0.values().all(Decimal::is_zero)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn currency_codes_are_normalised_and_validated() {
        assert_eq!(
            Currency::parse(" cop ").map(|c| c.to_string()),
            Ok("COP".into())
        );
        assert!(Currency::parse("CO").is_err());
        assert!(Currency::parse("C0P").is_err());
        assert!(Currency::parse("PESO").is_err());
    }

    #[test]
    fn totals_never_mix_currencies() {
        let usd = Currency::parse("USD").expect("valid code");
        let mut totals = Totals::default();
        totals.add(Money::new(dec!(1000), Currency::COP));
        totals.add(Money::new(dec!(5.50), usd));
        totals.add(Money::new(dec!(250), Currency::COP));
        assert_eq!(totals.get(Currency::COP), dec!(1250));
        assert_eq!(totals.get(usd), dec!(5.50));
        assert_eq!(totals.iter().count(), 2);
    }

    #[test]
    fn a_file_names_a_currency_by_its_code_and_a_wrong_code_says_so() {
        let money: Money = serde_json::from_str(r#"{"amount":"10.00","currency":"usd"}"#)
            .expect("a lower-case code reads");
        assert_eq!(money.currency.code(), "USD");
        let wrong = serde_json::from_str::<Money>(r#"{"amount":"10.00","currency":"PESO"}"#)
            .expect_err("not a code");
        assert!(
            wrong.to_string().contains("not an ISO 4217 currency code"),
            "{wrong}"
        );
        let snapshot = postcard::to_allocvec(&money).expect("writes");
        assert_eq!(postcard::from_bytes::<Money>(&snapshot), Ok(money));
    }

    #[test]
    fn money_serialises_amount_as_string() {
        let json =
            serde_json::to_string(&Money::new(dec!(1234.50), Currency::COP)).expect("serialisable");
        assert_eq!(json, r#"{"amount":"1234.50","currency":"COP"}"#);
    }
}
