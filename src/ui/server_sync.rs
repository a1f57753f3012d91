//! This device's sync with its CouchDB server, when one is set: it runs by itself on start,
//! after every save, when the browser comes back online, and while the app is open when the
//! server says one of its databases changed (a longpoll on `_changes` of each, up to three;
//! every half minute when there are more); one round at a time, a round asked for
//! meanwhile runs right after. A failure the network may mend is tried again on PouchDB's
//! backoff curve; one a person must look at (a refused document, a login needed) pauses sync
//! until they do. The screen never waits on it.
//!
//! The office's device, logged in to the office's database, also keeps each collector's route
//! database up to date: it sends there what a route bundle would carry, and takes the
//! collector's work from there.

use std::collections::{BTreeMap, BTreeSet};

use leptos::prelude::*;

use super::alert::Alert;
use super::browser;
use super::i18n::SyncProblem;
use super::session::{Phase, Session};
use crate::store::couch_fetch::Fetch;
use crate::store::error::StoreError;
use crate::store::settings::{self, Door, Exchange, ServerLogin};
use crate::store::signature_check::first_forged;
use crate::sync::bundle::export;
use crate::sync::hlc::DeviceId;
use crate::sync::intake::{admit, Admitted, Refused};
use crate::sync::op::{Op, OpId};
use crate::sync::replication::backoff::next_wait;
use crate::sync::replication::checkpoint::Checkpoint;
use crate::sync::replication::couch::{log_in, probe, Database, Heard, ServerProblem};
use crate::sync::replication::device_owners::{self, Owners, RouteUsers};
use crate::sync::replication::doc::op_id;
use crate::sync::replication::replicator::{replicate, Local, ReplicationProblem, Round, Sizes};
use crate::sync::replication::setup::{self, Access, DESIGN, OFFICE_DATABASE};
use crate::sync::restore::{judge, OwnHistory};
use crate::sync::signed_run::SignatureCheck;
use crate::sync::version_vector::VersionVector;

/// How often an open app looks for news on the server, when it cannot wait for them.
const EVERY_MS: u32 = 30_000;

/// How long the server is asked to hold a longpoll: under what proxies allow an idle request.
const LONGPOLL_MS: u32 = 25_000;

/// How many databases an open app waits on at once. A browser opens six connections to one
/// server over HTTP/1.1; the longpolls hold at most half of them, so a round always has room.
const MOST_WATCHED: usize = 3;

/// How far the pull under way has come, in changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PullProgress {
    pub done: u64,
    pub total: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyncState {
    /// No server set: bundles only.
    Off,
    Working,
    Synced {
        at_ms: u64,
    },
    Offline,
    Failed(SyncProblem),
}

#[derive(Clone, Copy)]
pub struct ServerSync {
    pub login: RwSignal<Option<ServerLogin>>,
    pub state: RwSignal<SyncState>,
    /// This device's operations the server is not known to hold.
    pub unsent: RwSignal<u64>,
    /// What the last round that ended well moved; kept while the next one runs.
    pub last: RwSignal<Option<Round>>,
    /// Per database, what went either way since this device connected, and when.
    pub exchanges: RwSignal<BTreeMap<String, Exchange>>,
    /// The pull under way, when the server lets its size be known.
    pub progress: RwSignal<Option<PullProgress>>,
    /// Moves every half minute, for «hace 2 min».
    pub now_ms: RwSignal<u64>,
    running: StoredValue<bool>,
    /// The databases a longpoll is waiting on.
    watching: StoredValue<BTreeSet<String>>,
    again: StoredValue<bool>,
    /// The last wait of the backoff; zero after a success.
    wait_ms: StoredValue<u64>,
    /// Per route database, the operations this device held when it last sent that route all
    /// it had to send: a route is worked out again only after something new.
    examined: StoredValue<BTreeMap<String, VersionVector>>,
    /// Per route database, who writes which device there, as last listed.
    owners: StoredValue<BTreeMap<String, Owners>>,
}

impl ServerSync {
    pub fn provide(session: Session) -> ServerSync {
        let login = settings::server();
        let sync = ServerSync {
            state: RwSignal::new(if login.is_some() {
                SyncState::Working
            } else {
                SyncState::Off
            }),
            login: RwSignal::new(login),
            unsent: RwSignal::new(0),
            last: RwSignal::new(None),
            exchanges: RwSignal::new(settings::exchanges()),
            progress: RwSignal::new(None),
            now_ms: RwSignal::new(browser::now_ms()),
            running: StoredValue::new(false),
            watching: StoredValue::new(BTreeSet::new()),
            again: StoredValue::new(false),
            wait_ms: StoredValue::new(0),
            examined: StoredValue::new(BTreeMap::new()),
            owners: StoredValue::new(BTreeMap::new()),
        };
        provide_context(sync);
        let online = browser::online_signal();
        Effect::new(move |_| {
            // On start, after every save, and when the connection comes back.
            session.saves.track();
            online.track();
            if session.phase.with(|p| *p == Phase::Ready) {
                sync.run(session);
            }
        });
        // Dropping the handle would stop the clock; it lives as long as the page.
        std::mem::forget(set_interval_with_handle(
            move || {
                sync.now_ms.set(browser::now_ms());
                // While a longpoll waits on every database of this device, it hears of news.
                let watched = sync.watching.with_value(BTreeSet::len);
                let heard = sync.login.with_untracked(|l| {
                    l.as_ref()
                        .is_some_and(|l| watched > 0 && watched > l.routes.len())
                });
                if !heard && !matches!(sync.state.get_untracked(), SyncState::Failed(_)) {
                    sync.run(session);
                }
            },
            std::time::Duration::from_millis(EVERY_MS.into()),
        ));
        sync
    }

    /// A round now, or right after the one running.
    pub fn run(self, session: Session) {
        let Some(login) = self.login.get_untracked() else {
            return;
        };
        if self.running.get_value() {
            self.again.set_value(true);
            return;
        }
        if session.phase.get_untracked() != Phase::Ready {
            return;
        }
        let Some(me) = session.device.get_untracked().map(|d| d.id) else {
            return;
        };
        if !browser::is_online() {
            // Coming back online runs a round; asking now would only fail.
            self.count_unsent(session);
            return self.state.set(SyncState::Offline);
        }
        self.running.set_value(true);
        self.state.set(SyncState::Working);
        leptos::task::spawn_local(async move {
            let outcome = self.round(session, &login, me).await;
            self.count_unsent(session);
            self.running.set_value(false);
            self.progress.set(None);
            match outcome {
                Ok(rounds) => {
                    self.wait_ms.set_value(0);
                    let at_ms = browser::now_ms();
                    self.state.set(SyncState::Synced { at_ms });
                    self.note(&rounds, at_ms);
                    self.last.set(Some(Round {
                        received: rounds.iter().map(|(_, r)| r.received).sum(),
                        sent: rounds.iter().map(|(_, r)| r.sent).sum(),
                    }));
                    for (db, _) in rounds.into_iter().take(MOST_WATCHED) {
                        self.watch(session, db);
                    }
                }
                Err(ReplicationProblem::Restored { from_seq }) => {
                    match session.take_new_id(from_seq, Door::Server).await {
                        // A round under the new id sends what moved over.
                        Ok(()) => self.again.set_value(true),
                        Err(error) => self.failed(session, ReplicationProblem::Local(error)),
                    }
                }
                Err(problem) => self.failed(session, problem),
            }
            if self.again.get_value() && !matches!(self.state.get_untracked(), SyncState::Failed(_))
            {
                self.again.set_value(false);
                self.run(session);
            }
        });
    }

    /// Adds what a round moved to each database's record.
    fn note(self, rounds: &[(String, Round)], at_ms: u64) {
        self.exchanges.update(|exchanges| {
            for (db, round) in rounds {
                let exchange = exchanges.entry(db.clone()).or_default();
                exchange.sent += round.sent as u64;
                exchange.received += round.received as u64;
                exchange.checked_at_ms = at_ms;
                if round.sent + round.received > 0 {
                    exchange.moved_at_ms = Some(at_ms);
                }
            }
            settings::set_exchanges(exchanges);
        });
    }

    /// Waits on the server for a change to `name`, and runs a round when one comes. It stops
    /// at the first change or trouble: the round that follows says what is wrong, or starts
    /// waiting again once it ends well.
    fn watch(self, session: Session, name: String) {
        let Some(login) = self.login.get_untracked() else {
            return;
        };
        let mut new = false;
        self.watching
            .update_value(|watching| new = watching.insert(name.clone()));
        if !new {
            return;
        }
        leptos::task::spawn_local(async move {
            let fetch = Fetch::new(&login.url);
            let db = Database::new(&fetch, &name);
            let mut past_others = None;
            let changed = loop {
                let since = past_others
                    .take()
                    .unwrap_or_else(|| session.checkpoint(&name).pulled);
                let heard = db.wait_for_change(&since, LONGPOLL_MS).await;
                if self.login.with_untracked(|l| l.as_ref() != Some(&login)) {
                    break false;
                }
                match heard {
                    Ok(Heard::Nothing) => continue,
                    Ok(Heard::Other(since)) => past_others = Some(since),
                    Ok(Heard::Operations) => break true,
                    Err(_) => break false,
                }
            };
            self.watching.update_value(|watching| {
                watching.remove(&name);
            });
            if changed {
                self.run(session);
            }
        });
    }

    /// One round with this device's database and, at the office, every route's: what each
    /// moved.
    async fn round(
        self,
        session: Session,
        login: &ServerLogin,
        me: DeviceId,
    ) -> Result<Vec<(String, Round)>, SyncProblem> {
        let fetch = Fetch::new(&login.url);
        let routes: BTreeMap<String, String> = if login.database == OFFICE_DATABASE {
            let collectors = session.portfolio.with_untracked(|p| p.collectors());
            setup::routes(&collectors)
                .into_iter()
                .filter(|(_, db)| login.routes.contains(db))
                .map(|(collector, db)| (db, collector))
                .collect()
        } else {
            BTreeMap::new()
        };
        let mut replica = Replica {
            session,
            me: me.clone(),
            routes,
            examined: self.examined,
            progress: self.progress,
        };
        let own = Database::new(&fetch, &login.database);
        let mut rounds = vec![(
            login.database.clone(),
            replicate(&own, &mut replica, &me, Sizes::default()).await?,
        )];
        let route_dbs: Vec<String> = replica.routes.keys().cloned().collect();
        for name in route_dbs {
            let held = session.projection.with_untracked(|p| p.versions().clone());
            let route = Database::new(&fetch, &name);
            match replicate(&route, &mut replica, &me, Sizes::default()).await {
                Ok(round) => {
                    let collector_user = replica
                        .routes
                        .get(&name)
                        .map(|collector| setup::collector_user(collector))
                        .unwrap_or_default();
                    let users = RouteUsers {
                        office: &me,
                        office_user: &login.user,
                        collector_user: &collector_user,
                    };
                    self.keep_owners(session, &route, users, &held).await?;
                    rounds.push((name.clone(), round));
                    self.examined.update_value(|e| {
                        e.insert(name, held);
                    });
                }
                // A route the administrator has not set up on the server yet.
                Err(ReplicationProblem::Server(ServerProblem::NoDatabase)) => {}
                Err(problem) => return Err(problem),
            }
        }
        Ok(rounds)
    }

    /// Keeps a route's list of who writes which device (`device_owners`) up to date after a
    /// round with it; asks the server only when this device knows a device the list it last
    /// saw lacks.
    async fn keep_owners(
        self,
        session: Session,
        route: &Database<'_, Fetch>,
        users: RouteUsers<'_>,
        known_before: &VersionVector,
    ) -> Result<(), SyncProblem> {
        let all_listed = self.owners.with_value(|owners| {
            owners.get(route.name()).is_some_and(|listed| {
                listed.contains_key(users.office)
                    && session
                        .projection
                        .with_untracked(|p| p.versions().devices().all(|d| listed.contains_key(d)))
            })
        });
        if all_listed {
            return Ok(());
        }
        let design = route.design(DESIGN).await?;
        let listed = device_owners::listed(&design);
        let owners = session.projection.with_untracked(|p| {
            device_owners::after_round(&listed, users, known_before, p.versions())
        });
        if owners != listed {
            match device_owners::list(route, design, &owners).await {
                Err(problem @ (ServerProblem::Unauthorized | ServerProblem::Forbidden(_))) => {
                    session.alert.set(Some(Alert::OwnersNotListed(format!(
                        "{}: {problem:?}",
                        route.name()
                    ))));
                    return Ok(());
                }
                outcome => outcome?,
            }
        }
        self.owners.update_value(|all| {
            all.insert(route.name().to_owned(), owners);
        });
        Ok(())
    }

    /// The office's administrator sets the server up: the office's database, and for each
    /// collector given a password, their user and their route's database (the office's user
    /// an admin of each, to keep it up to date and list who writes which device there). The administrator's password is used for
    /// these requests only.
    pub async fn set_up(
        self,
        session: Session,
        administrator: (&str, &str),
        passwords: &[(String, String)],
    ) -> Result<usize, ServerProblem> {
        let Some(login) = self.login.get_untracked() else {
            return Ok(0);
        };
        let admin = Fetch::as_administrator(&login.url, administrator.0, administrator.1);
        // The office's database exists: this device is logged in to it.
        setup::secure_database(
            &admin,
            OFFICE_DATABASE,
            Access {
                admins: &[],
                members: &[&login.user],
            },
        )
        .await?;
        let mut created = 0;
        let mut login = login;
        for (collector, password) in passwords {
            let user = setup::collector_user(collector);
            let route = setup::route_database(&user);
            // A route set up before is brought up to date even with no password typed: its
            // user and password stay as they are.
            if password.is_empty() && !login.routes.contains(&route) {
                continue;
            }
            if !password.is_empty() {
                setup::add_user(&admin, &user, password).await?;
            }
            // The office relays everyone's work to the route and lists who writes which
            // device there: an admin of it; the collector a member.
            setup::prepare_database(
                &admin,
                &route,
                Access {
                    admins: &[&login.user],
                    members: &[&user],
                },
            )
            .await?;
            if !login.routes.contains(&route) {
                login.routes.push(route);
            }
            created += 1;
        }
        if !settings::set_server(Some(&login)) {
            session.alert.set(Some(Alert::SettingNotKept));
        }
        self.login.set(Some(login));
        // Setting up collectors is the office's work: a company without an office yet gets
        // this device as its office, and every route carries it. Saved once the routes are
        // there, so that the round the save starts does not meet them half made.
        if let Err(error) = session.become_office().await {
            session.alert.set(Some(Alert::NotSaved(error)));
        }
        self.run(session);
        Ok(created)
    }

    fn failed(self, session: Session, problem: SyncProblem) {
        if let ReplicationProblem::Refused { doc, why } = &problem {
            if let Some(id) = op_id(doc).filter(|_| why.is_integrity()) {
                let forged = *why != Refused::OtherVersion;
                session.raise_integrity_alarm(&id.device, id.seq, Door::Server, forged);
            }
        }
        let passing = matches!(
            problem,
            ReplicationProblem::Server(
                ServerProblem::Unreachable(_)
                    | ServerProblem::TooLarge
                    | ServerProblem::BadReply(_)
            ) | ReplicationProblem::Server(ServerProblem::Refused { status: 500.., .. })
        );
        if !passing {
            self.state.set(SyncState::Failed(problem));
            return;
        }
        self.state.set(if !browser::is_online() {
            SyncState::Offline
        } else {
            SyncState::Failed(problem)
        });
        let wait = next_wait(
            self.wait_ms.get_value(),
            (js_sys::Math::random() * 1e9) as u64,
        );
        self.wait_ms.set_value(wait);
        set_timeout(
            move || {
                self.state.set(SyncState::Working);
                self.run(session);
            },
            std::time::Duration::from_millis(wait),
        );
    }

    fn count_unsent(self, session: Session) {
        let Some(login) = self.login.get_untracked() else {
            return;
        };
        let on_server = session.checkpoint(&login.database).on_server;
        let unsent = session
            .projection
            .with_untracked(|p| p.changes_missing_from(&on_server));
        self.unsent.set(unsent);
    }

    /// Logs in and checks the database, without keeping anything.
    pub async fn test(login: &ServerLogin, password: &str) -> Result<(), ServerProblem> {
        browser::page_may_reach(&login.url).map_err(ServerProblem::OriginNotAllowed)?;
        let fetch = Fetch::new(&login.url);
        log_in(&fetch, &login.user, password).await?;
        // Just logged in: a 401 now means this user may not open that database (CouchDB
        // says 403; some servers, 401).
        probe(&fetch, &login.database)
            .await
            .map_err(|problem| match problem {
                ServerProblem::Unauthorized => ServerProblem::Forbidden(String::new()),
                other => other,
            })
    }

    /// Logs in, checks the database, and from then on syncs with it. The password is used
    /// for the login only.
    pub async fn connect(
        self,
        session: Session,
        login: ServerLogin,
        password: &str,
    ) -> Result<(), ServerProblem> {
        ServerSync::test(&login, password).await?;
        if !settings::set_server(Some(&login)) {
            session.alert.set(Some(Alert::SettingNotKept));
        }
        self.login.set(Some(login));
        self.wait_ms.set_value(0);
        self.state.set(SyncState::Working);
        self.run(session);
        Ok(())
    }

    /// Stops syncing with the server; what was received stays.
    pub fn disconnect(self) {
        settings::set_server(None);
        self.login.set(None);
        self.exchanges.set(BTreeMap::new());
        self.state.set(SyncState::Off);
    }
}

pub fn use_server_sync() -> ServerSync {
    expect_context::<ServerSync>()
}

/// This device's side of replication: its store through the session's write queue.
struct Replica {
    session: Session,
    me: DeviceId,
    /// At the office: each route's database, and whose route it is.
    routes: BTreeMap<String, String>,
    examined: StoredValue<BTreeMap<String, VersionVector>>,
    progress: RwSignal<Option<PullProgress>>,
}

impl Local for Replica {
    type Error = StoreError;

    fn checkpoint(&self, db: &str) -> Checkpoint {
        self.session.checkpoint(db)
    }

    async fn not_on(&self, db: &str, on_server: &VersionVector) -> Result<Vec<Op>, StoreError> {
        // Reading the whole log costs a second at a company's size: only when there may be
        // something to send.
        let route = self.routes.get(db);
        let nothing_new = self.session.projection.with_untracked(|p| {
            let held = p.versions();
            match route {
                Some(_) => self.examined.with_value(|e| e.get(db) == Some(held)),
                None => held.count_missing_from(on_server) == 0,
            }
        });
        if nothing_new {
            return Ok(Vec::new());
        }
        let ops = self.session.stored_ops().await?;
        let belongs = match route {
            Some(collector) => self
                .session
                .portfolio
                .with_untracked(|portfolio| export::route(&ops, portfolio, collector)),
            None => ops,
        };
        Ok(belongs
            .into_iter()
            .filter(|op| !on_server.includes(&op.id))
            .collect())
    }

    fn admit(&self, ops: Vec<Op>) -> Admitted {
        self.session
            .projection
            .with_untracked(|stored| admit(ops, None, &self.me, stored, browser::now_ms()))
    }

    async fn verify(&self, checks: &[SignatureCheck]) -> Result<Option<OpId>, StoreError> {
        first_forged(checks).await.map_err(StoreError::Failed)
    }

    fn own_history(&self, theirs: &[Op]) -> OwnHistory {
        self.session
            .projection
            .with_untracked(|stored| judge(&self.me, stored, theirs, None))
    }

    fn pulling(&mut self, _db: &str, done: u64, total: Option<u64>) {
        self.progress
            .set(total.map(|total| PullProgress { done, total }));
    }

    async fn store(
        &mut self,
        db: &str,
        new_ops: Vec<Op>,
        hashes: Vec<[u8; 32]>,
        checkpoint: Checkpoint,
    ) -> Result<(), StoreError> {
        self.session
            .receive(db.to_owned(), new_ops, hashes, checkpoint)
            .await
    }
}

/// Where this device stands with its server, in the header; nothing without a server.
#[component]
pub fn SyncBadge() -> impl IntoView {
    let i18n = super::i18n::use_i18n();
    let sync = use_server_sync();
    move || {
        let s = i18n.server();
        let (text, class) =
            match sync.state.get() {
                SyncState::Off => return None,
                SyncState::Working => match sync.progress.get() {
                    // A pull of more than a page takes a while (a new phone's first, or a
                    // week's catching up): how far it has come.
                    Some(PullProgress { done, total }) if total > Sizes::default().page as u64 => {
                        let count = |n: u64| i18n.number_format().amount(n.into(), 0);
                        let text = (s.receiving)(&count(done), &count(total));
                        return Some(view! {
                        <a class="sync-state pulling" href="/ajustes#servidor" role="status">
                            <progress max=total value=done aria-label=text.clone()></progress>
                            <span>{text}</span>
                        </a>
                    }.into_any());
                    }
                    _ => (s.syncing.to_owned(), "sync-state"),
                },
                SyncState::Synced { at_ms, .. } => {
                    let minutes = sync.now_ms.get().saturating_sub(at_ms) / 60_000;
                    match sync.unsent.get() {
                        0 => ((s.synced_ago)(minutes), "sync-state ok"),
                        n => ((s.unsent)(n), "sync-state"),
                    }
                }
                SyncState::Offline => match sync.unsent.get() {
                    0 => (s.offline.to_owned(), "sync-state offline"),
                    n => ((s.unsent)(n), "sync-state offline"),
                },
                SyncState::Failed(_) => (s.failed.to_owned(), "sync-state error"),
            };
        Some(
            view! {
                <a class=class href="/ajustes#servidor" role="status">{text}</a>
            }
            .into_any(),
        )
    }
}
