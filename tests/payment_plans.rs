//! Payment plans for any balance, length, rate and frequency repay exactly what was financed,
//! on dates that only move forward.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use cobranza::domain::money::{Currency, Money};
use cobranza::domain::payment_plan::{schedule, Frequency, PlanTerms};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn frequency() -> impl Strategy<Value = Frequency> {
    prop_oneof![
        Just(Frequency::Weekly),
        Just(Frequency::Fortnightly),
        Just(Frequency::Monthly),
        (1..=31u32).prop_map(Frequency::DayOfMonth),
    ]
}

proptest! {
    #[test]
    fn instalments_repay_exactly_the_financed_amount(
        cents in 100..10_000_000_000i64,
        down_share in 0..90u32,
        installments in 1..=60u32,
        rate_bp in 0..500i64,
        frequency in frequency(),
        start in 0..1500u64,
        clp in any::<bool>(),
    ) {
        let currency = if clp { Currency::parse("CLP").expect("code") } else { Currency::COP };
        let balance = Decimal::new(cents, 2).round_dp(currency.minor_digits());
        prop_assume!(balance > Decimal::ZERO);
        let down_payment = (balance * Decimal::from(down_share) / Decimal::from(100))
            .round_dp(currency.minor_digits());
        let agreed_on = NaiveDate::from_ymd_opt(2026, 1, 1).expect("date") + chrono::Days::new(start);
        let terms = PlanTerms {
            balance: Money::new(balance, currency),
            down_payment,
            agreed_on,
            first_due: agreed_on + chrono::Days::new(start % 40),
            frequency,
            installments,
            monthly_rate: Decimal::new(rate_bp, 4),
        };
        let plan = schedule(&terms).expect("a valid plan");
        prop_assert_eq!(plan.len(), installments as usize);
        let principal: Decimal = plan.iter().map(|i| i.principal).sum();
        prop_assert_eq!(principal, balance - down_payment);
        for installment in &plan {
            prop_assert!(installment.principal >= Decimal::ZERO && installment.interest >= Decimal::ZERO);
            prop_assert!(installment.interest.scale() <= currency.minor_digits());
        }
        for pair in plan.windows(2) {
            prop_assert!(pair[0].due_on < pair[1].due_on);
        }
        prop_assert!(plan[0].due_on >= terms.first_due);
    }
}
