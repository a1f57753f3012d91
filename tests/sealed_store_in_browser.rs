//! The store sealed with the data key, for real, in headless Chromium: what a lost phone's
//! IndexedDB gives away once the app is locked, and what the right PIN gets back.
#![cfg(target_arch = "wasm32")]

use chrono::NaiveDate;
use cobranza::store::data_key::DataKey;
use cobranza::store::database::Store;
use cobranza::store::device_record::DeviceRecord;
use cobranza::sync::author::Author;
use cobranza::sync::bundle::format::BundleKind;
use cobranza::sync::demo::demo_ops;
use cobranza::sync::hlc::DeviceId;
use cobranza::sync::op::Op;
use cobranza::sync::peer::{Peer, Peers, ReceivedBundle};
use cobranza::sync::projection::Projection;
use cobranza::sync::replication::checkpoint::{Checkpoint, Checkpoints};
use cobranza::sync::snapshot;
use cobranza::sync::version_vector::VersionVector;
use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const PIN: &str = "482917";

fn device(id: &str) -> DeviceRecord {
    DeviceRecord {
        id: DeviceId(id.into()),
        label: "Cobrador Juan".into(),
        demo: true,
    }
}

/// A phone holding the demo portfolio with a snapshot and a peer named after a person.
async fn phone_with_demo(name: &str) -> (Store, Vec<Op>) {
    let me = device(&format!("{name}-device"));
    let mut author = Author::resume(me.id.clone(), []);
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a day");
    let ops = demo_ops(&mut author, today, 1_700_000_000_000);
    let store = Store::open_named(name).await.expect("database opens");
    let bytes = snapshot::encode(&Projection::from_ops(&ops)).expect("a snapshot");
    store
        .start_over(&me, None, &ops, Some(&bytes), &|_| ())
        .await
        .expect("demo written");
    let mut peers = Peers::default();
    peers.0.insert(
        DeviceId("office".into()),
        Peer {
            label: "Oficina de Marta Gómez".into(),
            last_bundle: None,
        },
    );
    store
        .import(&[], &peers, None, &|_| ())
        .await
        .expect("peer kept");
    (store, ops)
}

/// The phone's work of the next day, after `ops`.
async fn next_day_ops(store: &Store, ops: &[Op]) -> Vec<Op> {
    let me = store.device().await.expect("device").expect("a device");
    let mut author = Author::resume(me.id.clone(), ops);
    demo_ops(
        &mut author,
        NaiveDate::from_ymd_opt(2026, 11, 24).expect("a day"),
        2,
    )
}

/// Every value IndexedDB holds for the database, as bytes: byte arrays as they are,
/// anything else as its JSON text.
async fn raw_bytes(name: &str) -> Vec<u8> {
    let db = Database::open(name).await.expect("raw open");
    let mut bytes = Vec::new();
    for store_name in ["log", "meta", "snapshot"] {
        let tx = db.transaction(store_name).build().expect("raw read");
        let values = tx
            .object_store(store_name)
            .expect("store")
            .get_all::<JsValue>()
            .primitive()
            .expect("request")
            .await
            .expect("values");
        for value in values {
            let value = value.expect("a value");
            if let Some(array) = value.dyn_ref::<js_sys::Uint8Array>() {
                bytes.extend(array.to_vec());
            } else if let Ok(text) = js_sys::JSON::stringify(&value) {
                bytes.extend(String::from(text).into_bytes());
            }
        }
    }
    db.close();
    bytes
}

fn holds(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

#[wasm_bindgen_test]
async fn once_sealed_nothing_names_a_customer_or_an_amount_and_the_pin_gets_it_all_back() {
    let name = "test-sealed";
    let (store, ops) = phone_with_demo(name).await;
    let before = raw_bytes(name).await;
    for plain in ["Ferretería El Tornillo", "Marta Gómez", "FV-1001"] {
        assert!(holds(&before, plain), "the plain store holds {plain}");
    }

    let (key, lock) = DataKey::create(PIN).await.expect("a lock");
    store.seal_all(key, &lock).await.expect("sealed");
    let after = raw_bytes(name).await;
    for plain in ["Ferretería El Tornillo", "Marta Gómez", "FV-1001", "amount"] {
        assert!(!holds(&after, plain), "{plain} readable after sealing");
    }

    // Work goes on sealed: a new operation and a new snapshot.
    let more = next_day_ops(&store, &ops).await;
    store.append(&more[..3]).await.expect("sealed append");
    let mut all = ops.clone();
    all.extend_from_slice(&more[..3]);
    let bytes = snapshot::encode(&Projection::from_ops(&all)).expect("a snapshot");
    store.save_snapshot(&bytes).await.expect("sealed snapshot");
    assert!(!holds(&raw_bytes(name).await, "Ferretería El Tornillo"));

    // Reopened, as after a reload: the lock is there and the right PIN opens everything.
    let reopened = Store::open_named(name).await.expect("reopens");
    let lock = reopened.lock().await.expect("readable").expect("locked");
    assert!(DataKey::unlock(&lock, "482918").await.is_err());
    reopened.unlock(DataKey::unlock(&lock, PIN).await.expect("right PIN"));
    assert_eq!(
        reopened
            .projection()
            .await
            .expect("opens")
            .projection
            .portfolio(),
        Projection::from_ops(&all).portfolio()
    );
    assert_eq!(reopened.ops().await.expect("opens").len(), all.len());
    let peers = reopened.peers().await.expect("peers open");
    assert_eq!(
        peers.0[&DeviceId("office".into())].label,
        "Oficina de Marta Gómez"
    );
}

/// A locked start reads the sealed data while the PIN is typed; the right PIN then opens what
/// was read, unless something was written since.
#[wasm_bindgen_test]
async fn what_a_locked_start_reads_ahead_opens_with_the_pin_unless_written_since() {
    let name = "test-sealed-read-ahead";
    let (store, ops) = phone_with_demo(name).await;
    let (key, lock) = DataKey::create(PIN).await.expect("a lock");
    store.seal_all(key, &lock).await.expect("sealed");
    let more = next_day_ops(&store, &ops).await;
    store.append(&more[..3]).await.expect("after the snapshot");
    let mut all = ops.clone();
    all.extend_from_slice(&more[..3]);

    let reopened = Store::open_named(name).await.expect("reopens");
    let ahead = reopened.stored().await.expect("read while locked");
    assert!(
        reopened.open_stored(ahead).await.is_err(),
        "read ahead, it opens nothing without the PIN"
    );
    let ahead = reopened.stored().await.expect("read while locked");
    let lock = reopened.lock().await.expect("readable").expect("locked");
    reopened.unlock(DataKey::unlock(&lock, PIN).await.expect("right PIN"));
    assert!(reopened.still_holds(&ahead).await.expect("held"));
    assert_eq!(
        reopened
            .open_stored(ahead)
            .await
            .expect("opens")
            .projection
            .portfolio(),
        Projection::from_ops(&all).portfolio()
    );

    let ahead = reopened.stored().await.expect("read");
    reopened.append(&more[3..4]).await.expect("one more");
    assert!(
        !reopened.still_holds(&ahead).await.expect("held"),
        "a write since makes what was read ahead stale"
    );
}

#[wasm_bindgen_test]
async fn a_new_pin_keeps_the_data() {
    let name = "test-sealed-new-pin";
    let (store, ops) = phone_with_demo(name).await;
    let (key, lock) = DataKey::create(PIN).await.expect("a lock");
    store.seal_all(key, &lock).await.expect("sealed");
    let relocked = DataKey::relock(&lock, PIN, "ruta del norte")
        .await
        .expect("old PIN");
    store.keep_lock(&relocked).await.expect("kept");

    let reopened = Store::open_named(name).await.expect("reopens");
    let lock = reopened.lock().await.expect("readable").expect("locked");
    assert!(DataKey::unlock(&lock, PIN).await.is_err(), "the old PIN");
    reopened.unlock(
        DataKey::unlock(&lock, "ruta del norte")
            .await
            .expect("the new passphrase"),
    );
    assert_eq!(reopened.ops().await.expect("opens").len(), ops.len());
}

#[wasm_bindgen_test]
async fn a_write_while_sealing_stops_the_move_and_leaves_the_plain_data_as_it_was() {
    let name = "test-sealed-interrupted";
    let (store, ops) = phone_with_demo(name).await;
    let more = next_day_ops(&store, &ops).await;
    let (key, lock) = DataKey::create(PIN).await.expect("a lock");

    // A payment is written after the copy was sealed: the switch must not commit.
    let copy = store.sealed_copy(&key).await.expect("a sealed copy");
    store.append(&more[..1]).await.expect("the payment is kept");
    assert!(
        store.switch_to_sealed(copy, key, &lock).await.is_err(),
        "the switch noticed the write"
    );

    let reopened = Store::open_named(name).await.expect("reopens");
    assert_eq!(
        reopened.lock().await.expect("readable"),
        None,
        "still plain"
    );
    assert_eq!(reopened.ops().await.expect("plain").len(), ops.len() + 1);
    assert!(holds(&raw_bytes(name).await, "Ferretería El Tornillo"));
}

#[wasm_bindgen_test]
async fn starting_over_a_sealed_device_keeps_it_sealed() {
    let name = "test-sealed-start-over";
    let (store, ops) = phone_with_demo(name).await;
    let (key, lock) = DataKey::create(PIN).await.expect("a lock");
    store.seal_all(key, &lock).await.expect("sealed");
    let me = store.device().await.expect("device").expect("a device");
    store
        .start_over(&me, None, &ops, None, &|_| ())
        .await
        .expect("started over");
    assert!(!holds(&raw_bytes(name).await, "Ferretería El Tornillo"));
    let reopened = Store::open_named(name).await.expect("reopens");
    let lock = reopened
        .lock()
        .await
        .expect("readable")
        .expect("still locked");
    reopened.unlock(DataKey::unlock(&lock, PIN).await.expect("right PIN"));
    assert_eq!(reopened.ops().await.expect("opens").len(), ops.len());
}

#[wasm_bindgen_test]
async fn what_no_other_device_holds_is_counted_even_locked_and_erasing_forgets_everything() {
    let name = "test-unsent";
    let (store, ops) = phone_with_demo(name).await;
    let own = ops.len() as u64;
    assert_eq!(store.unsent().await.expect("counted"), own);

    // The office's last bundle said it held the first ten of this phone's operations.
    let mut holds = VersionVector::default();
    for op in &ops[..10] {
        holds.observe(&op.id);
    }
    let mut peers = Peers::default();
    peers.0.insert(
        DeviceId("office".into()),
        Peer {
            label: "Oficina".into(),
            last_bundle: Some(ReceivedBundle {
                imported_ms: 0,
                created_ms: 0,
                kind: BundleKind::Full,
                holds,
            }),
        },
    );
    store
        .import(&[], &peers, None, &|_| ())
        .await
        .expect("peers");
    assert_eq!(store.unsent().await.expect("counted"), own - 10);

    // Sealed and reopened without the PIN, the count is still there to be told.
    let (key, lock) = DataKey::create(PIN).await.expect("a lock");
    store.seal_all(key, &lock).await.expect("sealed");
    let locked = Store::open_named(name).await.expect("reopens");
    assert_eq!(locked.unsent().await.expect("counted locked"), own - 10);

    // The server has the rest: nothing would be lost.
    let mut on_server = VersionVector::default();
    for op in &ops {
        on_server.observe(&op.id);
    }
    let mut checkpoints = Checkpoints::new();
    checkpoints.insert(
        "cobranza".into(),
        Checkpoint {
            on_server,
            ..Checkpoint::default()
        },
    );
    locked.unlock(DataKey::unlock(&lock, PIN).await.expect("right PIN"));
    locked.receive(&[], &checkpoints).await.expect("kept");
    assert_eq!(locked.unsent().await.expect("counted"), 0);

    locked.erase().await.expect("erased");
    let fresh = Store::open_named(name).await.expect("reopens");
    assert_eq!(fresh.device().await.expect("readable"), None);
    assert_eq!(fresh.lock().await.expect("readable"), None);
    assert!(fresh.ops().await.expect("readable").is_empty());
}
