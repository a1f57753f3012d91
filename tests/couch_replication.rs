//! Replication with a CouchDB-protocol server on 127.0.0.1 (pouchdb-server, or a real CouchDB
//! named by `COBRANZA_COUCH_URL`): what a phone and the office see, whatever the network does
//! in between.
#![cfg(not(target_arch = "wasm32"))]

#[path = "common/couch_server.rs"]
mod couch_server;
#[path = "common/events.rs"]
mod events;
#[path = "common/signer.rs"]
mod signer;

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::convert::Infallible;

use cobranza::domain::customer::CustomerId;
use cobranza::sync::author::Author;
use cobranza::sync::bundle::export::route;
use cobranza::sync::company_settings::SettingsPatch;
use cobranza::sync::hlc::DeviceId;
use cobranza::sync::intake::{admit, Admitted, Refused};
use cobranza::sync::op::{CustomerPatch, Event, Op, OpId};
use cobranza::sync::op_check::OpProblem;
use cobranza::sync::projection::Projection;
use cobranza::sync::replication::checkpoint::Checkpoint;
use cobranza::sync::replication::couch::{
    log_in, probe, Database, Heard, Method, Request, Response, ServerProblem, Transport,
};
use cobranza::sync::replication::device_owners::{self, after_round, listed, RouteUsers};
use cobranza::sync::replication::doc::{doc_id, DocProblem, OpDoc};
use cobranza::sync::replication::replicator::{replicate, Local, ReplicationProblem, Round, Sizes};
use cobranza::sync::replication::setup::{Access, DESIGN};
use cobranza::sync::restore::{judge, take_new_id, OwnHistory};
use cobranza::sync::role::Role;
use cobranza::sync::signed_run::SignatureCheck;
use cobranza::sync::version_vector::VersionVector;
use couch_server::{CouchServer, Http};
use rust_decimal::Decimal;
use signer::{first_forged, Signer};

const NOW: u64 = 1_790_000_000_000;

/// A device as replication sees it: its log, in the order stored, and a checkpoint per
/// database; the office also knows which database is whose route.
struct Device {
    me: DeviceId,
    author: Author,
    ops: Vec<Op>,
    projection: Projection,
    checkpoints: BTreeMap<String, Checkpoint>,
    routes: BTreeMap<String, String>,
    /// What each pull said of how far it had come: changes looked at, of how many.
    progress: Vec<(u64, Option<u64>)>,
    /// Signs each `save`, as every device of this version does.
    signer: Option<Signer>,
}

impl Device {
    fn new(name: &str) -> Device {
        Device {
            me: DeviceId(name.into()),
            author: Author::resume(DeviceId(name.into()), []),
            ops: Vec::new(),
            projection: Projection::default(),
            checkpoints: BTreeMap::new(),
            routes: BTreeMap::new(),
            progress: Vec::new(),
            signer: None,
        }
    }

    /// A device that publishes its key, then signs each save.
    fn signing(name: &str, seed: u8) -> Device {
        let signer = Signer::new(seed);
        let key = signer.public();
        let mut device = Device {
            signer: Some(signer),
            ..Device::new(name)
        };
        device.save(vec![Event::DeviceKeyPublished {
            key,
            signs_from_here: true,
        }]);
        device
    }

    /// `events` as one save: recorded, then signed.
    fn save(&mut self, events: Vec<Event>) {
        let first = self.ops.len();
        for event in events {
            self.record(event);
        }
        if let Some(signer) = &self.signer {
            let now = NOW + self.ops.len() as u64 * 1000;
            for op in signer.sign(&mut self.author, &self.ops[first..], now) {
                self.projection.apply(&op);
                self.ops.push(op);
            }
        }
    }

    fn records(&mut self, count: usize) {
        for _ in 0..count {
            self.record(events::payment_event());
        }
    }

    fn record(&mut self, event: Event) {
        let now = NOW + self.ops.len() as u64 * 1000;
        let op = self.author.record(event, now);
        self.projection.apply(&op);
        self.ops.push(op);
    }

    fn checkpoint_of(&self, db: &str) -> Checkpoint {
        self.checkpoints.get(db).cloned().unwrap_or_default()
    }

    async fn sync(&mut self, db: &Database<'_, impl Transport>) -> Result<Round, Problem> {
        let me = self.me.clone();
        replicate(db, self, &me, SMALL).await
    }

    fn payments(&self) -> usize {
        self.projection.portfolio().payments.len()
    }
}

type Problem = ReplicationProblem<Infallible>;

/// Small pages and batches, so that a few operations take several of each.
const SMALL: Sizes = Sizes { page: 4, batch: 3 };

impl Local for Device {
    type Error = Infallible;

    fn checkpoint(&self, db: &str) -> Checkpoint {
        self.checkpoint_of(db)
    }

    async fn not_on(&self, db: &str, on_server: &VersionVector) -> Result<Vec<Op>, Infallible> {
        let belongs = match self.routes.get(db) {
            Some(collector) => route(&self.ops, &self.projection.portfolio(), collector),
            None => self.ops.clone(),
        };
        Ok(belongs
            .into_iter()
            .filter(|op| !on_server.includes(&op.id))
            .collect())
    }

    fn admit(&self, ops: Vec<Op>) -> Admitted {
        admit(ops, None, &self.me, &self.projection, NOW)
    }

    fn own_history(&self, theirs: &[Op]) -> OwnHistory {
        judge(&self.me, &self.projection, theirs, None)
    }

    async fn verify(&self, checks: &[SignatureCheck]) -> Result<Option<OpId>, Infallible> {
        Ok(first_forged(checks))
    }

    fn pulling(&mut self, _db: &str, done: u64, total: Option<u64>) {
        self.progress.push((done, total));
    }

    async fn store(
        &mut self,
        db: &str,
        new_ops: Vec<Op>,
        hashes: Vec<[u8; 32]>,
        checkpoint: Checkpoint,
    ) -> Result<(), Infallible> {
        for (op, hash) in new_ops.iter().zip(&hashes) {
            self.projection.apply_hashed(op, hash);
            self.author.observe(&op.hlc);
        }
        self.ops.extend(new_ops);
        self.checkpoints.insert(db.to_owned(), checkpoint);
        Ok(())
    }
}

/// A connection that is cut after `left` requests, and notes what it asks for.
struct Flaky<'a> {
    inner: &'a Http,
    left: Cell<usize>,
    paths: RefCell<Vec<String>>,
    /// Bodies larger than this get 413, as a server's request limit gives.
    max_body: usize,
}

impl<'a> Flaky<'a> {
    fn new(inner: &'a Http) -> Flaky<'a> {
        Flaky {
            inner,
            left: Cell::new(usize::MAX),
            paths: RefCell::new(Vec::new()),
            max_body: usize::MAX,
        }
    }
}

impl Transport for Flaky<'_> {
    async fn send(&self, request: Request) -> Result<Response, String> {
        if self.left.get() == 0 {
            return Err("connection cut".into());
        }
        self.left.set(self.left.get() - 1);
        self.paths.borrow_mut().push(request.path.clone());
        if request
            .body
            .as_ref()
            .is_some_and(|b| b.len() > self.max_body)
        {
            return Ok(Response {
                status: 413,
                body: r#"{"error":"too_large","reason":"the request entity is too large"}"#.into(),
            });
        }
        self.inner.send(request).await
    }
}

/// The operations' documents on the server (the design document left out).
async fn all_docs(server: &CouchServer, db: &str) -> Vec<String> {
    let reply = server.admin().get(&format!("/{db}/_all_docs")).await;
    let listed: serde_json::Value = serde_json::from_str(&reply.body).expect("JSON");
    listed["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|row| row["id"].as_str().map(str::to_owned))
        .filter(|id| id.starts_with("op:"))
        .collect()
}

#[tokio::test]
async fn operations_pushed_twice_or_pulled_twice_are_stored_once() {
    let server = CouchServer::start().await;
    server.create("office", &[]).await;
    let admin = server.admin();
    let db = Database::new(&admin, "office");

    let mut phone = Device::new("phone");
    phone.records(7);
    assert_eq!(
        phone.sync(&db).await,
        Ok(Round {
            received: 0,
            sent: 7
        })
    );
    assert_eq!(phone.sync(&db).await, Ok(Round::default()), "nothing new");
    assert_eq!(all_docs(&server, "office").await.len(), 7);

    let mut office = Device::new("office");
    assert_eq!(
        office.sync(&db).await,
        Ok(Round {
            received: 7,
            sent: 0
        })
    );
    assert_eq!(office.payments(), 7);
    // The office forgets its checkpoint: it pulls everything again, and stores none twice.
    office.checkpoints.clear();
    assert_eq!(office.sync(&db).await, Ok(Round::default()));
    assert_eq!((office.ops.len(), office.payments()), (7, 7));

    // The same operations pushed by another device (they reached it in a bundle) are
    // already there.
    let mut other = Device::new("tablet");
    other.ops = phone.ops.clone();
    assert_eq!(other.sync(&db).await.map(|r| r.sent), Ok(0));
    assert_eq!(all_docs(&server, "office").await.len(), 7);
}

#[tokio::test]
async fn pulling_starts_from_the_checkpoint() {
    let server = CouchServer::start().await;
    server.create("office", &[]).await;
    let admin = server.admin();
    let db = Database::new(&admin, "office");
    let mut phone = Device::new("phone");
    phone.records(3);
    phone.sync(&db).await.expect("pushed");
    let mut office = Device::new("office");
    office.sync(&db).await.expect("pulled");

    phone.records(2);
    phone.sync(&db).await.expect("pushed");
    let counting = Flaky::new(&admin);
    let db = Database::new(&counting, "office");
    assert_eq!(
        office.sync(&db).await,
        Ok(Round {
            received: 2,
            sent: 0
        })
    );
    assert_eq!(office.payments(), 5);

    // A round that finds nothing new only reads: it asks for changes, reads its checkpoint's
    // copy and writes nothing back.
    counting.paths.borrow_mut().clear();
    assert_eq!(office.sync(&db).await, Ok(Round::default()));
    let asked = counting.paths.borrow();
    assert_eq!(asked.len(), 2, "{asked:?}");
    assert!(asked.iter().any(|path| path.contains("/_changes?")));
}

#[tokio::test]
async fn a_first_pull_says_how_far_it_has_come() {
    let server = CouchServer::start().await;
    server.create("route", &[]).await;
    let admin = server.admin();
    let db = Database::new(&admin, "route");
    let mut office = Device::new("office");
    office.records(10);
    office.sync(&db).await.expect("pushed");

    let mut phone = Device::new("phone");
    phone.sync(&db).await.expect("pulled");
    // Ten operations and the design document, four at a time.
    let said = &phone.progress;
    assert_eq!(said.len(), 3, "{said:?}");
    assert!(said.windows(2).all(|w| w[0].0 < w[1].0), "{said:?}");
    assert!(said.iter().all(|(_, total)| *total == Some(11)), "{said:?}");
    assert_eq!(said.last(), Some(&(11, Some(11))));
}

#[tokio::test]
async fn a_waiting_device_hears_of_a_change_as_it_happens() {
    let server = CouchServer::start().await;
    server.create("office", &[]).await;
    let admin = server.admin();
    let db = Database::new(&admin, "office");
    let mut office = Device::new("office");
    office.sync(&db).await.expect("up to date");
    let since = office.checkpoint_of("office").pulled;

    // Nothing happens: the wait ends by itself, as no change.
    assert_eq!(db.wait_for_change(&since, 300).await, Ok(Heard::Nothing));

    // The office lists who writes which device: heard as no operation, with where to wait on.
    let design = db.design(DESIGN).await.expect("design");
    device_owners::list(&db, design, &Default::default())
        .await
        .expect("listed");
    let Ok(Heard::Other(since)) = db.wait_for_change(&since, 60_000).await else {
        panic!("a design document is not an operation");
    };

    // A payment arrives while the office waits: it hears of it, and the next round brings it.
    let mut phone = Device::new("phone");
    phone.records(1);
    let (heard, pushed) = tokio::join!(db.wait_for_change(&since, 60_000), async {
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
        phone.sync(&db).await
    });
    assert_eq!(pushed.map(|r| r.sent), Ok(1));
    assert_eq!(heard, Ok(Heard::Operations));
    assert_eq!(office.sync(&db).await.map(|r| r.received), Ok(1));
}

#[tokio::test]
async fn a_cut_connection_loses_nothing_and_doubles_nothing() {
    let server = CouchServer::start().await;
    server.create("office", &[]).await;
    let admin = server.admin();
    let mut phone = Device::new("phone");
    phone.records(10);

    // Cut in the middle of pushing: the batches sent so far are known to be on the server.
    let cut = Flaky::new(&admin);
    cut.left.set(6);
    let db = Database::new(&cut, "office");
    assert!(matches!(
        phone.sync(&db).await,
        Err(ReplicationProblem::Server(ServerProblem::Unreachable(_)))
    ));
    let sent_before = phone.checkpoint_of("office").on_server.operation_count();
    assert!(sent_before > 0 && sent_before < 10, "{sent_before}");
    let db = Database::new(&admin, "office");
    let resumed = phone.sync(&db).await.expect("resumed");
    assert_eq!(resumed.sent as u64, 10 - sent_before);
    assert_eq!(all_docs(&server, "office").await.len(), 10);

    // Cut in the middle of pulling: the pages stored are kept, with their checkpoint.
    let mut office = Device::new("office");
    let cut = Flaky::new(&admin);
    cut.left.set(2);
    let db = Database::new(&cut, "office");
    assert!(office.sync(&db).await.is_err());
    let kept = office.payments();
    assert!(kept > 0 && kept < 10, "{kept}");
    let db = Database::new(&admin, "office");
    assert_eq!(office.sync(&db).await.map(|r| r.received), Ok(10 - kept));
    assert_eq!((office.ops.len(), office.payments()), (10, 10));
}

#[tokio::test]
async fn a_batch_too_large_for_the_server_is_split_and_sent() {
    let server = CouchServer::start().await;
    server.create("office", &[]).await;
    let admin = server.admin();
    let mut phone = Device::new("phone");
    phone.records(9);
    let one_doc = serde_json::to_string(&OpDoc::of(&phone.ops[0]).expect("a doc"))
        .expect("JSON")
        .len();
    let limited = Flaky {
        max_body: one_doc * 2,
        ..Flaky::new(&admin)
    };
    let db = Database::new(&limited, "office");
    assert_eq!(phone.sync(&db).await.map(|r| r.sent), Ok(9));
    assert_eq!(all_docs(&server, "office").await.len(), 9);
}

/// Writes `doc` as someone with write access could, outside replication.
async fn put_by_hand(admin: &Http, db: &str, doc: serde_json::Value) {
    let id = doc["_id"].as_str().expect("an id").to_owned();
    let put = admin
        .ask(
            Method::Put,
            &format!("/{db}/{}", cobranza::sync::replication::couch::encode(&id)),
            Some(doc.to_string()),
        )
        .await;
    assert!(put.status == 201 || put.status == 200, "{}", put.body);
}

#[tokio::test]
async fn a_forged_or_edited_document_is_refused_and_nothing_of_its_page_is_written() {
    let server = CouchServer::start().await;
    server.create("office", &[]).await;
    let admin = server.admin();
    let db = Database::new(&admin, "office");
    let mut phone = Device::new("phone");
    phone.records(2);
    phone.sync(&db).await.expect("pushed");

    // Someone writes an operation by hand, with the amount changed and no matching revision.
    let mut forged =
        Author::resume(DeviceId("intruder".into()), []).record(events::payment_event(), NOW);
    if let Event::PaymentRecorded { payment } = &mut forged.event {
        payment.amount.amount = Decimal::new(999_999, 0);
    }
    let doc = serde_json::json!({"_id": doc_id(&forged.id), "op": forged});
    put_by_hand(&admin, "office", doc).await;

    let mut office = Device::new("office");
    assert_eq!(
        office.sync(&db).await,
        Err(ReplicationProblem::BadDocument {
            doc: doc_id(&forged.id),
            why: DocProblem::Edited,
        })
    );
    assert_eq!(office.payments(), 0, "nothing of the page is written");
    assert_eq!(office.checkpoint_of("office"), Checkpoint::default());

    // A document written as a device would, but breaking a rule every operation keeps.
    server.create("other", &[]).await;
    let mut negative =
        Author::resume(DeviceId("intruder".into()), []).record(events::payment_event(), NOW);
    if let Event::PaymentRecorded { payment } = &mut negative.event {
        payment.amount.amount = Decimal::NEGATIVE_ONE;
    }
    let doc = serde_json::to_value(OpDoc::of(&negative).expect("a doc")).expect("JSON");
    let stored = admin
        .ask(
            Method::Post,
            "/other/_bulk_docs",
            Some(serde_json::json!({"docs": [doc], "new_edits": false}).to_string()),
        )
        .await;
    assert!(stored.status < 300, "{}", stored.body);
    let db = Database::new(&admin, "other");
    let mut office = Device::new("office");
    assert!(matches!(
        office.sync(&db).await,
        Err(ReplicationProblem::Refused { doc, why: Refused::Invalid(OpProblem::Field { .. }) })
            if doc == doc_id(&negative.id)
    ));
    assert_eq!(office.payments(), 0);
}

#[tokio::test]
async fn another_version_of_a_held_operation_is_refused_with_nothing_written() {
    let server = CouchServer::start().await;
    server.create("office", &[]).await;
    server.create("elsewhere", &[]).await;
    let admin = server.admin();
    let mut phone = Device::new("phone");
    phone.records(3);
    let mut office = Device::new("office");
    phone
        .sync(&Database::new(&admin, "office"))
        .await
        .expect("pushed");
    office
        .sync(&Database::new(&admin, "office"))
        .await
        .expect("pulled");

    // The phone's second payment with another amount, written as a device would write it
    // (its own revision), beside a payment the office lacks.
    let mut altered = phone.ops[1].clone();
    if let Event::PaymentRecorded { payment } = &mut altered.event {
        payment.amount.amount = Decimal::new(999_999, 0);
    }
    phone.records(1);
    let docs = [OpDoc::of(&phone.ops[3]), OpDoc::of(&altered)]
        .into_iter()
        .collect::<Result<Vec<_>, _>>()
        .expect("docs");
    let elsewhere = Database::new(&admin, "elsewhere");
    elsewhere.store(&docs).await.expect("stored on the server");

    assert_eq!(
        office.sync(&elsewhere).await,
        Err(ReplicationProblem::Refused {
            doc: doc_id(&altered.id),
            why: Refused::OtherVersion,
        })
    );
    assert_eq!(office.payments(), 3, "nothing of the page is written");
    assert_eq!(office.checkpoint_of("elsewhere"), Checkpoint::default());
}

#[tokio::test]
async fn signed_work_comes_through_the_server_and_work_in_another_devices_name_does_not() {
    let server = CouchServer::start().await;
    server.create("office", &[]).await;
    server.create("elsewhere", &[]).await;
    let admin = server.admin();
    let db = Database::new(&admin, "office");
    let mut phone = Device::signing("phone", 2);
    // One save larger than a page: its signature comes on a later page than most of it.
    phone.save((0..7).map(|_| events::payment_event()).collect());
    phone.sync(&db).await.expect("pushed");
    let mut office = Device::signing("office", 1);
    assert_eq!(office.sync(&db).await.map(|r| r.received), Ok(10));
    assert_eq!(office.payments(), 7);
    assert!(phone.ops.iter().all(|op| office.projection.signed(&op.id)));

    // Someone with a login writes a payment in the phone's name, numbered as its next.
    let mut forger = Device::new("phone");
    forger.ops = phone.ops.clone();
    forger.author = Author::resume(DeviceId("phone".into()), &phone.ops);
    forger.record(events::payment_event());
    let forged = forger.ops.last().expect("the forged payment").clone();
    let elsewhere = Database::new(&admin, "elsewhere");
    elsewhere
        .store(&[OpDoc::of(&forged).expect("a doc")])
        .await
        .expect("stored on the server");
    assert_eq!(
        office.sync(&elsewhere).await,
        Err(ReplicationProblem::Refused {
            doc: doc_id(&forged.id),
            why: Refused::Unsigned,
        })
    );
    assert_eq!(office.payments(), 7, "nothing of the page is written");
}

#[tokio::test]
async fn a_restored_phone_finds_out_from_the_server_and_goes_on_under_a_new_id() {
    let server = CouchServer::start().await;
    server.create("office", &[]).await;
    let admin = server.admin();
    let db = Database::new(&admin, "office");
    let mut phone = Device::new("phone");
    phone.records(6);
    phone.sync(&db).await.expect("pushed");

    // A copy of the phone's data from after its second payment, and new work since.
    let mut restored = Device::new("phone");
    for op in &phone.ops[..2] {
        restored.projection.apply(op);
        restored.ops.push(op.clone());
    }
    restored.author = Author::resume(restored.me.clone(), &restored.ops);
    for customer in ["c1", "c2", "c3"] {
        restored.record(assign(customer, "Juan"));
    }
    let before = all_docs(&server, "office").await;
    assert_eq!(
        restored.sync(&db).await,
        Err(ReplicationProblem::Restored { from_seq: 3 })
    );
    assert_eq!(all_docs(&server, "office").await, before, "nothing pushed");

    // The session takes the new id as `Session::take_new_id` does, and syncs on.
    let new = DeviceId("phone-2".into());
    let reborn = take_new_id(std::mem::take(&mut restored.ops), &restored.me, 3, &new, 1);
    assert_eq!(reborn.moved, 3);
    restored.projection = Projection::from_ops(&reborn.ops);
    restored.author = Author::resume_after(new.clone(), &restored.projection);
    restored.ops = reborn.ops;
    restored.me = new;
    restored.sync(&db).await.expect("synced under the new id");
    assert_eq!(restored.payments(), 6, "the four it had lost came back");
    assert_eq!(collector_of(&restored, "c3").as_deref(), Some("Juan"));

    let mut office = Device::new("office");
    office.sync(&db).await.expect("pulled");
    assert_eq!(office.payments(), 6);
    assert_eq!(collector_of(&office, "c3").as_deref(), Some("Juan"));
    assert_eq!(
        serde_json::to_string(&office.projection.portfolio()).ok(),
        serde_json::to_string(&restored.projection.portfolio()).ok()
    );
}

#[tokio::test]
async fn a_collectors_login_opens_their_route_only() {
    let server = CouchServer::start().await;
    server.create("route-juan", &["juan"]).await;
    server.create("route-ana", &["ana"]).await;
    server.add_user("juan", "clave-de-juan").await;

    let wrong = server.anonymous();
    assert_eq!(
        log_in(&wrong, "juan", "otra-clave").await,
        Err(ServerProblem::Unauthorized)
    );
    let juan = server.anonymous();
    log_in(&juan, "juan", "clave-de-juan")
        .await
        .expect("logged in");
    assert_eq!(probe(&juan, "route-juan").await, Ok(()));
    assert!(matches!(
        probe(&juan, "route-ana").await,
        Err(ServerProblem::Unauthorized | ServerProblem::Forbidden(_))
    ));
    assert_eq!(
        probe(&server.admin(), "no-such-route").await,
        Err(ServerProblem::NoDatabase)
    );
    let mut phone = Device::new("phone-juan");
    phone.records(2);
    let route = Database::new(&juan, "route-juan");
    assert_eq!(phone.sync(&route).await.map(|r| r.sent), Ok(2));

    let other = Database::new(&juan, "route-ana");
    let refused = phone.sync(&other).await;
    assert!(
        matches!(
            refused,
            Err(ReplicationProblem::Server(
                ServerProblem::Unauthorized | ServerProblem::Forbidden(_)
            ))
        ),
        "{refused:?}"
    );
    assert!(all_docs(&server, "route-ana").await.is_empty());

    // Juan forgot his password: the office runs the setup again with a new one.
    server.add_user("juan", "clave-nueva").await;
    assert_eq!(
        log_in(&server.anonymous(), "juan", "clave-de-juan").await,
        Err(ServerProblem::Unauthorized)
    );
    let again = server.anonymous();
    log_in(&again, "juan", "clave-nueva")
        .await
        .expect("logged in with the new password");
    assert_eq!(probe(&again, "route-juan").await, Ok(()));
}

/// The office's round's last step on a route (`ServerSync::keep_owners`): who writes which
/// device there, listed by the office.
async fn list_owners(
    route: &Database<'_, impl Transport>,
    office: &Device,
    collector_user: &str,
    known_before: &VersionVector,
) {
    let design = route.design(DESIGN).await.expect("the office reads it");
    let users = RouteUsers {
        office: &office.me,
        office_user: "oficina",
        collector_user,
    };
    let owners = after_round(
        &listed(&design),
        users,
        known_before,
        office.projection.versions(),
    );
    device_owners::list(route, design, &owners)
        .await
        .expect("the office, an admin of the route, lists them");
}

#[tokio::test]
async fn a_collectors_login_cannot_write_in_the_offices_name_nor_another_collectors() {
    let server = CouchServer::start().await;
    server
        .create_with(
            "route-juan",
            Access {
                admins: &["oficina"],
                members: &["juan"],
            },
        )
        .await;
    server.add_user("oficina", "clave-de-oficina").await;
    server.add_user("juan", "clave-de-juan").await;
    let office_login = server.anonymous();
    log_in(&office_login, "oficina", "clave-de-oficina")
        .await
        .expect("office logged in");
    let juan_login = server.anonymous();
    log_in(&juan_login, "juan", "clave-de-juan")
        .await
        .expect("juan logged in");
    let as_office = Database::new(&office_login, "route-juan");
    let as_juan = Database::new(&juan_login, "route-juan");

    // The office knows Ana's phone through a bundle, and sends its own work to the route.
    let mut office = Device::new("office");
    let mut ana = Device::new("phone-ana");
    ana.records(1);
    for op in &ana.ops {
        office.projection.apply(op);
        office.ops.push(op.clone());
    }
    office.records(2);
    let before = office.projection.versions().clone();
    office.sync(&as_office).await.expect("the office relays");
    list_owners(&as_office, &office, "juan", &before).await;

    // Juan's phone writes its own work; the office hears of the phone there first.
    let mut phone = Device::new("phone-juan");
    phone.records(1);
    phone.sync(&as_juan).await.expect("juan's own work");
    let before = office.projection.versions().clone();
    office.sync(&as_office).await.expect("the office takes it");
    list_owners(&as_office, &office, "juan", &before).await;
    phone.records(1);
    phone.sync(&as_juan).await.expect("and goes on writing");
    // A payment in the office's name, and one in Ana's, written with Juan's login.
    for (device, seq) in [("office", 3), ("phone-ana", 2)] {
        let mut forged = Device::new(device);
        forged.author = Author::resume(DeviceId(device.into()), &office.ops);
        forged.records(1);
        let doc = OpDoc::of(&forged.ops[0]).expect("doc");
        assert_eq!(forged.ops[0].id.seq, seq);
        let refused = as_juan.store(&[doc]).await;
        assert!(
            matches!(&refused, Err(ServerProblem::Forbidden(reason)) if reason.contains(device)),
            "{device}: {refused:?}"
        );
    }
    // Juan's login cannot change the company's settings, nor name his phone the office,
    // even as his own phone's next operations; the office's login can.
    for event in [
        Event::DeviceRoleSet {
            device: DeviceId("phone-juan".into()),
            role: Role::Office,
            label: String::new(),
        },
        Event::CompanySettingsChanged {
            change: SettingsPatch {
                company: Some("Cobros Juan".into()),
                ..SettingsPatch::default()
            },
        },
    ] {
        let mut attempt = Device::new("phone-juan");
        attempt.author = Author::resume(DeviceId("phone-juan".into()), &phone.ops);
        attempt.record(event);
        let doc = OpDoc::of(&attempt.ops[0]).expect("doc");
        let refused = as_juan.store(&[doc]).await;
        assert!(
            matches!(&refused, Err(ServerProblem::Forbidden(reason)) if reason.contains("only the office")),
            "{refused:?}"
        );
    }
    office.record(Event::CompanySettingsChanged {
        change: SettingsPatch {
            company: Some("Distribuidora Andina".into()),
            ..SettingsPatch::default()
        },
    });
    office
        .sync(&as_office)
        .await
        .expect("the office's change is stored");
    let mut office_after = Device::new("office-2");
    office_after.sync(&as_office).await.expect("pulled");
    assert_eq!(
        office_after.payments(),
        office.payments(),
        "the route holds the office's and Ana's work and Juan's two payments, nothing forged"
    );
    assert_eq!(
        office_after.ops.len(),
        office.ops.len(),
        "and the office's change"
    );
}

#[tokio::test]
async fn an_operation_on_the_server_is_never_edited_or_deleted_even_by_an_admin() {
    let server = CouchServer::start().await;
    server.create("office", &[]).await;
    server.create("office", &[]).await; // setting up again changes nothing
    let admin = server.admin();
    let db = Database::new(&admin, "office");
    let mut phone = Device::new("phone");
    phone.records(1);
    phone.sync(&db).await.expect("pushed");
    let id = doc_id(&phone.ops[0].id);
    let path = format!(
        "/office/{}",
        cobranza::sync::replication::couch::encode(&id)
    );
    let stored: serde_json::Value =
        serde_json::from_str(&admin.get(&path).await.body).expect("JSON");
    let rev = stored["_rev"].as_str().expect("a revision").to_owned();

    let mut edited = stored.clone();
    edited["op"]["event"]["payment"]["amount"]["amount"] = "999999".into();
    let refused = admin
        .ask(Method::Put, &path, Some(edited.to_string()))
        .await;
    assert_eq!(refused.status, 403, "{}", refused.body);
    let deleted = admin
        .ask(Method::Delete, &format!("{path}?rev={rev}"), None)
        .await;
    assert_eq!(deleted.status, 403, "{}", deleted.body);
    // Nor can an operation be stored under another operation's id.
    let mut renamed = serde_json::to_value(OpDoc::of(&phone.ops[0]).expect("a doc")).expect("JSON");
    renamed["_id"] = "op:phone:00000000000000000002".into();
    put_by_hand_refused(&admin, "office", renamed).await;

    let mut office = Device::new("office");
    assert_eq!(office.sync(&db).await.map(|r| r.received), Ok(1));
    assert_eq!(office.ops, phone.ops, "the operation as it was written");
}

async fn put_by_hand_refused(admin: &Http, db: &str, doc: serde_json::Value) {
    let stored = admin
        .ask(
            Method::Post,
            &format!("/{db}/_bulk_docs"),
            Some(serde_json::json!({"docs": [doc], "new_edits": false}).to_string()),
        )
        .await;
    assert!(stored.body.contains("forbidden"), "{}", stored.body);
}

fn assign(customer: &str, collector: &str) -> Event {
    Event::CustomerUpserted {
        customer: CustomerId(customer.into()),
        patch: CustomerPatch {
            name: Some(format!("Cliente {customer}")),
            collector: Some(collector.into()),
            ..CustomerPatch::default()
        },
    }
}

fn collector_of(device: &Device, customer: &str) -> Option<String> {
    device
        .projection
        .portfolio()
        .customers
        .get(&CustomerId(customer.into()))
        .map(|c| c.collector.clone())
}

#[tokio::test]
async fn the_office_feeds_each_route_and_a_reassigned_customer_reaches_both_collectors() {
    let server = CouchServer::start().await;
    server.create("office", &[]).await;
    for collector in ["juan", "ana"] {
        server
            .add_user(collector, &format!("clave-{collector}"))
            .await;
        server
            .create(&format!("route-{collector}"), &[collector])
            .await;
    }
    let admin = server.admin();
    let mut office = Device::signing("office", 1);
    office.routes.insert("route-juan".into(), "juan".into());
    office.routes.insert("route-ana".into(), "ana".into());
    office.save(vec![assign("c1", "juan")]);
    office.save(vec![assign("c2", "ana")]);
    for db in ["office", "route-juan", "route-ana"] {
        office
            .sync(&Database::new(&admin, db))
            .await
            .expect("synced");
    }

    let juan_login = server.anonymous();
    log_in(&juan_login, "juan", "clave-juan")
        .await
        .expect("juan");
    let juan_route = Database::new(&juan_login, "route-juan");
    let mut juan = Device::signing("phone-juan", 2);
    juan.sync(&juan_route).await.expect("juan's route");
    assert_eq!(collector_of(&juan, "c1").as_deref(), Some("juan"));
    assert_eq!(collector_of(&juan, "c2"), None, "not his customer");

    // Juan works offline, then comes back: the office gets his payment once.
    let mut payment = events::payment_event();
    if let Event::PaymentRecorded { payment } = &mut payment {
        payment.customer = CustomerId("c1".into());
    }
    juan.save(vec![payment]);
    juan.sync(&juan_route).await.expect("pushed");
    office
        .sync(&Database::new(&admin, "route-juan"))
        .await
        .expect("pulled");
    assert_eq!(office.payments(), 1);

    // The office hands c1 to Ana.
    office.save(vec![assign("c1", "ana")]);
    for db in ["office", "route-juan", "route-ana"] {
        office
            .sync(&Database::new(&admin, db))
            .await
            .expect("synced");
    }
    juan.sync(&juan_route).await.expect("juan follows");
    assert_eq!(collector_of(&juan, "c1").as_deref(), Some("ana"));

    let ana_login = server.anonymous();
    log_in(&ana_login, "ana", "clave-ana").await.expect("ana");
    let mut ana = Device::signing("phone-ana", 3);
    ana.sync(&Database::new(&ana_login, "route-ana"))
        .await
        .expect("ana's route");
    assert_eq!(collector_of(&ana, "c1").as_deref(), Some("ana"));
    assert_eq!(ana.payments(), 1, "c1's history came with c1");
}
