//! Payment plans ("acuerdos de pago"): an overdue balance refinanced into instalments on fixed
//! days, with an optional down payment and interest. Every amount is exact in `Decimal` and
//! rounded to the currency's minor unit; the rounding rest goes on the last instalment, so
//! the instalments' principal always adds up to exactly what was financed.

use chrono::{Datelike, Days, Months, NaiveDate};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

use super::customer::CustomerId;
use super::money::Money;

/// How often an instalment falls due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frequency {
    Weekly,
    Fortnightly,
    /// Same day of the month as the first instalment (the 31st becomes the month's last day).
    Monthly,
    /// This day of every month, from the first such day on or after the first due date.
    DayOfMonth(u32),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanTerms {
    /// The balance being refinanced.
    pub balance: Money,
    /// Paid on the day the plan is agreed; the rest is financed.
    pub down_payment: Decimal,
    pub agreed_on: NaiveDate,
    pub first_due: NaiveDate,
    pub frequency: Frequency,
    pub installments: u32,
    /// Interest per month as a fraction (0.015 is 1.5 % a month); zero for none. Weekly and
    /// fortnightly plans use the equivalent simple rate per period (12/52 and 12/26 of it).
    pub monthly_rate: Decimal,
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PlanId(pub SmolStr);

/// A payment agreement ("acuerdo de pago") made with a customer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaymentPlan {
    pub customer: CustomerId,
    pub terms: PlanTerms,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanInstallment {
    pub number: u32,
    pub due_on: NaiveDate,
    pub principal: Decimal,
    pub interest: Decimal,
}

impl PlanInstallment {
    pub fn amount(&self) -> Decimal {
        self.principal + self.interest
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PlanProblem {
    NothingToFinance,
    DownPaymentTooLarge,
    NoInstallments,
    /// More instalments than any plan has: a typo.
    TooManyInstallments,
    NegativeRate,
    FirstDueBeforeAgreement,
    BadDayOfMonth,
}

const MAX_INSTALLMENTS: u32 = 120;

/// The instalments of a plan, in order. Interest follows the French system: equal payments,
/// interest on the balance still owed each period.
pub fn schedule(terms: &PlanTerms) -> Result<Vec<PlanInstallment>, PlanProblem> {
    let digits = terms.balance.currency.minor_digits();
    let round = |value: Decimal| {
        value.round_dp_with_strategy(digits, RoundingStrategy::MidpointAwayFromZero)
    };
    let financed = terms.balance.amount - terms.down_payment;
    if terms.balance.amount <= Decimal::ZERO {
        return Err(PlanProblem::NothingToFinance);
    }
    if terms.down_payment < Decimal::ZERO || financed <= Decimal::ZERO {
        return Err(PlanProblem::DownPaymentTooLarge);
    }
    if terms.installments == 0 {
        return Err(PlanProblem::NoInstallments);
    }
    if terms.installments > MAX_INSTALLMENTS {
        return Err(PlanProblem::TooManyInstallments);
    }
    if terms.monthly_rate < Decimal::ZERO {
        return Err(PlanProblem::NegativeRate);
    }
    if terms.first_due < terms.agreed_on {
        return Err(PlanProblem::FirstDueBeforeAgreement);
    }
    let dates = due_dates(terms.first_due, terms.frequency, terms.installments)?;
    let rate = period_rate(terms.monthly_rate, terms.frequency);
    let count = Decimal::from(terms.installments);
    let payment = if rate.is_zero() {
        financed / count
    } else {
        // P·r / (1 − (1 + r)^−n), written with a positive power to stay exact longer.
        let growth = (0..terms.installments).fold(Decimal::ONE, |g, _| g * (Decimal::ONE + rate));
        financed * rate * growth / (growth - Decimal::ONE)
    };
    let payment = round(payment);
    let mut owed = financed;
    let mut plan = Vec::with_capacity(dates.len());
    for (index, due_on) in dates.into_iter().enumerate() {
        let interest = round(owed * rate);
        let last = index + 1 == terms.installments as usize;
        let principal = if last {
            owed
        } else {
            (payment - interest).min(owed).max(Decimal::ZERO)
        };
        owed -= principal;
        plan.push(PlanInstallment {
            number: index as u32 + 1,
            due_on,
            principal,
            interest,
        });
    }
    Ok(plan)
}

fn period_rate(monthly: Decimal, frequency: Frequency) -> Decimal {
    match frequency {
        Frequency::Weekly => monthly * Decimal::from(12) / Decimal::from(52),
        Frequency::Fortnightly => monthly * Decimal::from(12) / Decimal::from(26),
        Frequency::Monthly | Frequency::DayOfMonth(_) => monthly,
    }
}

/// Each date counted from the first, never from the previous one, so that a plan starting on
/// the 31st comes back to the 31st after February.
fn due_dates(
    first: NaiveDate,
    frequency: Frequency,
    count: u32,
) -> Result<Vec<NaiveDate>, PlanProblem> {
    let start = match frequency {
        Frequency::DayOfMonth(day) => {
            if !(1..=31).contains(&day) {
                return Err(PlanProblem::BadDayOfMonth);
            }
            let this_month = day_in_month(first.year(), first.month(), day);
            if this_month >= first {
                this_month
            } else {
                let next = first + Months::new(1);
                day_in_month(next.year(), next.month(), day)
            }
        }
        _ => first,
    };
    (0..count)
        .map(|k| {
            match frequency {
                Frequency::Weekly => start.checked_add_days(Days::new(7 * u64::from(k))),
                Frequency::Fortnightly => start.checked_add_days(Days::new(14 * u64::from(k))),
                Frequency::Monthly => start.checked_add_months(Months::new(k)),
                Frequency::DayOfMonth(day) => start
                    .checked_add_months(Months::new(k))
                    .map(|d| day_in_month(d.year(), d.month(), day)),
            }
            .ok_or(PlanProblem::TooManyInstallments)
        })
        .collect()
}

/// The given day of a month, or the month's last day when it is shorter.
fn day_in_month(year: i32, month: u32, day: u32) -> NaiveDate {
    (1..=day)
        .rev()
        .find_map(|d| NaiveDate::from_ymd_opt(year, month, d))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Currency;
    use rust_decimal::dec;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    fn terms(
        balance: Decimal,
        installments: u32,
        frequency: Frequency,
        rate: Decimal,
    ) -> PlanTerms {
        PlanTerms {
            balance: Money::new(balance, Currency::COP),
            down_payment: Decimal::ZERO,
            agreed_on: date(2028, 1, 15),
            first_due: date(2028, 1, 31),
            frequency,
            installments,
            monthly_rate: rate,
        }
    }

    #[test]
    fn without_interest_the_rounding_rest_goes_on_the_last_instalment() {
        let plan = schedule(&terms(dec!(1000000), 3, Frequency::Monthly, dec!(0))).expect("plan");
        let amounts: Vec<Decimal> = plan.iter().map(PlanInstallment::amount).collect();
        assert_eq!(
            amounts,
            vec![dec!(333333.33), dec!(333333.33), dec!(333333.34)]
        );
        let dates: Vec<NaiveDate> = plan.iter().map(|i| i.due_on).collect();
        // 2028 is a leap year: January 31st, then February 29th, then back to March 31st.
        assert_eq!(
            dates,
            vec![date(2028, 1, 31), date(2028, 2, 29), date(2028, 3, 31)]
        );
    }

    #[test]
    fn french_instalments_with_interest_repay_exactly_the_financed_amount() {
        let mut t = terms(dec!(1200000), 12, Frequency::Monthly, dec!(0.02));
        t.down_payment = dec!(200000);
        let plan = schedule(&t).expect("plan");
        let principal: Decimal = plan.iter().map(|i| i.principal).sum();
        assert_eq!(principal, dec!(1000000));
        // 1,000,000 at 2 % a month over 12 months: 94,559.60 a month.
        assert_eq!(plan[0].amount(), dec!(94559.60));
        assert_eq!(plan[0].interest, dec!(20000.00));
        let last = plan.last().expect("twelve instalments").amount();
        assert!((last - dec!(94559.60)).abs() < dec!(0.10), "{last}");
    }

    #[test]
    fn weekly_fortnightly_and_day_of_month_dates() {
        let weekly = schedule(&terms(dec!(100), 3, Frequency::Weekly, dec!(0))).expect("plan");
        assert_eq!(weekly[2].due_on, date(2028, 2, 14));
        let fortnightly =
            schedule(&terms(dec!(100), 3, Frequency::Fortnightly, dec!(0))).expect("plan");
        assert_eq!(fortnightly[1].due_on, date(2028, 2, 14));
        let fifth =
            schedule(&terms(dec!(100), 2, Frequency::DayOfMonth(5), dec!(0))).expect("plan");
        assert_eq!(fifth[0].due_on, date(2028, 2, 5));
        assert_eq!(fifth[1].due_on, date(2028, 3, 5));
        let thirtieth =
            schedule(&terms(dec!(100), 2, Frequency::DayOfMonth(30), dec!(0))).expect("plan");
        assert_eq!(thirtieth[0].due_on, date(2028, 2, 29));
        assert_eq!(thirtieth[1].due_on, date(2028, 3, 30));
    }

    #[test]
    fn impossible_plans_are_refused() {
        let mut t = terms(dec!(100), 3, Frequency::Monthly, dec!(0));
        t.down_payment = dec!(100);
        assert_eq!(schedule(&t), Err(PlanProblem::DownPaymentTooLarge));
        assert_eq!(
            schedule(&terms(dec!(100), 0, Frequency::Monthly, dec!(0))),
            Err(PlanProblem::NoInstallments)
        );
        assert_eq!(
            schedule(&terms(dec!(100), 2, Frequency::DayOfMonth(32), dec!(0))),
            Err(PlanProblem::BadDayOfMonth)
        );
        assert_eq!(
            schedule(&terms(dec!(100), 2, Frequency::Monthly, dec!(-0.01))),
            Err(PlanProblem::NegativeRate)
        );
    }
}
