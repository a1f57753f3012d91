use super::credit_policy::{listed, CreditPolicyTexts};
use crate::domain::interest_cap::CapRule;

fn reminder_day(day: &i32) -> String {
    match *day {
        0 => "el día del vencimiento".to_owned(),
        -1 => "1 día antes".to_owned(),
        1 => "1 día después".to_owned(),
        d if d < 0 => format!("{} días antes", -d),
        d => format!("{d} días después"),
    }
}

fn cap_words(cap: CapRule) -> &'static str {
    match cap {
        CapRule::BankRate => "una y media veces el interés bancario corriente que certifica la Superintendencia Financiera (Código de Comercio, art. 884)",
        CapRule::CurrentRate => "el máximo convencional, 50 % sobre el interés corriente que publica la CMF (Ley 18.010, art. 6)",
        CapRule::CentralBankMaximum => "la tasa máxima que fija el Banco Central de Reserva del Perú (Código Civil, art. 1243)",
        CapRule::CompanyMaximum => "la tasa máxima de mora que la empresa fija para cada mes",
    }
}

pub static CREDIT_POLICY: CreditPolicyTexts = CreditPolicyTexts {
    link: "Política de crédito",
    title: "Política de crédito y cobranza",
    for_customer: |name| format!("Para {name}"),
    as_of: |day| format!("Vigente al {day}"),
    terms_heading: "Sus condiciones de crédito",
    payment_days: |days| {
        if days == 1 {
            "Cada compra a crédito se paga al día siguiente de su factura.".to_owned()
        } else {
            format!("Cada compra a crédito se paga dentro de los {days} días siguientes a la fecha de su factura.")
        }
    },
    term_per_invoice: "Cada factura dice el día en que vence.",
    limit: |amount| format!("Cupo de crédito: {amount}. Lo que debe más una compra nueva a crédito no puede pasarlo."),
    on_hold: "Hoy su crédito está suspendido: las compras nuevas son de contado hasta que se ponga al día.",
    pay_heading: "Cómo pagar",
    ask_how_to_pay: "Pregunte a su cobrador por los medios de pago.",
    receipts: "Cada pago recibe su recibo numerado; guárdelo.",
    late_heading: "Si un pago se atrasa",
    reminders: |days| {
        if days.is_empty() {
            "No enviamos recordatorios automáticos: su cobrador lo buscará.".to_owned()
        } else {
            let days: Vec<String> = days.iter().map(reminder_day).collect();
            format!("Le recordamos cada vencimiento {}.", listed(&days, "y"))
        }
    },
    contact_rules: "Solo lo contactamos como lo permite la ley:",
    hold_rule: "Si una deuda sigue vencida, podemos suspender su crédito: las compras nuevas serán de contado hasta que se ponga al día.",
    disputes: "Si no está de acuerdo con una factura, díganoslo: la anotamos como reclamo y no se la recordamos mientras la revisamos.",
    costs: "No cobramos recargos por pagar tarde. Solo cobramos gastos de cobranza reales y documentados (mensajería, notaría), con su soporte.",
    interest_heading: "Intereses de mora",
    interest_none: "No cobramos intereses de mora.",
    interest_agreed: |rate, cap| format!("Sobre lo vencido cobramos intereses de mora del {rate} efectivo anual, día a día sobre el capital, nunca sobre intereses y nunca por encima del tope de cada mes: {}.", cap_words(cap)),
    interest_legal: |cap| format!("Sobre lo vencido cobramos intereses de mora a la tasa máxima de cada mes: {}; día a día sobre el capital, nunca sobre intereses.", cap_words(cap)),
};
