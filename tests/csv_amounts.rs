//! Amounts written the way the app writes them read back to the same value, in Colombian and
//! US notation alike.
#![cfg(not(target_arch = "wasm32"))]

use cobranza::domain::number_format::NumberFormat;
use cobranza::sync::csv::amount::{parse_amount, DecimalSeparator};
use proptest::prelude::*;
use rust_decimal::Decimal;

proptest! {
    #[test]
    fn formatted_amounts_read_back_unchanged(cents in 0..1_000_000_000_000_000i64) {
        let amount = Decimal::new(cents, 2);
        for (format, separator) in [
            (NumberFormat::ES_CO, DecimalSeparator::Comma),
            (NumberFormat::EN_US, DecimalSeparator::Dot),
        ] {
            let written = format.amount(amount, 2);
            prop_assert_eq!(parse_amount(&written, separator), Ok(amount), "{}", written);
        }
    }
}
