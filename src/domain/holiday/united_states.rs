//! United States: the federal holidays of 5 U.S.C. 6103, with a Saturday holiday observed on the
//! Friday before and a Sunday one on the Monday after.

use chrono::Weekday;

use super::{fixed, last_weekday, moved, nth_weekday, off_the_weekend, Holiday};

pub(super) fn holidays(year: i32) -> Vec<Holiday> {
    let weekday = |month, weekday, n, name| {
        nth_weekday(year, month, weekday, n).map(|date| Holiday { date, name })
    };
    [
        moved(fixed(year, 1, 1, "New Year's Day"), off_the_weekend),
        weekday(1, Weekday::Mon, 3, "Birthday of Martin Luther King, Jr."),
        weekday(2, Weekday::Mon, 3, "Washington's Birthday"),
        last_weekday(year, 5, Weekday::Mon).map(|date| Holiday {
            date,
            name: "Memorial Day",
        }),
        moved(
            fixed(year, 6, 19, "Juneteenth National Independence Day"),
            off_the_weekend,
        ),
        moved(fixed(year, 7, 4, "Independence Day"), off_the_weekend),
        weekday(9, Weekday::Mon, 1, "Labor Day"),
        weekday(10, Weekday::Mon, 2, "Columbus Day"),
        moved(fixed(year, 11, 11, "Veterans Day"), off_the_weekend),
        weekday(11, Weekday::Thu, 4, "Thanksgiving Day"),
        moved(fixed(year, 12, 25, "Christmas Day"), off_the_weekend),
        // Next year's New Year's Day is observed on 31 December when it is a Saturday.
        moved(fixed(year + 1, 1, 1, "New Year's Day"), off_the_weekend),
    ]
    .into_iter()
    .flatten()
    .collect()
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
