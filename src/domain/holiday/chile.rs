//! Chile: fixed national dates, Holy Friday and Saturday, the Monday moves of Ley 19.668, the
//! Reformation day of Ley 20.299 and the winter solstice of Ley 21.357.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::{date, fixed, from_easter, shifted, Holiday};

pub(super) fn holidays(year: i32) -> Vec<Holiday> {
    let mut days: Vec<Holiday> = [
        fixed(year, 1, 1, "Año Nuevo"),
        from_easter(year, -2, "Viernes Santo"),
        from_easter(year, -1, "Sábado Santo"),
        fixed(year, 5, 1, "Día Nacional del Trabajo"),
        fixed(year, 5, 21, "Día de las Glorias Navales"),
        winter_solstice(year).map(|date| Holiday {
            date,
            name: "Día Nacional de los Pueblos Indígenas",
        }),
        moved_to_monday(fixed(year, 6, 29, "San Pedro y San Pablo")),
        fixed(year, 7, 16, "Día de la Virgen del Carmen"),
        fixed(year, 8, 15, "Asunción de la Virgen"),
        fixed(year, 9, 18, "Independencia Nacional"),
        fixed(year, 9, 19, "Día de las Glorias del Ejército"),
        moved_to_monday(fixed(year, 10, 12, "Encuentro de Dos Mundos")),
        reformation_day(year),
        fixed(year, 11, 1, "Día de Todos los Santos"),
        fixed(year, 12, 8, "Inmaculada Concepción"),
        fixed(year, 12, 25, "Navidad"),
    ]
    .into_iter()
    .flatten()
    .collect();
    // Ley 20.983 and Ley 20.215: bridges that only exist on certain weekdays.
    let bridges = [
        (1, 2, Weekday::Mon, "Feriado de Año Nuevo"),
        (9, 17, Weekday::Mon, "Fiestas Patrias"),
        (9, 20, Weekday::Fri, "Fiestas Patrias"),
    ];
    for (month, day, weekday, name) in bridges {
        if let Some(holiday) = fixed(year, month, day, name) {
            if holiday.date.weekday() == weekday {
                days.push(holiday);
            }
        }
    }
    days
}

/// Ley 19.668: a Tuesday, Wednesday or Thursday holiday moves back to that week's Monday, a
/// Friday one forward to the next Monday; weekends and Mondays stay.
fn moved_to_monday(holiday: Option<Holiday>) -> Option<Holiday> {
    let holiday = holiday?;
    let days = match holiday.date.weekday() {
        Weekday::Tue => -1,
        Weekday::Wed => -2,
        Weekday::Thu => -3,
        Weekday::Fri => 3,
        _ => 0,
    };
    Some(Holiday {
        date: shifted(holiday.date, days),
        name: holiday.name,
    })
}

/// Ley 20.299: 31 October, moved to the Friday before when it is a Tuesday and to the Friday
/// after when it is a Wednesday.
fn reformation_day(year: i32) -> Option<Holiday> {
    let day = date(year, 10, 31)?;
    let days = match day.weekday() {
        Weekday::Tue => -4,
        Weekday::Wed => 2,
        _ => 0,
    };
    Some(Holiday {
        date: shifted(day, days),
        name: "Día de las Iglesias Evangélicas y Protestantes",
    })
}

/// The date of the June solstice on Chile's winter clock (UTC−4), from the mean-solstice
/// series of Meeus ("Astronomical Algorithms", table 27.B), which is within minutes of the
/// true instant this century.
fn winter_solstice(year: i32) -> Option<NaiveDate> {
    let y = f64::from(year - 2000) / 1000.0;
    let julian_day =
        2_451_716.567_67 + 365_241.626_03 * y + 0.003_25 * y.powi(2) + 0.008_88 * y.powi(3)
            - 0.000_30 * y.powi(4);
    let seconds_since_j2000 = ((julian_day - 2_451_545.0) * 86_400.0).round();
    // Rounded seconds of a date within a few thousand years fit easily in an i64.
    #[allow(clippy::cast_possible_truncation)]
    let offset = Duration::try_seconds(seconds_since_j2000 as i64)?;
    let j2000 = date(2000, 1, 1)?.and_hms_opt(12, 0, 0)?;
    let chile = j2000.checked_add_signed(offset)? - Duration::hours(4);
    Some(chile.date())
}

#[cfg(test)]
mod tests {
    use super::super::tests::assert_calendar;
    use super::super::Country::Chile;

    // Feriados legales (Biblioteca del Congreso Nacional). Election days (16 November and 14
    // December 2025) are set by their own law each time and are added as extra dates.
    #[test]
    fn chile_2025() {
        assert_calendar(
            Chile,
            2025,
            &[
                "01-01", "04-18", "04-19", "05-01", "05-21", "06-20", "06-29", "07-16", "08-15",
                "09-18", "09-19", "10-12", "10-31", "11-01", "12-08", "12-25",
            ],
        );
    }

    #[test]
    fn chile_2026() {
        assert_calendar(
            Chile,
            2026,
            &[
                "01-01", "04-03", "04-04", "05-01", "05-21", "06-21", "06-29", "07-16", "08-15",
                "09-18", "09-19", "10-12", "10-31", "11-01", "12-08", "12-25",
            ],
        );
    }

    #[test]
    fn chile_2027() {
        assert_calendar(
            Chile,
            2027,
            &[
                "01-01", "03-26", "03-27", "05-01", "05-21", "06-21", "06-28", "07-16", "08-15",
                "09-18", "09-19", "10-11", "10-31", "11-01", "12-08", "12-25",
            ],
        );
    }

    #[test]
    fn chile_moves_and_bridges() {
        // 2023: 1 January was a Sunday, so Monday the 2nd was off; 2018: 17 September was a
        // Monday; 2022: 20 September was a Tuesday, so no bridge.
        let has = |year, day| {
            super::holidays(year)
                .iter()
                .any(|h| h.date.format("%m-%d").to_string() == day)
        };
        assert!(has(2023, "01-02"));
        assert!(has(2018, "09-17"));
        assert!(!has(2022, "09-20"));
        // 2029: 31 October is a Wednesday, so the holiday is Friday 2 November.
        assert!(has(2029, "11-02") && !has(2029, "10-31"));
    }
}
