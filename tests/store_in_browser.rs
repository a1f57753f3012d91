//! The IndexedDB store, for real, in headless Chromium.
#![cfg(target_arch = "wasm32")]

use chrono::NaiveDate;
use cobranza::store::database::Store;
use cobranza::store::device_record::DeviceRecord;
use cobranza::store::signing_key::SigningKey;
use cobranza::sync::author::Author;
use cobranza::sync::demo::demo_ops;
use cobranza::sync::hlc::DeviceId;
use cobranza::sync::peer::{Peer, Peers};
use cobranza::sync::projection::Projection;
use cobranza::sync::replication::checkpoint::{Checkpoint, Checkpoints};
use cobranza::sync::restore::take_new_id;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn device(id: &str) -> DeviceRecord {
    DeviceRecord {
        id: DeviceId(id.into()),
        label: "Cobrador Juan".into(),
        demo: true,
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).expect("valid date")
}

#[wasm_bindgen_test]
async fn the_portfolio_survives_reopening_the_database() {
    let name = "test-survives-reopen";
    let me = device("dev-a");
    let mut author = Author::resume(me.id.clone(), []);
    let ops = demo_ops(&mut author, today(), 1_700_000_000_000);
    {
        let store = Store::open_named(name).await.expect("database opens");
        store
            .start_over(&me, None, &ops, None, &|_| ())
            .await
            .expect("demo written");
    }
    let reopened = Store::open_named(name).await.expect("database reopens");
    assert_eq!(reopened.device().await.expect("readable"), Some(me));
    let stored = reopened.ops().await.expect("readable");
    assert_eq!(stored.len(), ops.len());
    assert_eq!(
        Projection::from_ops(&stored).portfolio(),
        Projection::from_ops(&ops).portfolio()
    );
}

#[wasm_bindgen_test]
async fn a_failed_write_leaves_the_stored_log_unchanged() {
    let store = Store::open_named("test-atomic")
        .await
        .expect("database opens");
    let me = device("dev-b");
    store
        .start_over(&me, None, &[], None, &|_| ())
        .await
        .expect("clean start");
    let mut author = Author::resume(me.id.clone(), []);
    let ops = demo_ops(&mut author, today(), 1_700_000_000_000);
    store.append(&ops[..10]).await.expect("first batch written");

    // The batch reuses an id already stored, so none of it may be written.
    let overlapping = &ops[5..20];
    assert!(store.append(overlapping).await.is_err());
    assert_eq!(store.ops().await.expect("readable").len(), 10);
}

#[wasm_bindgen_test]
async fn starting_over_forgets_everything_but_the_new_device() {
    let store = Store::open_named("test-start-over")
        .await
        .expect("database opens");
    let demo_device = device("dev-c");
    let mut author = Author::resume(demo_device.id.clone(), []);
    store
        .start_over(
            &demo_device,
            None,
            &demo_ops(&mut author, today(), 1),
            None,
            &|_| (),
        )
        .await
        .expect("demo written");
    let fresh = DeviceRecord {
        id: DeviceId("dev-d".into()),
        demo: false,
        ..demo_device
    };
    store
        .start_over(&fresh, None, &[], None, &|_| ())
        .await
        .expect("started over");
    assert!(store.ops().await.expect("readable").is_empty());
    assert_eq!(store.device().await.expect("readable"), Some(fresh));
}

#[wasm_bindgen_test]
async fn a_restored_device_goes_on_under_a_new_id_keeping_what_it_knows_of_peers_and_servers() {
    let store = Store::open_named("test-new-id")
        .await
        .expect("database opens");
    let me = device("dev-e");
    let mut author = Author::resume(me.id.clone(), []);
    let ops = demo_ops(&mut author, today(), 1);
    store
        .start_over(&me, None, &ops, None, &|_| ())
        .await
        .expect("demo written");
    let mut peers = Peers::default();
    peers.0.insert(
        DeviceId("office".into()),
        Peer {
            label: "Oficina".into(),
            last_bundle: None,
        },
    );
    store
        .import(&[], &peers, None, &|_| ())
        .await
        .expect("peers kept");
    let mut checkpoints = Checkpoints::new();
    checkpoints.insert("cobranza".into(), Checkpoint::default());
    store
        .receive(&[], &checkpoints)
        .await
        .expect("checkpoints kept");

    let new = DeviceRecord {
        id: DeviceId("dev-f".into()),
        ..me.clone()
    };
    let reborn = take_new_id(ops.clone(), &me.id, 5, &new.id, 1);
    store
        .take_new_id(&new, None, &reborn.ops, &peers, None, &|_| ())
        .await
        .expect("new id taken");
    let reopened = Store::open_named("test-new-id")
        .await
        .expect("database reopens");
    assert_eq!(reopened.device().await.expect("readable"), Some(new));
    assert_eq!(reopened.ops().await.expect("readable"), reborn.ops);
    assert_eq!(reopened.peers().await.expect("readable"), peers);
    assert_eq!(reopened.checkpoints().await.expect("readable"), checkpoints);
    // The former id's operations from the fifth on are no longer held: their originals,
    // when they come, are stored.
    reopened
        .append(&ops[4..6])
        .await
        .expect("the originals are taken");
}

#[wasm_bindgen_test]
async fn a_devices_signing_key_is_kept_and_its_private_half_never_leaves() {
    let name = "test-signing-key";
    let me = device("dev-g");
    let store = Store::open_named(name).await.expect("database opens");
    store
        .start_over(&me, None, &[], None, &|_| ())
        .await
        .expect("clean start");
    assert!(store.signing_key().await.expect("readable").is_none());
    let key = SigningKey::generate(&me.id)
        .await
        .expect("made by WebCrypto");
    assert!(key.public.raw().is_some(), "a P-256 public key");
    store.keep_signing_key(&key).await.expect("kept");

    let reopened = Store::open_named(name).await.expect("database reopens");
    let kept = reopened
        .signing_key()
        .await
        .expect("readable")
        .expect("still there");
    assert_eq!((&kept.device, &kept.public), (&me.id, &key.public));
    assert!(!kept.private.extractable());
    let subtle = web_sys::window()
        .expect("window")
        .crypto()
        .expect("crypto")
        .subtle();
    let export = subtle.export_key("pkcs8", &kept.private).expect("asked");
    assert!(
        wasm_bindgen_futures::JsFuture::from(export).await.is_err(),
        "the private key cannot be read out"
    );
    reopened
        .start_over(&device("dev-h"), None, &[], None, &|_| ())
        .await
        .expect("started over");
    assert!(
        reopened.signing_key().await.expect("readable").is_none(),
        "a new device makes its own"
    );
}

#[wasm_bindgen_test]
async fn what_a_device_signs_with_webcrypto_every_device_checks_and_a_forgery_fails() {
    use cobranza::store::signature_check::first_forged;
    use cobranza::sync::intake::admit;
    use cobranza::sync::op::Event;
    use cobranza::sync::signed_run::{signed, unsigned};

    let me = device("dev-s");
    let key = SigningKey::generate(&me.id)
        .await
        .expect("made by WebCrypto");
    let mut author = Author::resume(me.id.clone(), []);
    let mut ops = vec![author.record(
        Event::DeviceKeyPublished {
            key: key.public.clone(),
            signs_from_here: true,
        },
        1,
    )];
    ops.extend(demo_ops(&mut author, today(), 1));
    let mut signatures = unsigned(&mut author, &ops, 1);
    key.sign_runs(&mut signatures).await.expect("signed");
    ops.extend(signatures);

    let other = DeviceId("another-device".into());
    let admitted = admit(ops.clone(), None, &other, &Projection::default(), 1);
    assert!(admitted.refused.is_empty());
    assert_eq!(admitted.signatures.len(), 1, "the demo is one save");
    assert_eq!(first_forged(&admitted.signatures).await, Ok(None));

    // The same list of operations signed by another device's key is not this device's.
    let impostor = SigningKey::generate(&other).await.expect("made");
    let last = ops.pop().expect("the signature");
    // Emptied, the signature is asked for again.
    let mut again = vec![signed(last.clone(), &[])];
    impostor.sign_runs(&mut again).await.expect("signed");
    ops.extend(again);
    let admitted = admit(ops, None, &other, &Projection::default(), 1);
    assert_eq!(first_forged(&admitted.signatures).await, Ok(Some(last.id)));
}

const IMPORT_CSV: &str = "nit;cliente;factura;fecha_vencimiento;valor\n\
                          900100200;Ferretería Central;FV-10;01/08/2026;1.200.000\n\
                          800300400;Droguería Norte;FV-12;30/10/2026;750.000\n";

#[wasm_bindgen_test]
async fn an_import_that_cannot_be_written_leaves_the_portfolio_as_it_was() {
    use cobranza::domain::money::Currency;
    use cobranza::sync::csv::portfolio_file::read_portfolio;
    use cobranza::sync::csv::table::detect_layout;
    use cobranza::sync::import::ImportPlan;

    let store = Store::open_named("test-failed-import")
        .await
        .expect("database opens");
    let me = device("dev-e");
    store
        .start_over(&me, None, &[], None, &|_| ())
        .await
        .expect("clean start");
    let mut author = Author::resume(me.id.clone(), []);
    store
        .append(&demo_ops(&mut author, today(), 1))
        .await
        .expect("demo written");
    let before = store.ops().await.expect("readable");
    let portfolio = Projection::from_ops(&before).portfolio();

    let bytes = IMPORT_CSV.as_bytes();
    let layout = detect_layout(bytes).expect("layout");
    let file = read_portfolio(bytes, layout, Currency::COP).expect("readable");
    let plan = ImportPlan::for_portfolio(&portfolio, &file);
    assert_eq!(plan.new_invoices, 2);

    // An author that lost track of its sequence reuses stored ids: the write must fail whole.
    let mut confused = Author::resume(me.id.clone(), []);
    let clashing: Vec<_> = plan
        .events
        .iter()
        .cloned()
        .map(|event| confused.record(event, 2))
        .collect();
    assert!(store.append(&clashing).await.is_err());
    let after = store.ops().await.expect("readable");
    assert_eq!(after, before);
    assert_eq!(Projection::from_ops(&after).portfolio(), portfolio);

    // Written properly it lands, and the same file again has nothing to add.
    let mut author = Author::resume(me.id.clone(), &after);
    let ops: Vec<_> = plan
        .events
        .into_iter()
        .map(|event| author.record(event, 3))
        .collect();
    store.append(&ops).await.expect("import written");
    let imported = Projection::from_ops(&store.ops().await.expect("readable")).portfolio();
    assert!(ImportPlan::for_portfolio(&imported, &file).is_empty());
}

fn office_bundle(ops: Vec<cobranza::sync::op::Op>) -> cobranza::sync::bundle::format::Bundle {
    use cobranza::sync::bundle::format::{Bundle, BundleKind, Sender};
    Bundle {
        sender: Sender {
            device: DeviceId("office".into()),
            label: "Oficina".into(),
        },
        created_ms: 1_700_000_000_000,
        kind: BundleKind::Full,
        holds: Projection::from_ops(&ops).versions().clone(),
        labels: Default::default(),
        ops,
    }
}

#[wasm_bindgen_test]
async fn a_bundle_that_fails_validation_or_writing_leaves_indexeddb_unchanged() {
    use cobranza::sync::bundle::format::VERSION;
    use cobranza::sync::bundle::import_plan::plan;
    use cobranza::sync::bundle::read::{read, Incoming};
    use cobranza::sync::peer::Peers;

    let store = Store::open_named("test-bundle-import")
        .await
        .expect("database opens");
    let me = device("phone");
    store
        .start_over(&me, None, &[], None, &|_| ())
        .await
        .expect("clean start");
    let mut office = Author::resume(DeviceId("office".into()), []);
    let ops = demo_ops(&mut office, today(), 1_700_000_000_000);
    let first = office_bundle(ops[..10].to_vec());
    let Ok(Incoming::Plain(bundle)) = read(first.to_json().as_bytes()) else {
        panic!("a sound bundle reads");
    };
    let planned = plan(bundle, &me.id, &Projection::default(), 1_700_000_000_000).expect("plan");
    let mut peers = Peers::default();
    peers.record(&planned, 1_700_000_000_000);
    store
        .import(&planned.new_ops, &peers, None, &|_| ())
        .await
        .expect("imported");
    let before = (
        store.ops().await.expect("ops"),
        store.peers().await.expect("peers"),
    );

    // Edited on the way: refused before anything is written.
    let edited = office_bundle(ops.clone()).to_json().replacen(
        &format!("\"version\":{VERSION}"),
        "\"version\":99",
        1,
    );
    assert!(read(edited.as_bytes()).is_err());
    let tampered = office_bundle(ops.clone())
        .to_json()
        .replacen("Ferretería", "Ferreteria", 1);
    assert!(read(tampered.as_bytes()).is_err());

    // A write that fails halfway (an id already stored) keeps neither ops nor peers.
    let mut later = Peers::default();
    later.record(&planned, 1_800_000_000_000);
    assert!(store
        .import(&ops[5..20], &later, None, &|_| ())
        .await
        .is_err());
    assert_eq!(
        (
            store.ops().await.expect("ops"),
            store.peers().await.expect("peers")
        ),
        before
    );
}

#[wasm_bindgen_test]
async fn a_sealed_bundle_opens_only_with_its_passphrase() {
    use cobranza::store::bundle_cipher::{open, seal};
    use cobranza::sync::bundle::problem::BundleProblem;
    use cobranza::sync::bundle::read::{read, Incoming};

    let mut office = Author::resume(DeviceId("office".into()), []);
    let plain = office_bundle(demo_ops(&mut office, today(), 1_700_000_000_000)).to_json();
    let sealed = seal(&plain, "ruta norte 2026").await.expect("sealed");
    assert!(sealed.iterations >= 600_000);
    let file = sealed.to_json();
    assert!(
        !file.contains("Ferretería"),
        "nothing readable in the sealed file"
    );
    let Ok(Incoming::Sealed(envelope)) = read(file.as_bytes()) else {
        panic!("the envelope reads");
    };
    assert_eq!(
        open(&envelope, "ruta norte 2026").await.expect("opens"),
        plain.as_bytes()
    );
    assert_eq!(
        open(&envelope, "ruta sur").await,
        Err(BundleProblem::WrongPassphrase)
    );
    let mut tampered = envelope.clone();
    tampered.ciphertext[0] ^= 1;
    assert_eq!(
        open(&tampered, "ruta norte 2026").await,
        Err(BundleProblem::WrongPassphrase)
    );
    let again = seal(&plain, "ruta norte 2026").await.expect("sealed");
    assert_ne!(again.salt, sealed.salt, "a fresh salt every time");
    assert_ne!(again.iv, sealed.iv, "a fresh IV every time");
}

#[wasm_bindgen_test]
async fn start_up_reads_the_snapshot_and_the_operations_journaled_after_it() {
    use cobranza::sync::snapshot;

    let store = Store::open_named("test-snapshot")
        .await
        .expect("database opens");
    let me = device("dev-snap");
    let mut author = Author::resume(me.id.clone(), []);
    let ops = demo_ops(&mut author, today(), 1_700_000_000_000);
    let (first, later) = ops.split_at(100);
    let taken = snapshot::encode(&Projection::from_ops(first));
    store
        .start_over(&me, None, first, taken.as_deref(), &|_| ())
        .await
        .expect("written with a snapshot");
    store.append(later).await.expect("journaled");

    let opened = store.projection().await.expect("opens");
    assert_eq!(opened.projection, Projection::from_ops(&ops));
    assert!(
        !opened.snapshot_stale,
        "a short journal needs no new snapshot"
    );

    let fresh = snapshot::encode(&opened.projection).expect("serializable");
    store.save_snapshot(&fresh).await.expect("snapshot saved");
    let reopened = store.projection().await.expect("opens");
    assert_eq!(reopened.projection, Projection::from_ops(&ops));
}

#[wasm_bindgen_test]
async fn a_snapshot_that_does_not_account_for_the_log_is_set_aside_and_the_log_replayed() {
    use cobranza::sync::snapshot;

    let store = Store::open_named("test-snapshot-stale")
        .await
        .expect("database opens");
    let me = device("dev-stale");
    let mut author = Author::resume(me.id.clone(), []);
    let ops = demo_ops(&mut author, today(), 1_700_000_000_000);

    // Damaged bytes.
    store
        .start_over(
            &me,
            None,
            &ops,
            Some(b"CBZS\x01\x00 not a projection"),
            &|_| (),
        )
        .await
        .expect("written");
    let opened = store.projection().await.expect("opens");
    assert_eq!(opened.projection, Projection::from_ops(&ops));
    assert!(opened.snapshot_stale);

    // A sound snapshot of fewer operations than are stored, with no journal to make up.
    let partial = snapshot::encode(&Projection::from_ops(&ops[..50]));
    store
        .start_over(&me, None, &ops, partial.as_deref(), &|_| ())
        .await
        .expect("written");
    let opened = store.projection().await.expect("opens");
    assert_eq!(opened.projection, Projection::from_ops(&ops));
    assert!(opened.snapshot_stale);
}

#[wasm_bindgen_test]
async fn a_database_of_version_1_opens_with_its_log_and_device_intact() {
    use indexed_db_futures::database::Database;
    use indexed_db_futures::prelude::*;
    use indexed_db_futures::transaction::TransactionMode;
    use indexed_db_futures::KeyPath;

    let name = "test-version-1";
    let me = device("dev-v1");
    let mut author = Author::resume(me.id.clone(), []);
    let ops = demo_ops(&mut author, today(), 1_700_000_000_000);
    {
        // As version 1 of the app left it: one record per operation, a snapshot of format
        // 1 and a journal entry after it.
        let db = Database::open(name)
            .with_version(1u32)
            .with_on_upgrade_needed(|_, db| {
                db.create_object_store("ops")
                    .with_key_path(KeyPath::from(["id.device", "id.seq"]))
                    .build()?;
                db.create_object_store("meta").build()?;
                db.create_object_store("snapshot").build()?;
                Ok(())
            })
            .await
            .expect("version 1 created");
        let tx = db
            .transaction(["ops", "meta", "snapshot"])
            .with_mode(TransactionMode::Readwrite)
            .build()
            .expect("transaction");
        let old = tx.object_store("ops").expect("ops store");
        for op in &ops {
            old.add(op).serde().expect("op added");
        }
        let meta = tx.object_store("meta").expect("meta store");
        meta.put(&me)
            .with_key("device")
            .without_key_type()
            .serde()
            .expect("device put");
        let snapshots = tx.object_store("snapshot").expect("snapshot store");
        snapshots
            .put("CBZS\u{1}\u{0}old")
            .with_key("projection")
            .without_key_type()
            .primitive()
            .expect("old snapshot put");
        snapshots
            .put(&ops[0].id)
            .with_key("journal:dev-v1:1")
            .without_key_type()
            .serde()
            .expect("journal put");
        tx.commit().await.expect("version 1 written");
        db.close();
    }

    let store = Store::open_named(name).await.expect("upgraded");
    assert_eq!(store.device().await.expect("readable"), Some(me.clone()));
    assert_eq!(store.ops().await.expect("readable"), ops);
    let opened = store.projection().await.expect("opens");
    assert_eq!(opened.projection, Projection::from_ops(&ops));
    assert!(opened.snapshot_stale, "the old snapshot is set aside");

    // The moved log still refuses an operation it holds, and takes the next one.
    let mut next = Author::resume(me.id.clone(), &ops);
    let more = next.record(ops[0].event.clone(), 2_000_000_000_000);
    assert!(store.append(&ops[..1]).await.is_err());
    store.append(&[more]).await.expect("next operation written");
    let reopened = Store::open_named(name).await.expect("reopens");
    assert_eq!(reopened.ops().await.expect("readable").len(), ops.len() + 1);
}

/// Lets the page's other tasks run until `ready` says so.
async fn until(ready: impl Fn() -> bool) {
    for _ in 0..1000 {
        if ready() {
            return;
        }
        let tick = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
        let _ = wasm_bindgen_futures::JsFuture::from(tick).await;
    }
    panic!("never ready");
}

#[wasm_bindgen_test]
async fn a_write_asked_for_while_another_runs_is_stored_after_it() {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;

    use cobranza::store::error::StoreError;
    use cobranza::store::write_queue::WriteQueue;

    let store = Rc::new(
        Store::open_named("test-write-queue")
            .await
            .expect("database opens"),
    );
    let me = device("dev-q");
    store
        .start_over(&me, None, &[], None, &|_| ())
        .await
        .expect("clean start");
    let mut author = Author::resume(me.id.clone(), []);
    let ops = demo_ops(&mut author, today(), 1_700_000_000_000);
    let (first_ops, second_ops) = (ops[..3].to_vec(), ops[3..5].to_vec());

    let writes = WriteQueue::new();
    let order = Rc::new(RefCell::new(Vec::new()));
    let started = Rc::new(Cell::new(false));
    let (open_gate, gate) = futures_channel::oneshot::channel::<()>();
    let first = writes.push({
        let (store, order, started) = (Rc::clone(&store), Rc::clone(&order), Rc::clone(&started));
        async move {
            started.set(true);
            // Held open until the second write has been asked for.
            let _ = gate.await;
            store.append(&first_ops).await?;
            order.borrow_mut().push("first");
            Ok("first stored")
        }
    });
    until(|| started.get()).await;
    let second = writes.push({
        let (store, order) = (Rc::clone(&store), Rc::clone(&order));
        async move {
            store.append(&second_ops).await?;
            order.borrow_mut().push("second");
            Ok("second stored")
        }
    });
    // A failed write answers its own caller and does not stop the ones behind it.
    let failing = writes.push(async { Err::<(), _>(StoreError::QuotaExceeded) });
    let after_failure = writes.push({
        let store = Rc::clone(&store);
        async move { store.ops().await.map(|ops| ops.len()) }
    });
    let _ = open_gate.send(());

    assert_eq!(second.await, Ok("second stored"));
    assert_eq!(first.await, Ok("first stored"));
    assert_eq!(failing.await, Err(StoreError::QuotaExceeded));
    assert_eq!(after_failure.await, Ok(5));
    assert_eq!(*order.borrow(), ["first", "second"]);
    assert_eq!(store.ops().await.expect("readable"), ops[..5].to_vec());
}

/// What an older version kept in this browser's localStorage becomes the company's settings,
/// as operations in IndexedDB, once: after that nothing is kept in localStorage to move in
/// again, and reopening shows the same one change.
#[wasm_bindgen_test]
async fn settings_kept_in_the_browser_become_operations_once() {
    use cobranza::domain::company_settings::CompanySettings;
    use cobranza::domain::outreach::OutreachSettings;
    use cobranza::store::settings;
    use cobranza::sync::company_settings::MovingIn;
    use gloo_storage::{LocalStorage, Storage};

    let kept = OutreachSettings {
        company: "Distribuidora Andina".into(),
        payment_methods: "Nequi 300 123 4567".into(),
        ..OutreachSettings::default()
    };
    LocalStorage::set("cobranza.outreach", &kept).expect("kept as an older version kept it");

    let name = "test-settings-move-in";
    let me = device("office-tablet");
    let store = Store::open_named(name).await.expect("database opens");
    store
        .start_over(&me, None, &[], None, &|_| ())
        .await
        .expect("an empty device");
    let read = settings::kept_outreach().expect("read back from localStorage");
    assert_eq!(read, kept);
    let base = CompanySettings {
        outreach: read,
        ..CompanySettings::default()
    };
    let company = Projection::default().company().resolve(&base);
    let MovingIn::Write(events) = company.moving_in(&me.id, &me.label, true) else {
        panic!("a device alone moves its settings in");
    };
    let mut author = Author::resume(me.id.clone(), []);
    let ops: Vec<_> = events
        .into_iter()
        .map(|event| author.record(event, 1_790_000_000_000))
        .collect();
    store.append(&ops).await.expect("stored");
    settings::forget_kept_outreach();
    drop(store);

    assert_eq!(settings::kept_outreach(), None, "nothing left to move in");
    let reopened = Store::open_named(name).await.expect("database reopens");
    let stored = reopened.ops().await.expect("readable");
    let company = Projection::from_ops(&stored)
        .company()
        .resolve(&CompanySettings::default());
    assert_eq!(company.settings.outreach, kept);
    assert_eq!(company.history.len(), 1);
    assert!(company.roles.is_office(&me.id));
}
