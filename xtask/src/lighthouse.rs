//! Lighthouse's mobile run (a mid-range phone on simulated Slow 4G, its CPU four times
//! slower) on a first visit to the release build, served as `cargo xtask serve` serves it,
//! with Debian's Chromium: its figures against the first visit's budgets.

use std::path::Path;

use serde_json::Value;

use crate::process::{run, Env};
use crate::static_site;
use crate::tools::{CHROMIUM, LIGHTHOUSE};

/// A figure of Lighthouse's report and its budget.
struct Budget {
    name: &'static str,
    /// Where the figure sits in the report's JSON.
    pointer: &'static str,
    /// What the report's number is multiplied by to be shown in `unit`.
    scale: f64,
    unit: &'static str,
    /// The most (or, for a score, the least) the figure may be.
    limit: f64,
    at_least: bool,
}

const BUDGETS: [Budget; 5] = [
    Budget {
        name: "performance",
        pointer: "/categories/performance/score",
        scale: 100.0,
        unit: "",
        limit: 90.0,
        at_least: true,
    },
    Budget {
        name: "largest contentful paint",
        pointer: "/audits/largest-contentful-paint/numericValue",
        scale: 0.001,
        unit: " s",
        limit: 2.5,
        at_least: false,
    },
    Budget {
        name: "time to interactive",
        pointer: "/audits/interactive/numericValue",
        scale: 0.001,
        unit: " s",
        limit: 4.0,
        at_least: false,
    },
    Budget {
        name: "total blocking time",
        pointer: "/audits/total-blocking-time/numericValue",
        scale: 1.0,
        unit: " ms",
        limit: 200.0,
        at_least: false,
    },
    Budget {
        name: "transferred",
        pointer: "/audits/total-byte-weight/numericValue",
        scale: 0.001,
        unit: " KB",
        limit: 580.0,
        at_least: false,
    },
];

/// Chromium as every test here starts it: headless, and never reaching for the network
/// beyond the page's own server.
const CHROME_FLAGS: &str = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --disable-background-networking --disable-component-update --disable-sync --no-first-run \
    --disable-quic";

pub fn first_visit(root: &Path, env: &Env) -> Result<(), String> {
    let origin = serve_in_background(&root.join("dist"))?;
    let report = std::env::temp_dir().join("cobranza-lighthouse.json");
    let cli = root
        .join(LIGHTHOUSE.dir)
        .join("node_modules/lighthouse/cli/index.js");
    let mut env = env.clone();
    env.push(("CHROME_PATH".into(), CHROMIUM.into()));
    run(
        root,
        &env,
        "node",
        &[
            &cli.to_string_lossy(),
            &format!("{origin}/"),
            "--only-categories=performance",
            "--output=json",
            &format!("--output-path={}", report.display()),
            &format!("--chrome-flags={CHROME_FLAGS}"),
            "--quiet",
        ],
    )?;
    let text =
        std::fs::read_to_string(&report).map_err(|e| format!("{}: {e}", report.display()))?;
    let json: Value =
        serde_json::from_str(&text).map_err(|e| format!("Lighthouse's report: {e}"))?;
    println!(
        "\nFirst visit, Lighthouse {} mobile (Slow 4G, 4× CPU):",
        LIGHTHOUSE.version
    );
    for budget in &BUDGETS {
        let Some(value) = json.pointer(budget.pointer).and_then(Value::as_f64) else {
            println!("  {:<26} not reported", budget.name);
            continue;
        };
        let shown = value * budget.scale;
        let within = if budget.at_least {
            shown >= budget.limit
        } else {
            shown <= budget.limit
        };
        let sign = if budget.at_least { "≥" } else { "≤" };
        println!(
            "  {:<26} {:>8.1}{}   budget {sign} {}{}  {}",
            budget.name,
            shown,
            budget.unit,
            budget.limit,
            budget.unit,
            if within { "✓" } else { "✗" }
        );
    }
    Ok(())
}

/// `dist` served on a free port of 127.0.0.1 for as long as xtask runs; its origin.
fn serve_in_background(dist: &Path) -> Result<String, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string())?;
    listener.set_nonblocking(true).map_err(|e| e.to_string())?;
    let origin = format!(
        "http://{}",
        listener.local_addr().map_err(|e| e.to_string())?
    );
    let site = static_site::site(dist);
    std::thread::spawn(move || {
        let served = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map(|runtime| {
                runtime.block_on(async move {
                    match tokio::net::TcpListener::from_std(listener) {
                        Ok(listener) => axum::serve(listener, site).await,
                        Err(error) => Err(error),
                    }
                })
            });
        if let Err(error) = served {
            eprintln!("xtask: the first visit's server stopped: {error}");
        }
    });
    Ok(origin)
}
