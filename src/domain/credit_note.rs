//! Credit notes ("notas crédito"): the business takes back part or all of what an invoice
//! asked for (returned goods, a pricing error, a discount). Unlike a payment, no money comes
//! in, but the balance goes down the same way, so allocation treats both as settlements.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

use super::customer::CustomerId;
use super::invoice::InvoiceId;
use super::money::Money;

/// Unique without coordination: it is the id of the operation that recorded the note.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CreditNoteId(pub SmolStr);

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditNote {
    pub customer: CustomerId,
    /// The number the accounting program gave it ("NC-12").
    pub number: String,
    #[serde(with = "crate::domain::wire::day")]
    pub issued_on: NaiveDate,
    pub amount: Money,
    /// The invoice it corrects; whatever it leaves over goes to the oldest dues.
    pub invoice: Option<InvoiceId>,
    pub reason: String,
}
