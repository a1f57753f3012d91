//! The rules a company sets once, at the office, for every one of its devices: how its
//! collectors reach debtors, how its receivables are aged, and what it charges for paying late.

use serde::{Deserialize, Serialize};

use super::aging::AgingBuckets;
use super::app_lock::LockPolicy;
use super::certified_rate::CertifiedRates;
use super::interest_cap::CapRule;
use super::late_interest::{InterestBasis, InterestTerms};
use super::minimum_wage::MinimumWages;
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
    /// Each year's monthly minimum wage, the yardstick of Colombia's bureau and court rules.
    #[serde(default)]
    pub minimum_wages: MinimumWages,
    /// Whether every device must be locked with a PIN, and after how many idle minutes.
    #[serde(default)]
    pub lock: LockPolicy,
}

impl CompanySettings {
    /// Late interest as the company charges it, under the cap of the country whose law its
    /// contact policy follows.
    pub fn interest_terms(&self) -> InterestTerms<'_> {
        InterestTerms {
            basis: &self.interest,
            rates: &self.certified_rates,
            cap: CapRule::of(self.outreach.policy.country),
        }
    }
}
