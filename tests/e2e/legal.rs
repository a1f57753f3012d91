//! The legal stage as an office works it: the minimum wage the rules measure debts by, the
//! notice before a credit-bureau report, and the day the account may be reported.

use super::paper::{assert_fits_the_paper, printed_pages, Paper};
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

/// In the demo: 63 days overdue on the first start, never typified, no promise, authorized
/// for bureau reports: «Cambiar condiciones», one rung below the lawyer's letter.
const CHANGING_CONDITIONS: &str = "Cafetería La Tertulia";

/// Records a call in which the customer promises `amount` by `due_on` (yyyy-mm-dd).
async fn record_promise(driver: &WebDriver, amount: &str, due_on: &str, note: &str) {
    tap(driver, ".actions button.primary", "Registrar gestión").await;
    wait_for_text(driver, ".contact-form h2", "Nueva gestión").await;
    fill(driver, ".contact-form select[name=outcome]", "4").await;
    wait_for_text(driver, ".contact-form", "Valor prometido").await;
    fill(driver, ".contact-form input[name=promise_amount]", amount).await;
    fill(driver, ".contact-form input[name=promise_date]", due_on).await;
    fill(driver, ".contact-form textarea[name=note]", note).await;
    tap(driver, ".contact-form button.primary", "Guardar").await;
    wait_until(driver, "!document.querySelector('.contact-form')").await;
}

/// Moves the page's clock to `instant` and opens the customer again after the reload.
async fn days_later(driver: &WebDriver, instant: &str, customer: &str) {
    set_clock(driver, instant).await;
    driver.refresh().await.expect("reload");
    balance_of(driver, customer).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn two_broken_promises_bring_the_letter_and_the_dossier_tells_the_whole_story() {
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
    fill(driver, "input[name=wage_year]", "2026").await;
    fill(driver, "input[name=wage_amount]", "1.423.500").await;
    tap(driver, ".add-wage button", "Guardar el año").await;
    wait_for_text(
        driver,
        "table.minimum-wages tr[data-year='2026']",
        "1.423.500",
    )
    .await;

    // Tuesday 24 November: the customer promises for tomorrow, and does not pay.
    balance_of(driver, CHANGING_CONDITIONS).await;
    wait_for_text(driver, ".suggestion", "Cambiar condiciones").await;
    record_promise(driver, "300.000", "2026-11-25", "Paga mañana sin falta").await;
    // A week later, a second promise, broken too.
    days_later(driver, "2026-12-02T10:00:00-05:00", CHANGING_CONDITIONS).await;
    wait_for_text(driver, ".timeline", "(incumplida)").await;
    record_promise(driver, "200.000", "2026-12-03", "Paga con la quincena").await;
    days_later(driver, "2026-12-04T10:00:00-05:00", CHANGING_CONDITIONS).await;
    wait_for_text(driver, ".suggestion", "Carta de abogado").await;
    wait_for_text(
        driver,
        "[data-figure=broken-promises]",
        "2 promesas incumplidas",
    )
    .await;

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
        CHANGING_CONDITIONS,
        "NIT 8",
        "Obligaciones vencidas",
        "le requiere formalmente el pago",
    ] {
        wait_for_text(driver, "article.demand-letter", says).await;
    }
    wait_for_text(driver, "[data-figure=letter-total]", "$").await;

    // On A4, as the lawyer files it: the browser's own PDF of the page.
    fill(driver, "select[name=paper]", "a4").await;
    assert!(printed_pages(driver, Paper::A4).await >= 1);
    full_page_screenshot(driver, "carta-prejuridica").await;

    // Its sending is recorded: a written demand, with its day and channel, in the history.
    tap(driver, "button.record-letter", "Registrar el envío").await;
    wait_for_text(
        driver,
        ".record-sending [role=status]",
        "Enviada el 04/12/2026 por Carta",
    )
    .await;
    tap(driver, "a.back", "Volver al cliente").await;
    wait_for_text(
        driver,
        ".timeline",
        "cobro prejurídico de obligaciones vencidas",
    )
    .await;

    // The dossier: parties, claim, monitorio, invoices, promises, letters, contacts, draft.
    tap(driver, "a.dossier-link", "Expediente").await;
    wait_for_text(driver, "h1", "Expediente de cobro").await;
    wait_for_text(driver, "article.dossier .parties", "NIT 900123456-7").await;
    wait_for_text(driver, "[data-figure=claim-total]", "$").await;
    wait_for_text(
        driver,
        ".monitorio [data-fit=fits]",
        "Cabe en el proceso monitorio",
    )
    .await;
    wait_for_text(
        driver,
        ".dossier-invoices",
        "Aceptada tácitamente al cierre del 09/11/2026",
    )
    .await;
    wait_for_text(driver, ".dossier-promises .lead", "2 promesas incumplidas").await;
    wait_for_text(driver, ".dossier-contacts", "Paga mañana sin falta").await;
    wait_for_text(driver, ".dossier-contacts", "Paga con la quincena").await;
    wait_for_text(
        driver,
        ".dossier-demands",
        "Cobro prejurídico (requerimiento escrito)",
    )
    .await;
    for fact in [
        "quedó aceptada de forma irrevocable al cierre del 09/11/2026",
        "se comprometió a pagar $ 300.000 COP a más tardar el 25/11/2026 y no lo hizo",
        "se comprometió a pagar $ 200.000 COP a más tardar el 03/12/2026 y no lo hizo",
        "El 04/12/2026 se requirió por escrito al deudor el pago, por carta",
    ] {
        wait_for_text(driver, ".draft-demand ol.facts", fact).await;
    }
    wait_for_text(driver, ".draft-demand mark.to-fill", "[completar:").await;

    // The lawyer's files: the data as JSON, the history as a spreadsheet.
    let folder = std::env::temp_dir().join(format!("cobranza-expediente-{}", std::process::id()));
    downloads_into(driver, &folder.join("json")).await;
    tap(driver, "button.export-json", "Descargar JSON").await;
    let json = std::fs::read_to_string(downloaded_file(&folder.join("json"), "json").await)
        .expect("the JSON");
    let dossier: Value = serde_json::from_str(&json).expect("JSON that parses");
    assert_eq!(dossier["debtor"]["name"], CHANGING_CONDITIONS);
    let broken = dossier["promises"]
        .as_array()
        .map_or(0, |p| p.iter().filter(|p| p["outcome"] == "broken").count());
    assert_eq!(broken, 2, "{json}");
    assert_eq!(dossier["monitorio"]["status"], "fits");
    downloads_into(driver, &folder.join("csv")).await;
    tap(driver, "button.export-csv", "Descargar CSV").await;
    let csv = std::fs::read_to_string(downloaded_file(&folder.join("csv"), "csv").await)
        .expect("the CSV");
    assert!(csv.starts_with("\u{feff}Fecha,Hecho,Valor,Moneda"), "{csv}");
    assert!(csv.contains("Paga con la quincena"), "{csv}");
    let _ = std::fs::remove_dir_all(&folder);

    // One document within the sheet's width, several A4 pages long.
    fill(driver, "select[name=paper]", "a4").await;
    assert_fits_the_paper(driver, Paper::A4, "expediente-a4").await;
    assert!(printed_pages(driver, Paper::A4).await >= 2);
    visit.finish().await;
}
