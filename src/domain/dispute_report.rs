//! Disputes grouped by their reason, so management sees which cause costs the most and fixes
//! it at the source: a product, a delivery route, a price list.

use std::collections::BTreeMap;

use super::dispute::DisputeReason;
use super::money::Totals;
use super::portfolio::Portfolio;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReasonLine {
    pub open: usize,
    pub resolved: usize,
    /// What the open disputes hold back from collection.
    pub open_amount: Totals,
}

/// One line per reason that has disputes, in the order of `DisputeReason::ALL`.
pub fn disputes_by_reason(portfolio: &Portfolio) -> BTreeMap<DisputeReason, ReasonLine> {
    let mut lines: BTreeMap<DisputeReason, ReasonLine> = BTreeMap::new();
    for dispute in portfolio.disputes.values() {
        let line = lines.entry(dispute.reason).or_default();
        if !dispute.is_open() {
            line.resolved += 1;
            continue;
        }
        line.open += 1;
        match dispute.amount {
            Some(amount) => line.open_amount.add(amount),
            None => portfolio
                .invoices
                .iter()
                .filter(|(id, i)| i.customer == dispute.customer && dispute.covers(id))
                .for_each(|(_, i)| line.open_amount.add(i.amount())),
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::customer::CustomerId;
    use crate::domain::dispute::{Dispute, DisputeId};
    use crate::domain::invoice::{Invoice, InvoiceId, Terms};
    use crate::domain::money::{Currency, Money};
    use chrono::NaiveDate;
    use rust_decimal::dec;

    #[test]
    fn open_amounts_come_from_the_dispute_or_its_invoices() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid date");
        let cop = |n| Money::new(n, Currency::COP);
        let mut p = Portfolio::default();
        p.invoices.insert(
            InvoiceId("F1".into()),
            Invoice {
                kind: Default::default(),
                customer: CustomerId("c".into()),
                issued_on: day,
                terms: Terms::single(cop(dec!(300)), day).expect("terms"),
            },
        );
        let dispute = |reason, invoices: Vec<&str>, amount, resolved| Dispute {
            customer: CustomerId("c".into()),
            invoices: invoices.into_iter().map(|i| InvoiceId(i.into())).collect(),
            amount,
            owner: String::new(),
            reason,
            opened_on: day,
            resolved_on: resolved,
        };
        p.disputes.insert(
            DisputeId("1".into()),
            dispute(DisputeReason::PricingError, vec!["F1"], None, None),
        );
        p.disputes.insert(
            DisputeId("2".into()),
            dispute(
                DisputeReason::PricingError,
                vec![],
                Some(cop(dec!(50))),
                None,
            ),
        );
        p.disputes.insert(
            DisputeId("3".into()),
            dispute(DisputeReason::DamagedGoods, vec!["F1"], None, Some(day)),
        );
        let report = disputes_by_reason(&p);
        let pricing = &report[&DisputeReason::PricingError];
        assert_eq!((pricing.open, pricing.resolved), (2, 0));
        assert_eq!(pricing.open_amount.get(Currency::COP), dec!(350));
        let damaged = &report[&DisputeReason::DamagedGoods];
        assert_eq!((damaged.open, damaged.resolved), (0, 1));
        assert!(damaged.open_amount.is_zero());
    }
}
