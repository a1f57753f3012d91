//! The headline numbers of the dashboard, how each is measured and which way is better, so a
//! change against the previous period can be called an improvement or not.

use rust_decimal::Decimal;

use super::scorecard::Scorecard;
use crate::domain::money::Currency;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kpi {
    Receivables,
    Overdue,
    AccountsOverdue,
    Collected,
    Dso,
    CountBackDso,
    BestPossibleDso,
    AverageDaysDelinquent,
    Cei,
    PercentCurrent,
    PromiseKeptRate,
    BrokenPromises,
    Contacts,
    ContactsPerPayment,
    OpenDisputes,
}

/// What a KPI counts, for how it is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Money,
    Count,
    Days,
    Percent,
    /// A plain quotient such as contacts per payment.
    Ratio,
}

impl Kpi {
    /// Measured in a currency: one value per currency.
    pub const MONEY: [Kpi; 10] = [
        Kpi::Receivables,
        Kpi::Overdue,
        Kpi::AccountsOverdue,
        Kpi::Collected,
        Kpi::Dso,
        Kpi::CountBackDso,
        Kpi::BestPossibleDso,
        Kpi::AverageDaysDelinquent,
        Kpi::Cei,
        Kpi::PercentCurrent,
    ];

    /// The collectors' work, whatever the currency.
    pub const ACTIVITY: [Kpi; 5] = [
        Kpi::PromiseKeptRate,
        Kpi::BrokenPromises,
        Kpi::Contacts,
        Kpi::ContactsPerPayment,
        Kpi::OpenDisputes,
    ];

    pub fn unit(self) -> Unit {
        match self {
            Kpi::Receivables | Kpi::Overdue | Kpi::Collected => Unit::Money,
            Kpi::AccountsOverdue | Kpi::BrokenPromises | Kpi::Contacts | Kpi::OpenDisputes => {
                Unit::Count
            }
            Kpi::Dso | Kpi::CountBackDso | Kpi::BestPossibleDso | Kpi::AverageDaysDelinquent => {
                Unit::Days
            }
            Kpi::Cei | Kpi::PercentCurrent | Kpi::PromiseKeptRate => Unit::Percent,
            Kpi::ContactsPerPayment => Unit::Ratio,
        }
    }

    /// Which way is good; `None` where a rise is neither (how much is owed depends on sales,
    /// how many contacts on the size of the portfolio).
    pub fn better_when_higher(self) -> Option<bool> {
        match self {
            Kpi::Collected | Kpi::Cei | Kpi::PercentCurrent | Kpi::PromiseKeptRate => Some(true),
            Kpi::Overdue
            | Kpi::AccountsOverdue
            | Kpi::Dso
            | Kpi::CountBackDso
            | Kpi::AverageDaysDelinquent
            | Kpi::BrokenPromises
            | Kpi::ContactsPerPayment
            | Kpi::OpenDisputes => Some(false),
            Kpi::Receivables | Kpi::BestPossibleDso | Kpi::Contacts => None,
        }
    }

    /// The KPI's value on a scorecard; a money KPI needs the `currency`. `None` where it
    /// cannot be worked out (a ratio over zero).
    pub fn value(self, card: &Scorecard, currency: Option<Currency>) -> Option<Decimal> {
        let count = |n: usize| Some(Decimal::from(n));
        let money = currency.and_then(|c| card.money.get(&c));
        match self {
            Kpi::Receivables => money.map(|m| m.receivables),
            Kpi::Overdue => money.map(|m| m.overdue),
            Kpi::AccountsOverdue => money.and_then(|m| count(m.accounts_overdue)),
            Kpi::Collected => money.map(|m| m.collected),
            Kpi::Dso => money.and_then(|m| m.dso),
            Kpi::CountBackDso => money.and_then(|m| m.count_back_dso),
            Kpi::BestPossibleDso => money.and_then(|m| m.best_possible_dso),
            Kpi::AverageDaysDelinquent => money.and_then(|m| m.average_days_delinquent),
            Kpi::Cei => money.and_then(|m| m.cei),
            Kpi::PercentCurrent => money.and_then(|m| m.percent_current),
            Kpi::PromiseKeptRate => card.promise_kept_rate,
            Kpi::BrokenPromises => count(card.broken_promises()),
            Kpi::Contacts => count(card.contacts),
            Kpi::ContactsPerPayment => card.contacts_per_payment,
            Kpi::OpenDisputes => count(card.open_disputes_total()),
        }
    }
}

/// How a KPI moved against the previous period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Change {
    /// Now minus before, in the KPI's own unit (days, points, money).
    pub delta: Decimal,
    /// Whether the move is for the better; `None` when it is neither, or there was none.
    pub improved: Option<bool>,
}

impl Change {
    /// `None` unless both periods have a value.
    pub fn between(kpi: Kpi, now: Option<Decimal>, before: Option<Decimal>) -> Option<Change> {
        let delta = now? - before?;
        let improved = if delta.is_zero() {
            None
        } else {
            kpi.better_when_higher()
                .map(|higher| higher == delta.is_sign_positive())
        };
        Some(Change { delta, improved })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    #[test]
    fn a_lower_dso_and_a_higher_cei_are_improvements() {
        let dso = Change::between(Kpi::Dso, Some(dec!(40)), Some(dec!(45))).expect("both");
        assert_eq!((dso.delta, dso.improved), (dec!(-5), Some(true)));
        let cei = Change::between(Kpi::Cei, Some(dec!(60)), Some(dec!(70))).expect("both");
        assert_eq!((cei.delta, cei.improved), (dec!(-10), Some(false)));
        let owed = Change::between(Kpi::Receivables, Some(dec!(9)), Some(dec!(1))).expect("both");
        assert_eq!(owed.improved, None, "owing more may just mean selling more");
        let flat = Change::between(Kpi::Dso, Some(dec!(3)), Some(dec!(3))).expect("both");
        assert_eq!(flat.improved, None);
        assert_eq!(Change::between(Kpi::Dso, Some(dec!(3)), None), None);
    }
}
