//! The app at L in headless Chromium, as a person meets it: the release build in `dist/`
//! served from 127.0.0.1, the large sample portfolio loaded through Ajustes, then cold
//! starts (also with the CPU throttled 4×, the usual mobile emulation), opening a customer,
//! scrolling Cartera and importing a 50,000-operation bundle, then the same portfolio sealed
//! under a PIN: the move to encrypted storage and cold starts that unlock it. It prints
//! milliseconds and memory; it asserts nothing about speed.
//!
//! `cargo xtask bench` builds `dist/` and runs it after the native benchmarks.

#[path = "../tests/e2e/harness.rs"]
mod harness;
#[path = "../tests/common/signer.rs"]
mod signer;

use std::path::Path;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use cobranza::sync::author::Author;
use cobranza::sync::bundle::format::{Bundle, BundleKind, Sender};
use cobranza::sync::hlc::DeviceId;
use cobranza::sync::op::Event;
use cobranza::sync::projection::Projection;
use cobranza::sync::sample_portfolio::{sample_ops, PortfolioSize};
use harness::{
    browser, first_start_probed, number, script, wait_until_within, Chromedriver, StaticServer,
    TABLET,
};
use serde_json::{json, Value};
use signer::Signer;
use thirtyfour::prelude::*;

/// Loading L writes 235,000 operations; a throttled start is slow by design.
const PATIENCE: Duration = Duration::from_secs(600);
const RUNS: usize = 3;

/// Marks, on every page load, when the wasm started and when Hoy first shows its agenda.
const PROBE: &str = r#"
window.__bench = {};
addEventListener('TrunkApplicationStarted', (e) => {
    window.__bench.wasm = e.detail.wasm;
    window.__bench.started = performance.now();
});
new MutationObserver(() => {
    if (!window.__bench.agenda && document.querySelector('ol.agenda li.agenda-entry')) {
        window.__bench.agenda = performance.now();
    }
    const bar = document.querySelector('.write-progress progress');
    if (bar) {
        window.__bench.progress = Math.max(window.__bench.progress || 0, Number(bar.value));
    }
}).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
"#;

/// Clicks the first element matching the selector and resolves with the milliseconds until
/// an element matching the second selector is on screen, checked every frame.
const CLICK_UNTIL: &str = r#"
const [target, until, done] = arguments;
const started = performance.now();
document.querySelector(target).click();
(function poll() {
    if (document.querySelector(until)) { done(performance.now() - started); }
    else { requestAnimationFrame(poll); }
})();
"#;

#[tokio::main]
async fn main() {
    let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("../dist");
    assert!(
        site.join("index.html").is_file(),
        "no release build in dist/: `cargo xtask bench` builds it first"
    );
    let server = StaticServer::start(site);
    let chromedriver = Chromedriver::start();
    let driver = browser(&chromedriver, TABLET).await;
    first_start_probed(&driver, &server.origin, "Oficina", PROBE).await;

    let size = match std::env::var("COBRANZA_BENCH_SIZE").as_deref() {
        Ok("S") => PortfolioSize::S,
        Ok("M") => PortfolioSize::M,
        _ => PortfolioSize::L,
    };
    println!(
        "In-browser benchmark at {} (headless Chromium, release build)",
        size.name()
    );
    let loaded = Instant::now();
    driver
        .goto(format!("{}/ajustes", server.origin))
        .await
        .expect("Ajustes");
    wait_for(&driver, "document.querySelector('#sample-size')").await;
    script(
        &driver,
        &format!(
            "const s = document.querySelector('#sample-size'); s.value = '{}'; \
             s.dispatchEvent(new Event('change'));",
            size.name()
        ),
    )
    .await;
    script(
        &driver,
        "document.querySelector('.sample-portfolio button').click();",
    )
    .await;
    wait_for(
        &driver,
        "document.querySelector('.sample-portfolio button') && \
         !document.querySelector('.sample-portfolio button').disabled",
    )
    .await;
    row(
        "load the sample portfolio (generate, write)",
        loaded.elapsed().as_secs_f64() * 1000.0,
    );

    let probe: Value = driver.execute_async(r#"
        const done = arguments[0];
        const open = indexedDB.open('cobranza');
        open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['log', 'snapshot']);
            const out = {};
            tx.objectStore('log').count().onsuccess = (e) => { out.records = e.target.result; };
            tx.objectStore('snapshot').get('projection').onsuccess = (e) => { out.snapshot = e.target.result ? e.target.result.byteLength : null; };
            tx.oncomplete = () => done(out);
        };
    "#, Vec::<Value>::new()).await.expect("probe").json().clone();
    println!(
        "  stored: {} log records, a snapshot of {:.1} MB",
        probe["records"],
        probe["snapshot"].as_f64().unwrap_or(f64::NAN) / 1e6
    );
    let cold = cold_starts(&driver, &server.origin).await;
    row("cold start to Hoy's agenda, median", median(cold));
    let heap = heap(&driver).await;
    println!(
        "  JS heap after start                                     {:>8.1} MB",
        heap.0
    );
    println!(
        "  wasm memory after start                                 {:>8.1} MB",
        heap.1
    );

    driver
        .cdp()
        .send_raw("Emulation.setCPUThrottlingRate", json!({ "rate": 4 }))
        .await
        .expect("throttled");
    let throttled = cold_starts(&driver, &server.origin).await;
    row(
        "cold start to Hoy's agenda, CPU 4× slower, median",
        median(throttled),
    );
    driver
        .cdp()
        .send_raw("Emulation.setCPUThrottlingRate", json!({ "rate": 1 }))
        .await
        .expect("unthrottled");
    let opened = click_until(
        &driver,
        "ol.agenda li.agenda-entry a",
        "a[href^='/cliente/estado']",
    )
    .await;
    row("open a customer from Hoy", opened);

    script(
        &driver,
        "document.querySelectorAll('.actions button')[1].click();",
    )
    .await;
    wait_for(
        &driver,
        "document.querySelector('.panel input[name=amount]')",
    )
    .await;
    script(
        &driver,
        "const amount = document.querySelector('.panel input[name=amount]'); \
         amount.value = '1000'; amount.dispatchEvent(new Event('input', { bubbles: true }));",
    )
    .await;
    let paid = click_until(&driver, ".panel button.primary", ".receipt h2").await;
    row("record a payment: stored, balances and aging redone", paid);

    driver
        .goto(format!("{}/cartera", server.origin))
        .await
        .expect("Cartera");
    wait_for(
        &driver,
        "document.querySelector('ul.customer-list li.customer')",
    )
    .await;
    let scrolled: f64 = serde_json::from_value(
        driver
            .execute_async(
                r#"
                const done = arguments[0];
                const list = document.querySelector('ul.customer-list');
                const middle = list.offsetTop + list.offsetHeight / 2;
                const started = performance.now();
                window.scrollTo(0, middle);
                (function poll() {
                    const shown = [...document.querySelectorAll('li.customer')]
                        .some((li) => { const r = li.getBoundingClientRect();
                                        return r.top <= innerHeight / 2 && r.bottom >= innerHeight / 2; });
                    if (shown) { done(performance.now() - started); } else { requestAnimationFrame(poll); }
                })();
                "#,
                Vec::<Value>::new(),
            )
            .await
            .expect("scroll")
            .json()
            .clone(),
    )
    .unwrap_or(f64::NAN);
    row("scroll Cartera to customer 10,000: rows shown", scrolled);

    for (signed, what) in [
        (
            true,
            "import a 50,000-operation bundle, signed (50 signatures checked)",
        ),
        (false, "import 50,000 more from an older app, unsigned"),
    ] {
        import_bundle(&driver, &server.origin, signed, what).await;
    }
    sealed_starts(&driver, &server.origin).await;
    driver.quit().await.expect("quit");
}

/// The PIN the benchmark locks the app with.
const PIN: &str = "482917";

/// Sets a PIN in Ajustes (sealing everything stored), then times cold starts that unlock it:
/// from the page's start to Hoy's agenda with the PIN typed at once, and of that the unlock
/// itself (PBKDF2, opening the sealed snapshot and records, the projection).
async fn sealed_starts(driver: &WebDriver, origin: &str) {
    driver
        .goto(format!("{origin}/ajustes"))
        .await
        .expect("Ajustes");
    wait_for(driver, "document.querySelector('input[name=new_secret]')").await;
    script(
        driver,
        &format!(
            "for (const name of ['new_secret', 'repeat_secret']) {{
                 const input = document.querySelector(`input[name=${{name}}]`);
                 input.value = '{PIN}';
                 input.dispatchEvent(new Event('input', {{ bubbles: true }}));
             }}"
        ),
    )
    .await;
    let sealed = click_until(
        driver,
        ".pin-form button.primary",
        ".lock-settings .status:not(.error)",
    )
    .await;
    row("seal everything stored under a new PIN", sealed);
    for (rate, what) in [(1, ""), (4, ", CPU 4× slower")] {
        driver
            .cdp()
            .send_raw("Emulation.setCPUThrottlingRate", json!({ "rate": rate }))
            .await
            .expect("throttling");
        let mut starts = Vec::new();
        let mut unlocks = Vec::new();
        for _ in 0..RUNS {
            driver.goto(origin).await.expect("app loads");
            wait_for(driver, "document.querySelector('#lock-secret')").await;
            script(
                driver,
                &format!(
                    "const input = document.querySelector('#lock-secret');
                     input.value = '{PIN}';
                     input.dispatchEvent(new Event('input', {{ bubbles: true }}));"
                ),
            )
            .await;
            unlocks.push(
                click_until(
                    driver,
                    ".lock-screen button.primary",
                    "ol.agenda li.agenda-entry",
                )
                .await,
            );
            wait_for(driver, "window.__bench && window.__bench.agenda").await;
            starts.push(number(driver, "return window.__bench.agenda;").await);
        }
        row(
            &format!("sealed cold start to Hoy's agenda, PIN typed at once{what}, median"),
            median(starts),
        );
        row(
            &format!("  of which unlocking (PBKDF2, opening, projection){what}"),
            median(unlocks),
        );
    }
    driver
        .cdp()
        .send_raw("Emulation.setCPUThrottlingRate", json!({ "rate": 1 }))
        .await
        .expect("unthrottled");
}

/// Imports another device's full bundle of 50,000 operations in Sincronizar, timed from the
/// file chosen to the report.
async fn import_bundle(driver: &WebDriver, origin: &str, signed: bool, what: &str) {
    let bundle = std::env::temp_dir().join(format!("cobranza-bench-{}.json", std::process::id()));
    std::fs::write(&bundle, office_bundle(50_000, signed)).expect("bundle written");
    driver
        .goto(format!("{origin}/sincronizar"))
        .await
        .expect("Sincronizar");
    wait_for(driver, "document.querySelector('input[name=bundle]')").await;
    script(driver, "window.__bench.importing = performance.now();").await;
    profiled(driver, async {
        driver
            .find(By::Css("input[name=bundle]"))
            .await
            .expect("file input")
            .send_keys(bundle.display().to_string())
            .await
            .expect("file chosen");
        wait_for(
            driver,
            "document.querySelector('.import-report, .status.error')",
        )
        .await;
    })
    .await;
    let imported = number(
        driver,
        "return document.querySelector('.import-report') ? performance.now() - window.__bench.importing : NaN;",
    )
    .await;
    row(what, imported);
    let shown = number(driver, "return window.__bench.progress || 0;").await;
    println!("  the progress bar showed up to {shown} operations written");
    let _ = std::fs::remove_file(&bundle);
}

/// With `COBRANZA_BENCH_PROFILE` set, the CPU profile of what `step` does is summarized: the
/// functions with the most time of their own. Build with names kept to read wasm frames.
async fn profiled<T>(driver: &WebDriver, step: impl std::future::Future<Output = T>) -> T {
    if std::env::var_os("COBRANZA_BENCH_PROFILE").is_none() {
        return step.await;
    }
    let cdp = driver.cdp();
    cdp.send_raw("Profiler.enable", json!({}))
        .await
        .expect("profiler");
    cdp.send_raw("Profiler.setSamplingInterval", json!({ "interval": 1000 }))
        .await
        .expect("sampling");
    cdp.send_raw("Profiler.start", json!({}))
        .await
        .expect("profiling");
    let result = step.await;
    match cdp.send_raw("Profiler.stop", json!({})).await {
        Ok(profile) => print_profile(&profile["profile"]),
        Err(error) => println!("      (no profile: {error})"),
    }
    result
}

/// Prints the functions with the most time of their own, then the app's own functions with
/// the most time including what they call.
fn print_profile(profile: &Value) {
    use std::collections::{HashMap, HashSet};
    let mut names = HashMap::new();
    let mut parents = HashMap::new();
    for node in profile["nodes"].as_array().into_iter().flatten() {
        let id = node["id"].as_i64().unwrap_or(0);
        let name = node["callFrame"]["functionName"].as_str().unwrap_or("?");
        let name = if name.is_empty() { "(anonymous)" } else { name };
        names.insert(id, name.to_owned());
        for child in node["children"].as_array().into_iter().flatten() {
            parents.insert(child.as_i64().unwrap_or(0), id);
        }
    }
    let mut own: HashMap<&str, i64> = HashMap::new();
    let mut within: HashMap<&str, i64> = HashMap::new();
    let samples = profile["samples"].as_array().cloned().unwrap_or_default();
    let deltas = profile["timeDeltas"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    for (sample, delta) in samples.iter().zip(deltas.iter().skip(1).chain([&json!(0)])) {
        let delta = delta.as_i64().unwrap_or(0);
        let mut node = sample.as_i64().unwrap_or(0);
        let name = names.get(&node).map_or("?", String::as_str);
        *own.entry(name).or_default() += delta;
        let mut seen = HashSet::new();
        loop {
            let name = names.get(&node).map_or("?", String::as_str);
            if name.starts_with("cobranza::") && seen.insert(name) {
                *within.entry(name).or_default() += delta;
            }
            match parents.get(&node) {
                Some(parent) => node = *parent,
                None => break,
            }
        }
    }
    for (title, table) in [
        ("own time", own),
        ("the app's functions, with callees", within),
    ] {
        println!("      {title}:");
        let mut top: Vec<_> = table.into_iter().collect();
        top.sort_by_key(|(_, us)| -us);
        for (name, us) in top.into_iter().take(20) {
            let name: String = name.chars().take(110).collect();
            println!("      {:>7.1} ms  {name}", us as f64 / 1000.0);
        }
    }
}

async fn cold_starts(driver: &WebDriver, origin: &str) -> Vec<f64> {
    let mut runs = Vec::new();
    for _ in 0..RUNS {
        profiled(driver, async {
            driver.goto(origin).await.expect("app loads");
            wait_for(driver, "window.__bench && window.__bench.agenda").await;
        })
        .await;
        runs.push(number(driver, "return window.__bench.agenda;").await);
    }
    runs
}

/// The V8 heap and the wasm linear memory, in MB.
async fn heap(driver: &WebDriver) -> (f64, f64) {
    let usage = driver
        .cdp()
        .send_raw("Runtime.getHeapUsage", json!({}))
        .await
        .expect("heap usage");
    let js = usage["usedSize"].as_f64().unwrap_or(f64::NAN);
    let wasm = number(
        driver,
        "return window.__bench.wasm.memory.buffer.byteLength;",
    )
    .await;
    (js / 1e6, wasm / 1e6)
}

async fn click_until(driver: &WebDriver, target: &str, until: &str) -> f64 {
    let clicked = profiled(
        driver,
        driver.execute_async(CLICK_UNTIL, vec![json!(target), json!(until)]),
    )
    .await
    .expect("click");
    serde_json::from_value(clicked.json().clone()).unwrap_or(f64::NAN)
}

/// Another device's full bundle of `count` operations about the same customers; `signed`
/// as this version's devices write (its key first, a signature per 1,000 operations), or as
/// an older app's.
fn office_bundle(count: usize, signed: bool) -> String {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).expect("valid date");
    let device = DeviceId(
        if signed {
            "bench-office"
        } else {
            "bench-old-office"
        }
        .into(),
    );
    let mut office = Author::resume(device.clone(), []);
    let signer = Signer::new(1);
    let mut ops = Vec::new();
    if signed {
        ops.push(office.record(
            Event::DeviceKeyPublished {
                key: signer.public(),
                signs_from_here: true,
            },
            1_700_000_000_000,
        ));
    }
    ops.extend(sample_ops(
        PortfolioSize::M,
        7,
        today,
        &mut office,
        1_700_000_000_000,
    ));
    ops.truncate(count);
    if signed {
        let mut author = Author::resume(device.clone(), &ops);
        let signatures = signer.sign(&mut author, &ops, 1_700_000_000_000);
        ops.extend(signatures);
    }
    Bundle {
        sender: Sender {
            device,
            label: "Oficina central".into(),
        },
        created_ms: 1_700_000_000_000,
        kind: BundleKind::Full,
        holds: Projection::from_ops(&ops).versions().clone(),
        labels: Default::default(),
        ops,
    }
    .to_json()
}

async fn wait_for(driver: &WebDriver, condition: &str) {
    wait_until_within(driver, condition, PATIENCE).await;
}

fn median(mut runs: Vec<f64>) -> f64 {
    runs.sort_by(f64::total_cmp);
    runs.get(runs.len() / 2).copied().unwrap_or(f64::NAN)
}

fn row(what: &str, ms: f64) {
    println!("  {what:<55} {ms:>8.0} ms");
}
