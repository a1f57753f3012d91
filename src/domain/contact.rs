//! A contact with a customer ("gestión"): how the collector reached them, what for, what came
//! of it and when to follow up. Every contact is a fact in the customer's history.

use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

use super::customer::{CustomerId, GeoPoint};
use super::reminder_key::ReminderKey;
use super::step::Step;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ContactId(pub SmolStr);

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Call,
    WhatsApp,
    Sms,
    Email,
    Visit,
    Letter,
}

impl Channel {
    pub const ALL: [Channel; 6] = [
        Channel::Call,
        Channel::WhatsApp,
        Channel::Sms,
        Channel::Email,
        Channel::Visit,
        Channel::Letter,
    ];
}

/// What the contact set out to do: a rung of the escalation ladder, or one of the two written
/// steps the law gives weight to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Objective {
    Remind,
    RemoveBarriers,
    /// Get the customer to do something: pay, promise, send a document.
    GenerateAction,
    Press,
    ChangeConditions,
    /// The written demand before court («cobro prejurídico»): under the Código General del
    /// Proceso (art. 94) it interrupts prescription once.
    PreLegalDemand,
    /// The notice before a credit-bureau report (Ley 1266 de 2008, art. 12).
    BureauNotice,
}

impl Objective {
    pub const ALL: [Objective; 7] = [
        Objective::Remind,
        Objective::RemoveBarriers,
        Objective::GenerateAction,
        Objective::Press,
        Objective::ChangeConditions,
        Objective::PreLegalDemand,
        Objective::BureauNotice,
    ];

    /// The objective that carries out a suggested step: the legal rungs start with the written
    /// demand.
    pub fn for_step(step: Step) -> Objective {
        match step {
            Step::Remind => Objective::Remind,
            Step::RemoveBarriers => Objective::RemoveBarriers,
            Step::ObtainCommitment => Objective::GenerateAction,
            Step::Press => Objective::Press,
            Step::ChangeConditions => Objective::ChangeConditions,
            Step::LawyerLetter | Step::LegalAction => Objective::PreLegalDemand,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    NoAnswer,
    WrongNumber,
    NotAtHome,
    Refused,
    Promised,
    Paid,
    PartialPayment,
    DisputeRaised,
    CallBack,
    /// A written message went out; nobody answered yet.
    MessageSent,
}

impl Outcome {
    pub const ALL: [Outcome; 10] = [
        Outcome::NoAnswer,
        Outcome::WrongNumber,
        Outcome::NotAtHome,
        Outcome::Refused,
        Outcome::Promised,
        Outcome::Paid,
        Outcome::PartialPayment,
        Outcome::DisputeRaised,
        Outcome::CallBack,
        Outcome::MessageSent,
    ];

    /// Whether the collector actually spoke with the customer.
    pub fn reached(self) -> bool {
        !matches!(
            self,
            Outcome::NoAnswer | Outcome::WrongNumber | Outcome::NotAtHome | Outcome::MessageSent
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contact {
    pub customer: CustomerId,
    /// Local date and time on the collector's device.
    #[serde(with = "crate::domain::wire::moment")]
    pub at: NaiveDateTime,
    pub channel: Channel,
    pub objective: Objective,
    pub outcome: Outcome,
    #[serde(default)]
    pub note: String,
    #[serde(default, with = "crate::domain::wire::maybe_day")]
    pub next_followup: Option<NaiveDate>,
    /// Where the device was, as proof of a visit, when the collector chose to record it.
    #[serde(default)]
    pub position: Option<GeoPoint>,
    /// The reminder steps this contact delivered, so none goes out twice.
    #[serde(default)]
    pub reminded: Vec<ReminderKey>,
    /// Why the collector went ahead although the contact policy said no.
    #[serde(default)]
    pub policy_override: Option<String>,
}

impl Contact {
    pub fn on(&self) -> NaiveDate {
        self.at.date()
    }
}
