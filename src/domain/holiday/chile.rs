//! Chile: fixed national dates, Holy Friday and Saturday, the Monday moves of Ley 19.668, the
//! Reformation day of Ley 20.299 and the winter solstice of Ley 21.357.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{dec, Decimal};

use super::{date, fixed, from_easter, moved, Holiday};

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
        moved(
            fixed(year, 6, 29, "San Pedro y San Pablo"),
            to_nearest_monday,
        ),
        fixed(year, 7, 16, "Día de la Virgen del Carmen"),
        fixed(year, 8, 15, "Asunción de la Virgen"),
        fixed(year, 9, 18, "Independencia Nacional"),
        fixed(year, 9, 19, "Día de las Glorias del Ejército"),
        moved(
            fixed(year, 10, 12, "Encuentro de Dos Mundos"),
            to_nearest_monday,
        ),
        moved(
            fixed(
                year,
                10,
                31,
                "Día de las Iglesias Evangélicas y Protestantes",
            ),
            reformation_day_move,
        ),
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
fn to_nearest_monday(weekday: Weekday) -> i64 {
    match weekday {
        Weekday::Tue => -1,
        Weekday::Wed => -2,
        Weekday::Thu => -3,
        Weekday::Fri => 3,
        _ => 0,
    }
}

/// Ley 20.299: 31 October moves to the Friday before when it is a Tuesday and to the Friday
/// after when it is a Wednesday.
fn reformation_day_move(weekday: Weekday) -> i64 {
    match weekday {
        Weekday::Tue => -4,
        Weekday::Wed => 2,
        _ => 0,
    }
}

/// The date of the June solstice on Chile's winter clock (UTC−4), from the mean-solstice
/// series of Meeus ("Astronomical Algorithms", table 27.B), which is within minutes of the
/// true instant this century. Worked in decimals, like every number in the domain.
fn winter_solstice(year: i32) -> Option<NaiveDate> {
    let y = Decimal::from(year - 2000) / Decimal::ONE_THOUSAND;
    let julian_day = dec!(2451716.56767)
        + dec!(365241.62603) * y
        + dec!(0.00325) * y * y
        + dec!(0.00888) * y * y * y
        - dec!(0.00030) * y * y * y * y;
    let seconds_since_j2000 = ((julian_day - dec!(2451545)) * dec!(86400))
        .round()
        .to_i64()?;
    let j2000 = date(2000, 1, 1)?.and_hms_opt(12, 0, 0)?;
    let chile =
        j2000.checked_add_signed(Duration::try_seconds(seconds_since_j2000)?)? - Duration::hours(4);
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
