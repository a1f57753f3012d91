//! What belongs to this browser, not to the company's operation log: the interface
//! language, whose agenda it shows, the server login and what it exchanged, and the notices
//! it shows until someone reads them.

use gloo_storage::{LocalStorage, Storage};

use crate::domain::agenda_owner::AgendaOwner;
use crate::domain::app_lock::Attempts;
use crate::domain::outreach::OutreachSettings;

const LANGUAGE_KEY: &str = "cobranza.language";

pub fn language() -> Option<String> {
    LocalStorage::get(LANGUAGE_KEY).ok()
}

pub fn set_language(code: &str) {
    // Losing this preference only means starting in Spanish next time; nothing to report.
    let _ = LocalStorage::set(LANGUAGE_KEY, code);
}

const COLLECTOR_KEY: &str = "cobranza.collector";
/// Marks a salesperson's name in the stored choice; a collector's name is stored bare, as
/// versions before salespeople had agendas wrote it.
const SALESPERSON_MARK: &str = "ventas:";

/// Whose agenda this device shows; everyone's for an owner who collects alone.
pub fn agenda_owner() -> AgendaOwner {
    let stored: String = LocalStorage::get(COLLECTOR_KEY).unwrap_or_default();
    owner_of_key(&stored)
}

pub fn set_agenda_owner(owner: &AgendaOwner) {
    // Losing this preference only means showing everyone's agenda next time.
    let _ = LocalStorage::set(COLLECTOR_KEY, owner_key(owner));
}

/// An agenda's owner as one string: as stored, and as the value of its option in Hoy.
pub fn owner_key(owner: &AgendaOwner) -> String {
    match owner {
        AgendaOwner::Everyone => String::new(),
        AgendaOwner::Collector(name) => name.clone(),
        AgendaOwner::Salesperson(name) => format!("{SALESPERSON_MARK}{name}"),
    }
}

pub fn owner_of_key(key: &str) -> AgendaOwner {
    if key.is_empty() {
        AgendaOwner::Everyone
    } else if let Some(name) = key.strip_prefix(SALESPERSON_MARK) {
        AgendaOwner::Salesperson(name.to_owned())
    } else {
        AgendaOwner::Collector(key.to_owned())
    }
}

const OUTREACH_KEY: &str = "cobranza.outreach";

/// The contact policy, reminder steps and wording an older version kept in this browser;
/// they are the company's now, in the operation log (`ui::session::move_settings_in`).
pub fn kept_outreach() -> Option<OutreachSettings> {
    LocalStorage::get(OUTREACH_KEY).ok()
}

pub fn forget_kept_outreach() {
    LocalStorage::delete(OUTREACH_KEY);
}

const SERVER_KEY: &str = "cobranza.server";

/// The sync server this device logs in to: its address, the user and the database. Never
/// the password: CouchDB's session cookie stands for it, and the browser keeps that.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ServerLogin {
    pub url: String,
    pub user: String,
    pub database: String,
    /// At the office: the route databases its administrator set up, which it keeps up to
    /// date.
    #[serde(default)]
    pub routes: Vec<String>,
}

pub fn server() -> Option<ServerLogin> {
    LocalStorage::get(SERVER_KEY).ok()
}

/// `false` when the browser refused to keep it.
pub fn set_server(login: Option<&ServerLogin>) -> bool {
    match login {
        Some(login) => LocalStorage::set(SERVER_KEY, login).is_ok(),
        None => {
            LocalStorage::delete(SERVER_KEY);
            LocalStorage::delete(EXCHANGES_KEY);
            true
        }
    }
}

const EXCHANGES_KEY: &str = "cobranza.server.exchanges";

/// What this device and one database of its server have exchanged since it connected.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Exchange {
    pub sent: u64,
    pub received: u64,
    /// When a round with this database last ended well.
    pub checked_at_ms: u64,
    /// When something last went either way.
    pub moved_at_ms: Option<u64>,
}

pub fn exchanges() -> std::collections::BTreeMap<String, Exchange> {
    LocalStorage::get(EXCHANGES_KEY).unwrap_or_default()
}

pub fn set_exchanges(exchanges: &std::collections::BTreeMap<String, Exchange>) {
    // Only a record shown in Sincronizar: the operations and checkpoints are in IndexedDB.
    let _ = LocalStorage::set(EXCHANGES_KEY, exchanges);
}

const INTEGRITY_KEY: &str = "cobranza.integrity";

/// How a second version of an operation, or of this device's own history, reached it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Door {
    Bundle,
    Server,
}

/// A second version of an operation this device holds arrived and was refused: shown in
/// Sincronizar until someone says they are looking into it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct IntegrityAlarm {
    pub device: String,
    pub label: Option<String>,
    pub seq: u64,
    pub door: Door,
    pub at_ms: u64,
    /// In the device's name without its signature, rather than another version.
    #[serde(default)]
    pub forged: bool,
}

pub fn integrity_alarm() -> Option<IntegrityAlarm> {
    LocalStorage::get(INTEGRITY_KEY).ok()
}

/// `false` when the browser refused to keep it.
pub fn set_integrity_alarm(alarm: Option<&IntegrityAlarm>) -> bool {
    keep(INTEGRITY_KEY, alarm)
}

const RESTORED_KEY: &str = "cobranza.restored";

/// This device found it had been restored from an older copy and took a new id: shown in
/// Sincronizar until someone has read it.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RestoreNotice {
    pub former: String,
    pub new: String,
    /// The first of the former id's sequence numbers written after the restore point.
    pub from_seq: u64,
    /// How many operations went over to the new id.
    pub moved: usize,
    pub door: Door,
    pub at_ms: u64,
}

pub fn restore_notice() -> Option<RestoreNotice> {
    LocalStorage::get(RESTORED_KEY).ok()
}

/// `false` when the browser refused to keep it.
pub fn set_restore_notice(notice: Option<&RestoreNotice>) -> bool {
    keep(RESTORED_KEY, notice)
}

const LOCK_ATTEMPTS_KEY: &str = "cobranza.lock.attempts";

/// The wrong PIN attempts since the last right one: a reload must not reset the wait.
pub fn lock_attempts() -> Attempts {
    LocalStorage::get(LOCK_ATTEMPTS_KEY).unwrap_or_default()
}

pub fn set_lock_attempts(attempts: Attempts) -> bool {
    keep(
        LOCK_ATTEMPTS_KEY,
        (attempts != Attempts::default()).then_some(&attempts),
    )
}

/// Keeps `value` under `key`, or forgets it; `false` when the browser refused to keep it.
fn keep<T: serde::Serialize>(key: &str, value: Option<&T>) -> bool {
    match value {
        Some(value) => LocalStorage::set(key, value).is_ok(),
        None => {
            LocalStorage::delete(key);
            true
        }
    }
}
