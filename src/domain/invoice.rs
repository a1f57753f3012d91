use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::customer::CustomerId;
use super::money::Money;

/// The invoice number as printed ("FV-1001"); unique within a portfolio.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct InvoiceId(pub String);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invoice {
    pub customer: CustomerId,
    pub issued_on: NaiveDate,
    pub due_on: NaiveDate,
    pub amount: Money,
}
