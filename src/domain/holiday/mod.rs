//! Public holidays, computed rather than tabled so that any year works: fixed dates, dates that
//! hang from Easter, and each country's rules for moving a holiday to a Monday or a Friday.
//! Days a government decrees one year at a time (elections, bridges) are not computable; the
//! contact policy takes them as extra dates.

mod chile;
mod colombia;
mod easter;
mod ecuador;
mod mexico;
mod peru;
mod united_states;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

pub use easter::easter_sunday;

/// The countries whose collection law the app knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Country {
    #[serde(rename = "CO")]
    Colombia,
    #[serde(rename = "CL")]
    Chile,
    #[serde(rename = "PE")]
    Peru,
    #[serde(rename = "MX")]
    Mexico,
    #[serde(rename = "EC")]
    Ecuador,
    #[serde(rename = "US")]
    UnitedStates,
}

impl Country {
    pub const ALL: [Country; 6] = [
        Country::Colombia,
        Country::Chile,
        Country::Peru,
        Country::Mexico,
        Country::Ecuador,
        Country::UnitedStates,
    ];

    /// The time zone most of the country's debtors live in; Mexico and the United States span
    /// several, so their policies let the business pick another.
    pub fn time_zone(self) -> &'static str {
        match self {
            Country::Colombia => "America/Bogota",
            Country::Chile => "America/Santiago",
            Country::Peru => "America/Lima",
            Country::Mexico => "America/Mexico_City",
            Country::Ecuador => "America/Guayaquil",
            Country::UnitedStates => "America/New_York",
        }
    }
}

/// A day off by law, with its official name in the country's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Holiday {
    pub date: NaiveDate,
    pub name: &'static str,
}

/// The public holidays of `country` that fall in `year`, in date order.
pub fn public_holidays(country: Country, year: i32) -> Vec<Holiday> {
    let mut days = match country {
        Country::Colombia => colombia::holidays(year),
        Country::Chile => chile::holidays(year),
        Country::Peru => peru::holidays(year),
        Country::Mexico => mexico::holidays(year),
        Country::Ecuador => ecuador::holidays(year),
        Country::UnitedStates => united_states::holidays(year),
    };
    days.retain(|h| h.date.year() == year);
    days.sort_by_key(|h| h.date);
    days
}

/// The holiday on `date`, if there is one.
pub fn holiday_on(country: Country, date: NaiveDate) -> Option<Holiday> {
    public_holidays(country, date.year())
        .into_iter()
        .find(|h| h.date == date)
}

/// `None` only for dates no calendar holds (such as 30 February); the callers name real days.
fn date(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, day)
}

fn fixed(year: i32, month: u32, day: u32, name: &'static str) -> Option<Holiday> {
    Some(Holiday {
        date: date(year, month, day)?,
        name,
    })
}

fn shifted(day: NaiveDate, days: i64) -> NaiveDate {
    if days >= 0 {
        day.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        day.checked_sub_days(Days::new(days.unsigned_abs()))
    }
    .unwrap_or(day)
}

fn from_easter(year: i32, days: i64, name: &'static str) -> Option<Holiday> {
    Some(Holiday {
        date: shifted(easter_sunday(year)?, days),
        name,
    })
}

/// The holiday moved by as many days as a law's `rule` gives for the weekday it falls on.
fn moved(holiday: Option<Holiday>, rule: fn(Weekday) -> i64) -> Option<Holiday> {
    let holiday = holiday?;
    Some(Holiday {
        date: shifted(holiday.date, rule(holiday.date.weekday())),
        name: holiday.name,
    })
}

/// Days from `weekday` to the next Monday, none from a Monday.
fn to_monday(weekday: Weekday) -> i64 {
    (7 - i64::from(weekday.num_days_from_monday())) % 7
}

/// A Saturday holiday rests on the Friday before, a Sunday one on the Monday after.
fn off_the_weekend(weekday: Weekday) -> i64 {
    match weekday {
        Weekday::Sat => -1,
        Weekday::Sun => 1,
        _ => 0,
    }
}

/// The `n`th `weekday` of a month (n counted from 1).
fn nth_weekday(year: i32, month: u32, weekday: Weekday, n: u8) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, weekday, n)
}

fn last_weekday(year: i32, month: u32, weekday: Weekday) -> Option<NaiveDate> {
    (1..=5)
        .rev()
        .find_map(|n| nth_weekday(year, month, weekday, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The official calendar of a year, as "MM-DD" strings, against what the app computes.
    pub(super) fn assert_calendar(country: Country, year: i32, official: &[&str]) {
        let computed: Vec<String> = public_holidays(country, year)
            .iter()
            .map(|h| h.date.format("%m-%d").to_string())
            .collect();
        let official: Vec<String> = official.iter().map(|d| (*d).to_owned()).collect();
        assert_eq!(computed, official, "{country:?} {year}");
    }

    #[test]
    fn a_holiday_is_found_by_its_date() {
        let day = date(2026, 10, 12).expect("a real day");
        let holiday = holiday_on(Country::Colombia, day).expect("Día de la Raza");
        assert_eq!(holiday.name, "Día de la Raza");
        assert_eq!(holiday_on(Country::Mexico, day), None);
    }

    #[test]
    fn mondays_are_found_forward() {
        let thursday = fixed(2026, 3, 19, "Día de San José");
        let moved_on = moved(thursday, to_monday).map(|h| h.date);
        assert_eq!(moved_on, date(2026, 3, 23));
        let monday = fixed(2026, 6, 29, "San Pedro y San Pablo");
        assert_eq!(moved(monday, to_monday), monday);
    }
}
