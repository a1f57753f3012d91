//! When a Colombian invoice becomes a título valor by tacit acceptance: the buyer who received
//! the goods and raised no objection within the three business days after receipt accepts it
//! irrevocably (Código de Comercio art. 773, as Ley 1231 de 2008 art. 2 wrote it). Business
//! days leave out Sundays and public holidays; a Saturday counts (Código de Comercio art. 829).

use chrono::{Datelike, NaiveDate, Weekday};

use super::holiday::{holiday_on, Country};

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
}
