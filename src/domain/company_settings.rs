//! The rules a company sets once, at the office, for every one of its devices: how its
//! collectors reach debtors, how its receivables are aged, and what it charges for paying late.

use serde::{Deserialize, Serialize};

use super::aging::AgingBuckets;
use super::certified_rate::CertifiedRates;
use super::late_interest::InterestBasis;
use super::outreach::OutreachSettings;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CompanySettings {
    pub outreach: OutreachSettings,
    pub aging: AgingBuckets,
    #[serde(default)]
    pub interest: InterestBasis,
    /// The monthly bank rates the legal cap on late interest rests on.
    #[serde(default)]
    pub certified_rates: CertifiedRates,
}
