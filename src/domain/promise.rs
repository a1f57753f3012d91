use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

use super::contact::Channel;
use super::customer::CustomerId;
use super::money::Money;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PromiseId(pub SmolStr);

/// A promise to pay ("promesa de pago") made by the customer during a contact.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Promise {
    pub customer: CustomerId,
    #[serde(with = "crate::domain::wire::day")]
    pub made_on: NaiveDate,
    #[serde(with = "crate::domain::wire::day")]
    pub due_on: NaiveDate,
    pub amount: Money,
    /// How the promise was made, when it was made in a contact.
    #[serde(default)]
    pub channel: Option<Channel>,
}
