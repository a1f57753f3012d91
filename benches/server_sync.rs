//! Sync through a CouchDB-protocol server, as a collector's phone meets it: the release build
//! in headless Chromium at a phone's size, pouchdb-server in memory on 127.0.0.1 (what
//! `cargo xtask test` installs) holding a route of 50,000 operations. It prints how long a new
//! phone's first pull takes, from «Conectar» to «Sincronizado», and how long a day's work of
//! 200 operations takes to go out once the phone is back online. It asserts nothing about
//! speed.
//!
//! `cargo xtask bench` builds `dist/` and runs it after the other benchmarks.

#[path = "../tests/common/couch_server.rs"]
mod couch_server;
#[path = "../tests/e2e/harness.rs"]
mod harness;

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use cobranza::sync::author::Author;
use cobranza::sync::bundle::format::{Bundle, BundleKind, Sender};
use cobranza::sync::hlc::DeviceId;
use cobranza::sync::op::Op;
use cobranza::sync::projection::Projection;
use cobranza::sync::replication::couch::Database;
use cobranza::sync::replication::doc::OpDoc;
use cobranza::sync::replication::setup::route_database;
use cobranza::sync::sample_portfolio::{sample_ops, PortfolioSize};
use couch_server::CouchServer;
use harness::{
    browser, fill, first_start_probed, number, script, set_network, site_allowing,
    wait_until_within, Chromedriver, StaticServer, PHONE,
};
use serde_json::Value;
use thirtyfour::prelude::*;

const ROUTE: usize = 50_000;
const DAY: usize = 200;
const PATIENCE: Duration = Duration::from_secs(300);

/// Marks when the header first says «Sincronizado» after `window.__bench.from`, and the
/// furthest the pull's bar went.
const PROBE: &str = r#"
window.__bench = {};
new MutationObserver(() => {
    const badge = document.querySelector('.app-header .sync-state');
    const text = badge ? badge.textContent : '';
    if (window.__bench.from !== undefined && window.__bench.synced === undefined
        && text.startsWith('Sincronizado')) {
        window.__bench.synced = performance.now();
    }
    const bar = document.querySelector('.app-header progress');
    if (bar) {
        window.__bench.bar = Math.max(window.__bench.bar || 0, Number(bar.value));
    }
}).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
"#;

#[tokio::main]
async fn main() {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("../dist");
    assert!(
        dist.join("index.html").is_file(),
        "no release build in dist/: `cargo xtask bench` builds it first"
    );
    let couch = CouchServer::start().await;
    couch.allow_browsers().await;
    couch.add_user("juan-perez", "clave-de-juan").await;
    let route = route_database("juan-perez");
    couch.create(&route, &["juan-perez"]).await;

    let mut ops = office_ops(ROUTE + DAY);
    let day = ops.split_off(ROUTE);
    let seeding = Instant::now();
    let admin = couch.admin();
    let db = Database::new(&admin, &route);
    for chunk in ops.chunks(5_000) {
        let docs: Vec<OpDoc> = chunk
            .iter()
            .map(|op| OpDoc::of(op).expect("a document"))
            .collect();
        db.store(&docs).await.expect("seeded");
    }
    println!(
        "Server sync benchmark (headless Chromium at a phone's size, release build, pouchdb-server in memory)"
    );
    row(
        &format!("put {ROUTE} operations on the server (setup, not the app)"),
        seeding.elapsed().as_secs_f64() * 1000.0,
    );

    let site = StaticServer::start(site_allowing(&dist, &couch.url));
    let chromedriver = Chromedriver::start();
    let driver = browser(&chromedriver, PHONE).await;
    first_start_probed(&driver, &site.origin, "Cobrador Juan", PROBE).await;
    click(&driver, ".demo-banner button").await;
    wait_for(
        &driver,
        "document.querySelector('.demo-banner button.danger')",
    )
    .await;
    click(&driver, ".demo-banner button.danger").await;
    wait_for(&driver, "document.querySelector('.empty')").await;

    // A new phone: from «Conectar» to «Sincronizado», the whole route pulled and stored.
    driver
        .goto(format!("{}/ajustes", site.origin))
        .await
        .expect("Ajustes");
    wait_for(&driver, "document.querySelector('input[name=server-url]')").await;
    for (field, value) in [
        ("server-url", couch.url.as_str()),
        ("server-user", "juan-perez"),
        ("server-password", "clave-de-juan"),
    ] {
        fill(&driver, &format!("input[name={field}]"), value).await;
    }
    script(
        &driver,
        "window.__bench.from = performance.now(); document.querySelector('button.connect-server').click();",
    )
    .await;
    wait_for(&driver, "window.__bench.synced !== undefined").await;
    row(
        &format!("first pull of a {ROUTE}-operation route, «Conectar» to «Sincronizado»"),
        elapsed(&driver).await,
    );
    let bar = number(&driver, "return window.__bench.bar || 0;").await;
    println!("  the header's bar showed up to {bar} changes received");

    // A day's work waiting to go out: taken in from a bundle with no network (the phone
    // pushes whatever the server lacks, whoever wrote it), then the network comes back.
    set_network(&driver, false).await;
    let bundle =
        std::env::temp_dir().join(format!("cobranza-bench-day-{}.json", std::process::id()));
    std::fs::write(&bundle, day_bundle(&ops, day)).expect("bundle written");
    driver
        .goto(format!("{}/sincronizar", site.origin))
        .await
        .expect("Sincronizar");
    wait_for(&driver, "document.querySelector('input[name=bundle]')").await;
    driver
        .find(By::Css("input[name=bundle]"))
        .await
        .expect("file input")
        .send_keys(bundle.display().to_string())
        .await
        .expect("file chosen");
    wait_for(&driver, "document.querySelector('.import-report')").await;
    wait_for(&driver,
        &format!(
            "(document.querySelector('.app-header .sync-state')?.textContent ?? '').startsWith('{DAY} cambios sin enviar')"
        ),
    )
    .await;
    script(
        &driver,
        "window.__bench.synced = undefined; window.__bench.from = performance.now();",
    )
    .await;
    set_network(&driver, true).await;
    wait_for(&driver, "window.__bench.synced !== undefined").await;
    row(
        &format!("{DAY} operations out, «back online» to «Sincronizado»"),
        elapsed(&driver).await,
    );
    let _ = std::fs::remove_file(&bundle);
    let on_server = admin.get(&format!("/{route}")).await;
    let count: Value = serde_json::from_str(&on_server.body).unwrap_or_default();
    println!(
        "  the server holds {} documents (the design document among them)",
        count["doc_count"]
    );

    driver.quit().await.expect("quit");
}

/// The office's operations, as the sample portfolio writes them.
fn office_ops(count: usize) -> Vec<Op> {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).expect("valid date");
    let mut office = Author::resume(DeviceId("bench-office".into()), []);
    let mut ops = sample_ops(PortfolioSize::M, 7, today, &mut office, 1_700_000_000_000);
    ops.truncate(count);
    ops
}

/// A bundle of the `day`'s operations, saying it holds everything before them too.
fn day_bundle(before: &[Op], day: Vec<Op>) -> String {
    let holds = Projection::from_ops(before.iter().chain(&day))
        .versions()
        .clone();
    Bundle {
        sender: Sender {
            device: DeviceId("bench-office".into()),
            label: "Oficina central".into(),
        },
        created_ms: 1_700_000_000_000,
        kind: BundleKind::Full,
        holds,
        labels: Default::default(),
        ops: day,
    }
    .to_json()
}

async fn elapsed(driver: &WebDriver) -> f64 {
    number(
        driver,
        "return window.__bench.synced - window.__bench.from;",
    )
    .await
}

async fn click(driver: &WebDriver, css: &str) {
    script(
        driver,
        &format!("document.querySelector({css:?}).click(); return null;"),
    )
    .await;
}

async fn wait_for(driver: &WebDriver, condition: &str) {
    wait_until_within(driver, condition, PATIENCE).await;
}

fn row(what: &str, ms: f64) {
    println!("  {what:<70} {ms:>8.0} ms");
}
