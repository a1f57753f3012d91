//! Installs what the build and the tests need, skipping what is already there at the right
//! version: the wasm32 target, trunk 0.21, wasm-bindgen-cli at exactly the Cargo.lock
//! version, wasm-opt from npm's binaryen (Debian's is too old and breaks the app), and
//! Debian's Chromium with its driver.

use std::path::Path;

use crate::process::{output, run, Env};

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
const TRUNK_SERIES: &str = "0.21";
const BINARYEN_VERSION: &str = "132";
/// A CouchDB-protocol server the replication tests start on 127.0.0.1 (Debian has no
/// CouchDB package); in a folder of its own, so that npm installing one package never prunes
/// the other.
const POUCHDB_SERVER: NpmPackage = NpmPackage {
    name: "pouchdb-server",
    version: "4.2.0",
    dir: ".tools/pouchdb-server",
    why: "for the replication tests (about 3 minutes)",
};
/// The accessibility rules the end-to-end tests run on every screen (a script the test
/// injects into the page).
const AXE_CORE: NpmPackage = NpmPackage {
    name: "axe-core",
    version: "4.10.2",
    dir: ".tools/axe-core",
    why: "for the accessibility checks",
};
/// Lighthouse for `cargo xtask bench`'s first visit (13 needs a newer Node than Debian's).
pub const LIGHTHOUSE: NpmPackage = NpmPackage {
    name: "lighthouse",
    version: "12.2.3",
    dir: ".tools/lighthouse",
    why: "for the first-visit benchmark",
};
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    Build,
    BuildAndBrowser,
    /// The browser, and Lighthouse.
    Bench,
}

/// An npm package at an exact version, in a folder of its own so that installing one never
/// prunes another.
pub struct NpmPackage {
    pub name: &'static str,
    pub version: &'static str,
    pub dir: &'static str,
    /// Said while installing it.
    why: &'static str,
}

pub fn ensure(root: &Path, needs: Needs) -> Result<Env, String> {
    let env = environment(root);
    ensure_wasm_target(root, &env)?;
    ensure_trunk(root, &env)?;
    ensure_wasm_bindgen(root, &env)?;
    ensure_wasm_opt(root, &env)?;
    if needs != Needs::Build {
        ensure_chromium(root, &env)?;
        ensure_npm_package(root, &env, &POUCHDB_SERVER)?;
        ensure_npm_package(root, &env, &AXE_CORE)?;
    }
    if needs == Needs::Bench {
        ensure_npm_package(root, &env, &LIGHTHOUSE)?;
    }
    Ok(env)
}

/// Tools installed here come first on PATH; the browser tests find Chromium's driver.
fn environment(root: &Path) -> Env {
    let cargo_bin = std::env::var("CARGO_HOME")
        .map(|home| format!("{home}/bin"))
        .or_else(|_| std::env::var("HOME").map(|home| format!("{home}/.cargo/bin")))
        .unwrap_or_default();
    let npm_bin = root.join(".tools/node_modules/.bin");
    let path = format!(
        "{}:{}:{}",
        npm_bin.display(),
        cargo_bin,
        std::env::var("PATH").unwrap_or_default()
    );
    vec![
        ("PATH".into(), path),
        ("CHROMEDRIVER".into(), CHROMEDRIVER.into()),
        ("TRUNK_OFFLINE".into(), "true".into()),
        ("DEBIAN_FRONTEND".into(), "noninteractive".into()),
    ]
}

fn path_of(env: &Env) -> String {
    env.iter()
        .find(|(key, _)| key == "PATH")
        .map(|(_, value)| value.clone())
        .unwrap_or_default()
}

/// `program --version` as found on the tools' PATH.
fn version_of(env: &Env, program: &str) -> Option<String> {
    let found = path_of(env)
        .split(':')
        .map(|dir| Path::new(dir).join(program))
        .find(|candidate| candidate.is_file())?;
    output(found.to_str()?, &["--version"])
}

fn ensure_wasm_target(root: &Path, env: &Env) -> Result<(), String> {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed.lines().any(|line| line.trim() == WASM_TARGET) {
        return Ok(());
    }
    run(root, env, "rustup", &["target", "add", WASM_TARGET])
}

fn ensure_trunk(root: &Path, env: &Env) -> Result<(), String> {
    let wanted = format!("trunk {TRUNK_SERIES}.");
    if version_of(env, "trunk").is_some_and(|v| v.starts_with(&wanted)) {
        return Ok(());
    }
    println!("Installing trunk {TRUNK_SERIES} (about 15 minutes on two cores)…");
    let series = format!("~{TRUNK_SERIES}");
    run(
        root,
        env,
        "cargo",
        &["install", "trunk", "--version", &series, "--locked"],
    )
}

fn ensure_wasm_bindgen(root: &Path, env: &Env) -> Result<(), String> {
    let wanted = locked_version(root, "wasm-bindgen")?;
    let has = |program: &str| {
        version_of(env, program).is_some_and(|v| v.split_whitespace().nth(1) == Some(&wanted))
    };
    if has("wasm-bindgen") && has("wasm-bindgen-test-runner") {
        return Ok(());
    }
    // Without --locked: the CLI's own lock file does not resolve on this toolchain.
    run(
        root,
        env,
        "cargo",
        &[
            "install",
            "wasm-bindgen-cli",
            "--version",
            &wanted,
            "--force",
        ],
    )
}

fn ensure_wasm_opt(root: &Path, env: &Env) -> Result<(), String> {
    let wanted = format!("wasm-opt version {BINARYEN_VERSION}");
    if version_of(env, "wasm-opt").is_some_and(|v| v.starts_with(&wanted)) {
        return Ok(());
    }
    if output("npm", &["--version"]).is_none() {
        apt_install(root, env, &["nodejs", "npm"])?;
    }
    npm_install(root, env, ".tools", &format!("binaryen@{BINARYEN_VERSION}"))
}

/// Installs an npm package into `prefix`, without touching any package.json.
fn npm_install(root: &Path, env: &Env, prefix: &str, package: &str) -> Result<(), String> {
    run(
        root,
        env,
        "npm",
        &[
            "install",
            "--prefix",
            prefix,
            "--no-save",
            "--no-audit",
            "--no-fund",
            package,
        ],
    )
}

fn ensure_npm_package(root: &Path, env: &Env, package: &NpmPackage) -> Result<(), String> {
    let installed = root
        .join(package.dir)
        .join("node_modules")
        .join(package.name)
        .join("package.json");
    let version = std::fs::read_to_string(&installed).unwrap_or_default();
    if version.contains(&format!("\"version\": \"{}\"", package.version)) {
        return Ok(());
    }
    let spec = format!("{}@{}", package.name, package.version);
    println!("Installing {spec} {}…", package.why);
    npm_install(root, env, package.dir, &spec)
}

fn ensure_chromium(root: &Path, env: &Env) -> Result<(), String> {
    if Path::new(CHROMIUM).is_file() && Path::new(CHROMEDRIVER).is_file() {
        return Ok(());
    }
    apt_install(root, env, &["chromium", "chromium-driver"])
}

fn apt_install(root: &Path, env: &Env, packages: &[&str]) -> Result<(), String> {
    run(root, env, "apt-get", &["update"])?;
    let mut args = vec!["install", "-y"];
    args.extend_from_slice(packages);
    run(root, env, "apt-get", &args)
}

/// The version Cargo.lock pins for a package.
fn locked_version(root: &Path, package: &str) -> Result<String, String> {
    let lock = std::fs::read_to_string(root.join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let marker = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == marker {
            if let Some(version) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = \""))
                .and_then(|v| v.strip_suffix('"'))
            {
                return Ok(version.to_owned());
            }
        }
    }
    Err(format!("{package} is not in Cargo.lock"))
}
