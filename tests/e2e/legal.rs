//! The legal stage as an office works it: the minimum wage the rules measure debts by, the
//! notice before a credit-bureau report, and the day the account may be reported.

use super::*;
use cobranza::domain::number_format::NumberFormat;
use rust_decimal::Decimal;

/// In the demo, authorized to be reported (two customers in three are), months overdue and
/// not in dispute.
const CUSTOMER: &str = "Comercializadora del Caribe Ltda.";

/// Waits until the bureau table's row of `customer` says `status`.
async fn bureau_row_says(driver: &WebDriver, customer: &str, status: &str) {
    wait_until(
        driver,
        &format!(
            "[...document.querySelectorAll('table.bureau-standing tbody tr')].some(r => \
             r.textContent.includes({customer:?}) && r.textContent.includes({status:?}))"
        ),
    )
    .await;
}

async fn open_bureau_report(driver: &WebDriver) {
    open_tab(driver, "Informes").await;
    tap(driver, ".subnav a", "Centrales").await;
    wait_for_text(driver, "h1", "Reporte a centrales de riesgo").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_notice_makes_an_account_reportable_twenty_days_later() {
    let visit = Visit::first_start(dist(), TABLET, "Oficina").await;
    let driver = &visit.driver;

    // The yardstick first: the business types the year's minimum wage (a figure made up here).
    open_tab(driver, "Ajustes").await;
    wait_for_text(
        driver,
        ".minimum-wages .legal-source",
        "Ley 1266 de 2008, art. 12",
    )
    .await;
    fill(driver, "input[name=wage_year]", "2026").await;
    fill(driver, "input[name=wage_amount]", "mucho").await;
    tap(driver, ".add-wage button", "Guardar el año").await;
    wait_for_text(
        driver,
        ".add-wage [role=alert]",
        "Escriba el año con cuatro cifras",
    )
    .await;
    fill(driver, "input[name=wage_amount]", "1.500.000").await;
    tap(driver, ".add-wage button", "Guardar el año").await;
    wait_for_text(
        driver,
        "table.minimum-wages tr[data-year='2026']",
        "1.500.000",
    )
    .await;

    open_bureau_report(driver).await;
    wait_for_text(driver, ".legal-source", "Ley 2157 de 2021").await;
    bureau_row_says(driver, CUSTOMER, "Falta el aviso previo").await;
    bureau_row_says(driver, "", "Sin autorización de reporte").await;

    // The notice goes out by WhatsApp and is recorded as a contact with its objective.
    balance_of(driver, CUSTOMER).await;
    tap(driver, ".actions button.primary", "Registrar gestión").await;
    wait_for_text(driver, ".contact-form h2", "Nueva gestión").await;
    fill(driver, ".contact-form select[name=channel]", "1").await;
    fill(driver, ".contact-form select[name=objective]", "6").await;
    fill(driver, ".contact-form select[name=outcome]", "9").await;
    tap(driver, ".contact-form button.primary", "Guardar").await;
    wait_until(driver, "!document.querySelector('.contact-form')").await;

    open_bureau_report(driver).await;
    bureau_row_says(
        driver,
        CUSTOMER,
        "Aviso enviado: reportable desde el 15/12/2026",
    )
    .await;
    screenshot(driver, "centrales-aviso-enviado").await;

    // Twenty-one days later the account may be reported.
    set_clock(driver, "2026-12-15T10:00:00-05:00").await;
    driver.refresh().await.expect("reload");
    open_bureau_report(driver).await;
    bureau_row_says(driver, CUSTOMER, "Reportable desde el 15/12/2026").await;
    wait_for_text(driver, "[data-figure=reportable]", "reportar hoy").await;

    // Reported with the bureau, then paid in full: the bureau must be told, and is.
    tap(driver, "button.mark-reported", "Marcar como reportada").await;
    bureau_row_says(driver, CUSTOMER, "Reportada el 15/12/2026").await;
    let balance = balance_of(driver, CUSTOMER).await;
    tap(driver, ".actions button", "Registrar pago").await;
    fill(
        driver,
        ".panel input[name=amount]",
        &NumberFormat::ES_CO.amount(Decimal::from(balance), 0),
    )
    .await;
    tap(driver, ".panel button.primary", "Guardar").await;
    wait_for_text(driver, ".timeline", "Pago recibido").await;
    open_bureau_report(driver).await;
    wait_for_text(driver, ".reports-to-update", CUSTOMER).await;
    tap(
        driver,
        ".reports-to-update button.mark-updated",
        "Marcar como actualizada",
    )
    .await;
    wait_until(driver, "!document.querySelector('.reports-to-update')").await;
    open_tab(driver, "Cartera").await;
    fill(driver, "input.search", CUSTOMER).await;
    tap(driver, ".customer a", CUSTOMER).await;
    wait_for_text(driver, "h1", CUSTOMER).await;
    wait_for_text(
        driver,
        ".timeline",
        "Reporte actualizado en centrales (pagada)",
    )
    .await;
    wait_for_text(driver, ".timeline", "Reportada a centrales de riesgo").await;
    visit.finish().await;
}

/// Who sits at the lawyer-letter rungs in the demo: 174 days late.
const AT_LEGAL_RUNGS: &str = "Comercializadora del Caribe Ltda.";

#[tokio::test(flavor = "multi_thread")]
async fn the_pre_legal_letter_names_both_parties_prints_on_a4_and_is_recorded() {
    let visit = Visit::first_start(dist(), TABLET, "Oficina").await;
    let driver = &visit.driver;

    open_tab(driver, "Ajustes").await;
    fill(driver, "input[name=company]", "Distribuidora Andina S.A.S.").await;
    fill(driver, "input[name=company_tax_id]", "NIT 900123456-7").await;
    fill(
        driver,
        "input[name=company_address]",
        "Cra. 7 # 12-34, Bogotá",
    )
    .await;

    balance_of(driver, AT_LEGAL_RUNGS).await;
    wait_for_text(driver, ".suggestion", "Cobro judicial").await;

    // The goods of an invoice were received on Thursday 5 November and the buyer said
    // nothing: three business days later (Saturday counts, Sunday does not) it is accepted.
    tap(driver, "button.edit-invoice", "Editar").await;
    fill(driver, ".panel input[name=cufe]", "fe3a9c").await;
    fill(driver, ".panel input[name=received_on]", "2026-11-05").await;
    fill(driver, ".panel input[name=received_by]", "Bodega").await;
    tap(driver, ".panel button.primary", "Guardar").await;
    wait_for_text(
        driver,
        "li.invoice .delivery",
        "CUFE fe3a9c · Mercancía recibida el 05/11/2026 por Bodega · Aceptada tácitamente al cierre del 09/11/2026",
    )
    .await;
    tap(driver, "a.demand-letter-link", "Carta prejurídica").await;
    wait_for_text(driver, "h1", "Requerimiento de pago").await;
    for says in [
        "Distribuidora Andina S.A.S.",
        "NIT 900123456-7",
        "Cra. 7 # 12-34, Bogotá",
        AT_LEGAL_RUNGS,
        "NIT 8",
        "Obligaciones vencidas",
        "le requiere formalmente el pago",
    ] {
        wait_for_text(driver, "article.demand-letter", says).await;
    }
    wait_for_text(driver, "[data-figure=letter-total]", "$").await;

    // On A4, as the lawyer files it: the browser's own PDF of the page.
    fill(driver, "select[name=paper]", "a4").await;
    let pdf = driver
        .cdp()
        .send_raw(
            "Page.printToPDF",
            serde_json::json!({ "preferCSSPageSize": true, "printBackground": false }),
        )
        .await
        .expect("printed");
    let bytes = {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD
            .decode(pdf["data"].as_str().expect("PDF data"))
            .expect("base64")
    };
    assert!(bytes.starts_with(b"%PDF"), "a PDF");
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
    let _ = std::fs::create_dir_all(&folder);
    let _ = std::fs::write(folder.join("carta-prejuridica-a4.pdf"), &bytes);
    full_page_screenshot(driver, "carta-prejuridica").await;

    // Its sending is recorded: a written demand, with its day and channel, in the history.
    tap(driver, "button.record-letter", "Registrar el envío").await;
    wait_for_text(
        driver,
        ".record-sending [role=status]",
        "Enviada el 24/11/2026 por Carta",
    )
    .await;
    tap(driver, "a.back", "Volver al cliente").await;
    wait_for_text(
        driver,
        ".timeline",
        "cobro prejurídico de obligaciones vencidas",
    )
    .await;
    visit.finish().await;
}
