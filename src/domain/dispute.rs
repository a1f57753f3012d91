use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::customer::CustomerId;
use super::invoice::InvoiceId;
use super::money::Money;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DisputeId(pub String);

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
    pub opened_on: NaiveDate,
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
