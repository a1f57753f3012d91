use super::credit::CreditTexts;
use crate::domain::certified_rate::{Month, RateProblem};
use crate::domain::debtor::{DebtorKind, IdType};
use crate::domain::interest_cap::CapRule;
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
    interest_law: |cap| match cap {
        CapRule::BankRate => "El interés de mora no puede pasar de una y media veces el interés bancario corriente que certifica la Superintendencia Financiera para cada mes (Código de Comercio art. 884, modificado por la Ley 510 de 1999 art. 111); cobrar más es usura (Código Penal art. 305) y hace perder los intereses (Ley 45 de 1990 art. 72). Se cobra día a día sobre el capital vencido, nunca sobre intereses.",
        CapRule::CurrentRate => "El interés no puede exceder en más de un 50 % al interés corriente que publica la Comisión para el Mercado Financiero para cada mes (Ley 18.010, art. 6); un pacto por encima se reduce al interés corriente (art. 8). Se cobra día a día sobre el capital vencido, nunca sobre intereses.",
        CapRule::CentralBankMaximum => "La tasa máxima del interés moratorio la fija el Banco Central de Reserva del Perú (Código Civil, art. 1243); el exceso se devuelve o se imputa al capital, a elección del deudor. Se cobra día a día sobre el capital vencido, nunca sobre intereses (art. 1249).",
        CapRule::CompanyMaximum => "La aplicación no conoce un tope legal general para el país de esta política: la tabla guarda la tasa máxima de mora que fija el asesor legal de la empresa para cada mes, y nunca se cobra más. Se cobra día a día sobre el capital vencido, nunca sobre intereses.",
    },
    basis_none: "Sin intereses",
    basis_agreed: "Tasa pactada con los clientes",
    basis_legal: "La máxima legal de cada mes",
    agreed_rate: "Tasa pactada (% efectivo anual)",
    agreed_rate_invalid: "Escriba una tasa mayor que 0 y de hasta 100 % efectivo anual, como 24,5.",
    rates_title: "Tasas certificadas",
    rates_help: |cap| match cap {
        CapRule::BankRate => "Interés bancario corriente para crédito de consumo y ordinario, de la resolución mensual de la Superintendencia Financiera. El tope de mora de cada mes es 1,5 veces esa tasa. Un mes que falte no se adivina: la aplicación dice cuál falta.",
        CapRule::CurrentRate => "Interés corriente para operaciones no reajustables en moneda nacional, que publica la CMF cada mes. El tope de cada mes es 1,5 veces esa tasa (el máximo convencional). Un mes que falte no se adivina: la aplicación dice cuál falta.",
        CapRule::CentralBankMaximum => "Tasa máxima de interés moratorio para operaciones ajenas al sistema financiero, que publica el BCRP. El tope de cada mes es esa tasa. Un mes que falte no se adivina: la aplicación dice cuál falta.",
        CapRule::CompanyMaximum => "La tasa máxima de mora de cada mes, como la fija el asesor legal de la empresa. El tope de cada mes es esa tasa. Un mes que falte no se adivina: la aplicación dice cuál falta.",
    },
    rates_empty: "Aún no hay tasas.",
    column_month: "Mes",
    column_table_rate: |cap| match cap {
        CapRule::BankRate => "Bancario corriente (E.A.)",
        CapRule::CurrentRate => "Interés corriente (anual)",
        CapRule::CentralBankMaximum => "Máxima del BCRP (E.A.)",
        CapRule::CompanyMaximum => "Máxima de la empresa (E.A.)",
    },
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
    book_interest: "Cargar los intereses como factura",
    book_interest_hint: "Los intereses pasan a ser una factura que vence hoy: entran al saldo, a la antigüedad y a los indicadores, y desde mañana corren de nuevo solo sobre el capital.",
    booked_through: |day| format!("Intereses cargados como factura hasta el {day}; se cuentan desde el día siguiente."),
    good_payers_title: "Buenos pagadores",
    good_payers_hint: "Clientes que pagaron a tiempo todo lo que les venció en el periodo y no deben nada vencido al cierre. Agradézcales: es la cobranza más barata, y ventas sabe a quién ofrecer más cupo.",
    good_payers_count: |n| if n == 1 { "1 cliente pagó todo a tiempo.".to_owned() } else { format!("{n} clientes pagaron todo a tiempo.") },
    no_good_payers: "Ningún cliente pagó a tiempo todo lo que le venció en el periodo.",
    column_customer: "Cliente",
    column_dues_on_time: "Vencimientos a tiempo",
    column_paid_on_time: "Pagado a tiempo",
    column_recognition: "Reconocimiento",
    timeline_restored: |by| format!("Crédito restablecido por «{by}»"),
    timeline_handed: |salesperson, note, by| format!("Entregada a ventas ({salesperson}) por «{by}»: {note}"),
    hand_to_sales: "Entregar a ventas",
    handoff_hint: "Para las cuentas más difíciles: el vendedor conoce al cliente y lo que está en juego. La cuenta aparece en su agenda con esta nota.",
    handoff_note: "Motivo y nota para el vendedor",
    with_sales: |salesperson| format!("Con ventas: {salesperson}"),
    agenda_sales: "Entregadas a ventas",
    timeline_hold: |reason, by| format!("Crédito suspendido por «{by}»: {reason}"),
    holds_csv: "Descargar CSV para ventas",
    holds_csv_columns: ["nit", "vendedor", "cobrador", "suspendido_desde", "motivo", "por", "saldo", "moneda"],
    cost_title: "Registrar un gasto de cobranza",
    cost_hint: "Solo un gasto real y documentado (mensajería, notaría, honorarios pactados), nunca un recargo por el solo atraso: la ley lo contaría como interés. Se suma al saldo como factura propia y no genera intereses.",
    cost_amount: "Valor del gasto",
    cost_day: "Fecha del gasto",
    cost_reason: "Motivo y soporte",
    on_hold: "Crédito suspendido",
    hold_detail: |since, by, reason| format!("Desde el {since}, por «{by}»: {reason}. Nuevas ventas solo de contado."),
    put_on_hold: "Suspender el crédito",
    lift_hold: "Levantar la suspensión",
    hold_reason_late: |days| format!("atraso de {days} días"),
    filter_on_hold: "Solo con crédito suspendido",
    interest_line: |amount| format!("\nIntereses de mora, aparte del saldo: {amount}."),
    debtor_title: "Quién es el deudor",
    debtor_kind: "Tipo de persona",
    kind_unknown: "Sin indicar (se protege como persona natural)",
    kind_name: |kind| match kind {
        DebtorKind::Consumer => "Persona natural (consumidor)",
        DebtorKind::Business => "Persona jurídica (empresa)",
    },
    id_type: "Tipo de documento",
    id_type_unknown: "Sin indicar",
    id_type_name: |id_type| match id_type {
        IdType::Cc => "CC — cédula de ciudadanía",
        IdType::Ce => "CE — cédula de extranjería",
        IdType::Nit => "NIT",
        IdType::Passport => "Pasaporte",
        IdType::Rut => "RUT (Chile)",
        IdType::Rfc => "RFC (México)",
        IdType::Ruc => "RUC (Perú, Ecuador)",
    },
    visits_authorized: "Autorizó visitas de cobro en su casa o trabajo (Ley 2300 de 2023, art. 6)",
    terms_title: "Condiciones de crédito",
    payment_days: "Plazo de pago (días)",
    credit_limit: "Cupo de crédito (vacío: sin cupo)",
    salesperson: "Vendedor",
    terms_unreadable: "El plazo debe ser un número entero de días, de 1 a 730, y el cupo un valor mayor que cero, como 5.000.000.",
    over_limit: "Sobre el cupo",
    filter_over_limit: "Solo sobre el cupo",
    payment_days_detail: |days| format!("Plazo de pago: {days} días"),
    limit_detail: |limit, room| format!("Cupo {limit}; disponible {room}"),
    inferred_kinds: |n| if n == 1 {
        "1 cliente se toma como persona jurídica por la forma de su NIT (nueve dígitos que empiezan por 8 o 9): revise su ficha si no lo es.".to_owned()
    } else {
        format!("{n} clientes se toman como persona jurídica por la forma de su NIT (nueve dígitos que empiezan por 8 o 9): revise su ficha si alguno no lo es.")
    },
    missing_rates: |months| format!("No se pueden calcular los intereses: falta la tasa certificada de {}. La oficina la añade en Ajustes → Intereses de mora.", months.join(", ")),
};
