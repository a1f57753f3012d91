//! End-to-end: a person's path through the release build in headless Chromium.
#![cfg(not(target_arch = "wasm32"))]

mod app_lock;
#[path = "../common/couch_server.rs"]
mod couch_server;
mod credit;
mod first_visit;
mod harness;
mod legal;
mod paper;
mod reports;
mod server_sync;
#[path = "../common/signer.rs"]
mod signer;

use harness::*;
use serde_json::Value;
use thirtyfour::prelude::*;

const NAV_ES: [&str; 5] = ["Hoy", "Cartera", "Informes", "Sincronizar", "Ajustes"];
const NAV_EN: [&str; 5] = ["Today", "Portfolio", "Reports", "Sync", "Settings"];

/// A person opening the app in a fresh browser.
struct Visit {
    server: StaticServer,
    _chromedriver: Chromedriver,
    driver: WebDriver,
}

/// A working Tuesday morning in Bogotá: every test runs at the same moment, whatever the
/// machine's clock says, so what the contact policy allows never depends on the hour.
const TUESDAY_MORNING: &str = "2026-11-24T10:00:00-05:00";

impl Visit {
    /// First start: name the device and land on the demo portfolio.
    async fn first_start(site: std::path::PathBuf, screen: Screen, label: &str) -> Visit {
        Visit::first_start_at(site, screen, label, TUESDAY_MORNING).await
    }

    /// First start with the page's clock set to `instant` (RFC 3339) in Bogotá's time zone.
    async fn first_start_at(
        site: std::path::PathBuf,
        screen: Screen,
        label: &str,
        instant: &str,
    ) -> Visit {
        let server = StaticServer::start(site);
        let chromedriver = Chromedriver::start();
        let driver = browser(&chromedriver, screen).await;
        set_clock(&driver, instant).await;
        let visit = Visit {
            server,
            _chromedriver: chromedriver,
            driver,
        };
        let driver = &visit.driver;
        driver.goto(&visit.server.origin).await.expect("app loads");
        wait_for_text(driver, "h1", "Bienvenido a Cobranza").await;
        screenshot(
            driver,
            &format!("welcome-{}x{}", screen.width, screen.height),
        )
        .await;
        name_the_device(driver, label).await;
        wait_for_text(driver, ".app-header .device-label", label).await;
        visit
    }

    /// Ends the visit, after checking the console stayed free of errors.
    async fn finish(self) {
        assert_eq!(console_errors(&self.driver).await, Vec::<String>::new());
        self.driver.quit().await.expect("quit");
    }
}

/// Taps the element matching `css` that shows `text`, once it is there, after scrolling it
/// to the middle of the screen as a person would (the tab bar covers the bottom edge).
async fn tap(driver: &WebDriver, css: &str, text: &str) {
    let element = wait_for_text(driver, css, text).await;
    driver
        .execute(
            "arguments[0].scrollIntoView({ block: 'center' });",
            vec![element.to_json().expect("element reference")],
        )
        .await
        .expect("scroll");
    element.click().await.expect("tap");
}

/// Taps a tab until it is the current page: a tap that lands while the page is still
/// redrawing (an alarm appearing above it) can be lost, as a person would tap again.
async fn open_tab(driver: &WebDriver, name: &str) {
    let started = std::time::Instant::now();
    loop {
        tap(driver, ".bottom-nav a", name).await;
        for _ in 0..20 {
            let current = script(
                driver,
                "const a = document.querySelector('.bottom-nav a[aria-current=page]');
                 return a ? a.textContent : '';",
            )
            .await;
            if current.as_str().is_some_and(|text| text.contains(name)) {
                wait_for_text(driver, "h1", "").await;
                return;
            }
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        if started.elapsed() >= WAIT {
            let page = script(
                driver,
                "return location.href + ' ' + document.body.innerText",
            )
            .await;
            panic!(
                "the tab «{name}» never opened; console: {:?}; page: {page}",
                console_errors(driver).await
            );
        }
    }
}

/// The tabs' labels, read in one script: the static shell's tabs can be replaced by the app's
/// between finding a link and reading it.
async fn nav_labels(driver: &WebDriver) -> Vec<String> {
    let labels = script(
        driver,
        "return [...document.querySelectorAll('.bottom-nav a')].map(link => link.innerText.trim())",
    )
    .await;
    serde_json::from_value(labels).unwrap_or_default()
}

async fn wait_for_nav(driver: &WebDriver, expected: [&str; 5]) {
    let started = std::time::Instant::now();
    while nav_labels(driver).await != expected {
        assert!(started.elapsed() < WAIT, "nav never became {expected:?}");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_collector_starts_in_spanish_with_the_demo_and_switches_to_english() {
    let visit = Visit::first_start(dist(), PHONE, "Cobrador Juan").await;
    let driver = &visit.driver;
    wait_for_text(driver, ".demo-banner", "Datos de demostración").await;
    wait_for_nav(driver, NAV_ES).await;
    wait_for_text(driver, ".card", "Cartera total").await;
    wait_for_text(driver, ".card .amount", "COP").await;
    screenshot(driver, "hoy-phone").await;

    open_tab(driver, "Cartera").await;
    wait_for_text(driver, ".count", "40 de 40 clientes").await;
    wait_for_text(driver, ".customer .lateness.late", "días vencido").await;
    let search = driver.find(By::Css("input.search")).await.expect("search");
    search.send_keys("bogota").await.expect("typing");
    wait_for_text(driver, ".count", "6 de 40 clientes").await;

    open_tab(driver, "Informes").await;
    tap(driver, ".subnav a", "Por edades").await;
    wait_for_text(driver, "table.aging caption", "COP").await;
    let buckets = driver
        .find_all(By::Css("table.aging tbody td.amount"))
        .await
        .expect("aging rows");
    assert_eq!(buckets.len(), 6, "one row per aging bucket");
    for bucket in buckets {
        let amount = bucket.text().await.expect("amount");
        assert!(
            !amount.starts_with("$ 0 "),
            "every bucket holds demo debt: {amount}"
        );
    }
    screenshot(driver, "informes-phone").await;

    assert_fits_the_screen(driver).await;
    open_tab(driver, "Ajustes").await;
    wait_for_text(driver, "#language option[value=en]", "")
        .await
        .click()
        .await
        .expect("choose English");
    wait_for_nav(driver, NAV_EN).await;
    assert_eq!(
        script(driver, "return document.documentElement.lang").await,
        "en"
    );

    driver.refresh().await.expect("reload");
    wait_for_nav(driver, NAV_EN).await;
    open_tab(driver, "Portfolio").await;
    wait_for_text(driver, ".count", "40 of 40 customers").await;
    visit.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn after_one_online_load_the_app_starts_offline_with_its_data() {
    let mut visit = Visit::first_start(dist(), PHONE, "Cobradora Ana").await;
    wait_until(&visit.driver, "navigator.serviceWorker.controller").await;

    // The build came over the wire as its brotli copies, named so for caches.
    let encoded = visit
        .driver
        .execute_async(
            "const done = arguments[0];
             const wasm = performance.getEntriesByType('resource')
                 .map((e) => e.name).find((n) => n.endsWith('.wasm'));
             fetch(wasm, { cache: 'no-store' })
                 .then((r) => done([r.headers.get('content-encoding'), r.headers.get('vary')]))
                 .catch((e) => done([String(e), null]));",
            Vec::<Value>::new(),
        )
        .await
        .expect("fetch")
        .json()
        .clone();
    assert_eq!(
        encoded,
        serde_json::json!(["br", "accept-encoding"]),
        "the wasm as served"
    );

    // Out of coverage: the header says so, and says so again when the signal is back.
    set_network(&visit.driver, false).await;
    wait_for_text(&visit.driver, ".connectivity.offline", "Sin conexión").await;
    set_network(&visit.driver, true).await;
    wait_for_text(&visit.driver, ".connectivity", "En línea").await;

    visit.server.stop();

    let driver = &visit.driver;
    driver.refresh().await.expect("reload with no server");
    wait_for_text(driver, ".app-header .device-label", "Cobradora Ana").await;
    wait_for_text(driver, ".demo-banner", "Datos de demostración").await;
    open_tab(driver, "Cartera").await;
    wait_for_text(driver, ".count", "40 de 40 clientes").await;

    // A deep link typed or bookmarked while offline opens too.
    driver
        .goto(format!("{}/informes/edades", visit.server.origin))
        .await
        .expect("deep link");
    wait_for_text(driver, "table.aging caption", "COP").await;
    visit.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn no_request_leaves_the_apps_origin() {
    let visit = Visit::first_start(dist(), PHONE, "Oficina").await;
    let driver = &visit.driver;
    for tab in NAV_ES {
        open_tab(driver, tab).await;
    }
    driver.refresh().await.expect("reload");
    wait_for_text(driver, ".app-header .device-label", "Oficina").await;

    let origin = &visit.server.origin;
    let urls = requested_urls(driver, origin).await;
    assert!(
        urls.iter().any(|u| u.ends_with(".wasm")),
        "the log saw the app load: {urls:?}"
    );
    // A data: URL carries its bytes inline and reaches no host (Chromium draws the date
    // field's calendar icon from one).
    let foreign: Vec<&String> = urls
        .iter()
        .filter(|url| !url.starts_with(&format!("{origin}/")) && !url.starts_with("data:"))
        .collect();
    assert!(foreign.is_empty(), "requests to other origins: {foreign:?}");
    visit.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn clearing_the_demo_starts_empty_and_stays_empty_after_reload() {
    let visit = Visit::first_start(dist(), PHONE, "Cobrador Juan").await;
    let driver = &visit.driver;
    tap(driver, ".demo-banner button", "Borrar y empezar vacío").await;
    wait_for_text(driver, ".demo-banner", "Se borrarán todos los datos").await;
    tap(driver, ".demo-banner button.danger", "Sí, borrar").await;
    wait_for_text(driver, ".empty", "Aún no hay clientes").await;
    assert!(driver
        .find_all(By::Css(".demo-banner"))
        .await
        .expect("query")
        .is_empty());

    driver.refresh().await.expect("reload");
    wait_for_text(driver, ".app-header .device-label", "Cobrador Juan").await;
    wait_for_text(driver, ".empty", "Aún no hay clientes").await;
    open_tab(driver, "Cartera").await;
    wait_for_text(driver, ".count", "0 de 0 clientes").await;
    visit.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_shell_fits_a_phone_and_a_tablet() {
    for (name, screen) in [("phone-360x640", PHONE), ("tablet-1024x768", TABLET)] {
        let visit = Visit::first_start(dist(), screen, "Cobrador Juan").await;
        let driver = &visit.driver;
        open_tab(driver, "Cartera").await;
        wait_for_text(driver, ".count", "40 de 40 clientes").await;
        screenshot(driver, &format!("cartera-{name}")).await;

        let layout = script(
            driver,
            r#"
            const nav = document.querySelector('.bottom-nav').getBoundingClientRect();
            const links = [...document.querySelectorAll('.bottom-nav a')].map(a => a.getBoundingClientRect());
            return {
                width: window.innerWidth,
                height: window.innerHeight,
                scrollWidth: document.documentElement.scrollWidth,
                navBottom: nav.bottom,
                linksInside: links.every(r => r.width >= 44 && r.height >= 44 && r.left >= 0 && r.right <= window.innerWidth + 0.5),
                labelsFit: [...document.querySelectorAll('.bottom-nav a span')].every(s =>
                    s.getClientRects().length === 1 && s.getBoundingClientRect().width <= s.parentElement.getBoundingClientRect().width),
            };
            "#,
        )
        .await;
        assert_eq!(layout["width"], Value::from(screen.width), "{name}");
        assert!(
            layout["scrollWidth"].as_f64() <= layout["width"].as_f64(),
            "{name}: nothing scrolls sideways: {layout}"
        );
        assert_eq!(
            layout["navBottom"].as_f64(),
            layout["height"].as_f64(),
            "{name}: nav at the bottom"
        );
        assert_eq!(
            layout["linksInside"],
            Value::Bool(true),
            "{name}: every tab reachable: {layout}"
        );
        assert_eq!(
            layout["labelsFit"],
            Value::Bool(true),
            "{name}: tab names on one line, uncut: {layout}"
        );
        visit.finish().await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_version_waits_for_the_person_to_take_it() {
    let site = copy_of_site(&dist());
    let visit = Visit::first_start(site.clone(), PHONE, "Cobrador Juan").await;
    let driver = &visit.driver;
    wait_until(
        driver,
        "navigator.serviceWorker.controller && navigator.serviceWorker.controller.state === 'activated'",
    )
    .await;
    let old_cache = cache_names(driver).await;

    // Publish a new build: a different service worker version.
    let sw_path = site.join("sw.js");
    let worker = std::fs::read_to_string(&sw_path).expect("sw.js");
    publish(
        &sw_path,
        &worker.replacen("const VERSION = \"", "const VERSION = \"next-", 1),
    );
    script(
        driver,
        "navigator.serviceWorker.getRegistration().then(r => r.update()); return null;",
    )
    .await;

    wait_for_text(driver, ".update-toast", "Nueva versión disponible").await;
    let before = cache_names(driver).await;
    assert!(
        old_cache.iter().all(|name| before.contains(name)),
        "the running version stays until the person agrees: {before:?}"
    );
    tap(driver, ".update-toast button", "Actualizar").await;

    let started = std::time::Instant::now();
    loop {
        let names = cache_names(driver).await;
        if names.len() == 1 && names[0].starts_with("cobranza-next-") {
            break;
        }
        assert!(
            started.elapsed() < WAIT,
            "new version never took over: {names:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    wait_for_text(driver, ".app-header .device-label", "Cobrador Juan").await;
    assert!(driver
        .find_all(By::Css(".update-toast"))
        .await
        .expect("query")
        .is_empty());
    visit.finish().await;
}

/// Sets the page's wall clock to `instant` (it then runs on from there) and its time zone to
/// Bogotá's, for every page the tab opens from now on; `advance_clock` moves it on in the page
/// that is open.
async fn set_clock(driver: &WebDriver, instant: &str) {
    let source = format!(
        "(() => {{
            const Real = globalThis.__realDate || Date;
            globalThis.__realDate = Real;
            globalThis.__clockOffset = Date.parse({instant:?}) - Real.now();
            class Pinned extends Real {{
                constructor(...args) {{
                    if (args.length === 0) {{ super(Real.now() + globalThis.__clockOffset); }} else {{ super(...args); }}
                }}
                static now() {{ return Real.now() + globalThis.__clockOffset; }}
            }}
            globalThis.Date = Pinned;
        }})();"
    );
    let cdp = driver.cdp();
    cdp.send_raw(
        "Page.addScriptToEvaluateOnNewDocument",
        serde_json::json!({ "source": source }),
    )
    .await
    .expect("clock script");
    cdp.send_raw(
        "Emulation.setTimezoneOverride",
        serde_json::json!({ "timezoneId": "America/Bogota" }),
    )
    .await
    .expect("time zone");
}

/// Moves the open page's clock on by `seconds`, as if that time had passed.
async fn advance_clock(driver: &WebDriver, seconds: u64) {
    script(
        driver,
        &format!(
            "globalThis.__clockOffset += {}; return null;",
            seconds * 1000
        ),
    )
    .await;
}

/// The service worker caches, by name.
async fn cache_names(driver: &WebDriver) -> Vec<String> {
    script(
        driver,
        "caches.keys().then(k => { window.__cacheNames = k.sort(); }); return null;",
    )
    .await;
    tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    let names = script(driver, "return window.__cacheNames || [];").await;
    serde_json::from_value(names).unwrap_or_default()
}

const PORTFOLIO_CSV: &str =
    "\u{feff}nit;cliente;ciudad;factura;fecha_emision;fecha_vencimiento;cuota;valor\n\
900100200;Ferretería Central;Bogotá;FV-10;01/07/2026;01/08/2026;;1.200.000\n\
900100200;Ferretería Central;Bogotá;FV-11;01/09/2026;20/09/2026;1;500.000,50\n\
900100200;Ferretería Central;Bogotá;FV-11;01/09/2026;20/10/2026;2;500.000,50\n\
800300400;Droguería Norte;Cali;FV-12;01/10/2026;30/10/2026;;750.000\n\
800300400;Droguería Norte;Cali;FV-13;ayer;30/10/2026;;abc\n";

const PAYMENTS_CSV: &str =
    "fecha,nit,factura,valor,medio\n2026-09-01,900100200,FV-10,200000,Efectivo\n";

/// As of 15/10/2026 by due date: FV-10 is 75 days late with 1,000,000 left after the
/// payment; FV-11's first instalment is 25 days late, its second and FV-12 are not yet due.
const EXPECTED_AGING: &str = "cliente_id,cliente,Por vencer (COP),1–30 días (COP),31–60 días (COP),61–90 días (COP),91–120 días (COP),Más de 120 días (COP),Total (COP)\n\
800300400,Droguería Norte,750000,0,0,0,0,0,750000\n\
900100200,Ferretería Central,500000.5,500000.5,0,1000000,0,0,2000001\n\
TOTAL,Total COP,1250000.5,500000.5,0,1000000,0,0,2750001\n";

#[tokio::test(flavor = "multi_thread")]
async fn an_administrator_imports_csv_files_and_downloads_the_aging_report() {
    let visit = Visit::first_start(dist(), TABLET, "Oficina").await;
    let driver = &visit.driver;
    start_empty(driver).await;

    let files = std::env::temp_dir().join(format!("cobranza-import-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&files);
    std::fs::create_dir_all(&files).expect("folder");
    let portfolio = files.join("cartera.csv");
    let payments = files.join("pagos.csv");
    std::fs::write(&portfolio, PORTFOLIO_CSV).expect("portfolio file");
    std::fs::write(&payments, PAYMENTS_CSV).expect("payments file");

    open_tab(driver, "Cartera").await;
    tap(driver, "a.button", "Importar CSV").await;
    choose_file(driver, &portfolio).await;
    wait_for_text(driver, ".plan", "2 clientes nuevos").await;
    wait_for_text(driver, ".plan", "3 facturas nuevas").await;
    wait_for_text(driver, ".bad-rows", "Línea 6").await;
    wait_for_text(
        driver,
        ".bad-rows",
        "«ayer» en «fecha_emision» no es una fecha",
    )
    .await;
    screenshot(driver, "import-preview-tablet").await;
    tap(driver, "button.primary", "Importar").await;
    wait_for_text(driver, ".status.ok", "Listo: se guardaron 5 cambios.").await;

    // The same file again: nothing new.
    choose_file(driver, &portfolio).await;
    wait_for_text(driver, ".preview", "Nada nuevo").await;

    choose_file(driver, &payments).await;
    wait_for_text(driver, ".plan", "1 pago nuevo").await;
    tap(driver, "button.primary", "Importar").await;
    wait_for_text(driver, ".status.ok", "Listo: se guardó 1 cambio.").await;

    open_tab(driver, "Informes").await;
    tap(driver, ".subnav a", "Por edades").await;
    wait_for_text(driver, "h1", "Cartera por edades").await;
    script(
        driver,
        "const input = document.querySelector('input[name=cutoff]');
         input.value = '2026-10-15';
         input.dispatchEvent(new Event('change', { bubbles: true }));
         return null;",
    )
    .await;
    wait_for_text(driver, "table.aging tfoot", "2.750.001").await;
    screenshot(driver, "informes-import-tablet").await;
    downloads_into(driver, &files.join("downloads")).await;
    tap(driver, "button.export", "Exportar CSV").await;
    let downloaded = downloaded_file(&files.join("downloads"), "csv").await;
    assert_eq!(
        downloaded.file_name().and_then(|n| n.to_str()),
        Some("cartera-por-edades-2026-10-15.csv")
    );
    let csv = std::fs::read_to_string(&downloaded).expect("downloaded CSV");
    assert_eq!(csv.trim_start_matches('\u{feff}'), EXPECTED_AGING);
    visit.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_collector_records_a_payment_on_the_customer_screen() {
    let visit = Visit::first_start(dist(), PHONE, "Cobrador Juan").await;
    let driver = &visit.driver;
    open_tab(driver, "Cartera").await;
    let search = driver.find(By::Css("input.search")).await.expect("search");
    search.send_keys("Tornillo").await.expect("typing");
    wait_for_text(driver, ".count", "1 de 40 clientes").await;
    tap(driver, ".customer a", "Ferretería El Tornillo").await;
    wait_for_text(driver, "h1", "Ferretería El Tornillo").await;
    wait_for_text(driver, ".contact-buttons a", "WhatsApp").await;
    wait_for_text(driver, ".invoice", "FV-").await;
    let balance_before = wait_for_text(driver, "[data-figure=balance]", "$")
        .await
        .text()
        .await
        .expect("balance");
    screenshot(driver, "cliente-phone").await;

    tap(driver, ".actions button", "Registrar pago").await;
    let amount = driver
        .find(By::Css(".panel input[name=amount]"))
        .await
        .expect("amount");
    amount.send_keys("abc").await.expect("typing");
    tap(driver, ".panel button.primary", "Guardar").await;
    wait_for_text(driver, ".panel .error", "Escribe el valor como").await;
    amount.clear().await.expect("clear");
    amount.send_keys("100.000").await.expect("typing");
    tap(driver, ".panel button.primary", "Guardar").await;
    wait_for_text(driver, ".timeline", "Pago recibido (Efectivo)").await;
    let balance_after = wait_for_text(driver, "[data-figure=balance]", "$")
        .await
        .text()
        .await
        .expect("balance");
    assert_ne!(
        balance_before, balance_after,
        "the payment lowers the balance"
    );

    driver.refresh().await.expect("reload");
    wait_for_text(driver, ".timeline", "Pago recibido (Efectivo)").await;
    visit.finish().await;
}

/// Picks a file in the page's file input, as a person would from the phone's files.
async fn choose_file(driver: &WebDriver, path: &std::path::Path) {
    driver
        .find(By::Css("input[type=file]"))
        .await
        .expect("file input")
        .send_keys(path.display().to_string())
        .await
        .expect("file chosen");
}

/// Nothing sideways to scroll: a phone user reads every screen top to bottom. A phone widens
/// its layout to fit content that is too wide (and shrinks the text), so the page is measured
/// against the screen, not against the window.
async fn assert_fits_the_screen(driver: &WebDriver) {
    let overflow = script(
        driver,
        "return Math.max(document.documentElement.scrollWidth, window.innerWidth) - screen.width;",
    )
    .await;
    if overflow.as_i64().is_some_and(|px| px <= 0) {
        return;
    }
    // Name what sticks out, so the failure says where to look.
    let widest = script(
        driver,
        "return [...document.querySelectorAll('main *')]
            .filter((e) => e.getBoundingClientRect().right > screen.width + 1)
            .slice(-3)
            .map((e) => `${e.tagName}.${e.className}: ${(e.textContent || '').slice(0, 40)}`)
            .join(' | ');",
    )
    .await;
    panic!("the page is wider than the screen by {overflow} px: {widest}");
}

async fn text_of(driver: &WebDriver, css: &str) -> String {
    driver
        .find(By::Css(css))
        .await
        .expect(css)
        .text()
        .await
        .expect("text")
}

/// The collector's day with no network: Hoy's top customer is called, promises to pay, later
/// pays in cash with a numbered receipt; the agenda, balance, history and cash close follow.
#[tokio::test(flavor = "multi_thread")]
async fn a_collector_works_the_agenda_offline_from_a_call_to_a_receipt() {
    let mut visit = Visit::first_start(dist(), PHONE, "Cobrador Juan").await;
    wait_until(&visit.driver, "navigator.serviceWorker.controller").await;
    set_network(&visit.driver, false).await;
    visit.server.stop();
    let driver = &visit.driver;
    driver.refresh().await.expect("reload with no network");
    wait_for_text(driver, ".app-header .device-label", "Cobrador Juan").await;

    // Hoy: the top of the agenda, with why it is there and how to reach the customer.
    let top = wait_for_text(driver, "ol.agenda > li.agenda-entry", "pts").await;
    let customer = top
        .attr("data-customer")
        .await
        .expect("attribute")
        .expect("customer id");
    let name = text_of(driver, "ol.agenda > li.agenda-entry .customer-name").await;
    let reasons = text_of(driver, "ol.agenda > li.agenda-entry .reasons").await;
    assert!(reasons.contains("de la cartera vencida"), "{reasons}");
    assert!(
        text_of(driver, "ol.agenda > li.agenda-entry .suggestion")
            .await
            .starts_with("Siguiente paso:"),
        "every row suggests a step"
    );
    let call = driver
        .find(By::Css("ol.agenda > li.agenda-entry a[data-reach=Call]"))
        .await
        .expect("call link");
    assert!(call
        .attr("href")
        .await
        .expect("href")
        .is_some_and(|h| h.starts_with("tel:+57")));
    let whatsapp = driver
        .find(By::Css(
            "ol.agenda > li.agenda-entry a[data-reach=WhatsApp]",
        ))
        .await
        .expect("WhatsApp link")
        .attr("href")
        .await
        .expect("href")
        .unwrap_or_default();
    assert!(
        whatsapp.starts_with("https://wa.me/57") && whatsapp.contains("?text=Se%C3%B1or(a)"),
        "the top account is at the legal rungs: its message is the written demand: {whatsapp}"
    );
    screenshot(driver, "hoy-agenda-phone").await;
    assert_fits_the_screen(driver).await;

    // The call: the customer promises half a million in three days.
    tap(
        driver,
        "ol.agenda > li.agenda-entry .actions button",
        "Registrar gestión",
    )
    .await;
    wait_for_text(driver, ".contact-form h2", "Nueva gestión").await;
    fill(driver, ".contact-form select[name=outcome]", "4").await;
    wait_for_text(driver, ".contact-form", "Valor prometido").await;
    let in_three_days: String = script(
        driver,
        "const d = new Date(); d.setDate(d.getDate() + 3);
         const p = (n) => String(n).padStart(2, '0');
         return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;",
    )
    .await
    .as_str()
    .expect("a date")
    .to_owned();
    fill(
        driver,
        ".contact-form input[name=promise_amount]",
        "500.000",
    )
    .await;
    fill(
        driver,
        ".contact-form input[name=promise_date]",
        &in_three_days,
    )
    .await;
    fill(
        driver,
        ".contact-form textarea[name=note]",
        "Paga cuando le consignen",
    )
    .await;
    tap(driver, ".contact-form button.primary", "Guardar").await;

    // Off the list for today, under «Gestionados hoy», and someone else is on top.
    wait_for_text(driver, "ol.agenda.done", &name).await;
    let new_top = wait_for_text(driver, "ol.agenda:not(.done):not(.skipped) > li", "pts")
        .await
        .attr("data-customer")
        .await
        .expect("attribute")
        .expect("customer id");
    assert_ne!(new_top, customer);

    // On the customer's screen the contact and the promise are in the history.
    tap(driver, "ol.agenda.done .customer-name", &name).await;
    wait_for_text(driver, "h1", &name).await;
    wait_for_text(
        driver,
        ".timeline",
        "Llamada: Prometió pagar — Paga cuando le consignen",
    )
    .await;
    wait_for_text(driver, ".timeline", "(pendiente)").await;
    let balance_before = text_of(driver, "[data-figure=balance]").await;

    // Later the customer pays in cash: a receipt numbered by this device, and a thank-you.
    tap(driver, ".actions button", "Registrar pago").await;
    fill(driver, ".panel input[name=amount]", "200.000").await;
    tap(driver, ".panel button.primary", "Guardar").await;
    let receipt = wait_for_text(driver, ".receipt h2", "Recibo de caja RC-")
        .await
        .text()
        .await
        .expect("receipt");
    assert!(
        receipt.ends_with("-000001"),
        "the device's first receipt: {receipt}"
    );
    wait_for_text(driver, ".receipt .thanks", "¡Gracias por su pago").await;
    wait_for_text(
        driver,
        ".receipt",
        "Valor recibido: $ 200.000 COP (Efectivo)",
    )
    .await;
    screenshot(driver, "recibo-phone").await;
    assert_fits_the_screen(driver).await;
    let balance_after = text_of(driver, "[data-figure=balance]").await;
    assert_ne!(balance_before, balance_after, "the payment posts at once");

    // All of it survives a reload with no network.
    driver.refresh().await.expect("reload");
    wait_for_text(driver, ".timeline", "Pago recibido (Efectivo) · RC-").await;
    wait_for_text(driver, ".timeline", "Llamada: Prometió pagar").await;
    assert_eq!(
        text_of(driver, "[data-figure=balance]").await,
        balance_after
    );

    // The end of the day: the cash close counts the receipt.
    open_tab(driver, "Hoy").await;
    tap(driver, ".agenda-tools a", "Cierre de caja").await;
    wait_for_text(driver, "[data-figure=cash]", "$ 200.000 COP").await;
    wait_for_text(driver, ".receipts", &name).await;
    visit.finish().await;
}

/// Monday evening in Bogotá, after the hours Ley 2300 allows: every contact button says why it
/// is closed and from when it opens; reminders are offered for what falls due, never for the
/// disputed invoice; a reminder still goes out with a typed reason, recorded in the history;
/// the customer's "no WhatsApp" is honoured; and changing the hours in Ajustes opens the
/// buttons at once.
#[tokio::test(flavor = "multi_thread")]
async fn reminders_and_contact_buttons_follow_the_law_of_the_debtors_country() {
    let visit =
        Visit::first_start_at(dist(), PHONE, "Cobrador Juan", "2026-11-23T19:30:00-05:00").await;
    let driver = &visit.driver;

    // Hoy: the top row's buttons are closed, with the rule, its source and the next opening.
    let block = outside_hours(driver, "7:00–19:00").await;
    assert!(
        block.contains("Permitido desde mar 24/11/2026 07:00"),
        "{block}"
    );
    assert!(
        block.contains("Hora del cliente: lun 23/11/2026 19:30"),
        "{block}"
    );
    assert!(driver
        .find_all(By::Css(
            "ol.agenda > li.agenda-entry:first-child a[data-reach=Call]"
        ))
        .await
        .expect("query")
        .is_empty());
    screenshot(driver, "hoy-fuera-de-horario-phone").await;
    assert_fits_the_screen(driver).await;

    // Today's reminders: three days before FV-1091 falls due; FV-1131, due today, is disputed.
    let reminder = "li.reminder[data-customer=CLI-010]";
    wait_for_text(driver, &format!("{reminder} .reminder-items"), "FV-1091").await;
    wait_for_text(
        driver,
        &format!("{reminder} .badge"),
        "3 días antes del vencimiento",
    )
    .await;
    wait_for_text(
        driver,
        &format!("{reminder} .message-preview"),
        "vence el 26/11/2026",
    )
    .await;
    let listed = text_of(driver, "ol.reminders").await;
    assert!(
        !listed.contains("FV-1131"),
        "a disputed invoice is never reminded"
    );

    // The collector sends it anyway, with a reason, and confirms it went out.
    tap(
        driver,
        &format!("{reminder} .policy-block button.override"),
        "Contactar de todas formas",
    )
    .await;
    fill(
        driver,
        &format!("{reminder} input[name=override_reason]"),
        "El cliente pidió el recordatorio por la noche",
    )
    .await;
    let whatsapp = wait_for_text(
        driver,
        &format!("{reminder} a[data-reach=WhatsApp]"),
        "WhatsApp",
    )
    .await;
    let href = whatsapp
        .attr("href")
        .await
        .expect("href")
        .unwrap_or_default();
    assert!(
        href.starts_with("https://wa.me/57") && href.contains("26%2F11%2F2026"),
        "{href}"
    );
    // The link would leave for WhatsApp; the page only needs to see the tap.
    script(
        driver,
        &format!(
            "const link = document.querySelector('{reminder} a[data-reach=WhatsApp]');
             link.addEventListener('click', (e) => e.preventDefault());
             link.click();
             return null;"
        ),
    )
    .await;
    tap(
        driver,
        &format!("{reminder} .sent-confirm button.primary"),
        "Sí, se envió",
    )
    .await;
    let started = std::time::Instant::now();
    while !driver
        .find_all(By::Css(reminder))
        .await
        .expect("query")
        .is_empty()
    {
        assert!(
            started.elapsed() < WAIT,
            "the sent reminder stayed on the list"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }

    // The customer's screen: the message and the exception are in the history; the customer
    // asks not to be written to on WhatsApp, and the button says so.
    driver
        .goto(format!("{}/cliente?id=CLI-010", visit.server.origin))
        .await
        .expect("customer screen");
    wait_for_text(driver, ".timeline", "WhatsApp: Mensaje enviado").await;
    wait_for_text(
        driver,
        ".timeline",
        "Excepción a la política: El cliente pidió el recordatorio por la noche",
    )
    .await;
    tap(
        driver,
        ".consent-list li[data-channel=WhatsApp] button",
        "Revocar",
    )
    .await;
    wait_for_text(
        driver,
        ".consent-list li[data-channel=WhatsApp]",
        "No autorizado desde el 23/11/2026",
    )
    .await;
    wait_for_text(
        driver,
        ".customer-header .policy-block",
        "WhatsApp: el cliente pidió no ser contactado por este canal",
    )
    .await;
    wait_for_text(
        driver,
        ".customer-header .policy-block",
        "Hasta que el cliente lo autorice de nuevo",
    )
    .await;
    wait_for_text(driver, ".timeline", "El cliente revocó el canal WhatsApp").await;
    assert_fits_the_screen(driver).await;

    // Ajustes: the rules with their sources; the business stretches Monday to 20:00 and the
    // call button on Hoy opens at once.
    open_tab(driver, "Ajustes").await;
    wait_for_text(
        driver,
        ".policy-rules",
        "Horario (todos los canales): lun–vie 7:00–19:00, sáb 8:00–15:00, dom sin contacto",
    )
    .await;
    wait_for_text(driver, ".policy-rules", "Fuente: Ley 2300 de 2023, art. 3").await;
    fill(driver, ".week-hours input[name=until_0]", "20:00").await;
    wait_for_text(driver, ".policy-rules", "lun 7:00–20:00").await;
    screenshot(driver, "ajustes-politica-phone").await;
    assert_fits_the_screen(driver).await;
    open_tab(driver, "Hoy").await;
    wait_for_text(
        driver,
        "ol.agenda > li.agenda-entry:first-child a[data-reach=Call]",
        "Llamar",
    )
    .await;
    visit.finish().await;
}

/// The office shortens Colombia's calling hours to 18:00 and rewrites the first reminder; the
/// collector's phone, after one route bundle, holds a call at 18:30 under the office's rule,
/// prefills the office's words, and can only read the settings.
#[tokio::test(flavor = "multi_thread")]
async fn the_offices_rules_reach_the_collectors_phone_in_its_route() {
    const MONDAY_EVENING: &str = "2026-11-23T18:30:00-05:00";
    let files = std::env::temp_dir().join(format!("cobranza-rules-{}", std::process::id()));
    let office = Visit::first_start_at(dist(), TABLET, "Oficina", MONDAY_EVENING).await;
    let phone = Visit::first_start_at(dist(), PHONE, "Cobrador Juan", MONDAY_EVENING).await;
    start_empty(&phone.driver).await;

    let desk = &office.driver;
    open_tab(desk, "Ajustes").await;
    wait_for_text(
        desk,
        ".company-standing",
        "este dispositivo queda como la oficina",
    )
    .await;
    for day in 0..5 {
        fill(
            desk,
            &format!(".week-hours input[name=until_{day}]"),
            "18:00",
        )
        .await;
    }
    wait_for_text(desk, ".policy-rules", "lun–vie 7:00–18:00").await;
    let words = "Hola {cliente}, Distribuidora Andina le recuerda que su factura {facturas} vence el {vence}.";
    fill(
        desk,
        "details.template[data-kind='Reminder(-3)'] textarea",
        words,
    )
    .await;
    wait_for_text(desk, ".company-standing", "Este dispositivo es una oficina").await;
    tap(desk, ".settings-history summary", "Historial de ajustes").await;
    wait_for_text(desk, ".settings-history", "«Oficina»").await;
    wait_for_text(
        desk,
        ".settings-history",
        "texto «Recordatorio: 3 días antes»",
    )
    .await;
    let route = make_bundle(desk, &files.join("office"), ROUTE, Some("Juan Pérez")).await;

    let driver = &phone.driver;
    import_bundle(driver, &route, "Oficina").await;
    open_tab(driver, "Hoy").await;
    outside_hours(driver, "7:00–18:00").await;
    wait_for_text(
        driver,
        "li.reminder[data-customer=CLI-010] .message-preview",
        "Distribuidora Andina le recuerda que su factura FV-1091 vence el 26/11/2026",
    )
    .await;

    open_tab(driver, "Ajustes").await;
    wait_for_text(
        driver,
        ".company-standing",
        "Los ajustes de la empresa los pone la oficina; aquí solo se consultan. Último cambio: «Oficina»",
    )
    .await;
    wait_for_text(driver, ".company-role", "Cobrador").await;
    let editable = script(
        driver,
        "return [...document.querySelectorAll('fieldset.company-settings')]
            .filter((set) => !set.disabled).length;",
    )
    .await;
    assert_eq!(
        editable,
        Value::from(0),
        "every company setting is read only"
    );
    screenshot(driver, "ajustes-de-la-oficina-phone").await;
    assert_fits_the_screen(driver).await;
    office.finish().await;
    phone.finish().await;
}

/// The top agenda row's closed buttons: outside the allowed hours `window`, under Ley 2300's
/// article 3; the block's whole text, for what else it says.
async fn outside_hours(driver: &WebDriver, window: &str) -> String {
    let block = wait_for_text(
        driver,
        "ol.agenda > li.agenda-entry .policy-block",
        "No permitido ahora",
    )
    .await
    .text()
    .await
    .expect("block text");
    assert!(
        block.contains(&format!("fuera del horario permitido ({window})")),
        "{block}"
    );
    assert!(block.contains("Ley 2300 de 2023, art. 3"), "{block}");
    block
}

/// Waits for the one finished `.{extension}` file in `folder`. Chromium reserves the final
/// name with an empty file at once and writes into a `.crdownload` beside it until done, so
/// a file that merely exists may still be empty.
pub(crate) async fn downloaded_file(
    folder: &std::path::Path,
    extension: &str,
) -> std::path::PathBuf {
    let started = std::time::Instant::now();
    loop {
        let files: Vec<std::path::PathBuf> = std::fs::read_dir(folder)
            .map(|entries| entries.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        let writing = files
            .iter()
            .any(|p| p.extension().is_some_and(|ext| ext == "crdownload"));
        let finished: Vec<&std::path::PathBuf> = files
            .iter()
            .filter(|p| p.extension().is_some_and(|ext| ext == extension))
            .filter(|p| std::fs::metadata(p).is_ok_and(|m| m.len() > 0))
            .collect();
        if let ([only], false) = (finished.as_slice(), writing) {
            return (*only).clone();
        }
        assert!(
            started.elapsed() < WAIT,
            "no .{extension} file was downloaded into {folder:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

pub(crate) async fn downloads_into(driver: &WebDriver, folder: &std::path::Path) {
    let _ = std::fs::remove_dir_all(folder);
    std::fs::create_dir_all(folder).expect("download folder");
    driver
        .cdp()
        .send_raw(
            "Browser.setDownloadBehavior",
            serde_json::json!({"behavior": "allow", "downloadPath": folder}),
        )
        .await
        .expect("downloads allowed");
}

/// "$ 1.234.567" as a number of pesos.
fn pesos(shown: &str) -> i64 {
    shown
        .chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .expect("an amount")
}

async fn balance_of(driver: &WebDriver, name: &str) -> i64 {
    open_tab(driver, "Cartera").await;
    let search = driver.find(By::Css("input.search")).await.expect("search");
    search.clear().await.expect("clear");
    search.send_keys(name).await.expect("typing");
    tap(driver, ".customer a", name).await;
    wait_for_text(driver, "h1", name).await;
    pesos(
        &wait_for_text(driver, "[data-figure=balance]", "$")
            .await
            .text()
            .await
            .expect("balance"),
    )
}

/// The office sends a collector their route; the collector, offline, records a payment and
/// sends back an encrypted bundle; the office opens it with the passphrase and the payment
/// shows once, however often the file is imported.
#[tokio::test(flavor = "multi_thread")]
async fn a_route_goes_out_and_a_payment_comes_back_once() {
    let files = std::env::temp_dir().join(format!("cobranza-sync-{}", std::process::id()));
    let office = Visit::first_start(dist(), TABLET, "Oficina").await;
    let mut phone = Visit::first_start(dist(), PHONE, "Cobrador Juan").await;

    // The collector's phone starts empty: the route is all it should hold.
    start_empty(&phone.driver).await;

    // The office: Juan Pérez's route.
    let desk = &office.driver;
    open_tab(desk, "Sincronizar").await;
    downloads_into(desk, &files.join("office")).await;
    tap(desk, ".export .choice", "Ruta de un cobrador").await;
    fill(desk, "select[name=collector]", "Juan Pérez").await;
    tap(desk, "button.create-bundle", "Crear paquete").await;
    wait_for_text(desk, ".export .status.ok", "Paquete listo").await;
    let route = downloaded_file(&files.join("office"), "json").await;
    assert_eq!(
        route.file_name().and_then(|n| n.to_str()),
        Some("cobranza-oficina-2026-11-24-ruta-juan-perez.json")
    );
    screenshot(desk, "sincronizar-tablet").await;

    // The collector takes it in, then works with no network.
    let driver = &phone.driver;
    wait_until(driver, "navigator.serviceWorker.controller").await;
    open_tab(driver, "Sincronizar").await;
    choose_file(driver, &route).await;
    wait_for_text(driver, ".import-report", "Paquete de «Oficina» importado.").await;
    wait_for_text(driver, ".devices", "Oficina").await;
    screenshot(driver, "sincronizar-import-phone").await;
    assert_fits_the_screen(driver).await;
    set_network(driver, false).await;
    phone.server.stop();
    driver.refresh().await.expect("reload with no network");
    open_tab(driver, "Cartera").await;
    let first = wait_for_text(driver, ".customer a", "").await;
    let name = first.text().await.expect("name");
    let name = name.lines().next().unwrap_or_default().to_owned();
    let count = text_of(driver, ".count").await;
    assert_eq!(count, "14 de 14 clientes", "only Juan Pérez's customers");
    tap(driver, ".customer a", &name).await;
    wait_for_text(driver, "h1", &name).await;
    tap(driver, ".actions button", "Registrar pago").await;
    fill(driver, ".panel input[name=amount]", "100.000").await;
    tap(driver, ".panel button.primary", "Guardar").await;
    wait_for_text(driver, ".timeline", "Pago recibido (Efectivo)").await;

    // Back to the office, sealed with a passphrase.
    open_tab(driver, "Sincronizar").await;
    downloads_into(driver, &files.join("phone")).await;
    tap(
        driver,
        ".export .choice",
        "Solo lo nuevo para un dispositivo",
    )
    .await;
    wait_for_text(driver, "select[name=peer]", "Oficina").await;
    fill(driver, "input[name=passphrase]", "ruta norte 2026").await;
    fill(driver, "input[name=passphrase-again]", "ruta norte 2026").await;
    tap(driver, "button.create-bundle", "Crear paquete").await;
    wait_for_text(
        driver,
        ".export .status.ok",
        "Paquete listo y cifrado: 2 operaciones.",
    )
    .await;
    let sealed = downloaded_file(&files.join("phone"), "json").await;
    let contents = std::fs::read_to_string(&sealed).expect("bundle");
    assert!(
        contents.contains("cobranza-bundle-sealed") && !contents.contains(&name),
        "nothing readable in the file"
    );

    let before = balance_of(desk, &name).await;
    open_tab(desk, "Sincronizar").await;
    choose_file(desk, &sealed).await;
    wait_for_text(desk, ".sealed", "Este paquete está cifrado").await;
    fill(desk, "input[name=open-passphrase]", "ruta sur").await;
    tap(desk, "button.open-sealed", "Abrir").await;
    wait_for_text(
        desk,
        ".import .status.error",
        "La contraseña no es correcta",
    )
    .await;
    wait_for_text(
        desk,
        ".import .status.error",
        "los datos guardados no cambiaron",
    )
    .await;
    fill(desk, "input[name=open-passphrase]", "ruta norte 2026").await;
    tap(desk, "button.open-sealed", "Abrir").await;
    wait_for_text(
        desk,
        ".import-report",
        "Paquete de «Cobrador Juan» importado.",
    )
    .await;
    wait_for_text(desk, ".tallies", "Cobrador Juan").await;
    // With it came the phone's public key: the office shows its fingerprint beside its name.
    let fingerprint = script(
        desk,
        "return [...document.querySelectorAll('.devices tbody tr')]
           .find((row) => row.textContent.includes('Cobrador Juan'))
           ?.querySelector('.key')?.textContent ?? ''",
    )
    .await;
    let fingerprint = fingerprint.as_str().unwrap_or_default();
    assert!(
        fingerprint.len() == 19
            && fingerprint
                .split(' ')
                .all(|group| group.len() == 4 && group.chars().all(|c| c.is_ascii_hexdigit())),
        "{fingerprint:?}"
    );
    // Once the collector has read out the same fingerprint, the office accepts the phone.
    tap(
        desk,
        ".devices button.accept-device",
        "Aceptar en la empresa",
    )
    .await;
    wait_for_text(desk, ".devices .accepted", "Aceptado por «Oficina»").await;
    assert_eq!(
        balance_of(desk, &name).await,
        before - 100_000,
        "the payment counts once"
    );

    // The same file again adds nothing.
    open_tab(desk, "Sincronizar").await;
    choose_file(desk, &sealed).await;
    fill(desk, "input[name=open-passphrase]", "ruta norte 2026").await;
    tap(desk, "button.open-sealed", "Abrir").await;
    wait_for_text(desk, ".import-report", "No había nada nuevo").await;
    assert_eq!(balance_of(desk, &name).await, before - 100_000);

    // A damaged file is refused with what is wrong, and changes nothing.
    let cut = files.join("cut.json");
    std::fs::write(&cut, &std::fs::read(&route).expect("route")[..1000]).expect("cut file");
    open_tab(desk, "Sincronizar").await;
    choose_file(desk, &cut).await;
    wait_for_text(desk, ".import .status.error", "El paquete está incompleto").await;
    assert_eq!(balance_of(desk, &name).await, before - 100_000);

    // The route file edited by someone who knows the format (the customer's name changed, the
    // checksum made to match) carries a second version of an operation the office holds: it
    // is refused, and the alarm stays in Sincronizar, across a reload, until acknowledged.
    let altered = files.join("altered.json");
    std::fs::write(&altered, renamed_in(&route, &name, "Otro Nombre S.A.S.")).expect("altered");
    open_tab(desk, "Sincronizar").await;
    choose_file(desk, &altered).await;
    wait_for_text(desk, ".import .status.error", "Alerta de integridad").await;
    desk.refresh().await.expect("reload");
    wait_for_text(desk, ".integrity-alarm", "en un paquete otra versión").await;
    wait_for_text(desk, ".integrity-alarm", "«Oficina»").await;
    screenshot(desk, "alerta-integridad-tablet").await;
    tap(desk, ".integrity-alarm button", "Entendido, lo reviso").await;
    wait_until(desk, "!document.querySelector('.integrity-alarm')").await;
    assert_eq!(balance_of(desk, &name).await, before - 100_000);
    wait_for_text(desk, "h1", &name).await;

    phone.finish().await;
    office.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_phone_restored_from_an_older_copy_takes_a_new_id_and_loses_nothing() {
    let files = std::env::temp_dir().join(format!("cobranza-restore-{}", std::process::id()));
    let office = Visit::first_start(dist(), TABLET, "Oficina").await;
    let phone = Visit::first_start(dist(), PHONE, "Cobrador Juan").await;
    let driver = &phone.driver;
    start_empty(driver).await;
    let desk = &office.driver;
    let route = make_bundle(desk, &files.join("route"), ROUTE, Some("Juan Pérez")).await;
    import_bundle(driver, &route, "Oficina").await;

    // The phone's data as a backup takes it; then a payment that reaches the office.
    copy_database(driver, "cobranza", "cobranza-backup").await;
    open_tab(driver, "Cartera").await;
    let first = wait_for_text(driver, ".customer a", "").await;
    let name = first.text().await.expect("name");
    let name = name.lines().next().unwrap_or_default().to_owned();
    let before = balance_of(desk, &name).await;
    pay(driver, &name, "100.000").await;
    let sent = make_bundle(driver, &files.join("first"), DELTA, None).await;
    import_bundle(desk, &sent, "Cobrador Juan").await;

    // The phone is restored from the backup, and the collector takes another payment: the
    // phone gives it the number the first one had.
    copy_database(driver, "cobranza-backup", "cobranza").await;
    driver.refresh().await.expect("reload");
    assert_eq!(
        balance_of(driver, &name).await,
        before,
        "the copy predates the payment"
    );
    pay(driver, &name, "50.000").await;

    // Everything the office holds shows the phone what happened: it takes a new id, and
    // the second payment goes over to it.
    let full = make_bundle(desk, &files.join("full"), FULL, None).await;
    import_bundle(driver, &full, "Oficina").await;
    wait_for_text(
        driver,
        ".restored-notice",
        "se restauró desde una copia anterior",
    )
    .await;
    wait_for_text(
        driver,
        ".restored-notice",
        "La operación escrita después de la restauración",
    )
    .await;
    screenshot(driver, "dispositivo-restaurado-phone").await;
    assert_eq!(balance_of(driver, &name).await, before - 150_000);

    // Its work since the restore reaches the office with no alarm: both payments, once.
    let since = make_bundle(driver, &files.join("second"), DELTA, None).await;
    import_bundle(desk, &since, "Cobrador Juan").await;
    assert!(
        script(desk, "return !document.querySelector('.integrity-alarm')").await == true,
        "no integrity alarm"
    );
    assert_eq!(balance_of(desk, &name).await, before - 150_000);

    open_tab(driver, "Sincronizar").await;
    tap(driver, ".restored-notice button", "Entendido").await;
    wait_until(driver, "!document.querySelector('.restored-notice')").await;
    phone.finish().await;
    office.finish().await;
}

#[tokio::test]
async fn a_collectors_bundle_with_an_operation_in_the_offices_name_is_refused() {
    use cobranza::sync::bundle::format::{Bundle, BundleKind, Sender};
    use cobranza::sync::bundle::read::{read, Incoming};
    use cobranza::sync::hlc::{DeviceId, Hlc};
    use cobranza::sync::op::{CustomerPatch, Event, Op, OpId};
    use cobranza::sync::projection::Projection;

    let files = std::env::temp_dir().join(format!("cobranza-forged-{}", std::process::id()));
    let office = Visit::first_start(dist(), TABLET, "Oficina").await;
    let phone = Visit::first_start(dist(), PHONE, "Cobrador Juan").await;
    let driver = &phone.driver;
    start_empty(driver).await;
    let full = make_bundle(&office.driver, &files.join("full"), FULL, None).await;
    import_bundle(driver, &full, "Oficina").await;

    // Someone takes everything the office sent and adds a change in the office's name, the
    // number after its last: a customer's name, as if the office had renamed them.
    let bytes = std::fs::read(&full).expect("the office's file");
    let Ok(Incoming::Plain(sent)) = read(&bytes) else {
        panic!("a full bundle is plain");
    };
    // What the office signed with WebCrypto checks with another implementation too.
    let admitted = cobranza::sync::intake::admit(
        sent.ops.clone(),
        None,
        &DeviceId("checker".into()),
        &Projection::default(),
        sent.created_ms,
    );
    assert!(admitted.refused.is_empty() && !admitted.signatures.is_empty());
    assert_eq!(signer::first_forged(&admitted.signatures), None);
    let office_id = sent.sender.device.clone();
    let (customer, last) = sent.ops.iter().filter(|op| op.id.device == office_id).fold(
        (None, 0),
        |(customer, last), op| match &op.event {
            Event::CustomerUpserted { customer, .. } => {
                (Some(customer.clone()), op.id.seq.max(last))
            }
            _ => (customer, op.id.seq.max(last)),
        },
    );
    let mut ops = sent.ops.clone();
    ops.push(Op {
        id: OpId {
            device: office_id.clone(),
            seq: last + 1,
        },
        hlc: Hlc {
            wall_ms: sent.created_ms,
            counter: 0,
            device: office_id,
        },
        event: Event::CustomerUpserted {
            customer: customer.expect("the demo has customers"),
            patch: CustomerPatch {
                name: Some("Nombre Cambiado".into()),
                ..CustomerPatch::default()
            },
        },
    });
    let forged = Bundle {
        sender: Sender {
            device: DeviceId("juan-otro-telefono".into()),
            label: "Cobrador Juan".into(),
        },
        kind: BundleKind::Full,
        holds: Projection::from_ops(&ops).versions().clone(),
        ops,
        ..sent
    };
    let forged_file = files.join("forged.json");
    std::fs::write(&forged_file, forged.to_json()).expect("written");

    open_tab(driver, "Sincronizar").await;
    choose_file(driver, &forged_file).await;
    wait_for_text(
        driver,
        ".status.error",
        &format!("la operación n.º {} a nombre de «Oficina»", last + 1),
    )
    .await;
    wait_for_text(
        driver,
        ".integrity-alarm",
        "a nombre de «Oficina» sin la firma",
    )
    .await;
    screenshot(driver, "operacion-sin-firma-phone").await;
    open_tab(driver, "Cartera").await;
    wait_for_text(driver, ".customer a", "").await;
    assert!(
        script(
            driver,
            "return !document.body.innerText.includes('Nombre Cambiado')"
        )
        .await
            == true,
        "nothing of the forged file was kept"
    );
    phone.finish().await;
    office.finish().await;
}

/// «Borrar y empezar vacío»: a collector's phone holds only what it is sent.
async fn start_empty(driver: &WebDriver) {
    tap(driver, ".demo-banner button", "Borrar y empezar vacío").await;
    tap(driver, ".demo-banner button.danger", "Sí, borrar").await;
    wait_for_text(driver, ".empty", "Aún no hay clientes").await;
}

const FULL: &str = "Completo: todo lo que tiene este dispositivo";
const DELTA: &str = "Solo lo nuevo para un dispositivo";
const ROUTE: &str = "Ruta de un cobrador";

/// Makes a bundle of the `kind` chosen (for the first peer listed, or for `collector`'s route)
/// in Sincronizar, and waits for its file in `folder`.
async fn make_bundle(
    driver: &WebDriver,
    folder: &std::path::Path,
    kind: &str,
    collector: Option<&str>,
) -> std::path::PathBuf {
    open_tab(driver, "Sincronizar").await;
    downloads_into(driver, folder).await;
    tap(driver, ".export .choice", kind).await;
    if let Some(collector) = collector {
        fill(driver, "select[name=collector]", collector).await;
    }
    tap(driver, "button.create-bundle", "Crear paquete").await;
    downloaded_file(folder, "json").await
}

/// Imports the bundle `file` in Sincronizar and waits for the report that `sender`'s came in.
async fn import_bundle(driver: &WebDriver, file: &std::path::Path, sender: &str) {
    open_tab(driver, "Sincronizar").await;
    choose_file(driver, file).await;
    wait_for_text(
        driver,
        ".import-report",
        &format!("Paquete de «{sender}» importado."),
    )
    .await;
}

/// Records a cash payment of `amount` from the customer `name`.
async fn pay(driver: &WebDriver, name: &str, amount: &str) {
    open_tab(driver, "Cartera").await;
    tap(driver, ".customer a", name).await;
    wait_for_text(driver, "h1", name).await;
    tap(driver, ".actions button", "Registrar pago").await;
    fill(driver, ".panel input[name=amount]", amount).await;
    tap(driver, ".panel button.primary", "Guardar").await;
    wait_for_text(driver, ".timeline", "Pago recibido (Efectivo)").await;
}

/// Copies the app's IndexedDB database `from` over `to`, store by store: what a browser
/// backup taken, or restored, does to the page's data.
async fn copy_database(driver: &WebDriver, from: &str, to: &str) {
    let copied = script(
        driver,
        &format!(
            "return (async () => {{
              const open = (name) => new Promise((ok, no) => {{
                const request = indexedDB.open(name);
                request.onupgradeneeded = () => {{
                  request.result.createObjectStore('log', {{ autoIncrement: true }});
                  request.result.createObjectStore('meta');
                  request.result.createObjectStore('snapshot');
                }};
                request.onsuccess = () => ok(request.result);
                request.onerror = () => no(request.error);
              }});
              const done = (request) => new Promise((ok, no) => {{
                request.onsuccess = () => ok(request.result);
                request.onerror = () => no(request.error);
              }});
              const source = await open({from:?});
              const target = await open({to:?});
              for (const name of ['log', 'meta', 'snapshot']) {{
                const store = source.transaction(name).objectStore(name);
                const keys = store.getAllKeys();
                const values = store.getAll();
                const [k, v] = [await done(keys), await done(values)];
                const tx = target.transaction(name, 'readwrite');
                const into = tx.objectStore(name);
                into.clear();
                k.forEach((key, i) => into.put(v[i], key));
                await new Promise((ok, no) => {{ tx.oncomplete = ok; tx.onerror = () => no(tx.error); }});
              }}
              source.close();
              target.close();
              return true;
            }})()"
        ),
    )
    .await;
    assert_eq!(copied, true, "the database was copied");
}

/// The bundle at `path` with the customer `from` renamed `to` in the operation that named
/// them, written back whole with a matching checksum: what a forger who knows the format does.
fn renamed_in(path: &std::path::Path, from: &str, to: &str) -> String {
    use cobranza::sync::bundle::read::{read, Incoming};
    use cobranza::sync::op::Event;
    let bytes = std::fs::read(path).expect("bundle");
    let Ok(Incoming::Plain(mut bundle)) = read(&bytes) else {
        panic!("a plain bundle");
    };
    let named = bundle
        .ops
        .iter_mut()
        .find_map(|op| match &mut op.event {
            Event::CustomerUpserted { patch, .. } if patch.name.as_deref() == Some(from) => {
                Some(patch)
            }
            _ => None,
        })
        .expect("the operation that named the customer");
    named.name = Some(to.to_owned());
    bundle.to_json()
}
