//! The rules a company sets once, at the office, for every one of its devices: how its
//! collectors reach debtors, and how its receivables are aged.

use serde::{Deserialize, Serialize};

use super::aging::AgingBuckets;
use super::outreach::OutreachSettings;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanySettings {
    pub outreach: OutreachSettings,
    pub aging: AgingBuckets,
}
