//! The credit a business extends to one customer: how many days a sale is given to be paid
//! and how much the customer may owe at once, per currency («cupo»). A customer with no limit
//! in a currency has no cap there; the hold (`credit_hold`) withdraws credit altogether.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::money::{Currency, Money, Totals};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditTerms {
    /// Days from the sale to its due date; `None` when the customer has no agreed term.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_days: Option<u32>,
    /// At most one limit per currency, each positive.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub limits: Vec<Money>,
}

/// The longest payment term a person may agree: two years, past which «credit» is a loan.
pub const MAX_PAYMENT_DAYS: u32 = 730;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TermsProblem {
    PaymentDays,
    /// A limit of zero or less.
    NotPositive(Currency),
    TwoLimits(Currency),
}

impl CreditTerms {
    pub fn is_empty(&self) -> bool {
        *self == CreditTerms::default()
    }

    pub fn check(&self) -> Result<(), TermsProblem> {
        if self
            .payment_days
            .is_some_and(|days| days == 0 || days > MAX_PAYMENT_DAYS)
        {
            return Err(TermsProblem::PaymentDays);
        }
        for (index, limit) in self.limits.iter().enumerate() {
            if limit.amount <= Decimal::ZERO {
                return Err(TermsProblem::NotPositive(limit.currency));
            }
            if self.limits[..index]
                .iter()
                .any(|other| other.currency == limit.currency)
            {
                return Err(TermsProblem::TwoLimits(limit.currency));
            }
        }
        Ok(())
    }

    pub fn limit(&self, currency: Currency) -> Option<Decimal> {
        self.limits
            .iter()
            .find(|l| l.currency == currency)
            .map(|l| l.amount)
    }

    /// What is left of each limit under `balance`: zero or less means any new sale on credit
    /// would pass it.
    pub fn room(&self, balance: &Totals) -> Vec<Money> {
        self.limits
            .iter()
            .map(|limit| Money::new(limit.amount - balance.get(limit.currency), limit.currency))
            .collect()
    }

    /// «Sobre el cupo»: in some currency the balance already uses the whole limit, so the
    /// balance plus a new sale would pass it.
    pub fn over_limit(&self, balance: &Totals) -> bool {
        self.room(balance)
            .iter()
            .any(|room| room.amount <= Decimal::ZERO)
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::dec;

    use super::*;

    fn cop(amount: Decimal) -> Money {
        Money::new(amount, Currency::USUAL)
    }

    #[test]
    fn a_balance_that_uses_the_whole_limit_is_over_it() {
        let terms = CreditTerms {
            payment_days: Some(30),
            limits: vec![cop(dec!(5_000_000))],
        };
        let mut balance = Totals::default();
        balance.add(cop(dec!(4_999_999)));
        assert!(!terms.over_limit(&balance));
        assert_eq!(terms.room(&balance), vec![cop(dec!(1))]);
        balance.add(cop(dec!(1)));
        assert!(terms.over_limit(&balance), "a new sale would pass it");
        assert!(
            !CreditTerms::default().over_limit(&balance),
            "no limit, no cap"
        );
    }

    #[test]
    fn terms_a_person_cannot_mean_are_refused() {
        let days = |payment_days| CreditTerms {
            payment_days,
            limits: Vec::new(),
        };
        assert_eq!(days(Some(0)).check(), Err(TermsProblem::PaymentDays));
        assert_eq!(days(Some(731)).check(), Err(TermsProblem::PaymentDays));
        assert_eq!(days(Some(30)).check(), Ok(()));
        let limits = |limits| CreditTerms {
            payment_days: None,
            limits,
        };
        assert_eq!(
            limits(vec![cop(Decimal::ZERO)]).check(),
            Err(TermsProblem::NotPositive(Currency::USUAL))
        );
        assert_eq!(
            limits(vec![cop(dec!(1)), cop(dec!(2))]).check(),
            Err(TermsProblem::TwoLimits(Currency::USUAL))
        );
    }
}
