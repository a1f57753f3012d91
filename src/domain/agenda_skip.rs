//! A customer the collector chose not to contact today, and why: the agenda shows it apart
//! so that a skipped account is a decision on record, not an oversight.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::customer::CustomerId;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    NoTime,
    CustomerAskedForLater,
    OutOfRoute,
    AlreadyHandled,
    Other,
}

impl SkipReason {
    pub const ALL: [SkipReason; 5] = [
        SkipReason::NoTime,
        SkipReason::CustomerAskedForLater,
        SkipReason::OutOfRoute,
        SkipReason::AlreadyHandled,
        SkipReason::Other,
    ];
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgendaSkip {
    pub customer: CustomerId,
    #[serde(with = "crate::domain::wire::day")]
    pub on: NaiveDate,
    pub reason: SkipReason,
}
