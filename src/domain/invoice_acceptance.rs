//! When a Colombian invoice becomes a título valor by tacit acceptance: the buyer who received
//! the goods and raised no objection within the three business days after receipt accepts it
//! irrevocably (Código de Comercio art. 773, as Ley 1231 de 2008 art. 2 wrote it). Business
//! days leave out Sundays and public holidays; a Saturday counts (Código de Comercio art. 829).

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use super::holiday::{holiday_on, Country};

/// What makes an invoice a título valor besides itself: its electronic-invoice code and who
/// received the goods, when; and an objection, if the buyer raised one.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Delivery {
    /// The electronic invoice's unique code (CUFE), as the DIAN validated it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cufe: String,
    #[serde(default, with = "crate::domain::wire::maybe_day")]
    pub received_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub received_by: String,
    #[serde(default, with = "crate::domain::wire::maybe_day")]
    pub objected_on: Option<NaiveDate>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Acceptance {
    /// No day of receipt recorded: acceptance cannot be told.
    Unknown,
    /// The buyer may still object, up to this day.
    Pending { deadline: NaiveDate },
    /// Accepted at the close of this day.
    Accepted { on: NaiveDate },
    /// The buyer objected in time, on this day.
    Objected { on: NaiveDate },
}

impl Delivery {
    pub fn acceptance(&self, today: NaiveDate) -> Acceptance {
        let Some(received_on) = self.received_on else {
            return Acceptance::Unknown;
        };
        let deadline = objection_deadline(received_on);
        match self.objected_on {
            Some(on) if on <= deadline => Acceptance::Objected { on },
            _ if today > deadline => Acceptance::Accepted { on: deadline },
            _ => Acceptance::Pending { deadline },
        }
    }
}

/// Business days the buyer has to object.
pub const OBJECTION_DAYS: u32 = 3;

/// The last day the buyer of goods received on `received_on` may object: the invoice is
/// accepted at its close.
pub fn objection_deadline(received_on: NaiveDate) -> NaiveDate {
    let mut day = received_on;
    let mut counted = 0;
    while counted < OBJECTION_DAYS {
        let Some(next) = day.succ_opt() else {
            return day;
        };
        day = next;
        if is_business_day(day) {
            counted += 1;
        }
    }
    day
}

/// Whether an invoice whose goods were received on `received_on` is accepted as of `today`:
/// the buyer did not object and the deadline has passed.
pub fn tacitly_accepted(received_on: NaiveDate, objected: bool, today: NaiveDate) -> bool {
    !objected && today > objection_deadline(received_on)
}

fn is_business_day(day: NaiveDate) -> bool {
    day.weekday() != Weekday::Sun && holiday_on(Country::Colombia, day).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).expect("valid date")
    }

    #[test]
    fn three_business_days_skip_sundays_and_holidays_but_not_saturdays() {
        // Goods received Tuesday 31 March 2026: Wednesday 1 April counts, Holy Thursday and
        // Good Friday (2 and 3 April) do not, Saturday 4 counts, Sunday 5 does not, Monday 6
        // is the third.
        assert_eq!(objection_deadline(day(3, 31)), day(4, 6));
        assert!(!tacitly_accepted(day(3, 31), false, day(4, 6)));
        assert!(tacitly_accepted(day(3, 31), false, day(4, 7)));
        assert!(
            !tacitly_accepted(day(3, 31), true, day(5, 1)),
            "objected in time"
        );
        // An ordinary week: Friday 6 November, then Saturday 7 and Monday 9; Sunday 8 is out.
        assert_eq!(objection_deadline(day(11, 5)), day(11, 9));
    }

    #[test]
    fn an_objection_counts_only_within_the_three_days() {
        let received = Delivery {
            received_on: Some(day(11, 5)),
            ..Delivery::default()
        };
        assert_eq!(
            received.acceptance(day(11, 9)),
            Acceptance::Pending {
                deadline: day(11, 9)
            }
        );
        assert_eq!(
            received.acceptance(day(11, 10)),
            Acceptance::Accepted { on: day(11, 9) }
        );
        let objected = |on| Delivery {
            objected_on: Some(on),
            ..received.clone()
        };
        assert_eq!(
            objected(day(11, 9)).acceptance(day(12, 1)),
            Acceptance::Objected { on: day(11, 9) }
        );
        assert_eq!(
            objected(day(11, 10)).acceptance(day(12, 1)),
            Acceptance::Accepted { on: day(11, 9) },
            "too late to object"
        );
        assert_eq!(
            Delivery::default().acceptance(day(12, 1)),
            Acceptance::Unknown
        );
    }
}
