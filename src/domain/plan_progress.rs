//! How a payment plan is going: which instalments were paid on time, which late, which are
//! overdue, and whether the plan is broken. Decided from the customer's payments alone, so
//! every device that holds the same payments reaches the same verdict.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::payment::Payment;
use super::payment_plan::{schedule, PaymentPlan, PlanInstallment, PlanProblem};

/// An instalment still unpaid this many days after it fell due breaks the plan: a month of
/// grace is the usual line between a late payer and an agreement that failed.
pub const DAYS_TO_BREAK: i64 = 30;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InstallmentState {
    Upcoming,
    DueToday,
    /// Paid in full by its due date.
    Kept,
    /// Paid in full, but after its due date.
    PaidLate,
    /// Past due and not yet paid in full, for this many days.
    Overdue(i64),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanProgress {
    /// The down payment, when there is one, comes first as instalment 0 due on the day agreed.
    pub installments: Vec<(PlanInstallment, InstallmentState)>,
    pub paid: Decimal,
    pub broken: bool,
}

impl PlanProgress {
    pub fn count(&self, wanted: impl Fn(InstallmentState) -> bool) -> usize {
        self.installments.iter().filter(|(_, s)| wanted(*s)).count()
    }

    pub fn is_finished(&self) -> bool {
        self.installments
            .iter()
            .all(|(_, s)| matches!(s, InstallmentState::Kept | InstallmentState::PaidLate))
    }
}

/// The plan's progress on `today`, counting the customer's payments in the plan's currency
/// from the day it was agreed. Money goes to the instalments in order, as a customer would
/// expect: a payment first completes what is due soonest.
pub fn plan_progress<'a>(
    plan: &PaymentPlan,
    payments: impl IntoIterator<Item = &'a Payment>,
    today: NaiveDate,
) -> Result<PlanProgress, PlanProblem> {
    let terms = &plan.terms;
    let mut installments = schedule(terms)?;
    if terms.down_payment > Decimal::ZERO {
        installments.insert(
            0,
            PlanInstallment {
                number: 0,
                due_on: terms.agreed_on,
                principal: terms.down_payment,
                interest: Decimal::ZERO,
            },
        );
    }
    let mut received: Vec<(NaiveDate, Decimal)> = payments
        .into_iter()
        .filter(|p| {
            p.customer == plan.customer
                && p.amount.currency == terms.balance.currency
                && p.received_on >= terms.agreed_on
                && p.received_on <= today
        })
        .map(|p| (p.received_on, p.amount.amount))
        .collect();
    received.sort();
    let paid_by = |day: NaiveDate| -> Decimal {
        received
            .iter()
            .take_while(|(on, _)| *on <= day)
            .map(|(_, amount)| amount)
            .sum()
    };
    let paid = paid_by(today);
    let mut owed_so_far = Decimal::ZERO;
    let mut broken = false;
    let states = installments
        .into_iter()
        .map(|installment| {
            owed_so_far += installment.amount();
            let state = if paid_by(installment.due_on) >= owed_so_far {
                InstallmentState::Kept
            } else if paid >= owed_so_far {
                InstallmentState::PaidLate
            } else if installment.due_on > today {
                InstallmentState::Upcoming
            } else if installment.due_on == today {
                InstallmentState::DueToday
            } else {
                let days = (today - installment.due_on).num_days();
                broken |= days > DAYS_TO_BREAK;
                InstallmentState::Overdue(days)
            };
            (installment, state)
        })
        .collect();
    Ok(PlanProgress {
        installments: states,
        paid,
        broken,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::customer::CustomerId;
    use crate::domain::money::{Currency, Money};
    use crate::domain::payment::PaymentMethod;
    use crate::domain::payment_plan::{Frequency, PlanTerms};
    use rust_decimal::dec;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).expect("valid date")
    }

    fn plan() -> PaymentPlan {
        PaymentPlan {
            customer: CustomerId("c".into()),
            terms: PlanTerms {
                balance: Money::new(dec!(400000), Currency::COP),
                down_payment: dec!(100000),
                agreed_on: day(1, 10),
                first_due: day(2, 10),
                frequency: Frequency::Monthly,
                installments: 3,
                monthly_rate: Decimal::ZERO,
            },
        }
    }

    fn paid(on: NaiveDate, amount: Decimal) -> Payment {
        Payment {
            customer: CustomerId("c".into()),
            received_on: on,
            amount: Money::new(amount, Currency::COP),
            method: PaymentMethod::Cash,
            reference: Default::default(),
            applies_to: vec![],
            receipt: None,
        }
    }

    fn states(progress: &PlanProgress) -> Vec<InstallmentState> {
        progress.installments.iter().map(|(_, s)| *s).collect()
    }

    #[test]
    fn on_time_late_and_overdue_instalments() {
        use InstallmentState::*;
        let payments = [
            paid(day(1, 10), dec!(100000)),
            paid(day(2, 9), dec!(100000)),
            paid(day(3, 20), dec!(100000)),
        ];
        let progress = plan_progress(&plan(), &payments, day(4, 15)).expect("valid plan");
        assert_eq!(states(&progress), vec![Kept, Kept, PaidLate, Overdue(5)]);
        assert!(!progress.broken, "five days late is late, not broken");
        assert_eq!(progress.paid, dec!(300000));
    }

    #[test]
    fn a_month_without_paying_breaks_the_plan() {
        let payments = [paid(day(1, 10), dec!(100000))];
        let progress = plan_progress(&plan(), &payments, day(3, 13)).expect("valid plan");
        assert_eq!(
            progress.count(|s| matches!(s, InstallmentState::Overdue(_))),
            2
        );
        assert!(progress.broken);
    }

    #[test]
    fn payments_before_the_agreement_or_of_others_do_not_count() {
        let mut other = paid(day(2, 1), dec!(400000));
        other.customer = CustomerId("someone else".into());
        let payments = [paid(day(1, 9), dec!(400000)), other];
        let progress = plan_progress(&plan(), &payments, day(1, 10)).expect("valid plan");
        assert_eq!(
            states(&progress),
            vec![
                InstallmentState::DueToday,
                InstallmentState::Upcoming,
                InstallmentState::Upcoming,
                InstallmentState::Upcoming
            ]
        );
    }
}
