use std::fmt;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

use super::customer::CustomerId;
use super::money::Money;

/// The invoice number as printed ("FV-1001"); unique within a portfolio.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct InvoiceId(pub SmolStr);

/// One part of an invoice paid in instalments ("cuota").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Installment {
    pub number: u32,
    #[serde(with = "crate::domain::wire::day")]
    pub due_on: NaiveDate,
    #[serde(with = "crate::domain::wire::amount")]
    pub amount: Decimal,
}

/// What is owed on an invoice and when: the whole amount on one day, or a schedule of
/// instalments that adds up to it. One value, so that concurrent edits never pair one
/// person's amount with another person's schedule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Terms {
    amount: Money,
    #[serde(with = "crate::domain::wire::day")]
    due_on: NaiveDate,
    #[serde(default)]
    installments: Vec<Installment>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TermsProblem {
    NotPositive,
    InstallmentNotPositive(u32),
    RepeatedInstallment(u32),
}

impl fmt::Display for TermsProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TermsProblem::NotPositive => f.write_str("the amount must be greater than zero"),
            TermsProblem::InstallmentNotPositive(n) => write!(f, "instalment {n} is not positive"),
            TermsProblem::RepeatedInstallment(n) => write!(f, "instalment {n} appears twice"),
        }
    }
}

impl Terms {
    /// The whole amount falls due on one day.
    pub fn single(amount: Money, due_on: NaiveDate) -> Result<Terms, TermsProblem> {
        if amount.amount <= Decimal::ZERO {
            return Err(TermsProblem::NotPositive);
        }
        Ok(Terms {
            amount,
            due_on,
            installments: Vec::new(),
        })
    }

    /// Instalments, in any order; the invoice is due in full on the last one's date.
    pub fn in_installments(
        currency: super::money::Currency,
        mut installments: Vec<Installment>,
    ) -> Result<Terms, TermsProblem> {
        installments.sort_by_key(|i| (i.due_on, i.number));
        let mut numbers = std::collections::BTreeSet::new();
        for installment in &installments {
            if installment.amount <= Decimal::ZERO {
                return Err(TermsProblem::InstallmentNotPositive(installment.number));
            }
            if !numbers.insert(installment.number) {
                return Err(TermsProblem::RepeatedInstallment(installment.number));
            }
        }
        let total: Decimal = installments.iter().map(|i| i.amount).sum();
        let due_on = installments
            .last()
            .map(|i| i.due_on)
            .ok_or(TermsProblem::NotPositive)?;
        Ok(Terms {
            amount: Money::new(total, currency),
            due_on,
            installments,
        })
    }

    pub fn amount(&self) -> Money {
        self.amount
    }

    pub fn due_on(&self) -> NaiveDate {
        self.due_on
    }

    pub fn installments(&self) -> &[Installment] {
        &self.installments
    }

    /// Each amount that falls due and when, earliest first.
    pub fn dues(&self) -> impl Iterator<Item = Due> + '_ {
        let whole = self.installments.is_empty().then_some(Due {
            installment: None,
            due_on: self.due_on,
            amount: self.amount.amount,
        });
        let parts = self.installments.iter().map(|i| Due {
            installment: Some(i.number),
            due_on: i.due_on,
            amount: i.amount,
        });
        whole.into_iter().chain(parts)
    }
}

/// An amount that falls due on a day: a whole invoice, or one of its instalments.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Due {
    pub installment: Option<u32>,
    pub due_on: NaiveDate,
    pub amount: Decimal,
}

/// What an invoice charges. Every kind is owed and counts in balances, aging and KPIs; only
/// a sale's price earns late interest, since interest on interest is barred (Código Civil art.
/// 1617, Código de Comercio art. 886) and a collection cost is not the debt itself.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "type")]
pub enum InvoiceKind {
    #[default]
    Sale,
    /// The interest a payment plan charges for the time it gives.
    PlanInterest,
    /// Late interest the business booked as an invoice, for every day up to `through`.
    LateInterest {
        #[serde(with = "crate::domain::wire::day")]
        through: NaiveDate,
    },
    /// A cost of collecting that a person recorded, with why: never charged for being late alone.
    CollectionCost { reason: String },
}

impl InvoiceKind {
    pub fn earns_late_interest(&self) -> bool {
        *self == InvoiceKind::Sale
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invoice {
    pub customer: CustomerId,
    #[serde(with = "crate::domain::wire::day")]
    pub issued_on: NaiveDate,
    pub terms: Terms,
    #[serde(default)]
    pub kind: InvoiceKind,
}

impl Invoice {
    pub fn amount(&self) -> Money {
        self.terms.amount()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::Currency;
    use rust_decimal::dec;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, d).expect("valid date")
    }

    fn cuota(number: u32, due: u32, amount: Decimal) -> Installment {
        Installment {
            number,
            due_on: day(due),
            amount,
        }
    }

    #[test]
    fn instalments_set_the_amount_and_the_final_due_date() {
        let terms = Terms::in_installments(
            Currency::COP,
            vec![cuota(2, 20, dec!(300)), cuota(1, 10, dec!(200))],
        )
        .expect("valid schedule");
        assert_eq!(terms.amount(), Money::new(dec!(500), Currency::COP));
        assert_eq!(terms.due_on(), day(20));
        let dues: Vec<Due> = terms.dues().collect();
        assert_eq!(dues[0].installment, Some(1));
        assert_eq!(dues[1].due_on, day(20));
    }

    #[test]
    fn impossible_terms_are_refused() {
        let cop = |n| Money::new(n, Currency::COP);
        assert_eq!(
            Terms::single(cop(dec!(0)), day(1)),
            Err(TermsProblem::NotPositive)
        );
        assert_eq!(
            Terms::in_installments(
                Currency::COP,
                vec![cuota(1, 1, dec!(5)), cuota(1, 2, dec!(5))]
            ),
            Err(TermsProblem::RepeatedInstallment(1))
        );
        assert_eq!(
            Terms::in_installments(Currency::COP, vec![cuota(1, 1, dec!(-5))]),
            Err(TermsProblem::InstallmentNotPositive(1))
        );
        assert!(Terms::in_installments(Currency::COP, vec![]).is_err());
    }
}
