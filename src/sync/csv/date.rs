//! Dates as exported: ISO "2026-11-23" or day first "23/11/2026" (never month first, which no
//! Spanish-speaking accounting program writes and which would silently swap days and months).

use std::fmt;

use chrono::NaiveDate;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateFormat {
    /// 2026-11-23
    Iso,
    /// 23/11/2026
    DayMonthYear,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DateProblem {
    Missing,
    /// Not written as the file's date format.
    Unreadable(String),
    /// Well written, but no such day ("31/02/2026").
    Impossible(String),
}

impl fmt::Display for DateProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DateProblem::Missing => f.write_str("the date is missing"),
            DateProblem::Unreadable(text) => write!(f, "{text:?} is not a date"),
            DateProblem::Impossible(text) => write!(f, "{text:?} is not a day of the calendar"),
        }
    }
}

pub fn parse_date(cell: &str, format: DateFormat) -> Result<NaiveDate, DateProblem> {
    let text = cell.trim();
    if text.is_empty() {
        return Err(DateProblem::Missing);
    }
    let unreadable = || DateProblem::Unreadable(text.to_owned());
    let (separator, order) = match format {
        DateFormat::Iso => ('-', [0, 1, 2]),
        DateFormat::DayMonthYear => ('/', [2, 1, 0]),
    };
    let parts: Vec<&str> = text.split(separator).collect();
    let [a, b, c] = parts.as_slice() else {
        return Err(unreadable());
    };
    let fields = [*a, *b, *c];
    let (year, month, day) = (fields[order[0]], fields[order[1]], fields[order[2]]);
    let number = |s: &str, widths: std::ops::RangeInclusive<usize>| {
        (widths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let (Some(year), Some(month), Some(day)) = (
        number(year, 4..=4),
        number(month, 1..=2),
        number(day, 1..=2),
    ) else {
        return Err(unreadable());
    };
    i32::try_from(year)
        .ok()
        .and_then(|year| NaiveDate::from_ymd_opt(year, month, day))
        .ok_or_else(|| DateProblem::Impossible(text.to_owned()))
}

/// The format most of the file's dates are written in; ISO when none can tell.
pub fn detect_format<'a>(cells: impl IntoIterator<Item = &'a str>) -> DateFormat {
    let (mut iso, mut day_first) = (0usize, 0usize);
    for cell in cells {
        if parse_date(cell, DateFormat::Iso).is_ok() {
            iso += 1;
        } else if parse_date(cell, DateFormat::DayMonthYear).is_ok() {
            day_first += 1;
        }
    }
    if day_first > iso {
        DateFormat::DayMonthYear
    } else {
        DateFormat::Iso
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn both_formats_read_the_same_day() {
        assert_eq!(
            parse_date("2026-11-23", DateFormat::Iso),
            Ok(day(2026, 11, 23))
        );
        assert_eq!(
            parse_date("23/11/2026", DateFormat::DayMonthYear),
            Ok(day(2026, 11, 23))
        );
        assert_eq!(
            parse_date(" 3/2/2026 ", DateFormat::DayMonthYear),
            Ok(day(2026, 2, 3))
        );
    }

    #[test]
    fn impossible_and_unreadable_dates_are_told_apart() {
        assert_eq!(
            parse_date("31/02/2026", DateFormat::DayMonthYear),
            Err(DateProblem::Impossible("31/02/2026".into()))
        );
        assert_eq!(
            parse_date("2026-13-01", DateFormat::Iso),
            Err(DateProblem::Impossible("2026-13-01".into()))
        );
        assert_eq!(
            parse_date("23/11/26", DateFormat::DayMonthYear),
            Err(DateProblem::Unreadable("23/11/26".into()))
        );
        assert_eq!(
            parse_date("2026-11-23", DateFormat::DayMonthYear),
            Err(DateProblem::Unreadable("2026-11-23".into()))
        );
        assert_eq!(
            parse_date("mañana", DateFormat::Iso),
            Err(DateProblem::Unreadable("mañana".into()))
        );
        assert_eq!(parse_date("", DateFormat::Iso), Err(DateProblem::Missing));
    }

    #[test]
    fn the_format_follows_most_of_the_file() {
        assert_eq!(
            detect_format(["23/11/2026", "01/12/2026", "2026-11-02"]),
            DateFormat::DayMonthYear
        );
        assert_eq!(detect_format(["2026-11-23", "2026-12-01"]), DateFormat::Iso);
        assert_eq!(detect_format(["basura"]), DateFormat::Iso);
    }
}
