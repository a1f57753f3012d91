//! How the collector classifies a debtor ("tipificación"): whether they want to pay and
//! whether they can, how risky the account is, the sector and, when known, why they fell
//! behind. It drives the suggested next step on the escalation ladder.

use serde::{Deserialize, Serialize};

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

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Typification {
    pub willingness: Option<Willingness>,
    pub risk: Risk,
    pub sector: String,
    pub reason: Option<DelinquencyReason>,
}
