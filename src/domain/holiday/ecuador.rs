//! Ecuador: Código del Trabajo art. 65 and LOSEP as reformed in December 2016, which move most
//! holidays next to a weekend so rest days come together.

use chrono::Weekday;

use super::{fixed, from_easter, moved, off_the_weekend, Holiday};

pub(super) fn holidays(year: i32) -> Vec<Holiday> {
    [
        moved(fixed(year, 1, 1, "Año Nuevo"), off_the_weekend),
        from_easter(year, -48, "Carnaval"),
        from_easter(year, -47, "Carnaval"),
        from_easter(year, -2, "Viernes Santo"),
        moved(fixed(year, 5, 1, "Día del Trabajo"), next_to_the_weekend),
        moved(
            fixed(year, 5, 24, "Batalla de Pichincha"),
            next_to_the_weekend,
        ),
        moved(
            fixed(year, 8, 10, "Primer Grito de Independencia"),
            next_to_the_weekend,
        ),
        moved(
            fixed(year, 10, 9, "Independencia de Guayaquil"),
            next_to_the_weekend,
        ),
        fixed(year, 11, 2, "Día de los Difuntos"),
        fixed(year, 11, 3, "Independencia de Cuenca"),
        moved(fixed(year, 12, 25, "Navidad"), off_the_weekend),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// A Tuesday holiday rests on the Monday before, a Wednesday or Thursday one on that week's
/// Friday, a Saturday one on the Friday before and a Sunday one on the Monday after.
fn next_to_the_weekend(weekday: Weekday) -> i64 {
    match weekday {
        Weekday::Tue => -1,
        Weekday::Wed => 2,
        Weekday::Thu => 1,
        other => off_the_weekend(other),
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::assert_calendar;
    use super::super::Country::Ecuador;

    // Calendario de feriados (Ministerio del Trabajo) as the 2016 rules give it; a decree may
    // add a bridge day in a given year, which the policy takes as an extra date.
    #[test]
    fn ecuador_2025_to_2027() {
        assert_calendar(
            Ecuador,
            2025,
            &[
                "01-01", "03-03", "03-04", "04-18", "05-02", "05-23", "08-11", "10-10", "11-02",
                "11-03", "12-25",
            ],
        );
        assert_calendar(
            Ecuador,
            2026,
            &[
                "01-01", "02-16", "02-17", "04-03", "05-01", "05-25", "08-10", "10-09", "11-02",
                "11-03", "12-25",
            ],
        );
        assert_calendar(
            Ecuador,
            2027,
            &[
                "01-01", "02-08", "02-09", "03-26", "04-30", "05-24", "08-09", "10-08", "11-02",
                "11-03", "12-24",
            ],
        );
    }
}
