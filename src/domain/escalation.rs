//! The escalation ladder of collection practice and the step it suggests for an account:
//! remind → remove payment barriers → obtain a commitment → press → change conditions →
//! lawyer letter → small-claims court, write-off or return of goods. The collector may accept
//! or override the suggestion; it always comes with its reason.

use super::step::Step;
use super::typification::{Typification, Willingness};

/// Why a step is suggested, for the collector to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Because {
    NotYetDue,
    /// The matrix cell and days overdue put the account on this rung.
    Typified(Willingness, i64),
    /// No typification yet: days overdue alone.
    DaysOverdue(i64),
    /// Two or more broken promises move the account one rung up.
    BrokenPromises(u32),
    /// The collector chose this step over the suggested one.
    ChosenByCollector,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Suggestion {
    pub step: Step,
    pub because: Because,
}

/// The step for a typified account: the one the collector chose, else the suggested one.
pub fn next_step(
    typification: &Typification,
    days_overdue: i64,
    broken_promises: u32,
) -> Suggestion {
    match typification.step {
        Some(step) => Suggestion {
            step,
            because: Because::ChosenByCollector,
        },
        None => suggest(days_overdue, typification.willingness, broken_promises),
    }
}

/// Broken promises from which a word is no longer enough.
const BROKEN_PROMISES_TO_ESCALATE: u32 = 2;

pub fn suggest(
    days_overdue: i64,
    willingness: Option<Willingness>,
    broken_promises: u32,
) -> Suggestion {
    if days_overdue <= 0 {
        return Suggestion {
            step: Step::Remind,
            because: Because::NotYetDue,
        };
    }
    let d = days_overdue;
    let (step, because) = match willingness {
        Some(w @ Willingness::WillingAndAble) => (
            if d <= 15 {
                Step::Remind
            } else {
                Step::ObtainCommitment
            },
            Because::Typified(w, d),
        ),
        Some(w @ Willingness::WillingNotAble) => (
            if d <= 60 {
                Step::RemoveBarriers
            } else {
                Step::ChangeConditions
            },
            Because::Typified(w, d),
        ),
        Some(w @ Willingness::AbleNotWilling) => (
            match d {
                ..=30 => Step::ObtainCommitment,
                31..=90 => Step::Press,
                91..=120 => Step::LawyerLetter,
                _ => Step::LegalAction,
            },
            Because::Typified(w, d),
        ),
        Some(w @ Willingness::NeitherWillingNorAble) => (
            if d <= 90 {
                Step::ChangeConditions
            } else {
                Step::LegalAction
            },
            Because::Typified(w, d),
        ),
        None => (
            match d {
                ..=15 => Step::Remind,
                16..=30 => Step::ObtainCommitment,
                31..=60 => Step::Press,
                61..=90 => Step::ChangeConditions,
                91..=120 => Step::LawyerLetter,
                _ => Step::LegalAction,
            },
            Because::DaysOverdue(d),
        ),
    };
    if broken_promises >= BROKEN_PROMISES_TO_ESCALATE && step.next() != step {
        return Suggestion {
            step: step.next(),
            because: Because::BrokenPromises(broken_promises),
        };
    }
    Suggestion { step, because }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_matrix_sets_the_rung() {
        assert_eq!(
            suggest(-3, Some(Willingness::AbleNotWilling), 5).step,
            Step::Remind
        );
        assert_eq!(
            suggest(10, Some(Willingness::WillingAndAble), 0).step,
            Step::Remind
        );
        assert_eq!(
            suggest(40, Some(Willingness::WillingNotAble), 0).step,
            Step::RemoveBarriers
        );
        assert_eq!(
            suggest(75, Some(Willingness::WillingNotAble), 0).step,
            Step::ChangeConditions
        );
        assert_eq!(
            suggest(100, Some(Willingness::AbleNotWilling), 0).step,
            Step::LawyerLetter
        );
        assert_eq!(
            suggest(200, Some(Willingness::NeitherWillingNorAble), 0).step,
            Step::LegalAction
        );
        assert_eq!(suggest(45, None, 0).step, Step::Press);
    }

    #[test]
    fn broken_promises_move_one_rung_up_and_say_so() {
        let s = suggest(10, Some(Willingness::WillingAndAble), 2);
        assert_eq!(s.step, Step::RemoveBarriers);
        assert_eq!(s.because, Because::BrokenPromises(2));
        assert_eq!(
            suggest(300, None, 4).step,
            Step::LegalAction,
            "the top stays the top"
        );
    }
}
