//! Collection effectiveness index: what share of what could have been collected was.

use rust_decimal::Decimal;

/// CEI = (opening receivables + credit sales − closing receivables)
///     ÷ (opening receivables + credit sales − closing current receivables) × 100.
///
/// The numerator is what was collected (or credited) during the period; the denominator is
/// what could have been, leaving aside what is not yet due at the end. 100 means everything
/// due was collected.
///
/// For a period of several months the period is taken as one span: receivables at the day
/// before it starts, every credit sale within it, receivables at its cut-off. It is not the
/// average of monthly CEIs, which would weigh a quiet month like a busy one.
///
/// `None` when nothing could have been collected.
pub fn collection_effectiveness(
    opening: Decimal,
    credit_sales: Decimal,
    closing: Decimal,
    closing_current: Decimal,
) -> Option<Decimal> {
    let collectible = opening + credit_sales - closing_current;
    (collectible > Decimal::ZERO)
        .then(|| (opening + credit_sales - closing) * Decimal::ONE_HUNDRED / collectible)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn worked_example() {
        // Opening 200,000, sales 300,000, closing 250,000 of which 150,000 not yet due:
        // 250,000 collected of the 350,000 that could have been: 71.4 %.
        let cei = collection_effectiveness(dec!(200000), dec!(300000), dec!(250000), dec!(150000));
        assert_eq!(cei.map(|c| c.round_dp(1)), Some(dec!(71.4)));
    }

    #[test]
    fn everything_collected_is_100_and_nothing_collectible_is_none() {
        let cei = collection_effectiveness(dec!(100), dec!(50), dec!(50), dec!(50));
        assert_eq!(cei, Some(dec!(100)));
        let nothing_due = collection_effectiveness(Decimal::ZERO, dec!(50), dec!(50), dec!(50));
        assert_eq!(nothing_due, None);
    }
}
