//! Mexico: the mandatory rest days of the Ley Federal del Trabajo, art. 74, three of them on a
//! Monday of their month since 2006.

use chrono::Weekday;

use super::{fixed, nth_weekday, Holiday};

pub(super) fn holidays(year: i32) -> Vec<Holiday> {
    let monday = |month, n, name| {
        nth_weekday(year, month, Weekday::Mon, n).map(|date| Holiday { date, name })
    };
    let mut days: Vec<Holiday> = [
        fixed(year, 1, 1, "Año Nuevo"),
        monday(2, 1, "Día de la Constitución"),
        monday(3, 3, "Natalicio de Benito Juárez"),
        fixed(year, 5, 1, "Día del Trabajo"),
        fixed(year, 9, 16, "Día de la Independencia"),
        monday(11, 3, "Día de la Revolución"),
        fixed(year, 12, 25, "Navidad"),
    ]
    .into_iter()
    .flatten()
    .collect();
    // The federal executive changes hands on 1 October every six years (2024, 2030, ...).
    if year.rem_euclid(6) == 2024 % 6 {
        days.extend(fixed(
            year,
            10,
            1,
            "Transmisión del Poder Ejecutivo Federal",
        ));
    }
    days
}

#[cfg(test)]
mod tests {
    use super::super::tests::assert_calendar;
    use super::super::Country::Mexico;

    // Días de descanso obligatorio (Secretaría del Trabajo y Previsión Social).
    #[test]
    fn mexico_2025_to_2027() {
        assert_calendar(
            Mexico,
            2025,
            &[
                "01-01", "02-03", "03-17", "05-01", "09-16", "11-17", "12-25",
            ],
        );
        assert_calendar(
            Mexico,
            2026,
            &[
                "01-01", "02-02", "03-16", "05-01", "09-16", "11-16", "12-25",
            ],
        );
        assert_calendar(
            Mexico,
            2027,
            &[
                "01-01", "02-01", "03-15", "05-01", "09-16", "11-15", "12-25",
            ],
        );
        assert_calendar(
            Mexico,
            2030,
            &[
                "01-01", "02-04", "03-18", "05-01", "09-16", "10-01", "11-18", "12-25",
            ],
        );
    }
}
