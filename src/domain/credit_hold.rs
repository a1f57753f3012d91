//! A customer's credit withdrawn («crédito suspendido»): the «change conditions» rung of the
//! escalation ladder. Until it is lifted, new sales to the customer are cash only; every
//! screen that names the customer says so, so no one sells on credit by mistake.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditHold {
    pub reason: String,
    #[serde(with = "crate::domain::wire::day")]
    pub since: NaiveDate,
    /// Who put it on: the device's name when it was written.
    pub by: String,
}
