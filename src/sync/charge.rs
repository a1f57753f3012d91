//! What a business adds to an account besides its sales: the late interest it decides to book
//! as an invoice, and a collection cost a person records with its reason. Both become
//! invoices of their own kind, so balances, aging and KPIs include them from then on, and
//! neither earns late interest itself.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::collection_edit::known;
use super::edit::EditProblem;
use super::op::{Event, InvoicePatch};
use crate::domain::allocation::Allocation;
use crate::domain::customer::CustomerId;
use crate::domain::invoice::{InvoiceId, InvoiceKind, Terms};
use crate::domain::late_interest::{claims, InterestProblem, InterestTerms};
use crate::domain::money::{Currency, Money};
use crate::domain::portfolio::Portfolio;
use crate::domain::receipt::device_code;

/// Books `customer`'s late interest in `currency` up to `as_of` as an invoice due that day.
/// The invoice's number names the customer and the day, so two offices booking the same day
/// write one invoice, not two.
pub fn book_late_interest(
    portfolio: &Portfolio,
    customer: &CustomerId,
    currency: Currency,
    as_of: NaiveDate,
    terms: InterestTerms<'_>,
) -> Result<Event, EditProblem> {
    known(portfolio, customer)?;
    let allocation = Allocation::compute(portfolio, as_of);
    let account = claims(&allocation, customer, as_of, terms)
        .remove(&currency)
        .ok_or(EditProblem::NoInterest)?;
    let claim = account.claim.map_err(|problem| match problem {
        InterestProblem::MissingRates(_) => EditProblem::MissingRates,
    })?;
    if claim.total <= Decimal::ZERO {
        return Err(EditProblem::NoInterest);
    }
    let invoice = InvoiceId(format!("MORA-{}-{as_of}", customer.0).into());
    Ok(Event::InvoiceUpserted {
        invoice,
        patch: InvoicePatch {
            customer: Some(customer.clone()),
            issued_on: Some(as_of),
            terms: Some(Terms::single(Money::new(claim.total, currency), as_of)?),
            kind: Some(InvoiceKind::LateInterest { through: as_of }),
        },
    })
}

/// A cost of collecting from `customer` (a courier, a notary's fee…) that a person on
/// `device` records with its reason, due on the day it was incurred. Its number is the
/// device's own count, so two phones offline never write the same one.
pub fn record_collection_cost(
    portfolio: &Portfolio,
    today: NaiveDate,
    device: &str,
    customer: &CustomerId,
    amount: Money,
    on: NaiveDate,
    reason: &str,
) -> Result<Event, EditProblem> {
    known(portfolio, customer)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(EditProblem::MissingReason);
    }
    if amount.amount <= Decimal::ZERO {
        return Err(EditProblem::NotPositive);
    }
    if on > today {
        return Err(EditProblem::InTheFuture);
    }
    let prefix = format!("GC-{}-", device_code(device));
    let next = portfolio
        .invoices
        .keys()
        .filter_map(|id| id.0.strip_prefix(prefix.as_str())?.parse::<u64>().ok())
        .max()
        .unwrap_or(0)
        + 1;
    Ok(Event::InvoiceUpserted {
        invoice: InvoiceId(format!("{prefix}{next}").into()),
        patch: InvoicePatch {
            customer: Some(customer.clone()),
            issued_on: Some(on),
            terms: Some(Terms::single(amount, on)?),
            kind: Some(InvoiceKind::CollectionCost {
                reason: reason.to_owned(),
            }),
        },
    })
}
