//! What a creditor can claim from a customer on a day, per currency: every due already past
//! and still open outside an open dispute (a disputed sum is not yet «determinada»), and the
//! late interest accrued up to that day. The dossier states it, and the proceso monitorio
//! measures its cuantía by it: interest accrued before filing counts, later interest does not
//! (Código General del Proceso, art. 26 num. 1).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::allocation::Allocation;
use super::customer::CustomerId;
use super::dispute::OpenDisputes;
use super::late_interest::{late_interest, InterestProblem, InterestTerms};
use super::money::Currency;
use super::portfolio::Portfolio;
use super::reminder::{open_items_under, ReminderItem};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Claim {
    pub currency: Currency,
    /// The dues claimed, earliest first.
    pub dues: Vec<ReminderItem>,
    /// What is open of them.
    pub principal: Decimal,
    /// Late interest up to the day, rounded; zero when the company charges none.
    pub interest: Result<Decimal, InterestProblem>,
}

impl Claim {
    /// Principal and interest; `None` while a month's rate is missing.
    pub fn total(&self) -> Option<Decimal> {
        self.interest
            .as_ref()
            .ok()
            .map(|interest| self.principal + interest)
    }
}

/// What can be claimed from `customer` on `today`, one claim per currency with something due.
pub fn claims_on(
    portfolio: &Portfolio,
    customer: &CustomerId,
    today: NaiveDate,
    terms: InterestTerms<'_>,
) -> Vec<Claim> {
    let allocation = Allocation::compute(portfolio, today);
    let disputes = OpenDisputes::among(portfolio.disputes.values());
    // Interest runs on what is claimed only: a disputed invoice earns none in the claim.
    let mut interest: BTreeMap<Currency, Result<Decimal, InterestProblem>> = allocation
        .ledgers()
        .filter(|ledger| ledger.customer == customer)
        .map(|ledger| {
            let overdue = ledger.overdue_of(|invoice| !disputes.cover(customer, invoice));
            let claim = late_interest(
                &overdue,
                ledger.interest_booked_through(),
                today,
                terms,
                ledger.currency.minor_digits(),
            );
            (ledger.currency, claim.map(|c| c.total))
        })
        .collect();
    let mut dues = open_items_under(&allocation, &disputes)
        .remove(customer)
        .unwrap_or_default();
    dues.retain(|due| due.due_on < today);
    let mut by_currency: Vec<Claim> = Vec::new();
    for due in dues {
        let currency = due.open.currency;
        let at = match by_currency.iter().position(|c| c.currency == currency) {
            Some(at) => at,
            None => {
                let interest = interest.remove(&currency).unwrap_or(Ok(Decimal::ZERO));
                by_currency.push(Claim {
                    currency,
                    dues: Vec::new(),
                    principal: Decimal::ZERO,
                    interest,
                });
                by_currency.len() - 1
            }
        };
        let claim = &mut by_currency[at];
        claim.principal += due.open.amount;
        claim.dues.push(due);
    }
    by_currency
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::certified_rate::CertifiedRates;
    use crate::domain::dispute::{Dispute, DisputeId, DisputeReason};
    use crate::domain::interest_cap::CapRule;
    use crate::domain::invoice::{Invoice, InvoiceId, Terms};
    use crate::domain::late_interest::InterestBasis;
    use crate::domain::money::Money;
    use rust_decimal::dec;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).expect("a day")
    }

    fn invoice(portfolio: &mut Portfolio, id: &str, amount: Decimal, due_on: NaiveDate) {
        let terms = Terms::single(Money::new(amount, Currency::USUAL), due_on).expect("terms");
        portfolio.invoices.insert(
            InvoiceId(id.into()),
            Invoice {
                customer: CustomerId("c1".into()),
                issued_on: due_on - chrono::Days::new(30),
                terms,
                kind: Default::default(),
            },
        );
    }

    #[test]
    fn only_what_is_past_due_and_undisputed_is_claimed() {
        let mut portfolio = Portfolio::default();
        invoice(&mut portfolio, "F-1", dec!(100000), day(9, 1));
        invoice(&mut portfolio, "F-2", dec!(50000), day(10, 1));
        invoice(&mut portfolio, "F-3", dec!(70000), day(12, 20));
        portfolio.disputes.insert(
            DisputeId("d".into()),
            Dispute {
                customer: CustomerId("c1".into()),
                invoices: vec![InvoiceId("F-2".into())],
                amount: None,
                owner: String::new(),
                reason: DisputeReason::DamagedGoods,
                opened_on: day(10, 5),
                resolved_on: None,
            },
        );
        let rates = CertifiedRates::default();
        let terms = InterestTerms {
            basis: &InterestBasis::None,
            rates: &rates,
            cap: CapRule::BankRate,
        };
        let claimed = claims_on(&portfolio, &CustomerId("c1".into()), day(12, 3), terms);
        assert_eq!(claimed.len(), 1);
        assert_eq!(
            claimed[0].principal,
            dec!(100000),
            "F-2 disputed, F-3 not yet due"
        );
        assert_eq!(claimed[0].dues.len(), 1);
        assert_eq!(claimed[0].total(), Some(dec!(100000)));
    }

    #[test]
    fn a_disputed_invoice_earns_no_interest_in_the_claim() {
        use crate::domain::certified_rate::CertifiedRate;
        let mut portfolio = Portfolio::default();
        invoice(&mut portfolio, "F-1", dec!(100000), day(9, 1));
        let rates = CertifiedRates::new(
            (9..=12)
                .map(|m| CertifiedRate {
                    month: format!("2026-{m:02}").parse().expect("a month"),
                    annual_percent: dec!(17),
                    resolution: "Resolución".into(),
                })
                .collect(),
        )
        .expect("a table");
        let terms = InterestTerms {
            basis: &InterestBasis::LegalMaximum,
            rates: &rates,
            cap: CapRule::BankRate,
        };
        let customer = CustomerId("c1".into());
        let alone = claims_on(&portfolio, &customer, day(12, 3), terms);
        let interest_alone = alone[0].interest.clone().expect("rates known");
        assert!(interest_alone > Decimal::ZERO);

        invoice(&mut portfolio, "F-2", dec!(500000), day(9, 1));
        portfolio.disputes.insert(
            DisputeId("d".into()),
            Dispute {
                customer: customer.clone(),
                invoices: vec![InvoiceId("F-2".into())],
                amount: None,
                owner: String::new(),
                reason: DisputeReason::PricingError,
                opened_on: day(9, 10),
                resolved_on: None,
            },
        );
        let with_dispute = claims_on(&portfolio, &customer, day(12, 3), terms);
        assert_eq!(with_dispute[0].principal, dec!(100000));
        assert_eq!(
            with_dispute[0].interest,
            Ok(interest_alone),
            "the disputed 500,000 adds no interest to the claim"
        );
    }

    #[test]
    fn a_missing_month_rate_leaves_the_total_unknown() {
        let mut portfolio = Portfolio::default();
        invoice(&mut portfolio, "F-1", dec!(100000), day(9, 1));
        let rates = CertifiedRates::default();
        let terms = InterestTerms {
            basis: &InterestBasis::LegalMaximum,
            rates: &rates,
            cap: CapRule::BankRate,
        };
        let claimed = claims_on(&portfolio, &CustomerId("c1".into()), day(12, 3), terms);
        assert_eq!(claimed[0].principal, dec!(100000));
        assert_eq!(claimed[0].total(), None);
    }
}
