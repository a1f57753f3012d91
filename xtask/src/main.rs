//! `cargo xtask serve` and `cargo xtask test`: the README's two commands. Each installs what
//! is missing (and only that), then does its job. `cargo xtask bench` lints and runs the
//! benchmarks (`first-visit` runs only its Lighthouse part, on the build in dist/); `cargo
//! xtask precache` is trunk's post_build hook.

mod lighthouse;
mod precache;
mod process;
mod size_report;
mod static_site;
mod tools;

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use process::{run, run_counting, TestTally};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let root = project_root();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve(&root),
        Some("test") => test(&root),
        Some("bench") => bench(&root),
        Some("precache") => precache::from_trunk_env(),
        Some("size") => size_report::print(&root.join("dist")),
        Some("first-visit") => tools::ensure(&root, tools::Needs::Bench)
            .and_then(|env| lighthouse::first_visit(&root, &env)),
        _ => {
            Err("usage: cargo xtask <serve | test | bench | size | first-visit | precache>".into())
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The package of the benchmarks (`benches/`).
const BENCHES: &str = "cobranza-benches";

/// The native benchmarks (criterion, SQLite as a peer), then the release build in headless
/// Chromium: Lighthouse on a first visit, at L, and syncing a 50,000-operation route through
/// pouchdb-server. They print their numbers.
fn bench(root: &Path) -> Result<(), String> {
    let env = tools::ensure(root, tools::Needs::Bench)?;
    let lint = [
        "clippy",
        "-p",
        BENCHES,
        "--all-targets",
        "--",
        "-D",
        "warnings",
    ];
    run(root, &env, "cargo", &lint)?;
    run(
        root,
        &env,
        "cargo",
        &["bench", "-p", BENCHES, "--bench", "portfolio_scale"],
    )?;
    run(root, &env, "trunk", &["build", "--release"])?;
    lighthouse::first_visit(root, &env)?;
    for bench in ["browser", "server_sync"] {
        run(
            root,
            &env,
            "cargo",
            &["bench", "-p", BENCHES, "--bench", bench],
        )?;
    }
    Ok(())
}

fn project_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Builds a release and serves it on http://127.0.0.1:8080, rebuilding on change.
/// Where `cargo xtask serve` answers.
const SERVE_ADDRESS: &str = "127.0.0.1:8080";

/// The release build, rebuilt by `trunk watch` whenever a source changes, served as a static
/// host should serve it: compressed copies with their `Content-Encoding` (`static_site`).
fn serve(root: &Path) -> Result<(), String> {
    let env = tools::ensure(root, tools::Needs::Build)?;
    run(root, &env, "trunk", &["build", "--release"])?;
    let mut watcher = process::command(root, &env, "trunk", &["watch", "--release"])
        .spawn()
        .map_err(|e| format!("could not start trunk watch: {e}"))?;
    let served = serve_dist(&root.join("dist"));
    let _ = watcher.kill();
    served
}

fn serve_dist(dist: &Path) -> Result<(), String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| e.to_string())?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(SERVE_ADDRESS)
            .await
            .map_err(|e| format!("{SERVE_ADDRESS}: {e}"))?;
        println!("\nCobranza on http://{SERVE_ADDRESS} (Ctrl-C stops it)");
        axum::serve(listener, static_site::site(dist))
            .await
            .map_err(|e| e.to_string())
    })
}

/// Every check and test: formatting, lints, native tests, in-browser tests, the release
/// build, and end-to-end tests against it.
fn test(root: &Path) -> Result<(), String> {
    let env = tools::ensure(root, tools::Needs::BuildAndBrowser)?;
    run(root, &env, "cargo", &["fmt", "--all", "--", "--check"])?;
    run(
        root,
        &env,
        "cargo",
        &[
            "clippy",
            "--workspace",
            // The benchmarks build SQLite from C and criterion: minutes the test suite does
            // not need. `cargo xtask bench` lints them before it runs them.
            "--exclude",
            BENCHES,
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    run(
        root,
        &env,
        "cargo",
        &[
            "clippy",
            "--target",
            tools::WASM_TARGET,
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    let mut tally = TestTally::default();
    run_counting(root, &env, &mut tally, &["test", "--workspace"])?;
    run_counting(
        root,
        &env,
        &mut tally,
        &[
            "test",
            "--target",
            tools::WASM_TARGET,
            "--test",
            "*_in_browser",
        ],
    )?;
    run(root, &env, "trunk", &["build", "--release"])?;
    run_counting(
        root,
        &env,
        &mut tally,
        &["test", "--test", "e2e", "--", "--test-threads=1"],
    )?;
    size_report::print(&root.join("dist"))?;
    println!("tests: {}", tally.summary());
    if tally.failed > 0 || tally.passed == 0 {
        return Err("tests failed or none ran".into());
    }
    Ok(())
}
