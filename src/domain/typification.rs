//! How the collector classifies a debtor ("tipificación"): whether they want to pay and
//! whether they can, how risky the account is, the sector and, when known, why they fell
//! behind. It drives the suggested next step on the escalation ladder.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::step::Step;

/// The willing/able matrix of collection practice.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Willingness {
    /// Quiere y puede: usually forgot or needs a reminder.
    WillingAndAble,
    /// Quiere pero no puede: remove barriers, change conditions.
    WillingNotAble,
    /// Puede pero no quiere: obtain a commitment, then press.
    AbleNotWilling,
    /// Ni quiere ni puede: change conditions, then legal steps.
    NeitherWillingNorAble,
}

impl Willingness {
    pub const ALL: [Willingness; 4] = [
        Willingness::WillingAndAble,
        Willingness::WillingNotAble,
        Willingness::AbleNotWilling,
        Willingness::NeitherWillingNorAble,
    ];
}

#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Risk {
    Low,
    #[default]
    Medium,
    High,
}

impl Risk {
    pub const ALL: [Risk; 3] = [Risk::Low, Risk::Medium, Risk::High];
}

/// Why the customer fell behind, when the collector learnt it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DelinquencyReason {
    Forgot,
    CashFlow,
    LostIncome,
    DisputesInvoice,
    NeverReceivedInvoice,
    PaysOthersFirst,
    Unreachable,
    Other,
}

impl DelinquencyReason {
    pub const ALL: [DelinquencyReason; 8] = [
        DelinquencyReason::Forgot,
        DelinquencyReason::CashFlow,
        DelinquencyReason::LostIncome,
        DelinquencyReason::DisputesInvoice,
        DelinquencyReason::NeverReceivedInvoice,
        DelinquencyReason::PaysOthersFirst,
        DelinquencyReason::Unreachable,
        DelinquencyReason::Other,
    ];
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Typification {
    pub willingness: Option<Willingness>,
    pub risk: Risk,
    pub sector: String,
    pub reason: Option<DelinquencyReason>,
    /// The step the collector chose over the suggested one.
    #[serde(default)]
    pub step: Option<Step>,
    /// The day the collector made this judgement.
    #[serde(default)]
    pub set_on: Option<NaiveDate>,
}

impl Typification {
    /// Whether two typifications judge the customer alike, whenever each was made.
    pub fn judges_alike(&self, other: &Typification) -> bool {
        let undated = |t: &Typification| Typification {
            set_on: None,
            ..t.clone()
        };
        undated(self) == undated(other)
    }
}
