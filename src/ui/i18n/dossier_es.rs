use super::dossier::{DossierTexts, Pretension};
use crate::domain::money::{Currency, Money};
use crate::domain::monitorio::MonitorioFit;
use crate::domain::monitorio_demand::{Evidence, Fact};

pub static DOSSIER: DossierTexts = DossierTexts {
    link: "Expediente",
    title: "Expediente de cobro",
    as_of: |day| format!("Al {day}"),
    parties: "Partes",
    authorization: |day, how| {
        if how.trim().is_empty() {
            format!("Autorizó el reporte a centrales de riesgo el {day} (Ley 1266 de 2008, art. 8 num. 5).")
        } else {
            format!("Autorizó el reporte a centrales de riesgo el {day}, por {how} (Ley 1266 de 2008, art. 8 num. 5).")
        }
    },
    no_authorization: "No hay autorización registrada para reportarlo a centrales de riesgo.",
    claim_title: "Lo que se reclama",
    column_currency: "Moneda",
    column_principal: "Capital vencido",
    column_interest: "Intereses de mora",
    column_total: "Total",
    rate_missing: "Falta una tasa",
    nothing_claimed: "No hay nada vencido y sin disputa que reclamar.",
    monitorio_title: "Proceso monitorio (Código General del Proceso, arts. 419 a 421)",
    monitorio: |fit, fmt| match fit {
        MonitorioFit::NothingDue => "No cabe: el monitorio pide una deuda en dinero, determinada y exigible, y no hay nada vencido y sin disputa (art. 419).".to_owned(),
        MonitorioFit::NotInPesos => "Parte de la deuda está en otra moneda: conviértala a pesos para medir la cuantía (art. 26).".to_owned(),
        MonitorioFit::ClaimUnknown => "Falta la tasa certificada de algún mes para saber el total con intereses; complétela en Ajustes.".to_owned(),
        MonitorioFit::MissingWage(year) => format!("Falta el salario mínimo de {year} en Ajustes: sin él no se mide la mínima cuantía."),
        MonitorioFit::Fits { claim, cap } => format!(
            "Cabe en el proceso monitorio: {} no supera 40 salarios mínimos ({}), es de mínima cuantía (arts. 25 y 419).",
            fmt.money(Money::new(*claim, Currency::COP)),
            fmt.money(Money::new(*cap, Currency::COP)),
        ),
        MonitorioFit::TooLarge { claim, cap } => format!(
            "No cabe en el proceso monitorio: {} supera 40 salarios mínimos ({}); corresponde un proceso ejecutivo o declarativo (arts. 25 y 419).",
            fmt.money(Money::new(*claim, Currency::COP)),
            fmt.money(Money::new(*cap, Currency::COP)),
        ),
    },
    invoices_title: "Facturas",
    column_issued: "Expedida",
    column_amount: "Valor",
    column_acceptance: "Recibo y aceptación",
    statement_title: "Estado de cuenta",
    promises_title: "Promesas de pago",
    column_made: "Hecha el",
    column_promised_for: "Para el",
    column_outcome: "Resultado",
    broken_count: |n| match n {
        0 => "Ninguna promesa incumplida.".to_owned(),
        1 => "1 promesa incumplida.".to_owned(),
        n => format!("{n} promesas incumplidas."),
    },
    demands_title: "Cartas y avisos",
    contacts_title: "Gestiones",
    column_date: "Fecha",
    column_channel: "Medio",
    column_objective: "Objetivo",
    column_note: "Nota",
    disputes_title: "Disputas",
    column_reason: "Motivo",
    column_invoices: "Facturas",
    column_resolved: "Resuelta",
    whole_account: "Toda la cuenta",
    still_open: "Abierta",
    payments_title: "Pagos y anulaciones",
    column_method: "Forma de pago",
    column_document: "Recibo o referencia",
    voided: |reason, day| match day {
        Some(day) => format!("Anulado el {day}: {reason}"),
        None => format!("Anulado: {reason}"),
    },
    none_recorded: "Nada registrado.",
    draft_title: "Borrador de demanda monitoria (Código General del Proceso, art. 420)",
    draft_help: "Lo que consta en el expediente ya está escrito; lo marcado entre corchetes debe completarlo quien presenta la demanda. Revíselo con su abogado.",
    draft_sections: [
        "1. Juez",
        "2. Partes y domicilios",
        "3. Pretensión de pago",
        "4. Hechos",
        "5. Manifestación",
        "6. Pruebas",
        "7. Notificaciones",
        "8. Anexos",
    ],
    judge: |city| format!("Señor(a) Juez Civil Municipal o de Pequeñas Causas y Competencia Múltiple de {city} (reparto), juez del domicilio del demandado (art. 28 num. 1)."),
    judge_city: "ciudad del domicilio del demandado",
    represented_by: "representada legalmente por",
    representative: "nombre y cédula del representante legal o del apoderado",
    claim: |Pretension { debtor, creditor, principal, overdue_since: since, interest }| match interest {
        Some((interest, through)) => format!(
            "Que se requiera a {debtor} para que pague a {creditor} {principal} de capital, vencido desde el {since}, y {interest} de intereses de mora causados hasta el {through}, más los que se causen hasta el pago, sin exceder la tasa máxima legal."
        ),
        None => format!("Que se requiera a {debtor} para que pague a {creditor} {principal} de capital, vencido desde el {since}."),
    },
    fact: |fact, fmt, d| match fact {
        Fact::Invoiced { invoice, issued_on, amount, due_on, dues } => {
            if *dues > 1 {
                format!(
                    "El {} se expidió al deudor la factura {} por {}, pagadera en {dues} cuotas, la última el {}.",
                    fmt.date(*issued_on), invoice.0, fmt.money(*amount), fmt.date(*due_on)
                )
            } else {
                format!(
                    "El {} se expidió al deudor la factura {} por {}, pagadera el {}.",
                    fmt.date(*issued_on), invoice.0, fmt.money(*amount), fmt.date(*due_on)
                )
            }
        }
        Fact::Received { invoice, on, by } if by.trim().is_empty() => {
            format!("El {} el deudor recibió la mercancía de la factura {}.", fmt.date(*on), invoice.0)
        }
        Fact::Received { invoice, on, by } => format!(
            "El {} el deudor recibió la mercancía de la factura {}; la recibió {by}.",
            fmt.date(*on), invoice.0
        ),
        Fact::Accepted { invoice, on } => format!(
            "El deudor no reclamó contra la factura {} en los tres días hábiles siguientes al recibo: quedó aceptada de forma irrevocable al cierre del {} (Código de Comercio, art. 773).",
            invoice.0, fmt.date(*on)
        ),
        Fact::Objected { invoice, on } => format!("El {} el deudor reclamó contra la factura {}.", fmt.date(*on), invoice.0),
        Fact::Paid { on, amount } => format!("El {} el deudor abonó {}.", fmt.date(*on), fmt.money(*amount)),
        Fact::Demanded { on, channel } => format!(
            "El {} se requirió por escrito al deudor el pago, por {} (art. 94).",
            fmt.date(*on), (d.channel_name)(*channel).to_lowercase()
        ),
        Fact::PromiseBroken { made_on, due_on, amount } => format!(
            "El {} el deudor se comprometió a pagar {} a más tardar el {} y no lo hizo.",
            fmt.date(*made_on), fmt.money(*amount), fmt.date(*due_on)
        ),
        Fact::Owes { principal, since } => format!(
            "A la fecha el deudor adeuda {} de capital, vencido desde el {}.",
            fmt.money(*principal), fmt.date(*since)
        ),
        Fact::Interest { amount, through } => format!(
            "Sobre ese capital se han causado {} de intereses de mora hasta el {}.",
            fmt.money(*amount), fmt.date(*through)
        ),
    },
    no_counter_performance: |creditor| format!("El pago de la suma adeudada no depende del cumplimiento de ninguna contraprestación a cargo de {creditor}, que ya entregó lo vendido."),
    evidence: |evidence, fmt, d| match evidence {
        Evidence::Invoice { invoice, cufe } if cufe.is_empty() => format!("Factura {}.", invoice.0),
        Evidence::Invoice { invoice, cufe } => format!("Factura electrónica {}, CUFE {cufe}.", invoice.0),
        Evidence::DeliveryReceipt { invoice, on, by } => format!(
            "Constancia de recibo de la mercancía de la factura {}, del {}{}.",
            invoice.0, fmt.date(*on),
            if by.trim().is_empty() { String::new() } else { format!(", firmada por {by}") }
        ),
        Evidence::Statement { as_of } => format!("Estado de cuenta del deudor al {}.", fmt.date(*as_of)),
        Evidence::Demand { on, channel } => format!(
            "Copia del requerimiento de pago del {} y constancia de su envío por {}.",
            fmt.date(*on), (d.channel_name)(*channel).to_lowercase()
        ),
        Evidence::Contacts { count } => format!("Registro de las {count} gestiones con el deudor, con sus fechas y las promesas de pago hechas (este expediente)."),
        Evidence::InterestRates => "Certificaciones de la Superintendencia Financiera del interés bancario corriente de cada mes liquidado.".to_owned(),
    },
    documents_note: "Se aportan los documentos de la obligación que están en poder del demandante; de los que no tenga, debe decir dónde están o manifestar bajo juramento que no existen (art. 420 num. 6).",
    notified_at: |whom| format!("{whom} recibe notificaciones en:"),
    email: "correo electrónico",
    annexes: "poder, si actúa por medio de apoderado; certificado de existencia y representación legal del demandante; los documentos listados como pruebas",
    to_fill: |what| format!("[completar: {what}]"),
    export_json: "Descargar JSON",
    export_csv: "Descargar CSV",
    column_event: "Hecho",
    column_value: "Valor",
};
