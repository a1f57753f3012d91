//! The office and two collectors' phones with a CouchDB-protocol server on 127.0.0.1, no file
//! between them: the office sets the server up, each phone gets its route by itself, a
//! payment and a promise made with no network reach the office once, and a customer handed
//! from one collector to the other follows on both phones.

use super::couch_server::CouchServer;
use super::*;

/// Ajustes → Servidor, as a person fills it.
async fn connect(driver: &WebDriver, url: &str, user: &str, password: &str, database: &str) {
    open_tab(driver, "Ajustes").await;
    fill(driver, "input[name=server-url]", url).await;
    fill(driver, "input[name=server-user]", user).await;
    fill(driver, "input[name=server-password]", password).await;
    fill(driver, "input[name=server-database]", database).await;
    tap(driver, "button.connect-server", "Conectar").await;
    wait_for_text(driver, ".server-settings .status.ok", "Conexión correcta").await;
}

/// The text of the office's last round, once it is another than `before`.
async fn next_round(driver: &WebDriver, before: &str) -> String {
    wait_until(
        driver,
        &format!(
            "(document.querySelector('.last-round')?.textContent ?? {before:?}) !== {before:?}"
        ),
    )
    .await;
    text_of(driver, ".last-round").await
}

#[tokio::test(flavor = "multi_thread")]
async fn collectors_get_their_routes_with_no_file_their_offline_work_reaches_the_office_once_and_a_reassignment_follows(
) {
    // What the server's installer does: an admin, the office's user and its database.
    let couch = CouchServer::start().await;
    couch.allow_browsers().await;
    couch.add_user("oficina", "clave-oficina").await;
    couch.create("cobranza-oficina", &["oficina"]).await;
    let site = site_allowing(&dist(), &couch.url);
    let office = Visit::first_start(site.clone(), TABLET, "Oficina").await;
    let phone = Visit::first_start(site.clone(), PHONE, "Cobrador Juan").await;
    let other_phone = Visit::first_start(site, PHONE, "Cobradora María").await;

    // A wrong password is said so, and nothing is kept.
    let desk = &office.driver;
    open_tab(desk, "Ajustes").await;
    fill(desk, "input[name=server-url]", &couch.url).await;
    fill(desk, "input[name=server-user]", "oficina").await;
    fill(desk, "input[name=server-password]", "otra-clave").await;
    fill(desk, "input[name=server-database]", "cobranza-oficina").await;
    tap(desk, "button.test-server", "Probar conexión").await;
    wait_for_text(
        desk,
        ".server-settings .status.error",
        "Usuario o contraseña incorrectos",
    )
    .await;
    // The browser logs the refused login itself; that is the only error it logs.
    let logged = console_errors(desk).await;
    assert!(
        logged.len() == 1 && logged[0].contains("/_session") && logged[0].contains("401"),
        "{logged:?}"
    );
    connect(
        desk,
        &couch.url,
        "oficina",
        "clave-oficina",
        "cobranza-oficina",
    )
    .await;
    let first = next_round(desk, "").await;
    // The office signs the messages with the company's name: every phone will.
    fill(desk, "input[name=company]", "Distribuidora Andina").await;
    wait_for_text(desk, ".company-standing", "Este dispositivo es una oficina").await;

    // The office's administrator creates the collectors' users and routes, once.
    fill(desk, "input[name=admin-user]", &couch.admin.0).await;
    fill(desk, "input[name=admin-password]", &couch.admin.1).await;
    fill(desk, "input[name=password-juan-perez]", "clave-de-juan").await;
    fill(desk, "input[name=password-maria-gomez]", "clave-de-maria").await;
    tap(desk, "button.set-up-server", "Crear bases y usuarios").await;
    wait_for_text(
        desk,
        ".server-setup .status.ok",
        "la base de la oficina y 2 rutas",
    )
    .await;
    // The routes are filled by the rounds the setup starts (more than one: setting up
    // collectors also makes this device the company's office, a save of its own).
    for route in ["cobranza-ruta-juan-perez", "cobranza-ruta-maria-gomez"] {
        let started = std::time::Instant::now();
        loop {
            let listed = couch
                .admin()
                .get(&format!("/{route}/_all_docs?limit=0"))
                .await;
            let rows: Value = serde_json::from_str(&listed.body).unwrap_or_default();
            if rows["total_rows"].as_u64().unwrap_or(0) > 1 {
                break;
            }
            assert!(started.elapsed() < WAIT, "{route} was never filled");
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
    }
    next_round(desk, &first).await;
    screenshot(desk, "servidor-tablet").await;

    // Each collector's phone starts empty and gets exactly their route, with no file.
    let maria = &other_phone.driver;
    start_empty(maria).await;
    connect(maria, &couch.url, "maria-gomez", "clave-de-maria", "").await;
    wait_for_text(maria, ".app-header .sync-state", "Sincronizado").await;
    open_tab(maria, "Cartera").await;
    let hers = customers_shown(maria).await;
    let driver = &phone.driver;
    start_empty(driver).await;
    connect(driver, &couch.url, "juan-perez", "clave-de-juan", "").await;
    wait_for_text(driver, ".app-header .sync-state", "Sincronizado").await;
    open_tab(driver, "Cartera").await;
    wait_for_text(driver, ".count", "14 de 14 clientes").await;
    let first_customer = wait_for_text(driver, ".customer a", "").await;
    let name = first_customer.text().await.expect("name");
    let name = name.lines().next().unwrap_or_default().to_owned();
    let before = balance_of(desk, &name).await;

    // The office's settings came with the route, with no file, and are Juan's to read only.
    open_tab(driver, "Ajustes").await;
    wait_for_text(driver, ".company-standing", "Último cambio: «Oficina»").await;
    let shown = script(
        driver,
        "return [document.querySelector('input[name=company]').value,
                 [...document.querySelectorAll('fieldset.company-settings')]
                    .filter((set) => !set.disabled).length];",
    )
    .await;
    assert_eq!(shown, serde_json::json!(["Distribuidora Andina", 0]));

    // Another route is closed to Juan's login.
    fill(driver, "input[name=server-password]", "clave-de-juan").await;
    fill(
        driver,
        "input[name=server-database]",
        "cobranza-ruta-maria-gomez",
    )
    .await;
    tap(driver, "button.test-server", "Probar conexión").await;
    wait_for_text(driver, ".server-settings .status.error", "no tiene acceso").await;
    let logged = console_errors(driver).await;
    assert!(
        logged
            .iter()
            .all(|line| line.contains("cobranza-ruta-maria-gomez")),
        "{logged:?}"
    );
    fill(
        driver,
        "input[name=server-database]",
        "cobranza-ruta-juan-perez",
    )
    .await;

    // A payment and a promise with no network: the header counts them as not sent.
    set_network(driver, false).await;
    open_tab(driver, "Cartera").await;
    tap(driver, ".customer a", &name).await;
    wait_for_text(driver, "h1", &name).await;
    tap(driver, ".actions button", "Registrar pago").await;
    fill(driver, ".panel input[name=amount]", "100.000").await;
    tap(driver, ".panel button.primary", "Guardar").await;
    wait_for_text(driver, ".timeline", "Pago recibido (Efectivo)").await;
    wait_for_text(driver, ".app-header .sync-state", "1 cambio sin enviar").await;
    tap(driver, ".actions button", "Registrar gestión").await;
    fill(driver, ".contact-form select[name=outcome]", "4").await;
    wait_for_text(driver, ".contact-form", "Valor prometido").await;
    fill(
        driver,
        ".contact-form input[name=promise_amount]",
        "200.000",
    )
    .await;
    fill(
        driver,
        ".contact-form input[name=promise_date]",
        "2026-11-27",
    )
    .await;
    tap(driver, ".contact-form button.primary", "Guardar").await;
    wait_for_text(driver, ".timeline", "Prometió pagar").await;
    wait_for_text(driver, ".app-header .sync-state", "cambios sin enviar").await;
    screenshot(driver, "servidor-sin-conexion-phone").await;

    // Back online, it goes by itself.
    set_network(driver, true).await;
    wait_for_text(driver, ".app-header .sync-state", "Sincronizado").await;

    // The office, waiting on Juan's route, takes it in by itself within seconds, and once
    // however often it syncs.
    balance_becomes(desk, &name, before - 100_000).await;
    wait_for_text(desk, ".timeline", "Prometió pagar").await;
    open_tab(desk, "Ajustes").await;
    let last = text_of(desk, ".last-round").await;
    tap(desk, "button.sync-now", "Sincronizar ahora").await;
    let round = next_round(desk, &last).await;
    assert!(round.contains("0 cambios recibidos"), "{round}");
    assert_eq!(balance_of(desk, &name).await, before - 100_000, "once");

    // Sincronizar shows what went through each database.
    open_tab(desk, "Sincronizar").await;
    wait_for_text(desk, ".server-exchanges", "Ruta de Juan Pérez").await;
    wait_for_text(desk, ".server-exchanges", "cobranza-ruta-maria-gomez").await;
    screenshot(desk, "sincronizar-servidor-tablet").await;

    // The office hands the customer to María: her phone gets them with their history, and
    // Juan's phone sees them as hers, each by itself (the phones are waiting on the server).
    balance_of(desk, &name).await;
    tap(desk, ".actions button", "Editar cliente").await;
    fill(desk, ".panel input[name=collector]", "María Gómez").await;
    tap(desk, ".panel button.primary", "Guardar").await;
    open_tab(maria, "Cartera").await;
    wait_for_text(maria, ".count", &format!("{0} de {0} clientes", hers + 1)).await;
    assert_eq!(balance_of(maria, &name).await, before - 100_000);
    open_tab(driver, "Cartera").await;
    fill(driver, "select[name=collector]", "Juan Pérez").await;
    wait_for_text(driver, ".count", "13 de 14 clientes").await;

    other_phone.finish().await;
    phone.finish().await;
    office.finish().await;
}

/// Waits, on the customer's screen, until their balance is `expected`.
async fn balance_becomes(driver: &WebDriver, name: &str, expected: i64) {
    let shown = balance_of(driver, name).await;
    if shown == expected {
        return;
    }
    wait_until(
        driver,
        &format!(
            "(document.querySelector('[data-figure=balance]')?.textContent ?? '').replace(/[^0-9]/g, '') === '{}'",
            expected.abs()
        ),
    )
    .await;
}

/// How many customers Cartera lists, once it lists some.
async fn customers_shown(driver: &WebDriver) -> usize {
    let count = wait_for_text(driver, ".count", "clientes").await;
    let count = count.text().await.expect("count");
    count
        .split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .expect("a number of customers")
}
