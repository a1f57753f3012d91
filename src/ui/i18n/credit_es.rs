use super::credit::CreditTexts;
use crate::domain::certified_rate::{Month, RateProblem};
use crate::sync::csv::certified_rates::RateLineProblem;

const MONTHS: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

fn month_name(month: Month) -> String {
    let name = MONTHS
        .get(month.number() as usize - 1)
        .copied()
        .unwrap_or_default();
    format!("{name} de {}", month.year())
}

pub static CREDIT: CreditTexts = CreditTexts {
    interest_title: "Intereses de mora",
    interest_law: "El interés de mora no puede pasar de una y media veces el interés bancario corriente que certifica la Superintendencia Financiera para cada mes (Código de Comercio art. 884, modificado por la Ley 510 de 1999 art. 111); cobrar más es usura (Código Penal art. 305) y hace perder los intereses (Ley 45 de 1990 art. 72). Se cobra día a día sobre el capital vencido, nunca sobre intereses.",
    basis_none: "Sin intereses",
    basis_agreed: "Tasa pactada con los clientes",
    basis_legal: "La máxima legal de cada mes",
    agreed_rate: "Tasa pactada (% efectivo anual)",
    agreed_rate_invalid: "Escriba una tasa mayor que 0 y de hasta 100 % efectivo anual, como 24,5.",
    rates_title: "Tasas certificadas",
    rates_help: "Interés bancario corriente para crédito de consumo y ordinario, de la resolución mensual de la Superintendencia Financiera. El tope de mora de cada mes es 1,5 veces esa tasa. Un mes que falte no se adivina: la aplicación dice cuál falta.",
    rates_empty: "Aún no hay tasas.",
    column_month: "Mes",
    column_bank_rate: "Bancario corriente (E.A.)",
    column_usury_rate: "Tope de mora (E.A.)",
    column_resolution: "Resolución",
    column_days: "Días",
    column_rate: "Tasa (E.A.)",
    column_interest: "Interés",
    paste_rates: "Pegue o escriba tasas, una por línea: mes; tasa; resolución (2026-02; 17,21; Resolución 0101 de 2026)",
    add_rates: "Añadir tasas",
    rates_added: |n| if n == 1 { "Se añadió 1 mes.".to_owned() } else { format!("Se añadieron {n} meses.") },
    remove: "Quitar",
    rate_line_problem: |line, problem| match problem {
        RateLineProblem::Month(text) => format!("Línea {line}: «{text}» no es un mes; escríbalo como 2026-02. No se añadió nada."),
        RateLineProblem::Rate(text) => format!("Línea {line}: «{text}» no es una tasa; escríbala como 17,21. No se añadió nada."),
        RateLineProblem::TooManyCells => format!("Línea {line}: tiene más de mes, tasa y resolución; si la tasa lleva coma decimal, separe con punto y coma. No se añadió nada."),
    },
    rate_problem: |problem| match problem {
        RateProblem::Repeated(month) => format!("{} aparece dos veces. No se añadió nada.", month_name(*month)),
        RateProblem::OutOfRange(month) => format!("La tasa de {} debe ser mayor que 0 y de hasta 100 %. No se añadió nada.", month_name(*month)),
    },
    month_name,
    interest_heading: "Intereses de mora",
    interest_apart: "Un cobro aparte del saldo: no se suma a la cartera, la antigüedad ni los indicadores.",
    cut_to_cap: "pactada, recortada al tope legal",
    interest_total: "Total de intereses",
    balance_with_interest: "Saldo más intereses",
    on_hold: "Crédito suspendido",
    hold_detail: |since, by, reason| format!("Desde el {since}, por «{by}»: {reason}. Nuevas ventas solo de contado."),
    put_on_hold: "Suspender el crédito",
    lift_hold: "Levantar la suspensión",
    hold_reason_late: |days| format!("atraso de {days} días"),
    filter_on_hold: "Solo con crédito suspendido",
    interest_line: |amount| format!("\nIntereses de mora, aparte del saldo: {amount}."),
    missing_rates: |months| format!("No se pueden calcular los intereses: falta la tasa certificada de {}. La oficina la añade en Ajustes → Intereses de mora.", months.join(", ")),
};
