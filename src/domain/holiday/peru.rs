//! Peru: Decreto Legislativo 713 and the laws that added the battles of Arica, Junín and
//! Ayacucho (Ley 31788 and others) and the Air Force day; nothing moves.

use super::{fixed, from_easter, Holiday};

pub(super) fn holidays(year: i32) -> Vec<Holiday> {
    [
        fixed(year, 1, 1, "Año Nuevo"),
        from_easter(year, -3, "Jueves Santo"),
        from_easter(year, -2, "Viernes Santo"),
        fixed(year, 5, 1, "Día del Trabajo"),
        fixed(year, 6, 7, "Batalla de Arica y Día de la Bandera"),
        fixed(year, 6, 29, "San Pedro y San Pablo"),
        fixed(year, 7, 23, "Día de la Fuerza Aérea del Perú"),
        fixed(year, 7, 28, "Fiestas Patrias"),
        fixed(year, 7, 29, "Fiestas Patrias"),
        fixed(year, 8, 6, "Batalla de Junín"),
        fixed(year, 8, 30, "Santa Rosa de Lima"),
        fixed(year, 10, 8, "Combate de Angamos"),
        fixed(year, 11, 1, "Día de Todos los Santos"),
        fixed(year, 12, 8, "Inmaculada Concepción"),
        fixed(year, 12, 9, "Batalla de Ayacucho"),
        fixed(year, 12, 25, "Navidad"),
    ]
    .into_iter()
    .flatten()
    .collect()
}

#[cfg(test)]
mod tests {
    use super::super::tests::assert_calendar;
    use super::super::Country::Peru;

    // Feriados nacionales (gob.pe).
    #[test]
    fn peru_2025_to_2027() {
        let rest = [
            "05-01", "06-07", "06-29", "07-23", "07-28", "07-29", "08-06", "08-30", "10-08",
            "11-01", "12-08", "12-09", "12-25",
        ];
        for (year, holy_thursday, holy_friday) in [
            (2025, "04-17", "04-18"),
            (2026, "04-02", "04-03"),
            (2027, "03-25", "03-26"),
        ] {
            let mut official = vec!["01-01", holy_thursday, holy_friday];
            official.extend(rest);
            assert_calendar(Peru, year, &official);
        }
    }
}
