//! Colombia: Ley 51 de 1983 ("Ley Emiliani") moves most religious and civic holidays to the
//! following Monday; Holy Week and five national dates stay where they fall.

use super::{fixed, from_easter, moved, to_monday, Holiday};

pub(super) fn holidays(year: i32) -> Vec<Holiday> {
    let on_monday = |holiday| moved(holiday, to_monday);
    [
        fixed(year, 1, 1, "Año Nuevo"),
        on_monday(fixed(year, 1, 6, "Día de los Reyes Magos")),
        on_monday(fixed(year, 3, 19, "Día de San José")),
        from_easter(year, -3, "Jueves Santo"),
        from_easter(year, -2, "Viernes Santo"),
        fixed(year, 5, 1, "Día del Trabajo"),
        on_monday(from_easter(year, 39, "Ascensión del Señor")),
        on_monday(from_easter(year, 60, "Corpus Christi")),
        on_monday(from_easter(year, 68, "Sagrado Corazón")),
        on_monday(fixed(year, 6, 29, "San Pedro y San Pablo")),
        fixed(year, 7, 20, "Día de la Independencia"),
        fixed(year, 8, 7, "Batalla de Boyacá"),
        on_monday(fixed(year, 8, 15, "La Asunción de la Virgen")),
        on_monday(fixed(year, 10, 12, "Día de la Raza")),
        on_monday(fixed(year, 11, 1, "Todos los Santos")),
        on_monday(fixed(year, 11, 11, "Independencia de Cartagena")),
        fixed(year, 12, 8, "Inmaculada Concepción"),
        fixed(year, 12, 25, "Navidad"),
    ]
    .into_iter()
    .flatten()
    .collect()
}

#[cfg(test)]
mod tests {
    use super::super::tests::assert_calendar;
    use super::super::Country::Colombia;

    // Calendario oficial de festivos (Ministerio del Trabajo) for each year; in 2025 the
    // Sacred Heart and Saint Peter and Paul both land on Monday 30 June.
    #[test]
    fn colombia_2025() {
        assert_calendar(
            Colombia,
            2025,
            &[
                "01-01", "01-06", "03-24", "04-17", "04-18", "05-01", "06-02", "06-23", "06-30",
                "06-30", "07-20", "08-07", "08-18", "10-13", "11-03", "11-17", "12-08", "12-25",
            ],
        );
    }

    #[test]
    fn colombia_2026() {
        assert_calendar(
            Colombia,
            2026,
            &[
                "01-01", "01-12", "03-23", "04-02", "04-03", "05-01", "05-18", "06-08", "06-15",
                "06-29", "07-20", "08-07", "08-17", "10-12", "11-02", "11-16", "12-08", "12-25",
            ],
        );
    }

    #[test]
    fn colombia_2027() {
        assert_calendar(
            Colombia,
            2027,
            &[
                "01-01", "01-11", "03-22", "03-25", "03-26", "05-01", "05-10", "05-31", "06-07",
                "07-05", "07-20", "08-07", "08-16", "10-18", "11-01", "11-15", "12-08", "12-25",
            ],
        );
    }
}
