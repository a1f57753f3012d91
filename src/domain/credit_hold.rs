//! A customer's credit withdrawn («crédito suspendido»): the «change conditions» rung of the
//! escalation ladder. Until it is lifted, new sales to the customer are cash only; every
//! screen that names the customer says so, so no one sells on credit by mistake.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::customer::CustomerId;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditHold {
    pub reason: String,
    #[serde(with = "crate::domain::wire::day")]
    pub since: NaiveDate,
    /// Who put it on: the device's name when it was written.
    pub by: String,
}

/// Who gave a customer's credit back, and when.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoldLifted {
    #[serde(with = "crate::domain::wire::day")]
    pub on: NaiveDate,
    pub by: String,
}

/// One time a customer's credit was withdrawn or given back: the history keeps them all,
/// while the hold in force is the latest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct HoldChange {
    pub customer: CustomerId,
    pub change: Change,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Change {
    Held(CreditHold),
    Lifted(HoldLifted),
}
