use super::server::ServerTexts;
use crate::sync::intake::Refused;
use crate::sync::replication::couch::ServerProblem;
use crate::sync::replication::doc::DocProblem;
use crate::sync::replication::replicator::ReplicationProblem;

pub static SERVER: ServerTexts = ServerTexts {
    title: "Sync server",
    help: "With a CouchDB server, this device sends and receives changes by itself whenever there is a connection. Without one, bundles work as before.",
    url: "Server address",
    user: "User",
    password: "Password",
    password_help: "The password is not kept on the device: the server gives a session the browser keeps.",
    database: "Database",
    test: "Test connection",
    connect: "Connect",
    disconnect: "Disconnect",
    sync_now: "Sync now",
    connection_ok: "Connection works: the user may use that database.",
    connected_as: |user, database| format!("Connected as {user} to “{database}”."),
    working: "Connecting…",
    missing_fields: "Write the address, the user, the password and the database.",
    set_up_title: "Set up the server (office)",
    set_up_help: "With the server's administrator user, create the office's database and, for each collector given a password, their user and their route's database; for a collector who already has a user, the password typed replaces theirs. Run it again after updating Cobranza: it brings the routes already set up up to date without changing passwords. The administrator's password is used now only; it is not kept.",
    administrator: "Administrator user",
    collector: "Collector",
    new_password: "New password",
    set_up: "Create databases and users",
    set_up_done: |n| if n == 1 { "Done: the office's database and 1 route.".to_owned() } else { format!("Done: the office's database and {n} routes.") },
    syncing: "Syncing…",
    synced_ago: |minutes| match minutes {
        0 => "Synced just now".to_owned(),
        1 => "Synced 1 min ago".to_owned(),
        m if m < 60 => format!("Synced {m} min ago"),
        m => format!("Synced {} h ago", m / 60),
    },
    unsent: |n| if n == 1 { "1 change not sent".to_owned() } else { format!("{n} changes not sent") },
    offline: "Offline",
    failed: "Sync error",
    last_round: |received, sent| {
        let changes = |n: usize| if n == 1 { "1 change".to_owned() } else { format!("{n} changes") };
        format!("Last sync: {} received, {} sent.", changes(received), changes(sent))
    },
    receiving: |done, total| format!("Receiving {done} of {total} changes…"),
    exchanges_title: "Server",
    exchanges_help: "What this device sent and received through the server since it connected, by database.",
    column_database: "Database",
    column_sent: "Sent",
    column_received: "Received",
    column_moved: "Last change",
    column_checked: "Last sync",
    route_of: |collector| format!("{collector}'s route"),
    nothing_yet: "Nothing yet",
    problem: |p| match p {
        ReplicationProblem::Server(problem) => server(problem),
        ReplicationProblem::BadDocument { doc, why } => format!(
            "The server's document {doc} is not a valid operation: {}. Nothing of that page was stored, and sync is paused until someone looks.",
            match why {
                DocProblem::Shape(_) => "it is not shaped as an operation",
                DocProblem::Deleted => "it was deleted on the server",
                DocProblem::Edited => "it was changed after it was written",
                DocProblem::WrongId => "its id does not match its content",
            }
        ),
        ReplicationProblem::Refused { doc, why } => format!(
            "The server's operation {doc} breaks a rule: {}. Nothing of that page was stored, and sync is paused until someone looks.",
            match why {
                Refused::Invalid(problem) => super::exchange_en::unacceptable(problem),
                Refused::Repeated => "it is repeated",
                Refused::Undeclared => "the server does not claim it",
                Refused::OwnUnknown => "it is this device's and this device does not hold it (was a backup restored?)",
                Refused::OtherVersion => "it is another version of an operation already stored here (integrity alert: the document was altered or its device reused its numbers)",
                Refused::NotOffice => "it changes the company's settings or a device's role, and its writer is not an office of this company",
                Refused::Unsigned | Refused::BadSignature => "it does not carry the signature of the device it names (integrity alert: someone wrote it in that device's name, or altered it)",
            }
        ),
        ReplicationProblem::Restored { from_seq } => format!(
            "The server holds operations of this device that it does not store: it was restored from an older copy. What it wrote from operation no. {from_seq} on goes over to a new id before anything more is exchanged."
        ),
        ReplicationProblem::Local(error) => (super::en::TEXTS.not_saved)(error).to_owned(),
    },
};

fn server(problem: &ServerProblem) -> String {
    match problem {
        ServerProblem::Unreachable(_) => "Could not reach the server. Check the address and the connection; if they are right, the server's certificate (HTTPS) or its CORS settings do not allow this app.".to_owned(),
        ServerProblem::Unauthorized => "Wrong user or password, or the session ended: connect again in Settings → Sync server.".to_owned(),
        ServerProblem::Forbidden(_) => "This user has no access to that database.".to_owned(),
        ServerProblem::NoDatabase => "That database does not exist on the server; the office must create it.".to_owned(),
        ServerProblem::Missing => "The server did not find what was asked.".to_owned(),
        ServerProblem::TooLarge => "The server refused a request for its size, even split.".to_owned(),
        ServerProblem::Refused { status, reason } => format!("The server refused the request ({status}): {reason}"),
        ServerProblem::BadReply(_) => "The server answered something that is not CouchDB.".to_owned(),
        ServerProblem::TooOld(version) => format!("The server is CouchDB {version}; version 2.0 or later is needed."),
        ServerProblem::OriginNotAllowed(origin) => format!("This installation of Cobranza may not connect to {origin}: whoever hosts it must allow that server (COBRANZA_SYNC_ORIGIN, see the README)."),
    }
}
