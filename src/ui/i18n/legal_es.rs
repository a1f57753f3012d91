use super::legal::LegalTexts;
use crate::domain::bureau_report::Reportability;
use crate::domain::minimum_wage::WageProblem;

pub static LEGAL: LegalTexts = LegalTexts {
    wages_title: "Salario mínimo mensual por año",
    wages_help: "La ley mide las deudas en salarios mínimos: una mora de hasta el 15 % de uno necesita dos avisos antes del reporte a centrales (Ley 1266 de 2008, art. 12) y una demanda de hasta 40 es de mínima cuantía, apta para el proceso monitorio (Código General del Proceso, arts. 25 y 419). Escriba el de cada año según su decreto; un año que falte no se adivina.",
    wages_empty: "Aún no hay salarios mínimos.",
    column_year: "Año",
    column_wage: "Salario mínimo (COP)",
    year: "Año",
    wage: "Salario mínimo mensual (COP)",
    add_wage: "Guardar el año",
    remove: "Quitar",
    wage_unreadable: "Escriba el año con cuatro cifras y el salario como 1.423.500.",
    wage_problem: |problem| match problem {
        WageProblem::NotPositive(year) => format!("El salario de {year} debe ser mayor que cero. No se guardó nada."),
        WageProblem::Year(year) => format!("{year} no parece un año; escríbalo con cuatro cifras. No se guardó nada."),
    },
    bureau_tab: "Centrales",
    bureau_title: "Reporte a centrales de riesgo",
    bureau_law: "Solo con autorización previa del cliente y 20 días calendario después del aviso previo; si la mora es de hasta el 15 % de un salario mínimo, dos avisos en días distintos y 20 días desde el segundo; nunca mientras haya un reclamo abierto (Ley 1266 de 2008, arts. 12 y 16, modificada por la Ley 2157 de 2021). El aviso se registra como una gestión con el objetivo «Aviso previo de reporte a centrales». El reporte se hace fuera de la aplicación, ante la central.",
    reportable_count: |n| if n == 1 { "1 cuenta se puede reportar hoy.".to_owned() } else { format!("{n} cuentas se pueden reportar hoy.") },
    no_overdue: "Ninguna cuenta en pesos está vencida.",
    column_customer: "Cliente",
    column_overdue: "Vencido",
    column_defaulted: "En mora desde",
    column_status: "Estado",
    status: |state, day| match state {
        Reportability::Reportable { since } => format!("Reportable desde el {}", day(*since)),
        Reportability::Waiting { from } => format!("Aviso enviado: reportable desde el {}", day(*from)),
        Reportability::SecondNoticeNeeded => "Mora pequeña (hasta 15 % de un salario mínimo): falta el segundo aviso, en otro día".to_owned(),
        Reportability::NoNotice => "Falta el aviso previo".to_owned(),
        Reportability::MissingWage(year) => format!("Falta el salario mínimo de {year} en Ajustes: sin él no se sabe si necesita uno o dos avisos"),
        Reportability::InDispute => "Con un reclamo abierto: no se reporta".to_owned(),
        Reportability::NoAuthorization => "Sin autorización de reporte: no se puede reportar".to_owned(),
        Reportability::Stale { since } => format!("Mora de 18 meses o más desde el {}: ya no se reporta", day(*since)),
        Reportability::NotOverdue => "Al día".to_owned(),
    },
    authorization_title: "Autorización de reporte a centrales (Ley 1266 de 2008, art. 8, num. 5)",
    authorized_on: "Fecha de la autorización (vacío: no la dio)",
    authorization_how: "Cómo la dio (documento, cláusula, llamada grabada)",
};
