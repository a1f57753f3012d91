//! Late interest («intereses de mora») as the law allows it: day by day on the principal
//! overdue, month by month at that month's rate, never on interest, never above the month's
//! legal cap (`interest_cap`). In Colombia the Código de Comercio (art. 884, as Ley 510 de
//! 1999 art. 111 wrote it) caps it at one and a half times the bank rate the
//! Superintendencia Financiera certifies for the month; charging more is usury (Código Penal
//! art. 305) and forfeits the interest.
//!
//! A rate is effective annual (E.A.); a day's rate is (1 + E.A.)^(1/365) − 1, and a day's
//! interest is that rate times the principal overdue that day. Every figure stays exact until
//! the total, which alone is rounded to the currency's cents.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::{Decimal, MathematicalOps, RoundingStrategy};
use serde::{Deserialize, Serialize};

use super::allocation::Allocation;
use super::certified_rate::{CertifiedRates, Month};
use super::customer::CustomerId;
use super::interest_cap::CapRule;
use super::money::{Currency, Money};
use super::portfolio::Portfolio;

/// What the company charges for paying late.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "basis")]
pub enum InterestBasis {
    /// No interest: the usual choice of a business that keeps its customers by not charging it.
    #[default]
    None,
    /// The rate agreed with the customers, effective annual in percent; cut to each month's cap.
    Agreed { annual_percent: Decimal },
    /// The usury rate of each month: the most the law allows.
    LegalMaximum,
}

/// What the company charges and what the law lets it: all late interest needs besides the
/// debts themselves.
#[derive(Clone, Copy, Debug)]
pub struct InterestTerms<'a> {
    pub basis: &'a InterestBasis,
    pub rates: &'a CertifiedRates,
    pub cap: CapRule,
}

impl InterestTerms<'_> {
    fn charges_none(&self) -> bool {
        *self.basis == InterestBasis::None
    }
}

/// One due as late interest sees it: what was owed, from when, and what paid it and when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overdue {
    pub due_on: NaiveDate,
    pub amount: Decimal,
    /// What each payment or credit note took off it, in date order.
    pub settled: Vec<(NaiveDate, Decimal)>,
}

/// The interest of one calendar month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InterestMonth {
    pub month: Month,
    /// Days of the month on which something was overdue.
    pub days: u32,
    /// The principal overdue, summed over those days: what the day's rate multiplies.
    pub principal_days: Decimal,
    /// The effective annual rate applied, in percent.
    pub annual_percent: Decimal,
    /// The month's legal cap, in percent.
    pub cap_percent: Decimal,
    /// The agreed rate was above the cap and the cap was charged instead.
    pub cut_to_cap: bool,
    /// The resolution that certified the month's bank rate.
    pub resolution: String,
    /// Exact, not rounded.
    pub interest: Decimal,
}

/// The interest a customer owes on one currency's account: a claim kept apart from what they
/// were invoiced.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InterestClaim {
    pub months: Vec<InterestMonth>,
    /// The months' interest summed, rounded once to the currency's cents.
    pub total: Decimal,
}

/// Why no claim could be worked out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InterestProblem {
    /// These months have debt overdue but no certified rate in the company's table.
    MissingRates(Vec<Month>),
}

/// A day's rate of an effective annual rate in percent.
pub fn daily_rate(annual_percent: Decimal) -> Decimal {
    let yearly = Decimal::ONE + annual_percent / Decimal::ONE_HUNDRED;
    yearly.powd(Decimal::ONE / Decimal::from(365)) - Decimal::ONE
}

/// The principal overdue on each day after `booked_through` up to `as_of`, month by month:
/// (days with any, their sum).
fn principal_days(
    overdue: &[Overdue],
    booked_through: Option<NaiveDate>,
    as_of: NaiveDate,
) -> BTreeMap<Month, (u32, Decimal)> {
    let first_unbooked = booked_through.and_then(|day| day.succ_opt());
    // How the principal overdue changes, and from which day: a due joins it the day after it
    // fell due; what pays it leaves it from the day it was paid (or that first day, if paid
    // before it).
    let mut changes: BTreeMap<NaiveDate, Decimal> = BTreeMap::new();
    for due in overdue {
        let Some(first) = due.due_on.succ_opt() else {
            continue;
        };
        if first > as_of {
            continue;
        }
        *changes.entry(first).or_default() += due.amount;
        for (on, amount) in due.settled.iter().filter(|(on, _)| *on <= as_of) {
            *changes.entry((*on).max(first)).or_default() -= amount;
        }
    }
    let mut months: BTreeMap<Month, (u32, Decimal)> = BTreeMap::new();
    let mut principal = Decimal::ZERO;
    let mut steps = changes.into_iter().peekable();
    while let Some((from, change)) = steps.next() {
        principal += change;
        let until = steps
            .peek()
            .map(|(next, _)| *next)
            .unwrap_or_else(|| as_of.succ_opt().unwrap_or(as_of));
        if principal <= Decimal::ZERO {
            continue;
        }
        let mut day = first_unbooked.map_or(from, |first| from.max(first));
        while day < until {
            let month = Month::of(day);
            let stop = month.end().min(until);
            let days = u32::try_from((stop - day).num_days()).unwrap_or(0);
            let entry = months.entry(month).or_default();
            entry.0 += days;
            entry.1 += principal * Decimal::from(days);
            day = stop;
        }
    }
    months
}

/// The late interest on `overdue` up to `as_of`, included, under `terms`; rounded to
/// `minor_digits`. Days up to `booked_through` are
/// left out: their interest was already booked as an invoice.
pub fn late_interest(
    overdue: &[Overdue],
    booked_through: Option<NaiveDate>,
    as_of: NaiveDate,
    terms: InterestTerms<'_>,
    minor_digits: u32,
) -> Result<InterestClaim, InterestProblem> {
    let InterestTerms { basis, rates, cap } = terms;
    if terms.charges_none() {
        return Ok(InterestClaim::default());
    }
    let months = principal_days(overdue, booked_through, as_of);
    let missing: Vec<Month> = months
        .keys()
        .filter(|month| rates.get(**month).is_none())
        .copied()
        .collect();
    if !missing.is_empty() {
        return Err(InterestProblem::MissingRates(missing));
    }
    let mut claim = InterestClaim::default();
    let mut exact = Decimal::ZERO;
    for (month, (days, principal_days)) in months {
        let Some(certified) = rates.get(month) else {
            continue;
        };
        let cap_percent = cap.cap(certified.annual_percent);
        let (annual_percent, cut_to_cap) = match basis {
            InterestBasis::Agreed { annual_percent } if *annual_percent > cap_percent => {
                (cap_percent, true)
            }
            InterestBasis::Agreed { annual_percent } => (*annual_percent, false),
            _ => (cap_percent, false),
        };
        let interest = principal_days * daily_rate(annual_percent);
        exact += interest;
        claim.months.push(InterestMonth {
            month,
            days,
            principal_days,
            annual_percent,
            cap_percent,
            cut_to_cap,
            resolution: certified.resolution.clone(),
            interest,
        });
    }
    claim.total =
        exact.round_dp_with_strategy(minor_digits, RoundingStrategy::MidpointAwayFromZero);
    Ok(claim)
}

/// One currency's account of a customer: what they still owe of it and the interest on it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AccountInterest {
    /// Invoiced and not yet paid or credited, interest already booked included.
    pub balance: Decimal,
    /// The last day whose interest was booked as an invoice: the claim starts after it.
    pub booked_through: Option<NaiveDate>,
    pub claim: Result<InterestClaim, InterestProblem>,
}

/// `customer`'s late interest in each currency they were invoiced in, up to `as_of`;
/// `allocation` is worked out as of that day.
pub fn claims(
    allocation: &Allocation<'_>,
    customer: &CustomerId,
    as_of: NaiveDate,
    terms: InterestTerms<'_>,
) -> BTreeMap<Currency, AccountInterest> {
    allocation
        .ledgers()
        .filter(|ledger| ledger.customer == customer)
        .map(|ledger| {
            let booked_through = ledger.interest_booked_through();
            let claim = late_interest(
                &ledger.overdue(),
                booked_through,
                as_of,
                terms,
                ledger.currency.minor_digits(),
            );
            let account = AccountInterest {
                balance: ledger.balance(),
                booked_through,
                claim,
            };
            (ledger.currency, account)
        })
        .collect()
}

/// What `customer` owes in late interest in each currency on `as_of`, each rounded, as a
/// message names it; empty when the company charges none, `None` when a month's rate is
/// missing.
pub fn interest_owed(
    portfolio: &Portfolio,
    customer: &CustomerId,
    as_of: NaiveDate,
    terms: InterestTerms<'_>,
) -> Option<Vec<Money>> {
    if terms.charges_none() {
        return Some(Vec::new());
    }
    let allocation = Allocation::compute(portfolio, as_of);
    claims(&allocation, customer, as_of, terms)
        .into_iter()
        .map(|(currency, account)| {
            let claim = account.claim.ok()?;
            Some(Money::new(claim.total, currency))
        })
        .collect()
}
