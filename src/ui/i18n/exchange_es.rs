use super::exchange::{runs_text, ExchangeTexts};
use crate::sync::bundle::problem::BundleProblem;
use crate::sync::op_check::{FieldProblem, OpProblem};

pub static EXCHANGE: ExchangeTexts = ExchangeTexts {
    export_title: "Enviar un paquete",
    kind_full: "Completo: todo lo que tiene este dispositivo",
    kind_delta: "Solo lo nuevo para un dispositivo",
    kind_route: "Ruta de un cobrador: sus clientes con su historial",
    for_device: "Para",
    for_collector: "Cobrador",
    no_peers: "Aún no se ha recibido ningún paquete de otro dispositivo.",
    no_collectors: "Ningún cliente tiene cobrador asignado.",
    passphrase: "Contraseña (opcional)",
    passphrase_again: "Repite la contraseña",
    passphrase_help: "Con contraseña el archivo va cifrado (AES-256); quien lo reciba necesita la misma contraseña.",
    passphrases_differ: "Las dos contraseñas no coinciden.",
    passphrase_too_short: "La contraseña debe tener al menos 8 caracteres.",
    create_bundle: "Crear paquete",
    working: "Preparando…",
    bundle_ready: |count, sealed| {
        let ops = if count == 1 { "1 operación".to_owned() } else { format!("{count} operaciones") };
        if sealed {
            format!("Paquete listo y cifrado: {ops}.")
        } else {
            format!("Paquete listo: {ops}.")
        }
    },
    export_failed: |detail| format!("No se pudo crear el paquete; no se guardó ningún archivo sin cifrar. Detalle: {detail}"),
    file_kind_full: "completo",
    file_kind_for: "para",
    file_kind_route: "ruta",
    file_sealed: "cifrado",
    import_title: "Recibir un paquete",
    import_help: "Elige el archivo .json que te enviaron por WhatsApp, correo o USB. Se revisa entero antes de guardar nada.",
    bundle_file: "Archivo de intercambio (.json)",
    sealed_asks: "Este paquete está cifrado. Escribe la contraseña con la que se creó.",
    open_sealed: "Abrir",
    imported_from: |label| format!("Paquete de «{label}» importado."),
    nothing_new: "No había nada nuevo: este paquete ya estaba importado.",
    column_device: "Dispositivo",
    column_added: "Nuevas",
    column_already: "Ya estaban",
    conflicts_title: |n| if n == 1 {
        "1 cambio simultáneo resuelto".to_owned()
    } else {
        format!("{n} cambios simultáneos resueltos")
    },
    conflict_kept: "Queda",
    conflict_overwritten: "Reemplazado",
    field_name: |field| match field {
        "name" => "nombre",
        "tax_id" => "NIT / documento",
        "phones" => "teléfonos",
        "email" => "correo",
        "address" => "dirección",
        "city" => "ciudad",
        "collector" => "cobrador",
        "notes" => "notas",
        "location" => "ubicación",
        "customer" => "cliente",
        "issued_on" => "fecha de emisión",
        "terms" => "valor y vencimiento",
        _ => "campo",
    },
    future_flag: |label, count, when| {
        format!("Atención: {count} operaciones de «{label}» tienen fecha futura ({when}). Revisa la fecha y hora de ese teléfono.")
    },
    problem,
    refused: "No se importó nada; los datos guardados no cambiaron.",
    devices_title: "Dispositivos",
    this_device_mark: "(este)",
    column_key: "Clave",
    no_key: "sin publicar",
    column_last_bundle: "Último paquete recibido",
    column_held: "Operaciones suyas aquí",
    never: "nunca",
    accepted_by: |by| format!("Aceptado por «{by}»"),
    accept: "Aceptar en la empresa",
    accept_hint: "Antes, compara la clave con la que ve esa persona en su Sincronizar (por teléfono o en persona). Desde entonces, todos los dispositivos exigen esa clave a ese dispositivo.",
    not_accepted: "Sin aceptar por la oficina",
    integrity_title: "Alerta de integridad",
    integrity_text: |who, seq, server, when| format!(
        "El {when} llegó {} otra versión de la operación n.º {seq} de «{who}», distinta de la que este dispositivo guarda. Una operación no cambia nunca: alguien alteró un archivo o un documento, o ese dispositivo repitió sus números (¿se restauró una copia de seguridad?). No se guardó nada de lo que la traía. Revisa con esa persona antes de seguir.",
        if server { "por el servidor" } else { "en un paquete" }
    ),
    integrity_forged_text: |who, seq, server, when| format!(
        "El {when} llegó {} la operación n.º {seq} a nombre de «{who}» sin la firma de ese dispositivo. Cada dispositivo firma lo que escribe: alguien la escribió en su nombre o la alteró después. No se guardó nada de lo que la traía. Revisa con esa persona antes de seguir.",
        if server { "por el servidor" } else { "en un paquete" }
    ),
    integrity_acknowledge: "Entendido, lo reviso",
    restored_title: "Este dispositivo se restauró desde una copia anterior",
    restored_text: |moved, from_seq, server, when| format!(
        "El {when} {} tiene operaciones de este dispositivo que aquí faltan o son distintas: sus datos se restauraron desde una copia anterior y empezó a repetir números de operación. Para que ningún número signifique dos cosas, desde ahora escribe con un identificador nuevo. {} No se perdió nada: lo anterior a la copia sigue igual y lo que falta llega con la próxima sincronización.",
        if server { "el servidor mostró que" } else { "un paquete mostró que su remitente" },
        match moved {
            0 => "No había escrito nada después de la restauración.".to_owned(),
            1 => format!("La operación escrita después de la restauración (desde la n.º {from_seq}) pasó al identificador nuevo."),
            n => format!("Las {n} operaciones escritas después de la restauración (desde la n.º {from_seq}) pasaron al identificador nuevo."),
        }
    ),
    restored_ids: |former, new| format!("Identificador anterior: {former} · nuevo: {new}"),
    restored_acknowledge: "Entendido",
    unknown_device: "sin nombre",
};

fn problem(problem: &BundleProblem) -> String {
    match problem {
        BundleProblem::Empty => "El archivo está vacío.".into(),
        BundleProblem::TooLarge { bytes } => format!(
            "El archivo pesa {} MB: ningún paquete es tan grande.",
            bytes / (1024 * 1024)
        ),
        BundleProblem::NotJson { line, column } => format!(
            "Este archivo no es un paquete de Cobranza: no es texto JSON (línea {line}, columna {column})."
        ),
        BundleProblem::Truncated { line, column } => format!(
            "El paquete está incompleto: se cortó al enviarlo o guardarlo (termina en la línea {line}, columna {column}). Pide que lo envíen de nuevo."
        ),
        BundleProblem::TooDeep { line, column } => format!(
            "El archivo tiene una estructura anidada demasiado profunda (línea {line}, columna {column}): no es un paquete de Cobranza."
        ),
        BundleProblem::Foreign => "Este archivo no es un paquete de Cobranza.".into(),
        BundleProblem::TooNew { version } => format!(
            "Este paquete es de una versión más nueva de Cobranza (formato {version}). Actualiza la aplicación para abrirlo."
        ),
        BundleProblem::Shape { line, column, detail } => format!(
            "Al paquete le falta una parte o tiene un dato de otro tipo (línea {line}, columna {column}). Detalle: {detail}"
        ),
        BundleProblem::Checksum => "El paquete fue modificado o se dañó: sus operaciones no coinciden con su suma de verificación (SHA-256).".into(),
        BundleProblem::OpShape { index, detail } => format!(
            "La operación n.º {index} del paquete no se puede leer. Detalle: {detail}"
        ),
        BundleProblem::BadOp { index, id, problem } => format!(
            "La operación n.º {index} ({id}) no es válida: {}.",
            op_problem(problem)
        ),
        BundleProblem::BadLabel { device } => format!(
            "El nombre del dispositivo {device} no es válido (vacío, muy largo o con marcas HTML)."
        ),
        BundleProblem::Repeated { id } => format!("La operación {id} aparece dos veces en el paquete."),
        BundleProblem::Undeclared { id } => format!(
            "La operación {id} no figura entre las que el remitente dice tener: el paquete fue alterado."
        ),
        BundleProblem::BadHolds => "La lista de operaciones del remitente está desordenada o repetida: el paquete fue alterado.".into(),
        BundleProblem::OwnOpsUnknown { first } => format!(
            "El paquete trae operaciones de este mismo dispositivo que no están guardadas aquí ({first}). No se importa para no mezclar datos."
        ),
        BundleProblem::RestoredUnclear { label } => format!(
            "«{label}» tiene más operaciones de este mismo dispositivo que las guardadas aquí: este dispositivo se restauró desde una copia anterior. El archivo no trae lo suficiente para saber qué se escribió aquí después de la restauración. No se importó nada: pide a «{label}» un paquete «Completo» (Sincronizar → Enviar un paquete) e impórtalo; este dispositivo pasará entonces a un identificador nuevo sin perder nada."
        ),
        BundleProblem::OtherVersion { device, label, seq } => format!(
            "Alerta de integridad: el paquete trae otra versión de una operación ya guardada, la n.º {seq} de «{}» ({device}). Una operación no cambia nunca: o el archivo fue alterado, o ese dispositivo repitió sus números (¿se restauró una copia de seguridad?). No se importó nada; revisa con quien lo envió.",
            label.as_deref().unwrap_or(&device.0)
        ),
        BundleProblem::NotSigned { device, label, seq } => format!(
            "Alerta de integridad: el paquete trae la operación n.º {seq} a nombre de «{}» ({device}) sin la firma de ese dispositivo. Alguien la escribió en su nombre o la alteró después de firmada. No se importó nada; revisa con quien lo envió.",
            label.as_deref().unwrap_or(&device.0)
        ),
        BundleProblem::NotOffice { device, label } => format!(
            "Este paquete cambia los ajustes de la empresa, o dice qué es un dispositivo, en nombre de «{}» ({device}), que no es oficina de esta empresa. Solo la oficina cambia los ajustes y los roles. No se importó nada.",
            label.as_deref().unwrap_or(&device.0)
        ),
        BundleProblem::Gap { device, label, missing } => {
            let who = label.clone().unwrap_or_else(|| device.0.clone());
            format!(
                "Faltan operaciones de «{who}» ({}) que este paquete da por recibidas: importa antes el paquete anterior o pide un paquete completo.",
                runs_text(missing)
            )
        }
        BundleProblem::WrongPassphrase => "La contraseña no es correcta, o el archivo cifrado fue modificado.".into(),
        BundleProblem::BadEnvelope => "El paquete cifrado está dañado o usa un cifrado que esta aplicación no acepta.".into(),
    }
}

/// What to tell a person who typed or imported something no operation may carry.
pub(super) fn unacceptable(problem: &OpProblem) -> &'static str {
    match problem {
        OpProblem::Field {
            problem: FieldProblem::Markup,
            ..
        } => "Los textos no pueden llevar marcas HTML ni código (como <b> o <script>).",
        OpProblem::Field {
            problem: FieldProblem::ControlCharacter,
            ..
        } => "Un texto tiene caracteres de control invisibles; escríbelo de nuevo.",
        OpProblem::Field {
            problem: FieldProblem::TooLong { .. },
            ..
        } => "Un texto es demasiado largo (nombres hasta 200 caracteres, notas hasta 2.000).",
        OpProblem::Field {
            problem: FieldProblem::TooLarge | FieldProblem::TooManyDecimals,
            ..
        } => "Un valor es demasiado grande o tiene demasiados decimales.",
        OpProblem::Field {
            problem: FieldProblem::DateOutOfRange,
            ..
        } => "Una fecha está fuera de 1900–2200.",
        _ => "Un dato no se puede guardar: revisa los campos.",
    }
}

fn op_problem(problem: &OpProblem) -> String {
    match problem {
        OpProblem::ZeroSequence => "su número de secuencia es 0".into(),
        OpProblem::StampOfAnotherDevice => "su marca de tiempo es de otro dispositivo".into(),
        OpProblem::ImpossibleStamp => "su fecha es imposible (después del año 3000)".into(),
        OpProblem::Field { field, problem } => {
            let what = match problem {
                FieldProblem::Empty => "está vacío".to_owned(),
                FieldProblem::TooLong { max } => format!("tiene más de {max} caracteres"),
                FieldProblem::ControlCharacter => "tiene caracteres de control".into(),
                FieldProblem::Markup => {
                    "contiene marcas HTML o código (por ejemplo <script>)".into()
                }
                FieldProblem::NotPositive => "debe ser mayor que cero".into(),
                FieldProblem::Negative => "es negativo".into(),
                FieldProblem::TooLarge => "es demasiado grande".into(),
                FieldProblem::TooManyDecimals => "tiene demasiados decimales".into(),
                FieldProblem::DateOutOfRange => "tiene una fecha fuera de 1900–2200".into(),
                FieldProblem::OffTheGlobe => "no es una posición en el globo".into(),
                FieldProblem::Terms(_) => {
                    "no cuadra: las cuotas no suman el valor o no son positivas".into()
                }
                FieldProblem::Plan(_) => "no forma un acuerdo de pago válido".into(),
                FieldProblem::NotAKey => "no es una clave pública P-256".into(),
                FieldProblem::NotASignedRun => "no es una firma de operaciones legible".into(),
            };
            format!("el campo «{field}» {what}")
        }
    }
}
