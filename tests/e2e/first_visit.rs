//! The first visit on a phone: the page is painted before its WebAssembly runs and nothing
//! moves when the app takes over; every screen passes the accessibility rules; an amount
//! never breaks inside its figure or its currency code.

use super::*;

/// A mid-range Android phone's screen.
const ANDROID: Screen = Screen {
    width: 412,
    height: 915,
};

/// The axe-core script `cargo xtask test` installs.
fn axe_source() -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(".tools/axe-core/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; `cargo xtask test` installs axe-core",
            path.display()
        )
    })
}

/// Every rule axe-core breaks on the page as it is now, one line each with where.
async fn accessibility_violations(driver: &WebDriver, axe: &str) -> Vec<String> {
    driver
        .execute(&format!("{axe}\nreturn null;"), Vec::<Value>::new())
        .await
        .expect("axe-core loads");
    let found = driver
        .execute_async(
            "const done = arguments[arguments.length - 1];
             axe.run(document).then(
               result => done(result.violations.map(v =>
                 `${v.id} (${v.impact}): ${v.help} — at ${v.nodes.slice(0, 4)
                   .map(n => n.target.join(' ')).join(' | ')}`)),
               error => done([`axe failed: ${error}`]));",
            Vec::<Value>::new(),
        )
        .await
        .expect("axe runs");
    serde_json::from_value(found.json().clone()).expect("a list of violations")
}

/// The amounts on screen that a line break splits inside their figure ("$ 234.978.000")
/// or their currency code ("COP"), as the text of each piece that spans two lines.
async fn broken_amounts(driver: &WebDriver) -> Vec<String> {
    let found = script(
        driver,
        r"const broken = [];
          for (const element of document.querySelectorAll('.amount')) {
            const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              for (const piece of node.data.matchAll(/\$\u00a0[−-]?[\d.,]+|\b[A-Z]{3}\b/g)) {
                const range = document.createRange();
                range.setStart(node, piece.index);
                range.setEnd(node, piece.index + piece[0].length);
                const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
                if (lines.size > 1) broken.push(piece[0]);
              }
            }
          }
          return broken;",
    )
    .await;
    serde_json::from_value(found).expect("a list of pieces")
}

/// Where the header and each tab stand on the screen.
async fn shell_layout(driver: &WebDriver) -> Value {
    script(
        driver,
        "const box = e => { const r = e.getBoundingClientRect();
                            return [r.x, r.y, r.width, r.height]; };
         return { header: box(document.querySelector('.app-header')),
                  tabs: [...document.querySelectorAll('.bottom-nav a')].map(box),
                  title: getComputedStyle(document.querySelector('main h1')).fontSize };",
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_app_is_painted_before_its_webassembly_arrives_and_nothing_moves_when_it_starts() {
    let server = StaticServer::start(dist());
    let chromedriver = Chromedriver::start();
    let driver = browser(&chromedriver, ANDROID).await;
    set_clock(&driver, TUESDAY_MORNING).await;
    // A network so slow that the WebAssembly has not arrived yet: it never does.
    let network = driver.cdp();
    network
        .send_raw("Network.enable", serde_json::json!({}))
        .await
        .expect("network domain");
    network
        .send_raw(
            "Network.setBlockedURLs",
            serde_json::json!({ "urls": ["*.wasm"] }),
        )
        .await
        .expect("wasm held back");
    driver.goto(&server.origin).await.expect("page loads");
    wait_for_text(&driver, "[role=status]", "Cargando…").await;
    assert_eq!(text_of(&driver, ".app-header .app-name").await, "Cobranza");
    assert_eq!(text_of(&driver, "main h1").await, "Hoy");
    assert_eq!(nav_labels(&driver).await, NAV_ES);
    screenshot(&driver, "static-shell-412x915").await;
    let painted = shell_layout(&driver).await;
    // The held-back WebAssembly's failed fetch is all the console says so far.
    let held_back = console_errors(&driver).await;
    assert!(
        held_back
            .iter()
            .all(|error| error.contains("Failed to fetch")),
        "{held_back:?}"
    );

    network
        .send_raw("Network.setBlockedURLs", serde_json::json!({ "urls": [] }))
        .await
        .expect("network back");
    driver.refresh().await.expect("reload");
    wait_for_text(&driver, "h1", "Bienvenido a Cobranza").await;
    name_the_device(&driver, "Cobrador Norte").await;
    wait_for_text(&driver, ".card .amount", "$").await;
    assert_eq!(
        shell_layout(&driver).await,
        painted,
        "the header and the tabs stand where the static shell drew them"
    );
    // The static shell is gone, not hidden: a screen reader finds one header, one set of
    // tabs, one title and no «Cargando…».
    let once = script(
        &driver,
        "return [document.querySelectorAll('.app-header').length,
                 document.querySelectorAll('.bottom-nav').length,
                 document.querySelectorAll('h1').length,
                 document.body.innerText.includes('Cargando')];",
    )
    .await;
    assert_eq!(once, serde_json::json!([1, 1, 1, false]));

    // A tab tapped now opens at once; the shell is the app's from here on.
    open_tab(&driver, "Cartera").await;
    assert_eq!(console_errors(&driver).await, Vec::<String>::new());
    driver.quit().await.expect("quit");
}

#[tokio::test(flavor = "multi_thread")]
async fn every_screen_passes_the_accessibility_rules_on_a_phone() {
    let axe = axe_source();
    let visit = Visit::first_start(dist(), ANDROID, "Cobrador Norte").await;
    let driver = &visit.driver;
    let mut found: Vec<String> = Vec::new();
    let mut check = async |screen: &str| {
        for violation in accessibility_violations(driver, &axe).await {
            found.push(format!("{screen}: {violation}"));
        }
    };
    wait_for_text(driver, ".card .amount", "$").await;
    check("Hoy").await;
    open_tab(driver, "Cartera").await;
    wait_for_text(driver, ".customer-list li.customer a", "").await;
    check("Cartera").await;
    tap(driver, ".customer-list li.customer a", "").await;
    wait_for_text(driver, "[data-figure=balance]", "$").await;
    check("Cliente").await;
    open_tab(driver, "Informes").await;
    wait_for_text(driver, ".kpi-block dd.amount", "$").await;
    check("Informes").await;
    tap(driver, ".subnav a", "Por edades").await;
    wait_for_text(driver, "h1", "Cartera por edades").await;
    check("Informes, por edades").await;
    tap(driver, ".subnav a", "Centrales").await;
    wait_for_text(driver, "h1", "centrales de riesgo").await;
    check("Informes, centrales").await;
    open_tab(driver, "Sincronizar").await;
    check("Sincronizar").await;
    open_tab(driver, "Ajustes").await;
    check("Ajustes").await;
    assert!(
        found.is_empty(),
        "axe-core finds violations:\n{}",
        found.join("\n")
    );
    visit.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_amount_never_breaks_inside_its_figure_or_its_currency_code() {
    let visit = Visit::first_start(dist(), ANDROID, "Cobrador Norte").await;
    let driver = &visit.driver;
    wait_for_text(driver, ".card .amount", "$").await;
    let mut broken = broken_amounts(driver).await;
    open_tab(driver, "Informes").await;
    wait_for_text(driver, ".kpi-block dd.amount", "$").await;
    screenshot(driver, "dashboard-412x915").await;
    broken.extend(broken_amounts(driver).await);
    open_tab(driver, "Cartera").await;
    wait_for_text(driver, ".customer-list li.customer a", "").await;
    broken.extend(broken_amounts(driver).await);
    assert_eq!(broken, Vec::<String>::new(), "pieces split across lines");
    visit.finish().await;
}
