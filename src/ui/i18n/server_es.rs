use super::server::ServerTexts;
use crate::sync::intake::Refused;
use crate::sync::replication::couch::ServerProblem;
use crate::sync::replication::doc::DocProblem;
use crate::sync::replication::replicator::ReplicationProblem;

pub static SERVER: ServerTexts = ServerTexts {
    title: "Servidor de sincronización",
    help: "Con un servidor CouchDB, este dispositivo envía y recibe los cambios solo, cada vez que hay conexión. Sin servidor, los paquetes siguen funcionando igual.",
    url: "Dirección del servidor",
    user: "Usuario",
    password: "Contraseña",
    password_help: "La contraseña no se guarda en el dispositivo: el servidor da una sesión que el navegador conserva.",
    database: "Base de datos",
    test: "Probar conexión",
    connect: "Conectar",
    disconnect: "Desconectar",
    sync_now: "Sincronizar ahora",
    connection_ok: "Conexión correcta: el usuario puede usar esa base de datos.",
    connected_as: |user, database| format!("Conectado como {user} a «{database}»."),
    working: "Conectando…",
    missing_fields: "Escribe la dirección, el usuario, la contraseña y la base de datos.",
    set_up_title: "Preparar el servidor (oficina)",
    set_up_help: "Con el usuario administrador del servidor, crea la base de la oficina y, para cada cobrador con contraseña, su usuario y la base de su ruta; a un cobrador que ya tiene usuario, la contraseña escrita le reemplaza la anterior. Úsalo de nuevo tras actualizar Cobranza: pone al día las rutas ya creadas sin cambiar contraseñas. La contraseña del administrador solo se usa ahora; no se guarda.",
    administrator: "Usuario administrador",
    collector: "Cobrador",
    new_password: "Contraseña nueva",
    set_up: "Crear bases y usuarios",
    set_up_done: |n| if n == 1 { "Listo: la base de la oficina y 1 ruta.".to_owned() } else { format!("Listo: la base de la oficina y {n} rutas.") },
    syncing: "Sincronizando…",
    synced_ago: |minutes| match minutes {
        0 => "Sincronizado hace un momento".to_owned(),
        1 => "Sincronizado hace 1 min".to_owned(),
        m if m < 60 => format!("Sincronizado hace {m} min"),
        m => format!("Sincronizado hace {} h", m / 60),
    },
    unsent: |n| if n == 1 { "1 cambio sin enviar".to_owned() } else { format!("{n} cambios sin enviar") },
    offline: "Sin conexión",
    failed: "Error de sincronización",
    last_round: |received, sent| {
        let changes = |n: usize, one: &str, many: &str| {
            if n == 1 { format!("1 cambio {one}") } else { format!("{n} cambios {many}") }
        };
        format!(
            "Última sincronización: {}, {}.",
            changes(received, "recibido", "recibidos"),
            changes(sent, "enviado", "enviados")
        )
    },
    receiving: |done, total| format!("Recibiendo {done} de {total} cambios…"),
    exchanges_title: "Servidor",
    exchanges_help: "Lo que este dispositivo envió y recibió por el servidor desde que se conectó, por base de datos.",
    column_database: "Base de datos",
    column_sent: "Enviados",
    column_received: "Recibidos",
    column_moved: "Último cambio",
    column_checked: "Última sincronización",
    route_of: |collector| format!("Ruta de {collector}"),
    nothing_yet: "Aún nada",
    problem: |p| match p {
        ReplicationProblem::Server(problem) => server(problem),
        ReplicationProblem::BadDocument { doc, why } => format!(
            "El documento {doc} del servidor no es una operación válida: {}. No se guardó nada de esa página y la sincronización queda en pausa hasta que alguien lo revise.",
            match why {
                DocProblem::Shape(_) => "no tiene la forma de una operación",
                DocProblem::Deleted => "fue borrado en el servidor",
                DocProblem::Edited => "fue modificado después de escrito",
                DocProblem::WrongId => "su identificador no corresponde a su contenido",
            }
        ),
        ReplicationProblem::Refused { doc, why } => format!(
            "La operación {doc} del servidor no cumple una regla: {}. No se guardó nada de esa página y la sincronización queda en pausa hasta que alguien lo revise.",
            match why {
                Refused::Invalid(problem) => super::exchange_es::unacceptable(problem),
                Refused::Repeated => "está repetida",
                Refused::Undeclared => "el servidor no dice tenerla",
                Refused::OwnUnknown => "es de este dispositivo y este no la tiene (¿se restauró una copia de seguridad?)",
                Refused::OtherVersion => "es otra versión de una operación ya guardada aquí (alerta de integridad: el documento fue alterado o su dispositivo repitió sus números)",
                Refused::NotOffice => "cambia los ajustes de la empresa o el rol de un dispositivo, y quien la escribió no es oficina de esta empresa",
                Refused::Unsigned | Refused::BadSignature => "no lleva la firma del dispositivo a cuyo nombre está (alerta de integridad: alguien la escribió en su nombre o la alteró)",
            }
        ),
        ReplicationProblem::Restored { from_seq } => format!(
            "El servidor tiene operaciones de este dispositivo que este no guarda: se restauró desde una copia anterior. Lo escrito desde la operación n.º {from_seq} pasa a un identificador nuevo antes de seguir."
        ),
        ReplicationProblem::Local(error) => (super::es::TEXTS.not_saved)(error).to_owned(),
    },
};

fn server(problem: &ServerProblem) -> String {
    match problem {
        ServerProblem::Unreachable(_) => "No se pudo conectar con el servidor. Revisa la dirección y la conexión; si son correctas, el certificado (HTTPS) o la configuración CORS del servidor no permiten esta aplicación.".to_owned(),
        ServerProblem::Unauthorized => "Usuario o contraseña incorrectos, o la sesión terminó: vuelve a conectar en Ajustes → Servidor.".to_owned(),
        ServerProblem::Forbidden(_) => "Este usuario no tiene acceso a esa base de datos.".to_owned(),
        ServerProblem::NoDatabase => "Esa base de datos no existe en el servidor; la oficina debe crearla.".to_owned(),
        ServerProblem::Missing => "El servidor no encontró lo pedido.".to_owned(),
        ServerProblem::TooLarge => "El servidor rechazó un envío por su tamaño, aun dividido.".to_owned(),
        ServerProblem::Refused { status, reason } => format!("El servidor rechazó la petición ({status}): {reason}"),
        ServerProblem::BadReply(_) => "El servidor respondió algo que no es CouchDB.".to_owned(),
        ServerProblem::TooOld(version) => format!("El servidor es CouchDB {version}; se necesita la versión 2.0 o posterior."),
        ServerProblem::OriginNotAllowed(origin) => format!("Esta instalación de Cobranza no puede conectarse a {origin}: quien la publica debe permitir ese servidor (COBRANZA_SYNC_ORIGIN, ver el README)."),
    }
}
