use super::day::DayTexts;
use crate::domain::agenda_skip::SkipReason;
use crate::domain::contact::{Channel, Objective, Outcome};
use crate::domain::dispute::DisputeReason;
use crate::domain::escalation::Because;
use crate::domain::payment_plan::PlanProblem;
use crate::domain::plan_progress::InstallmentState;
use crate::domain::priority::Reason;
use crate::domain::promise_outcome::PromiseOutcome;
use crate::domain::step::Step;
use crate::domain::typification::{DelinquencyReason, Risk, Willingness};

fn risk(r: Risk) -> &'static str {
    match r {
        Risk::Low => "Bajo",
        Risk::Medium => "Medio",
        Risk::High => "Alto",
    }
}

fn broken_promises(n: u32) -> String {
    if n == 1 {
        "1 promesa incumplida".to_owned()
    } else {
        format!("{n} promesas incumplidas")
    }
}

fn willingness(w: Willingness) -> &'static str {
    match w {
        Willingness::WillingAndAble => "Quiere y puede",
        Willingness::WillingNotAble => "Quiere pero no puede",
        Willingness::AbleNotWilling => "Puede pero no quiere",
        Willingness::NeitherWillingNorAble => "Ni quiere ni puede",
    }
}

pub static DAY: DayTexts = DayTexts {
    agenda_title: "Agenda de hoy",
    agenda_empty: "No hay nadie por contactar hoy.",
    device_collector: "Cobrador de este dispositivo",
    done_today: "Gestionados hoy",
    skipped_today: "Omitidos hoy",
    points: |n| format!("{n} pts"),
    reason: |r| match r {
        Reason::OverdueShare(p) => format!("{p} % de la cartera vencida"),
        Reason::TopDebtor => "Entre quienes deben el 80 % de lo vencido".to_owned(),
        Reason::DaysOverdue(d) => format!("{d} días de mora"),
        Reason::Risk(r) => format!("Riesgo {}", risk(r).to_lowercase()),
        Reason::BrokenPromises(n) => broken_promises(n),
        Reason::PromiseDueToday => "Promesa de pago para hoy".to_owned(),
        Reason::InstallmentDueToday => "Cuota que vence hoy".to_owned(),
        Reason::FollowUpDue => "Seguimiento programado".to_owned(),
        Reason::PlanInstallmentDueToday => "Cuota del acuerdo de pago hoy".to_owned(),
        Reason::PlanInstallmentOverdue(d) => format!("Cuota del acuerdo atrasada {d} días"),
        Reason::PlanBroken => "Acuerdo de pago incumplido".to_owned(),
        Reason::NotContactedFor(None) => "Nunca contactado".to_owned(),
        Reason::NotContactedFor(Some(d)) => format!("Sin contacto hace {d} días"),
    },
    suggested: "Siguiente paso",
    because: |b| match b {
        Because::NotYetDue => "aún no vence".to_owned(),
        Because::Typified(w, d) => format!("{}, {d} días de mora", willingness(w).to_lowercase()),
        Because::DaysOverdue(d) => format!("{d} días de mora"),
        Because::BrokenPromises(n) => broken_promises(n),
        Because::ChosenByCollector => "elegido por el cobrador".to_owned(),
    },
    step_name: |s| match s {
        Step::Remind => "Recordar",
        Step::RemoveBarriers => "Quitar barreras de pago",
        Step::ObtainCommitment => "Obtener un compromiso",
        Step::Press => "Presionar",
        Step::ChangeConditions => "Cambiar condiciones",
        Step::LawyerLetter => "Carta de abogado",
        Step::LegalAction => "Cobro judicial, castigo o devolución",
    },
    log_contact: "Registrar gestión",
    skip: "Omitir",
    skip_reason: |r| match r {
        SkipReason::NoTime => "No alcancé",
        SkipReason::CustomerAskedForLater => "Pidió que lo llamen otro día",
        SkipReason::OutOfRoute => "Fuera de mi ruta",
        SkipReason::AlreadyHandled => "Ya lo gestionó otra persona",
        SkipReason::Other => "Otro motivo",
    },
    confirm_skip: "Omitir hoy",
    sms: "SMS",
    contact_title: "Nueva gestión",
    channel: "Canal",
    channel_name: |c| match c {
        Channel::Call => "Llamada",
        Channel::WhatsApp => "WhatsApp",
        Channel::Sms => "SMS",
        Channel::Email => "Correo",
        Channel::Visit => "Visita",
        Channel::Letter => "Carta",
    },
    objective: "Objetivo",
    objective_name: |o| match o {
        Objective::Remind => "Recordar",
        Objective::RemoveBarriers => "Quitar barreras de pago",
        Objective::GenerateAction => "Lograr una acción del cliente",
        Objective::Press => "Presionar",
        Objective::ChangeConditions => "Cambiar reglas o condiciones",
        Objective::PreLegalDemand => "Cobro prejurídico (requerimiento escrito)",
        Objective::BureauNotice => "Aviso previo de reporte a centrales",
    },
    outcome: "Resultado",
    outcome_name: |o| match o {
        Outcome::NoAnswer => "No contestó",
        Outcome::WrongNumber => "Número equivocado",
        Outcome::NotAtHome => "No estaba",
        Outcome::Refused => "Se negó a pagar",
        Outcome::Promised => "Prometió pagar",
        Outcome::Paid => "Pagó",
        Outcome::PartialPayment => "Pagó una parte",
        Outcome::DisputeRaised => "Presentó un reclamo",
        Outcome::CallBack => "Pidió que lo llamen después",
        Outcome::MessageSent => "Mensaje enviado",
    },
    promise_amount: "Valor prometido",
    promise_date: "Fecha prometida",
    note: "Nota",
    next_followup: "Próximo seguimiento",
    record_position: "Guardar mi ubicación como prueba de visita",
    broken_promises,
    typify: "Tipificar",
    willingness: "¿Quiere y puede pagar?",
    willingness_name: willingness,
    not_known: "Sin dato",
    risk: "Riesgo",
    risk_name: risk,
    sector: "Sector",
    delinquency_reason: "Motivo del atraso",
    delinquency_name: |r| match r {
        DelinquencyReason::Forgot => "Olvido",
        DelinquencyReason::CashFlow => "Falta de liquidez",
        DelinquencyReason::LostIncome => "Perdió ingresos",
        DelinquencyReason::DisputesInvoice => "No está de acuerdo con la factura",
        DelinquencyReason::NeverReceivedInvoice => "No recibió la factura",
        DelinquencyReason::PaysOthersFirst => "Paga primero a otros",
        DelinquencyReason::Unreachable => "No se deja localizar",
        DelinquencyReason::Other => "Otro",
    },
    next_step: "Siguiente paso",
    step_as_suggested: "El sugerido por la app",
    promise_outcome: |o| match o {
        PromiseOutcome::Pending => "pendiente",
        PromiseOutcome::Kept => "cumplida",
        PromiseOutcome::PartlyKept(_) => "cumplida en parte",
        PromiseOutcome::Broken => "incumplida",
    },
    receipt_title: "Recibo de caja",
    receipt_customer: "Cliente",
    receipt_date: "Fecha",
    receipt_amount: "Valor recibido",
    receipt_balance: "Saldo pendiente",
    share: "Compartir",
    print: "Imprimir",
    close: "Cerrar",
    view_receipt: "Ver recibo",
    unsigned: "sin firma",
    unsigned_title: "Escrito antes de que los dispositivos firmaran su trabajo: no se puede comprobar qué dispositivo lo escribió.",
    void: "Anular",
    void_reason: "Motivo de la anulación",
    confirm_void: "Anular pago",
    timeline_contact: |channel, outcome| format!("{channel}: {outcome}"),
    timeline_void: |reason| format!("Pago anulado: {reason}"),
    timeline_dispute: |reason| format!("Reclamo abierto: {reason}"),
    timeline_plan: |n| format!("Acuerdo de pago en {n} cuotas"),
    timeline_typified: |w| format!("Tipificado: {w}"),
    timeline_skipped: |r| format!("Omitido en la agenda: {r}"),
    visit_proof: "Ubicación registrada",
    open_dispute: "Reclamo",
    dispute_reason: |r| match r {
        DisputeReason::DefectiveProduct => "Producto defectuoso",
        DisputeReason::PoorService => "Mal servicio",
        DisputeReason::DamagedGoods => "Mercancía averiada",
        DisputeReason::WrongItems => "Productos equivocados",
        DisputeReason::PricingError => "Error de precio",
        DisputeReason::MissingDocument => "Falta un documento o el NIT",
    },
    disputed_invoices: "Facturas en reclamo (ninguna marcada: toda la cuenta)",
    disputed_amount: "Valor en reclamo (opcional)",
    owner: "Responsable",
    disputes: "Reclamos abiertos",
    resolve: "Resolver",
    payment_plan: "Acuerdo de pago",
    plan_balance: "Saldo a refinanciar",
    down_payment: "Cuota inicial",
    installments_count: "Número de cuotas",
    frequency: "Frecuencia",
    frequency_choices: ["Semanal", "Quincenal", "Mensual", "Un día fijo de cada mes"],
    day_of_month: "Día del mes",
    first_due: "Primera cuota",
    monthly_rate: "Interés mensual (%)",
    confirm_plan: "Confirmar acuerdo",
    plan_total: "Total a pagar",
    installment_state: |s| match s {
        InstallmentState::Upcoming => "por vencer".to_owned(),
        InstallmentState::DueToday => "vence hoy".to_owned(),
        InstallmentState::Kept => "pagada a tiempo".to_owned(),
        InstallmentState::PaidLate => "pagada tarde".to_owned(),
        InstallmentState::Overdue(d) => format!("atrasada {d} días"),
    },
    plan_broken: "Acuerdo incumplido",
    plan_problem: |p| match p {
        PlanProblem::NothingToFinance => "No hay saldo que refinanciar.",
        PlanProblem::DownPaymentTooLarge => "La cuota inicial debe ser menor que el saldo.",
        PlanProblem::NoInstallments => "El acuerdo necesita al menos una cuota.",
        PlanProblem::TooManyInstallments => "Son demasiadas cuotas (máximo 120).",
        PlanProblem::NegativeRate => "El interés no puede ser negativo.",
        PlanProblem::FirstDueBeforeAgreement => "La primera cuota no puede ser antes de hoy.",
        PlanProblem::BadDayOfMonth => "El día del mes va de 1 a 31.",
    },
    interest: "Interés",
    cash_close: "Cierre de caja",
    receipts_issued: |n| {
        if n == 1 {
            "1 recibo".to_owned()
        } else {
            format!("{n} recibos")
        }
    },
    voided_receipts: |n| {
        if n == 1 {
            "1 anulado".to_owned()
        } else {
            format!("{n} anulados")
        }
    },
    cash_to_hand_over: "Efectivo a entregar",
    collected: "Total recaudado",
    no_receipts: "Este dispositivo aún no ha emitido recibos hoy.",
    by_method: "Por medio de pago",
    disputes_by_reason: "Reclamos por motivo",
    open_count: "Abiertos",
    resolved_count: "Resueltos",
    amount_in_dispute: "Valor en reclamo",
    no_disputes: "No hay reclamos.",
};
