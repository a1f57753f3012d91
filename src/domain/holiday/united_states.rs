//! United States: the federal holidays of 5 U.S.C. 6103, with a Saturday holiday observed on the
//! Friday before and a Sunday one on the Monday after.

use chrono::{Datelike, Weekday};

use super::{fixed, last_weekday, nth_weekday, shifted, Holiday};

pub(super) fn holidays(year: i32) -> Vec<Holiday> {
    let weekday = |month, weekday, n, name| {
        nth_weekday(year, month, weekday, n).map(|date| Holiday { date, name })
    };
    [
        observed(fixed(year, 1, 1, "New Year's Day")),
        weekday(1, Weekday::Mon, 3, "Birthday of Martin Luther King, Jr."),
        weekday(2, Weekday::Mon, 3, "Washington's Birthday"),
        last_weekday(year, 5, Weekday::Mon).map(|date| Holiday {
            date,
            name: "Memorial Day",
        }),
        observed(fixed(year, 6, 19, "Juneteenth National Independence Day")),
        observed(fixed(year, 7, 4, "Independence Day")),
        weekday(9, Weekday::Mon, 1, "Labor Day"),
        weekday(10, Weekday::Mon, 2, "Columbus Day"),
        observed(fixed(year, 11, 11, "Veterans Day")),
        weekday(11, Weekday::Thu, 4, "Thanksgiving Day"),
        observed(fixed(year, 12, 25, "Christmas Day")),
        // Next year's New Year's Day is observed on 31 December when it is a Saturday.
        observed(fixed(year + 1, 1, 1, "New Year's Day")),
    ]
    .into_iter()
    .flatten()
    .collect()
}

fn observed(holiday: Option<Holiday>) -> Option<Holiday> {
    let holiday = holiday?;
    let days = match holiday.date.weekday() {
        Weekday::Sat => -1,
        Weekday::Sun => 1,
        _ => 0,
    };
    Some(Holiday {
        date: shifted(holiday.date, days),
        name: holiday.name,
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::assert_calendar;
    use super::super::Country::UnitedStates;

    // Federal holidays (U.S. Office of Personnel Management), observed dates.
    #[test]
    fn united_states_2025_to_2027() {
        assert_calendar(
            UnitedStates,
            2025,
            &[
                "01-01", "01-20", "02-17", "05-26", "06-19", "07-04", "09-01", "10-13", "11-11",
                "11-27", "12-25",
            ],
        );
        assert_calendar(
            UnitedStates,
            2026,
            &[
                "01-01", "01-19", "02-16", "05-25", "06-19", "07-03", "09-07", "10-12", "11-11",
                "11-26", "12-25",
            ],
        );
        assert_calendar(
            UnitedStates,
            2027,
            &[
                "01-01", "01-18", "02-15", "05-31", "06-18", "07-05", "09-06", "10-11", "11-11",
                "11-25", "12-24", "12-31",
            ],
        );
    }
}
