use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

use super::customer::CustomerId;
use super::invoice::InvoiceId;
use super::money::Money;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DisputeId(pub SmolStr);

/// Why the customer disputes ("reclamo"); grouped in reports so management can fix the cause.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisputeReason {
    DefectiveProduct,
    PoorService,
    DamagedGoods,
    WrongItems,
    PricingError,
    MissingDocument,
}

impl DisputeReason {
    pub const ALL: [DisputeReason; 6] = [
        DisputeReason::DefectiveProduct,
        DisputeReason::PoorService,
        DisputeReason::DamagedGoods,
        DisputeReason::WrongItems,
        DisputeReason::PricingError,
        DisputeReason::MissingDocument,
    ];
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dispute {
    pub customer: CustomerId,
    /// The invoices in dispute; empty means the whole account.
    pub invoices: Vec<InvoiceId>,
    /// How much the customer disputes, when it is less than the invoices.
    #[serde(default)]
    pub amount: Option<Money>,
    /// Who is working on it: sales, the warehouse, the office.
    #[serde(default)]
    pub owner: String,
    pub reason: DisputeReason,
    #[serde(with = "crate::domain::wire::day")]
    pub opened_on: NaiveDate,
    #[serde(default, with = "crate::domain::wire::maybe_day")]
    pub resolved_on: Option<NaiveDate>,
}

impl Dispute {
    pub fn is_open(&self) -> bool {
        self.resolved_on.is_none()
    }

    /// Open at the end of `day`: opened by then and not yet resolved.
    pub fn is_open_on(&self, day: NaiveDate) -> bool {
        self.opened_on <= day && self.resolved_on.is_none_or(|resolved| resolved > day)
    }

    pub fn covers(&self, invoice: &InvoiceId) -> bool {
        self.invoices.is_empty() || self.invoices.contains(invoice)
    }
}

/// The open disputes, customer by customer, so that asking whether one invoice is in dispute
/// reads only its customer's: standings and open items ask it of every open invoice.
pub struct OpenDisputes<'a>(FxHashMap<&'a CustomerId, Vec<&'a Dispute>>);

impl<'a> OpenDisputes<'a> {
    /// The open ones among `disputes`.
    pub fn among(disputes: impl IntoIterator<Item = &'a Dispute>) -> Self {
        let mut by_customer: FxHashMap<&CustomerId, Vec<&Dispute>> = FxHashMap::default();
        for dispute in disputes.into_iter().filter(|d| d.is_open()) {
            by_customer
                .entry(&dispute.customer)
                .or_default()
                .push(dispute);
        }
        OpenDisputes(by_customer)
    }

    /// Whether an open dispute of `customer` covers `invoice`.
    pub fn cover(&self, customer: &CustomerId, invoice: &InvoiceId) -> bool {
        self.0
            .get(customer)
            .is_some_and(|disputes| disputes.iter().any(|d| d.covers(invoice)))
    }

    /// The customers with an open dispute.
    pub fn customers(&self) -> impl Iterator<Item = &'a CustomerId> + '_ {
        self.0.keys().copied()
    }
}
