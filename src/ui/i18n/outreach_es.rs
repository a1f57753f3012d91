use super::outreach::{scope_word, week_text, window_text, OutreachTexts};
use crate::domain::contact::Objective;
use crate::domain::contact_policy::{Detail, Preset, Rule};
use crate::domain::holiday::Country;
use crate::domain::message_template::{MessageKind, TemplateProblem};
use crate::sync::company_settings::SettingField;
use crate::sync::role::Role;

const WEEKDAYS: [&str; 7] = ["lun", "mar", "mié", "jue", "vie", "sáb", "dom"];
const SCOPES: [&str; 4] = [
    "todos los canales",
    "llamadas",
    "llamadas y visitas",
    "mensajes escritos",
];

pub static OUTREACH: OutreachTexts = OutreachTexts {
    timeline_channel_revoked: |channel| format!("El cliente revocó el canal {channel}"),
    channels_title: "Canales autorizados por el cliente",
    channel_revoked_since: |date| format!("No autorizado desde el {date}"),
    channel_authorized: "Autorizado",
    revoke: "Revocar",
    authorize_again: "Autorizar de nuevo",
    blocked: "No permitido ahora",
    detail: |detail, fmt| match detail {
        Detail::ChannelRevoked => "el cliente pidió no ser contactado por este canal".to_owned(),
        Detail::OutsideHours(Some(window)) => {
            format!("fuera del horario permitido ({})", window_text(window))
        }
        Detail::OutsideHours(None) => "hoy no se permite contactar".to_owned(),
        Detail::Holiday(name) if name.is_empty() => {
            "día no hábil fijado por la empresa".to_owned()
        }
        Detail::Holiday(name) => format!("festivo: {name}"),
        Detail::CapReached { count } => {
            format!("ya hubo {count} contacto(s) en el periodo que permite la norma")
        }
        Detail::TooSoonAfter(day) => format!(
            "el último mensaje escrito fue el {}; deben ir separados",
            fmt.date(*day)
        ),
        Detail::PausedAfterConversation(day) => format!(
            "se habló con el cliente por este canal el {}; debe esperar",
            fmt.date(*day)
        ),
        Detail::VisitToConsumer { known: true } => {
            "visita de cobro a la casa o el trabajo de una persona natural sin su autorización".to_owned()
        }
        Detail::VisitToConsumer { known: false } => {
            "no se sabe si es persona natural o jurídica (indíquelo en la ficha): se protege como persona natural, y visitarla requiere su autorización".to_owned()
        }
    },
    allowed_from: |when| format!("Permitido desde {when}"),
    until_authorized: "Hasta que el cliente lo autorice de nuevo",
    visit_opens: |n| format!("Hasta que el cliente autorice visitas (en su ficha) o fallen {n} intentos seguidos por otros canales"),
    override_contact: "Contactar de todas formas",
    override_reason: "Motivo de la excepción (queda registrado)",
    override_recorded: |reason| format!("Excepción a la política: {reason}"),
    override_note: "Escriba el motivo para habilitar los botones.",
    debtor_time: |time| format!("Hora del cliente: {time}"),
    reminders_title: "Recordatorios de hoy",
    reminders_empty: "No hay recordatorios pendientes hoy.",
    step_name: |step| match step {
        None => "Estado de cuenta".to_owned(),
        Some(0) => "Día del vencimiento".to_owned(),
        Some(days) if days < 0 => format!("{} días antes del vencimiento", -days),
        Some(days) => format!("{days} días después del vencimiento"),
    },
    was_it_sent: "¿Se envió el mensaje?",
    yes_sent: "Sí, se envió",
    not_sent: "No se envió",
    share: "Compartir",
    outreach_title: "Recordatorios y contacto",
    company: "Nombre de la empresa (firma de los mensajes)",
    payment_methods: "Medios de pago, como los leerán los clientes",
    company_tax_id: "NIT de la empresa (para las cartas de cobro)",
    company_address: "Dirección de la empresa (para las cartas de cobro)",
    policy_title: "Política de contacto",
    preset: "Norma",
    preset_name: |preset| match preset {
        Preset::Colombia => "Colombia — Ley 2300 de 2023",
        Preset::Chile => "Chile — Ley 19.496, art. 37",
        Preset::Peru => "Perú — Código de Protección al Consumidor, art. 62",
        Preset::Mexico => "México — CONDUSEF",
        Preset::Ecuador => "Ecuador",
        Preset::UnitedStates => "Estados Unidos — Regulation F",
        Preset::Custom => "Personalizada",
    },
    time_zone: "Zona horaria de los clientes",
    time_zone_unknown: "Zona horaria desconocida: use un nombre como America/Bogota.",
    holidays_of: "Festivos de",
    no_holidays: "Ninguno",
    country_name: |country| match country {
        Country::Colombia => "Colombia",
        Country::Chile => "Chile",
        Country::Peru => "Perú",
        Country::Mexico => "México",
        Country::Ecuador => "Ecuador",
        Country::UnitedStates => "Estados Unidos",
    },
    rule_text: |rule| match rule {
        Rule::Hours { scope, week } => format!(
            "Horario ({}): {}",
            scope_word(*scope, SCOPES),
            week_text(week, WEEKDAYS, "sin contacto")
        ),
        Rule::NoHolidays { scope } => {
            format!("Nunca en festivos ({})", scope_word(*scope, SCOPES))
        }
        Rule::Cap { scope, max, days: 1 } => {
            format!("Máximo {max} contacto(s) al día ({})", scope_word(*scope, SCOPES))
        }
        Rule::Cap { scope, max, days } => format!(
            "Máximo {max} contacto(s) en {days} días ({})",
            scope_word(*scope, SCOPES)
        ),
        Rule::Spacing { scope, days } => format!(
            "Al menos {days} días entre uno y otro ({})",
            scope_word(*scope, SCOPES)
        ),
        Rule::PauseAfterConversation { scope, days } => format!(
            "Tras hablar con el cliente, ese canal descansa {days} días ({})",
            scope_word(*scope, SCOPES)
        ),
        Rule::AuthorizedChannelsOnly => {
            "Solo por los canales que el cliente autorizó; una revocación se respeta en toda la app"
                .to_owned()
        }
        Rule::DebtorOnly => {
            "Solo al deudor, nunca a referencias ni familiares: la app guarda solo sus datos"
                .to_owned()
        }
        Rule::ConsumerVisits => {
            "Sin visitas de cobro a la casa o el trabajo de una persona natural, salvo que las autorice o que fallen los otros canales; el local de una empresa sí se puede visitar"
                .to_owned()
        }
    },
    source: "Fuente",
    weekdays: WEEKDAYS,
    closed: "Sin contacto",
    maximum: "Máximo",
    days: "Días",
    extra_holidays: "Días no hábiles adicionales (elecciones, puentes decretados)",
    add_date: "Agregar día",
    remove: "Quitar",
    holidays_this_year: |year| format!("Festivos {year}"),
    restore_law: "Restaurar los valores de la norma",
    reminder_steps: "Pasos de recordatorio",
    step_days: "Días respecto al vencimiento (negativo: antes)",
    add_step: "Agregar paso",
    consolidated: "Un estado de cuenta por cliente en lugar de un mensaje por factura",
    templates_title: "Plantillas de mensajes",
    placeholders_help: "Puede usar {cliente}, {monto}, {moneda}, {vence}, {dias_vencido}, {facturas}, {detalle}, {medios_pago}, {empresa}, {cobrador}, {intereses} (intereses de mora, aparte) y {total_con_intereses}.",
    kind_name: |kind| match kind {
        MessageKind::Reminder(0) => "Recordatorio: día del vencimiento".to_owned(),
        MessageKind::Reminder(days) if days < 0 => {
            format!("Recordatorio: {} días antes", -days)
        }
        MessageKind::Reminder(days) => format!("Recordatorio: {days} días después"),
        MessageKind::Statement => "Estado de cuenta".to_owned(),
        MessageKind::ThankYou => "Agradecimiento por el pago".to_owned(),
        MessageKind::Recognition => "Reconocimiento al buen pagador".to_owned(),
        MessageKind::Objective(objective) => format!(
            "Gestión: {}",
            match objective {
                Objective::Remind => "recordar",
                Objective::RemoveBarriers => "quitar barreras de pago",
                Objective::GenerateAction => "generar una acción",
                Objective::Press => "presionar",
                Objective::ChangeConditions => "cambiar condiciones",
                Objective::PreLegalDemand => "cobro prejurídico",
                Objective::BureauNotice => "aviso previo de reporte a centrales",
            }
        ),
    },
    default_template: |kind| match kind {
        MessageKind::Reminder(0) => "Hola {cliente}, le saludamos de {empresa}. Hoy {vence} vence su factura {facturas} por $ {monto} {moneda}. Puede pagar por {medios_pago}. Si ya pagó, por favor ignore este mensaje. ¡Gracias!",
        MessageKind::Reminder(days) if days < 0 => "Hola {cliente}, le saludamos de {empresa}. Le recordamos que su factura {facturas} por $ {monto} {moneda} vence el {vence}. Puede pagar por {medios_pago}. ¡Gracias por su confianza!",
        MessageKind::Reminder(_) => "Hola {cliente}, su factura {facturas} por $ {monto} {moneda} venció el {vence} y lleva {dias_vencido} días de atraso. Le pedimos ponerse al día por {medios_pago} o responder este mensaje para acordar una fecha. {cobrador}, {empresa}.",
        MessageKind::Statement => "Hola {cliente}, este es su estado de cuenta con {empresa}:\n{detalle}\nTotal pendiente: $ {monto} {moneda}. Puede pagar por {medios_pago}. Cualquier duda, responda este mensaje. {cobrador}",
        MessageKind::ThankYou => "¡Gracias por su pago, {cliente}! Recibimos $ {monto} {moneda}. {empresa}",
        MessageKind::Recognition => "Hola {cliente}, en {empresa} queremos agradecerle: este periodo pagó todas sus facturas a tiempo. Clientes como usted hacen posible nuestro trabajo. ¡Gracias por su confianza! {cobrador}",
        MessageKind::Objective(Objective::Remind) => "Hola {cliente}, le escribe {cobrador} de {empresa}. Le recordamos su saldo pendiente de $ {monto} {moneda}. ¿Nos confirma cuándo puede pagar?",
        MessageKind::Objective(Objective::RemoveBarriers) => "Hola {cliente}, queremos facilitarle el pago de su saldo de $ {monto} {moneda}. Puede pagar por {medios_pago}. Si necesita otro medio o una copia de la factura, respóndanos y lo resolvemos. {cobrador}, {empresa}.",
        MessageKind::Objective(Objective::GenerateAction) => "Hola {cliente}, su saldo de $ {monto} {moneda} lleva {dias_vencido} días vencido. ¿Podemos acordar hoy una fecha de pago? {cobrador}, {empresa}.",
        MessageKind::Objective(Objective::Press) => "Hola {cliente}, su saldo de $ {monto} {moneda} sigue pendiente después de {dias_vencido} días. Necesitamos su pago o un acuerdo esta semana para mantener su crédito activo. {cobrador}, {empresa}.",
        MessageKind::Objective(Objective::ChangeConditions) => "Hola {cliente}, por el atraso de {dias_vencido} días en su saldo de $ {monto} {moneda}, sus próximas compras serán de contado hasta ponerse al día. Podemos ofrecerle un plan de pagos: respóndanos y lo conversamos. {cobrador}, {empresa}.",
        MessageKind::Objective(Objective::PreLegalDemand) => "Señor(a) {cliente}: {empresa} le requiere formalmente el pago de $ {monto} {moneda}, vencido hace {dias_vencido} días (facturas {facturas}). Si no paga o acuerda el pago dentro de los cinco días hábiles siguientes, iniciaremos el cobro judicial, con los intereses y gastos que la ley permita. Puede pagar por {medios_pago}. {cobrador}, {empresa}.",
        MessageKind::Objective(Objective::BureauNotice) => "Señor(a) {cliente}: le informamos que su obligación con {empresa} por $ {monto} {moneda} está en mora desde hace {dias_vencido} días. Si dentro de los 20 días calendario siguientes a este aviso no paga ni presenta un reclamo, será reportada a las centrales de información crediticia, como usted lo autorizó (Ley 1266 de 2008, art. 12). Puede pagar por {medios_pago}. {cobrador}, {empresa}.",
    },
    preview: "Vista previa",
    template_problem: |problem| match problem {
        TemplateProblem::UnknownPlaceholder(name) => {
            format!("No existe el campo {{{name}}}: revise cómo está escrito.")
        }
        TemplateProblem::Unclosed => "Falta cerrar una llave «}».".to_owned(),
        TemplateProblem::InterestUnknown => "Los intereses de mora no se pueden calcular (falta una tasa certificada): mientras tanto sale el texto por defecto.".to_owned(),
    },
    threat_warning: |words| format!(
        "Evite amenazas o afirmaciones legales que no sean ciertas ({words}): un mensaje respetuoso cobra más y evita sanciones."
    ),
    restore_default: "Volver al texto original",
    company_set_by_office: |who, when| format!(
        "Los ajustes de la empresa los pone la oficina; aquí solo se consultan. Último cambio: «{who}», {when}."
    ),
    company_awaits_office: "Los ajustes de la empresa los pone la oficina; este teléfono usa los que tenía hasta que lleguen los de la oficina con su paquete o por el servidor.",
    company_will_be_office: "Al guardar un ajuste, este dispositivo queda como la oficina de la empresa: sus ajustes llegan a todos los dispositivos, y los de los cobradores solo se consultan.",
    company_is_office: "Este dispositivo es una oficina de la empresa: sus cambios llegan a todos los dispositivos con el próximo paquete o por el servidor.",
    settings_history: "Historial de ajustes",
    settings_history_empty: "Nadie ha cambiado aún los ajustes de la empresa.",
    settings_change: |who, when, what| format!("«{who}», {when}: {what}"),
    setting_field: |field| match field {
        SettingField::Policy => "política de contacto".to_owned(),
        SettingField::DaysOff => "días no hábiles adicionales".to_owned(),
        SettingField::Reminders => "pasos de recordatorio".to_owned(),
        SettingField::Template(kind) => format!("texto «{}»", (OUTREACH.kind_name)(kind)),
        SettingField::Company => "nombre de la empresa".to_owned(),
        SettingField::PaymentMethods => "formas de pago".to_owned(),
        SettingField::CompanyTaxId => "NIT de la empresa".to_owned(),
        SettingField::CompanyAddress => "dirección de la empresa".to_owned(),
        SettingField::Aging => "tramos de antigüedad".to_owned(),
        SettingField::Interest => "intereses de mora".to_owned(),
        SettingField::CertifiedRates => "tasas certificadas".to_owned(),
        SettingField::MinimumWages => "salarios mínimos".to_owned(),
        SettingField::Lock => "bloqueo de la app".to_owned(),
    },
    role_name: |role| match role {
        Some(Role::Office) => "Oficina",
        Some(Role::Collector) | None => "Cobrador",
    },
    make_role: |role| match role {
        Role::Office => "Hacer oficina",
        Role::Collector => "Hacer cobrador",
    },
    column_role: "Rol",
    this_device_role: "Rol de este dispositivo",
    aging_buckets: "Tramos de antigüedad (días)",
    aging_buckets_hint: "Límites de cada tramo, desde 0 (por vencer), separados por comas: 0, 30, 60, 90, 120.",
    aging_buckets_invalid: "Escriba límites que suban desde 0, separados por comas (hasta 12, de no más de 3650 días).",
};
