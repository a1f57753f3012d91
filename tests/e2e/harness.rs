//! What the end-to-end tests stand on: the release build served from 127.0.0.1 by a server
//! the test can stop, Debian's chromedriver, and a fresh headless Chromium profile per test.
//! The browser benchmarks stand on it too, and use parts the tests do not.
#![allow(dead_code)]

#[path = "../../xtask/src/static_site.rs"]
mod static_site;

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::{json, Value};
use thirtyfour::cdp::domains::network::NetworkConditions;
use thirtyfour::prelude::*;
use thirtyfour::{ChromiumLikeCapabilities, LoggingPrefsLogLevel};

pub const WAIT: Duration = Duration::from_secs(20);

pub fn dist() -> PathBuf {
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    assert!(
        dist.join("index.html").is_file(),
        "no release build in dist/: run `cargo xtask test`, which builds it first"
    );
    dist
}

/// A private copy of `site` that a test may change as a new deployment would.
pub fn copy_of_site(site: &Path) -> PathBuf {
    static COPIES: AtomicUsize = AtomicUsize::new(0);
    let target = std::env::temp_dir().join(format!(
        "cobranza-site-{}-{}",
        std::process::id(),
        COPIES.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&target);
    copy_dir(site, &target);
    target
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create dir");
    for entry in std::fs::read_dir(from).expect("read dir") {
        let path = entry.expect("entry").path();
        let dest = to.join(path.file_name().expect("name"));
        if path.is_dir() {
            copy_dir(&path, &dest);
        } else {
            std::fs::copy(&path, &dest).expect("copy");
        }
    }
}

/// `site` as a host with a sync server publishes it: `server` is the one other origin its
/// Content-Security-Policy lets the page reach (what `COBRANZA_SYNC_ORIGIN` does at build
/// time).
pub fn site_allowing(site: &Path, server: &str) -> PathBuf {
    let copy = copy_of_site(site);
    let index = copy.join("index.html");
    let html = std::fs::read_to_string(&index).expect("index.html");
    let allowed = html.replacen(
        "connect-src 'self'",
        &format!("connect-src 'self' {server}"),
        1,
    );
    assert_ne!(html, allowed, "the policy has a connect-src to extend");
    publish(&index, &allowed);
    copy
}

/// Writes `contents` as the site's file at `path`, as a deployment would: its compressed
/// copies, now stale, go, so the server sends the new file itself.
pub fn publish(path: &Path, contents: &str) {
    std::fs::write(path, contents).expect("file written");
    for suffix in [".br", ".gz"] {
        let mut copy = path.as_os_str().to_owned();
        copy.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(copy));
    }
}

/// Serves a build like a static host, with every unknown path answered by index.html.
pub struct StaticServer {
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
    pub origin: String,
}

impl StaticServer {
    pub fn start(root: PathBuf) -> StaticServer {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        listener
            .set_nonblocking(true)
            .expect("non-blocking listener");
        let port = listener.local_addr().expect("local address").port();
        let (shutdown, stopped) = tokio::sync::oneshot::channel::<()>();
        let thread = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("server runtime");
            runtime.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
                let app = static_site::site(&root);
                tokio::select! {
                    _ = axum::serve(listener, app) => {}
                    _ = stopped => {}
                }
            });
            // Dropping the runtime here drops the listener and every open connection.
        });
        StaticServer {
            shutdown: Some(shutdown),
            thread: Some(thread),
            origin: format!("http://127.0.0.1:{port}"),
        }
    }

    /// Closes the listening socket and every connection: the app's origin is gone.
    pub fn stop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        if let Some(thread) = self.thread.take() {
            thread.join().expect("server thread ends");
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Debian's chromedriver on a free local port, stopped when dropped.
pub struct Chromedriver {
    child: Child,
    pub url: String,
}

impl Chromedriver {
    pub fn start() -> Chromedriver {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let binary = std::env::var("CHROMEDRIVER").unwrap_or("/usr/bin/chromedriver".into());
        let child = Command::new(&binary)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {binary}: {e}"));
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(started.elapsed() < WAIT, "chromedriver did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Chromedriver {
            child,
            url: format!("http://127.0.0.1:{port}"),
        }
    }
}

impl Drop for Chromedriver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The screen the app is shown on.
#[derive(Clone, Copy)]
pub struct Screen {
    pub width: u32,
    pub height: u32,
}

pub const PHONE: Screen = Screen {
    width: 360,
    height: 640,
};
pub const TABLET: Screen = Screen {
    width: 1024,
    height: 768,
};

static PROFILES: AtomicUsize = AtomicUsize::new(0);

/// A headless Chromium with an empty profile: every test is a first start.
pub async fn browser(driver: &Chromedriver, screen: Screen) -> WebDriver {
    let profile = std::env::temp_dir().join(format!(
        "cobranza-e2e-{}-{}",
        std::process::id(),
        PROFILES.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = std::fs::remove_dir_all(&profile);
    let mut caps = DesiredCapabilities::chrome();
    caps.set_binary("/usr/bin/chromium").expect("binary");
    for arg in [
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
        &format!("--user-data-dir={}", profile.display()),
    ] {
        caps.add_arg(arg).expect("argument");
    }
    caps.add_experimental_option(
        "mobileEmulation",
        json!({"deviceMetrics": {"width": screen.width, "height": screen.height, "pixelRatio": 1.0}}),
    )
    .expect("viewport");
    caps.set_browser_log_level(LoggingPrefsLogLevel::All)
        .expect("console log");
    caps.set_logging_prefs("performance", LoggingPrefsLogLevel::All)
        .expect("network log");
    WebDriver::new(&driver.url, caps)
        .await
        .expect("a Chromium session")
}

/// Waits until an element matching `css` shows `text` (or any text, when empty).
pub async fn wait_for_text(driver: &WebDriver, css: &str, text: &str) -> WebElement {
    let started = Instant::now();
    loop {
        if let Ok(elements) = driver.find_all(By::Css(css)).await {
            for element in elements {
                if let Ok(shown) = element.text().await {
                    if shown.contains(text) && (!text.is_empty() || !shown.is_empty()) {
                        return element;
                    }
                }
            }
        }
        if started.elapsed() > WAIT {
            let body = match driver.find(By::Css("body")).await {
                Ok(body) => body.text().await.unwrap_or_default(),
                Err(_) => String::new(),
            };
            panic!("no `{css}` showing {text:?} within {WAIT:?}; the page shows:\n{body}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Runs a script and returns its value.
pub async fn script(driver: &WebDriver, source: &str) -> Value {
    driver
        .execute(source, Vec::<Value>::new())
        .await
        .expect("script runs")
        .json()
        .clone()
}

/// Waits until a condition written in JavaScript holds.
pub async fn wait_until(driver: &WebDriver, condition: &str) {
    wait_until_within(driver, condition, WAIT).await;
}

/// Waits until the script `condition` is true, checking every 20 ms, at most `patience`.
pub async fn wait_until_within(driver: &WebDriver, condition: &str, patience: Duration) {
    let started = Instant::now();
    let source = format!("return Boolean({condition});");
    while script(driver, &source).await != Value::Bool(true) {
        assert!(started.elapsed() < patience, "never true: {condition}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// A fresh profile's first start, as the benchmarks make it: `probe` runs on every page load
/// from now on, the device is named `label`, and the demo portfolio shows.
pub async fn first_start_probed(driver: &WebDriver, origin: &str, label: &str, probe: &str) {
    driver
        .cdp()
        .send_raw(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": probe }),
        )
        .await
        .expect("probe installed");
    driver.goto(origin).await.expect("app loads");
    wait_until(driver, "document.querySelector('#device-label')").await;
    name_the_device(driver, label).await;
    wait_until(driver, "document.querySelector('.demo-banner button')").await;
}

/// On the welcome screen: names this device `label`, starts, and leaves the PIN for later.
pub async fn name_the_device(driver: &WebDriver, label: &str) {
    driver
        .find(By::Id("device-label"))
        .await
        .expect("label field")
        .send_keys(label)
        .await
        .expect("typing");
    driver
        .find(By::Css("button[type=submit]"))
        .await
        .expect("start")
        .click()
        .await
        .expect("tap");
    wait_for_text(driver, "h1", "Proteja este dispositivo").await;
    wait_for_text(driver, "button.not-now", "Ahora no")
        .await
        .click()
        .await
        .expect("not now");
}

/// What the script `source` returns, as a number (NaN if it is none).
pub async fn number(driver: &WebDriver, source: &str) -> f64 {
    script(driver, source).await.as_f64().unwrap_or(f64::NAN)
}

/// Sets a field's value as typing would, and tells the page.
pub async fn fill(driver: &WebDriver, css: &str, value: &str) {
    script(
        driver,
        &format!(
            "const input = document.querySelector({css:?});
             input.value = {value:?};
             input.dispatchEvent(new Event('input', {{ bubbles: true }}));
             input.dispatchEvent(new Event('change', {{ bubbles: true }}));
             return null;"
        ),
    )
    .await;
}

/// Cuts or restores the page's network, as Chromium's DevTools "offline" switch does.
pub async fn set_network(driver: &WebDriver, online: bool) {
    driver
        .cdp()
        .network()
        .emulate_network_conditions(NetworkConditions {
            offline: !online,
            latency: 0,
            download_throughput: -1,
            upload_throughput: -1,
            connection_type: None,
        })
        .await
        .expect("network emulation");
}

/// The console errors logged since the last call.
pub async fn console_errors(driver: &WebDriver) -> Vec<String> {
    driver
        .browser_log()
        .await
        .expect("browser log")
        .into_iter()
        .filter(|entry| entry.level == "SEVERE")
        .map(|entry| entry.message)
        .collect()
}

/// Every URL that pages of `origin` requested since the last call, from Chromium's network
/// log (which also holds the browser's own start page, loaded before ours).
pub async fn requested_urls(driver: &WebDriver, origin: &str) -> Vec<String> {
    driver
        .get_log("performance")
        .await
        .expect("network log")
        .into_iter()
        .filter_map(|entry| serde_json::from_str::<Value>(&entry.message).ok())
        .filter(|message| message["message"]["method"] == "Network.requestWillBeSent")
        .filter(|message| {
            message["message"]["params"]["documentURL"]
                .as_str()
                .is_some_and(|document| document.starts_with(origin))
        })
        .filter_map(|message| {
            message["message"]["params"]["request"]["url"]
                .as_str()
                .map(str::to_owned)
        })
        .collect()
}

pub async fn screenshot(driver: &WebDriver, name: &str) {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
    let _ = std::fs::create_dir_all(&folder);
    let _ = driver.screenshot(&folder.join(format!("{name}.png"))).await;
}

/// The whole page, top to bottom, not just what fits on the screen: reports are long.
pub async fn full_page_screenshot(driver: &WebDriver, name: &str) {
    use base64::Engine;
    let size = script(
        driver,
        "return [document.documentElement.scrollWidth, document.documentElement.scrollHeight];",
    )
    .await;
    let (width, height) = (
        size[0].as_f64().unwrap_or(360.0),
        size[1].as_f64().unwrap_or(640.0),
    );
    let shot = driver
        .cdp()
        .send_raw(
            "Page.captureScreenshot",
            serde_json::json!({
                "format": "png",
                "captureBeyondViewport": true,
                "clip": { "x": 0, "y": 0, "width": width, "height": height, "scale": 1 }
            }),
        )
        .await;
    let png = shot.ok().and_then(|shot| {
        let data = shot["data"].as_str()?.to_owned();
        base64::engine::general_purpose::STANDARD.decode(data).ok()
    });
    if let Some(png) = png {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
        let _ = std::fs::create_dir_all(&folder);
        let _ = std::fs::write(folder.join(format!("{name}.png")), png);
    }
}
