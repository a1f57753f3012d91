//! When an overdue account may be reported to a credit bureau («centrales de riesgo») in
//! Colombia. Ley 1266 de 2008, art. 12, as Ley 2157 de 2021 wrote it: only with the debtor's
//! prior authorization, only after a notice giving them the chance to pay or dispute, and only
//! 20 calendar days after it; a debt of at most 15 % of a monthly minimum wage needs two notices
//! on different days, and the 20 days run from the second. An account in dispute is not
//! reported, and a dispute opened while the 20 days run stops them until it is resolved. A
//! default 18 months old or more is no longer reported.
//!
//! Reporting itself happens outside the app, with the bureau; this is what the business may do.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, Months, NaiveDate};
use rust_decimal::{dec, Decimal};
use serde::{Deserialize, Serialize};

use super::contact::Objective;
use super::customer::CustomerId;
use super::latest_fact::{latest_of_each, CustomerFact};
use super::minimum_wage::MinimumWages;
use super::money::Currency;
use super::portfolio::Portfolio;
use super::standing::Standing;

/// The debtor's prior authorization to be reported, as the business keeps proof of it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BureauAuthorization {
    #[serde(with = "crate::domain::wire::day")]
    pub on: NaiveDate,
    /// How it was given: the signed credit application, a clause of the contract, a recorded
    /// call…
    pub how: String,
}

/// What the records say of every account in pesos standing as `standings` on `today`: the
/// notices are the contacts whose objective was the notice. One pass over the contacts and
/// disputes serves every customer: an office's portfolio has tens of thousands of each.
fn bureau_facts<'p>(
    portfolio: &'p Portfolio,
    standings: &'p BTreeMap<CustomerId, Standing>,
    today: NaiveDate,
) -> impl Iterator<Item = (&'p CustomerId, BureauFacts)> + 'p {
    let mut notices: BTreeMap<&CustomerId, Vec<NaiveDate>> = BTreeMap::new();
    for contact in portfolio.contacts.values() {
        if contact.objective == Objective::BureauNotice {
            notices
                .entry(&contact.customer)
                .or_default()
                .push(contact.on());
        }
    }
    let mut disputes: BTreeMap<&CustomerId, Vec<(NaiveDate, Option<NaiveDate>)>> = BTreeMap::new();
    for dispute in portfolio.disputes.values() {
        disputes
            .entry(&dispute.customer)
            .or_default()
            .push((dispute.opened_on, dispute.resolved_on));
    }
    standings
        .iter()
        .filter(|(_, s)| s.overdue.get(Currency::COP) > Decimal::ZERO)
        .map(move |(customer, standing)| {
            let overdue = standing.overdue.get(Currency::COP);
            let defaulted_on = (standing.oldest_days_overdue > 0)
                .then(|| today - Days::new(standing.oldest_days_overdue.unsigned_abs() - 1));
            let facts = BureauFacts {
                authorized_on: portfolio
                    .customers
                    .get(customer)
                    .and_then(|c| c.bureau_authorization.as_ref())
                    .map(|a| a.on),
                notices: notices.remove(customer).unwrap_or_default(),
                defaulted_on,
                overdue,
                disputes: disputes.remove(customer).unwrap_or_default(),
            };
            (customer, facts)
        })
}

/// What the business did with the bureau, as it records it: the report is made outside the
/// app.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BureauFiling {
    pub customer: CustomerId,
    #[serde(with = "crate::domain::wire::day")]
    pub on: NaiveDate,
    /// Who recorded it: the device's name when it was written.
    pub by: String,
    pub kind: FilingKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FilingKind {
    /// The account was reported in default.
    Reported,
    /// The bureau was told the debt is paid, as the law requires once it is.
    Updated,
}

impl CustomerFact for BureauFiling {
    fn customer(&self) -> &CustomerId {
        &self.customer
    }

    fn on(&self) -> NaiveDate {
        self.on
    }
}

/// The customers reported in default who owe nothing overdue now: the bureau must be told.
pub fn reports_to_update(
    portfolio: &Portfolio,
    standings: &BTreeMap<CustomerId, Standing>,
) -> Vec<(CustomerId, NaiveDate)> {
    latest_of_each(&portfolio.bureau_filings)
        .into_iter()
        .filter(|(_, f)| f.kind == FilingKind::Reported)
        .filter(|(customer, _)| {
            standings
                .get(*customer)
                .is_none_or(|s| s.overdue.get(Currency::COP) <= Decimal::ZERO)
        })
        .map(|(customer, f)| (customer.clone(), f.on))
        .collect()
}

/// One account as the bureau rules see it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BureauStanding {
    pub customer: CustomerId,
    pub overdue: Decimal,
    pub defaulted_on: Option<NaiveDate>,
    pub reportability: Reportability,
    /// The day it was reported, while that report stands.
    pub reported_on: Option<NaiveDate>,
}

/// Every account with pesos overdue on `today`, those that may be reported first, then those
/// closest to it; `wages` gives today's year's minimum wage.
pub fn bureau_standings(
    portfolio: &Portfolio,
    standings: &BTreeMap<CustomerId, Standing>,
    wages: &MinimumWages,
    today: NaiveDate,
) -> Vec<BureauStanding> {
    let wage = wages.get(today.year());
    let filings = latest_of_each(&portfolio.bureau_filings);
    let mut accounts: Vec<BureauStanding> = bureau_facts(portfolio, standings, today)
        .map(|(customer, facts)| BureauStanding {
            customer: customer.clone(),
            overdue: facts.overdue,
            defaulted_on: facts.defaulted_on,
            reportability: reportability(&facts, wage, today),
            reported_on: filings
                .get(customer)
                .filter(|f| f.kind == FilingKind::Reported)
                .map(|f| f.on),
        })
        .collect();
    accounts.sort_by_key(|a| (a.reportability.order(), a.defaulted_on));
    accounts
}

impl Reportability {
    /// Closest to a report first.
    fn order(&self) -> u8 {
        match self {
            Reportability::Reportable { .. } => 0,
            Reportability::Waiting { .. } => 1,
            Reportability::SecondNoticeNeeded => 2,
            Reportability::NoNotice => 3,
            Reportability::MissingWage(_) => 4,
            Reportability::InDispute => 5,
            Reportability::NoAuthorization => 6,
            Reportability::Stale { .. } => 7,
            Reportability::NotOverdue => 8,
        }
    }
}

/// Calendar days from the notice before the account may be reported.
pub const NOTICE_DAYS: u32 = 20;
/// A debt at most this share of a monthly minimum wage needs two notices.
pub const SMALL_DEBT_SHARE: Decimal = dec!(0.15);
/// Months after the default from which the account is no longer reported.
pub const STALE_MONTHS: u32 = 18;

/// What the app knows of one account, in pesos.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BureauFacts {
    /// The day the debtor authorized reports, if they did.
    pub authorized_on: Option<NaiveDate>,
    /// The days notices were sent, in any order.
    pub notices: Vec<NaiveDate>,
    /// The first day the oldest unpaid due was overdue; `None` when nothing is.
    pub defaulted_on: Option<NaiveDate>,
    /// What is overdue.
    pub overdue: Decimal,
    /// Each dispute of the account: opened, and resolved if it was.
    pub disputes: Vec<(NaiveDate, Option<NaiveDate>)>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reportability {
    NotOverdue,
    NoAuthorization,
    /// No notice sent since the default.
    NoNotice,
    /// A small debt, one notice sent: a second one, on another day, is needed.
    SecondNoticeNeeded,
    /// The 20 days run: reportable from this day, if nothing changes.
    Waiting {
        from: NaiveDate,
    },
    /// A dispute is open today.
    InDispute,
    /// The default is 18 months old or more, since this day.
    Stale {
        since: NaiveDate,
    },
    /// Whether the debt is small depends on this year's minimum wage, missing from the table.
    MissingWage(i32),
    Reportable {
        since: NaiveDate,
    },
}

/// Whether the account may be reported on `today`; `wage` is the monthly minimum wage of
/// today's year, if the business entered it.
pub fn reportability(
    facts: &BureauFacts,
    wage: Option<Decimal>,
    today: NaiveDate,
) -> Reportability {
    let Some(defaulted_on) = facts.defaulted_on.filter(|_| facts.overdue > Decimal::ZERO) else {
        return Reportability::NotOverdue;
    };
    if facts.authorized_on.is_none_or(|day| day > today) {
        return Reportability::NoAuthorization;
    }
    let stale = defaulted_on
        .checked_add_months(Months::new(STALE_MONTHS))
        .unwrap_or(NaiveDate::MAX);
    if today >= stale {
        return Reportability::Stale { since: stale };
    }
    let in_dispute = |day: NaiveDate| {
        facts
            .disputes
            .iter()
            .any(|(opened, resolved)| *opened <= day && resolved.is_none_or(|r| r > day))
    };
    if in_dispute(today) {
        return Reportability::InDispute;
    }
    let mut notices: Vec<NaiveDate> = facts
        .notices
        .iter()
        .copied()
        .filter(|day| *day >= defaulted_on && *day <= today)
        .collect();
    notices.sort_unstable();
    notices.dedup();
    let Some(first) = notices.first().copied() else {
        return Reportability::NoNotice;
    };
    let year = today.year();
    let Some(wage) = wage else {
        return Reportability::MissingWage(year);
    };
    let counted_from = if facts.overdue <= wage * SMALL_DEBT_SHARE {
        match notices.get(1) {
            Some(second) => *second,
            None => return Reportability::SecondNoticeNeeded,
        }
    } else {
        first
    };
    let from = after_undisputed_days(counted_from, NOTICE_DAYS, in_dispute);
    if from <= today {
        Reportability::Reportable { since: from }
    } else {
        Reportability::Waiting { from }
    }
}

/// The day after `days` calendar days following `start` on which no dispute was open.
fn after_undisputed_days(
    start: NaiveDate,
    days: u32,
    in_dispute: impl Fn(NaiveDate) -> bool,
) -> NaiveDate {
    let mut day = start;
    let mut counted = 0;
    while counted < days {
        let Some(next) = day.checked_add_days(Days::new(1)) else {
            return NaiveDate::MAX;
        };
        day = next;
        if !in_dispute(day) {
            counted += 1;
        }
    }
    day.succ_opt().unwrap_or(day)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).expect("valid date")
    }

    const WAGE: Decimal = dec!(1500000);

    fn overdue(amount: Decimal) -> BureauFacts {
        BureauFacts {
            authorized_on: Some(day(1, 10)),
            notices: vec![],
            defaulted_on: Some(day(3, 1)),
            overdue: amount,
            disputes: vec![],
        }
    }

    #[test]
    fn a_reported_account_paid_since_needs_the_bureau_told_until_it_is() {
        let customer = CustomerId("c1".into());
        let filing = |kind, d| BureauFiling {
            customer: customer.clone(),
            on: day(4, d),
            by: "Oficina".into(),
            kind,
        };
        let mut p = Portfolio::default();
        p.bureau_filings
            .insert("a:1".into(), filing(FilingKind::Reported, 1));
        let paid: BTreeMap<CustomerId, Standing> = [(customer.clone(), Standing::default())].into();
        assert_eq!(
            reports_to_update(&p, &paid),
            vec![(customer.clone(), day(4, 1))]
        );
        p.bureau_filings
            .insert("a:2".into(), filing(FilingKind::Updated, 9));
        assert_eq!(reports_to_update(&p, &paid), vec![]);
    }

    #[test]
    fn twenty_calendar_days_after_the_notice_even_across_a_holiday() {
        // Friday 27 March 2026 is the Friday before Holy Week (Thursday 2 and Friday 3 April
        // are holidays): the 20 days are calendar days, so the 20th is Thursday 16 April and
        // the account may be reported from Friday 17 April.
        let facts = BureauFacts {
            notices: vec![day(3, 27)],
            ..overdue(dec!(2000000))
        };
        assert_eq!(
            reportability(&facts, Some(WAGE), day(4, 16)),
            Reportability::Waiting { from: day(4, 17) }
        );
        assert_eq!(
            reportability(&facts, Some(WAGE), day(4, 17)),
            Reportability::Reportable { since: day(4, 17) }
        );
    }

    #[test]
    fn a_small_debt_needs_two_notices_on_different_days_and_counts_from_the_second() {
        // 15 % of 1,500,000 is 225,000: a debt of exactly that is small.
        let one = BureauFacts {
            notices: vec![day(3, 5), day(3, 5)],
            ..overdue(dec!(225000))
        };
        assert_eq!(
            reportability(&one, Some(WAGE), day(5, 1)),
            Reportability::SecondNoticeNeeded
        );
        let two = BureauFacts {
            notices: vec![day(3, 12), day(3, 5)],
            ..one
        };
        assert_eq!(
            reportability(&two, Some(WAGE), day(4, 1)),
            Reportability::Waiting { from: day(4, 2) }
        );
        assert_eq!(
            reportability(&two, None, day(4, 2)),
            Reportability::MissingWage(2026),
            "whether it is small is never guessed"
        );
        let larger = BureauFacts {
            overdue: dec!(225000.01),
            ..two
        };
        assert_eq!(
            reportability(&larger, Some(WAGE), day(3, 26)),
            Reportability::Reportable { since: day(3, 26) }
        );
    }

    #[test]
    fn a_dispute_opened_after_the_notice_stops_the_clock_until_resolved() {
        let facts = BureauFacts {
            notices: vec![day(3, 2)],
            disputes: vec![(day(3, 10), Some(day(3, 15)))],
            ..overdue(dec!(2000000))
        };
        assert_eq!(
            reportability(&facts, Some(WAGE), day(3, 12)),
            Reportability::InDispute
        );
        // 3–9 March count 7 days, 10–14 March do not, 15 March on count the other 13: the
        // 20th is 27 March.
        assert_eq!(
            reportability(&facts, Some(WAGE), day(3, 20)),
            Reportability::Waiting { from: day(3, 28) }
        );
    }

    #[test]
    fn no_report_without_authorization_a_notice_or_after_eighteen_months() {
        let facts = overdue(dec!(2000000));
        assert_eq!(
            reportability(&facts, Some(WAGE), day(6, 1)),
            Reportability::NoNotice
        );
        let unauthorized = BureauFacts {
            authorized_on: None,
            notices: vec![day(3, 2)],
            ..facts.clone()
        };
        assert_eq!(
            reportability(&unauthorized, Some(WAGE), day(6, 1)),
            Reportability::NoAuthorization
        );
        let notified = BureauFacts {
            notices: vec![day(3, 2)],
            ..facts
        };
        let stale = NaiveDate::from_ymd_opt(2027, 9, 1).expect("date");
        assert_eq!(
            reportability(&notified, Some(WAGE), stale),
            Reportability::Stale { since: stale }
        );
        assert_eq!(
            reportability(&notified, Some(WAGE), stale.pred_opt().expect("date")),
            Reportability::Reportable { since: day(3, 23) }
        );
        let paid = BureauFacts {
            overdue: Decimal::ZERO,
            ..notified
        };
        assert_eq!(
            reportability(&paid, Some(WAGE), day(6, 1)),
            Reportability::NotOverdue
        );
    }
}
