//! The IndexedDB store, for real, in headless Chromium.
#![cfg(target_arch = "wasm32")]

use chrono::NaiveDate;
use cobranza::store::database::Store;
use cobranza::store::device_record::DeviceRecord;
use cobranza::sync::author::Author;
use cobranza::sync::demo::demo_ops;
use cobranza::sync::hlc::DeviceId;
use cobranza::sync::projection::Projection;
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
        store.start_over(&me).await.expect("clean start");
        store.introduce(&me, &ops).await.expect("demo written");
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
    store.start_over(&me).await.expect("clean start");
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
        .introduce(&demo_device, &demo_ops(&mut author, today(), 1))
        .await
        .expect("demo written");
    let fresh = DeviceRecord {
        id: DeviceId("dev-d".into()),
        demo: false,
        ..demo_device
    };
    store.start_over(&fresh).await.expect("started over");
    assert!(store.ops().await.expect("readable").is_empty());
    assert_eq!(store.device().await.expect("readable"), Some(fresh));
}
