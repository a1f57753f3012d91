//! A lost phone gives nothing away: the collector sets a PIN, and from then on a reload shows
//! the lock screen alone; wrong PINs make the next attempt wait, even across a reload; idle
//! past its minutes the app locks itself; a forgotten PIN names what erasing would lose.

use super::*;

#[tokio::test(flavor = "multi_thread")]
async fn a_required_pin_seals_the_phone_wrong_guesses_wait_idle_locks_and_a_forgotten_pin_names_the_loss(
) {
    let visit = Visit::first_start(dist(), PHONE, "Cobrador Juan").await;
    let driver = &visit.driver;

    // The office requires a PIN on every device: this one has none, so nothing else shows
    // until it is set, and a guessable one is refused.
    open_tab(driver, "Ajustes").await;
    tap(
        driver,
        "label.check",
        "Exigir PIN en todos los dispositivos",
    )
    .await;
    wait_for_text(driver, "h1", "Proteja este dispositivo").await;
    wait_for_text(driver, ".pin-request", "Su empresa exige un PIN").await;
    assert!(driver
        .find_all(By::Css("button.not-now"))
        .await
        .expect("query")
        .is_empty());
    fill(driver, "input[name=new_secret]", "123456").await;
    fill(driver, "input[name=repeat_secret]", "123456").await;
    tap(driver, ".pin-form button.primary", "Cifrar y bloquear").await;
    wait_for_text(
        driver,
        ".pin-form [role=alert]",
        "primeros que alguien probaría",
    )
    .await;
    fill(driver, "input[name=new_secret]", "482917").await;
    fill(driver, "input[name=repeat_secret]", "482917").await;
    tap(driver, ".pin-form button.primary", "Cifrar y bloquear").await;
    wait_for_text(driver, "h1", "Ajustes").await;
    wait_for_text(driver, ".lock-settings", "cifrados con su PIN").await;
    open_tab(driver, "Hoy").await;

    // A reload: the lock screen, and nothing of the portfolio.
    driver.refresh().await.expect("reload");
    wait_for_text(driver, "h1", "Cobranza está bloqueada").await;
    let page = script(driver, "return document.body.innerText;").await;
    let page = page.as_str().unwrap_or_default();
    assert!(
        !page.contains("Ferretería") && !page.contains("$"),
        "{page}"
    );

    // Two typos cost nothing; the third makes the next attempt wait, even after a reload.
    for _ in 0..3 {
        wait_until(
            driver,
            "!document.querySelector('.lock-screen button.primary').disabled",
        )
        .await;
        fill(driver, "input[name=secret]", "000001").await;
        tap(driver, ".lock-screen button.primary", "Desbloquear").await;
        wait_for_text(driver, ".lock-screen [role=alert]", "Ese no es el PIN").await;
    }
    wait_for_text(driver, ".lock-wait", "espere").await;
    driver.refresh().await.expect("reload");
    wait_for_text(driver, ".lock-wait", "espere").await;

    // Half a minute later the right PIN opens Hoy, where the collector was.
    set_clock(driver, "2026-11-24T10:01:00-05:00").await;
    driver.refresh().await.expect("reload");
    wait_for_text(driver, "h1", "Cobranza está bloqueada").await;
    fill(driver, "input[name=secret]", "482917").await;
    tap(driver, ".lock-screen button.primary", "Desbloquear").await;
    wait_for_text(driver, "h1", "Hoy").await;
    wait_for_text(driver, "ol.agenda li.agenda-entry", "").await;
    open_tab(driver, "Cartera").await;
    wait_for_text(driver, ".count", "40 de 40 clientes").await;

    // «Bloquear ahora» hides everything again until the PIN.
    open_tab(driver, "Ajustes").await;
    tap(driver, "button.lock-now", "Bloquear ahora").await;
    wait_for_text(driver, "h1", "Cobranza está bloqueada").await;
    fill(driver, "input[name=secret]", "482917").await;
    tap(driver, ".lock-screen button.primary", "Desbloquear").await;
    wait_for_text(driver, "h1", "Ajustes").await;

    // Left untouched past the company's idle minutes, it locks itself.
    fill(driver, "input[name=idle_minutes]", "1").await;
    // The idle check runs every few seconds; the setting is saved long before it.
    advance_clock(driver, 61).await;
    wait_for_text(driver, "h1", "Cobranza está bloqueada").await;

    // A forgotten PIN: the app says what erasing would lose before it erases anything.
    tap(driver, "button.forgot-pin", "Olvidé mi PIN").await;
    let warning = wait_for_text(
        driver,
        ".forget-device p",
        "operaciones suyas que ni la oficina ni el servidor han recibido",
    )
    .await;
    let unsent: u64 = warning
        .attr("data-unsent")
        .await
        .expect("attribute")
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    assert!(
        unsent > 100,
        "the demo's operations exist only here: {unsent}"
    );
    tap(
        driver,
        "button.erase-device",
        &format!("Borrar y perder {unsent} operaciones"),
    )
    .await;
    wait_for_text(driver, "h1", "Bienvenido a Cobranza").await;
    visit.finish().await;
}
