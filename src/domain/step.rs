//! The rungs of the escalation ladder, from a reminder to legal action. What a contact aimed
//! at and what a typification suggests are both a step; which step an account is on is the
//! ladder's (`escalation`) to say.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Remind,
    RemoveBarriers,
    ObtainCommitment,
    Press,
    ChangeConditions,
    LawyerLetter,
    /// Small-claims court, write-off or return of goods: a decision for the owner.
    LegalAction,
}

impl Step {
    pub const LADDER: [Step; 7] = [
        Step::Remind,
        Step::RemoveBarriers,
        Step::ObtainCommitment,
        Step::Press,
        Step::ChangeConditions,
        Step::LawyerLetter,
        Step::LegalAction,
    ];

    /// The next rung up, or this one at the top.
    pub fn next(self) -> Step {
        Step::LADDER
            .iter()
            .position(|s| *s == self)
            .and_then(|i| Step::LADDER.get(i + 1))
            .copied()
            .unwrap_or(self)
    }
}
