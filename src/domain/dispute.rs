use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::customer::CustomerId;
use super::invoice::InvoiceId;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DisputeId(pub String);

/// Why the customer disputes ("reclamo"); grouped in reports so management can fix the cause.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DisputeReason {
    DefectiveProduct,
    PoorService,
    DamagedGoods,
    WrongItems,
    PricingError,
    MissingDocument,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dispute {
    pub customer: CustomerId,
    pub invoices: Vec<InvoiceId>,
    pub reason: DisputeReason,
    pub opened_on: NaiveDate,
    pub resolved_on: Option<NaiveDate>,
}

impl Dispute {
    pub fn is_open(&self) -> bool {
        self.resolved_on.is_none()
    }
}
