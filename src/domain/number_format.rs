//! How amounts and dates are written for a locale: Colombia writes 1.234.567,89; the United
//! States writes 1,234,567.89.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use rust_decimal::{Decimal, RoundingStrategy};

use super::money::Money;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberFormat {
    pub group: char,
    pub decimal: char,
    pub day_first: bool,
}

impl NumberFormat {
    /// es-CO, es-AR, es-CL, es-ES, es-VE.
    pub const ES_CO: NumberFormat = NumberFormat {
        group: '.',
        decimal: ',',
        day_first: true,
    };
    /// en-US, es-MX.
    pub const EN_US: NumberFormat = NumberFormat {
        group: ',',
        decimal: '.',
        day_first: false,
    };

    /// Groups thousands and rounds to the currency's minor digits; minor digits that are all
    /// zero are left out, as people write pesos.
    pub fn amount(&self, amount: Decimal, minor_digits: u32) -> String {
        let rounded =
            amount.round_dp_with_strategy(minor_digits, RoundingStrategy::MidpointAwayFromZero);
        let text = rounded.abs().to_string();
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let mut out = String::with_capacity(text.len() + text.len() / 3 + 2);
        if rounded.is_sign_negative() && !rounded.is_zero() {
            out.push('-');
        }
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i).is_multiple_of(3) {
                out.push(self.group);
            }
            out.push(digit);
        }
        if fraction.chars().any(|c| c != '0') {
            out.push(self.decimal);
            out.push_str(fraction);
            for _ in fraction.len()..minor_digits as usize {
                out.push('0');
            }
        }
        out
    }

    /// "$ 1.234.567" with the currency code after it when it is not the local peso.
    pub fn money(&self, money: Money) -> String {
        format!(
            "$\u{a0}{}\u{a0}{}",
            self.amount(money.amount, money.currency.minor_digits()),
            money.currency
        )
    }

    /// As `money`, for a narrow column: a line may break before the currency code, never
    /// inside the figure or the code.
    pub fn money_in_column(&self, money: Money) -> String {
        format!(
            "$\u{a0}{} {}",
            self.amount(money.amount, money.currency.minor_digits()),
            money.currency
        )
    }

    pub fn date(&self, date: NaiveDate) -> String {
        if self.day_first {
            format!("{:02}/{:02}/{}", date.day(), date.month(), date.year())
        } else {
            format!("{:02}/{:02}/{}", date.month(), date.day(), date.year())
        }
    }

    /// "24/11/2026 10:00": the date as `date` writes it, then the time on a 24-hour clock.
    pub fn date_time(&self, moment: NaiveDateTime) -> String {
        format!("{} {}", self.date(moment.date()), moment.format("%H:%M"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Currency;
    use rust_decimal::dec;

    #[test]
    fn colombian_amounts_group_with_dots_and_drop_zero_cents() {
        let f = NumberFormat::ES_CO;
        assert_eq!(f.amount(dec!(1234567.89), 2), "1.234.567,89");
        assert_eq!(f.amount(dec!(1234567.00), 2), "1.234.567");
        assert_eq!(f.amount(dec!(1234567.5), 2), "1.234.567,50");
        assert_eq!(f.amount(dec!(999), 2), "999");
        assert_eq!(f.amount(dec!(-45000), 2), "-45.000");
        assert_eq!(f.amount(dec!(0), 2), "0");
    }

    #[test]
    fn us_amounts_group_with_commas() {
        assert_eq!(
            NumberFormat::EN_US.amount(dec!(1234567.891), 2),
            "1,234,567.89"
        );
    }

    #[test]
    fn money_carries_its_currency() {
        let text = NumberFormat::ES_CO.money(Money::new(dec!(2500000), Currency::COP));
        assert_eq!(text, "$\u{a0}2.500.000\u{a0}COP");
    }

    #[test]
    fn dates_follow_the_locale_order() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 3).expect("valid date");
        assert_eq!(NumberFormat::ES_CO.date(d), "03/11/2026");
        assert_eq!(NumberFormat::EN_US.date(d), "11/03/2026");
        let moment = d.and_hms_opt(9, 5, 0).expect("valid time");
        assert_eq!(NumberFormat::ES_CO.date_time(moment), "03/11/2026 09:05");
    }
}
