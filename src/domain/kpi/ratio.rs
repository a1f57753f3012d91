//! The plain ratios of the scorecard, each written once so every screen divides the same way.

use rust_decimal::Decimal;

/// `part` ÷ `whole` × 100; `None` when `whole` is zero (percent current of nothing owed).
pub fn percent(part: Decimal, whole: Decimal) -> Option<Decimal> {
    (!whole.is_zero()).then(|| part * Decimal::ONE_HUNDRED / whole)
}

/// Promise-kept rate = kept ÷ (kept + broken) × 100, where a promise only partly paid counts
/// as broken and one whose day has not ended counts as neither.
pub fn promise_kept_rate(kept: usize, broken: usize) -> Option<Decimal> {
    percent(Decimal::from(kept), Decimal::from(kept + broken))
}

/// Contacts per payment = contacts made ÷ payments received in the same period: the effort
/// one payment took. `None` without payments.
pub fn contacts_per_payment(contacts: usize, payments: usize) -> Option<Decimal> {
    (payments > 0).then(|| Decimal::from(contacts) / Decimal::from(payments))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn ratios_on_worked_examples() {
        assert_eq!(percent(dec!(25), dec!(200)), Some(dec!(12.5)));
        assert_eq!(percent(dec!(25), Decimal::ZERO), None);
        assert_eq!(promise_kept_rate(3, 1), Some(dec!(75)));
        assert_eq!(promise_kept_rate(0, 0), None);
        assert_eq!(contacts_per_payment(9, 2), Some(dec!(4.5)));
        assert_eq!(contacts_per_payment(9, 0), None);
    }
}
