//! Informes as a manager reads them: the dashboard shows the demo portfolio's numbers (the
//! same as Hoy's), and the aging report and a statement of account print within the sheet.

use super::paper::{assert_fits_the_paper, printed_pages, Paper};
use super::*;
use chrono::NaiveDate;
use cobranza::domain::kpi::figures::breakdown;
use cobranza::domain::kpi::period::PeriodLength;
use cobranza::domain::kpi::scorecard::{MoneyKpis, Scorecard};
use cobranza::domain::kpi::segment::Segment;
use cobranza::domain::money::Currency;
use cobranza::domain::number_format::NumberFormat;
use cobranza::sync::author::Author;
use cobranza::sync::demo::demo_ops;
use cobranza::sync::hlc::DeviceId;
use cobranza::sync::projection::Projection;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

/// The day `TUESDAY_MORNING` falls on.
fn tuesday() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).expect("valid date")
}

/// The dashboard's default view of the demo, worked out here from the same rules: the last
/// 30 days up to today.
fn demo_scorecard(segment: &Segment) -> Scorecard {
    let mut author = Author::resume(DeviceId("e2e".into()), []);
    let portfolio = Projection::from_ops(&demo_ops(&mut author, tuesday(), 1)).portfolio();
    let b = breakdown(&portfolio, PeriodLength::Days30.ending(tuesday()));
    segment.scorecard(&b).expect("the segment has accounts")
}

fn whole_pesos(amount: Decimal) -> i64 {
    amount.round().to_i64().expect("pesos fit")
}

/// "26,6" as the dashboard writes a figure with one decimal.
fn one_decimal(value: Option<Decimal>) -> String {
    NumberFormat::ES_CO.amount(value.expect("a value"), 1)
}

async fn kpi(driver: &WebDriver, name: &str) -> String {
    let css = format!(".kpi-block [data-kpi={name}] dd.amount");
    wait_for_text(driver, &css, "")
        .await
        .text()
        .await
        .expect("kpi")
}

async fn assert_money_kpis(driver: &WebDriver, cop: &MoneyKpis) {
    assert_eq!(
        pesos(&kpi(driver, "Receivables").await),
        whole_pesos(cop.receivables)
    );
    assert_eq!(
        pesos(&kpi(driver, "Overdue").await),
        whole_pesos(cop.overdue)
    );
    assert_eq!(
        pesos(&kpi(driver, "Collected").await),
        whole_pesos(cop.collected)
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_manager_reads_the_dashboard_and_prints_the_aging_report() {
    let visit = Visit::first_start(dist(), PHONE, "Oficina").await;
    let driver = &visit.driver;
    let hoy_receivable = pesos(
        &wait_for_text(driver, ".card .amount", "$")
            .await
            .text()
            .await
            .expect("total"),
    );
    let hoy_overdue = pesos(&text_of(driver, ".card .amount.overdue").await);

    open_tab(driver, "Informes").await;
    wait_for_text(driver, "h1", "Tablero de cobranza").await;
    let expected = demo_scorecard(&Segment::Portfolio);
    let cop = &expected.money[&Currency::COP];
    assert_money_kpis(driver, cop).await;
    assert_eq!(
        pesos(&kpi(driver, "Receivables").await),
        hoy_receivable,
        "Hoy and Informes agree"
    );
    assert_eq!(pesos(&kpi(driver, "Overdue").await), hoy_overdue);
    // The customers who paid everything on time, each with a recognition ready to send.
    wait_for_text(
        driver,
        ".good-payers .count",
        "8 clientes pagaron todo a tiempo.",
    )
    .await;
    let thanks = wait_for_text(driver, ".good-payers td.reach a", "WhatsApp")
        .await
        .attr("href")
        .await
        .expect("attribute")
        .expect("a link");
    assert!(
        thanks.starts_with("https://wa.me/")
            && thanks.contains("pag%C3%B3%20todas%20sus%20facturas%20a%20tiempo"),
        "the recognition is written from its template: {thanks}"
    );
    assert_eq!(
        kpi(driver, "Dso").await,
        format!("{} días", one_decimal(cop.dso))
    );
    assert_eq!(
        kpi(driver, "CountBackDso").await,
        format!("{} días", one_decimal(cop.count_back_dso))
    );
    assert_eq!(
        kpi(driver, "Cei").await,
        format!("{} %", one_decimal(cop.cei))
    );
    assert_eq!(
        kpi(driver, "PercentCurrent").await,
        format!("{} %", one_decimal(cop.percent_current))
    );
    // The demo's promise broken a week ago, and the one due today that is not broken yet.
    assert_eq!(
        kpi(driver, "BrokenPromises").await,
        expected.broken_promises().to_string()
    );
    assert_eq!(expected.promises.pending, 1);
    wait_for_text(
        driver,
        ".kpi-block [data-kpi=Dso] .change",
        "frente al periodo anterior",
    )
    .await;

    // Pictures with their words: six aging bars, a screen reader hears every bucket.
    let bars = driver
        .find_all(By::Css("figure.aging g.row"))
        .await
        .expect("aging bars");
    assert_eq!(bars.len(), 6);
    let spoken = script(
        driver,
        "return document.querySelector('figure.aging .sr-only').textContent",
    )
    .await;
    assert!(
        spoken
            .as_str()
            .is_some_and(|s| s.starts_with("Por vencer: $")),
        "{spoken}"
    );
    let weeks = driver
        .find_all(By::Css("figure.trend g.row"))
        .await
        .expect("trend bars");
    assert_eq!(
        weeks.len(),
        5,
        "30 days are five weeks, the oldest cut short"
    );
    wait_for_text(driver, "figure.promises figcaption", "Promesas").await;
    wait_for_text(driver, "table.comparison.collectors", "Juan Pérez").await;
    assert_fits_the_screen(driver).await;
    full_page_screenshot(driver, "informes-tablero-phone").await;

    // One collector's accounts only.
    tap(
        driver,
        "select[name=segment] option",
        "Cobrador: Juan Pérez",
    )
    .await;
    let juan = demo_scorecard(&Segment::Collector("Juan Pérez".into()));
    let juan_receivables = whole_pesos(juan.money[&Currency::COP].receivables);
    assert!(juan_receivables < hoy_receivable);
    let started = std::time::Instant::now();
    while pesos(&kpi(driver, "Receivables").await) != juan_receivables {
        assert!(
            started.elapsed() < WAIT,
            "the dashboard never showed Juan's accounts"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_money_kpis(driver, &juan.money[&Currency::COP]).await;

    tap(driver, ".subnav a", "Por edades").await;
    wait_for_text(driver, "h1", "Cartera por edades").await;
    tap(driver, "select[name=paper] option", "A4").await;
    wait_for_text(
        driver,
        "article.printable.paper-a4 table.aging caption",
        "COP",
    )
    .await;
    assert_fits_the_paper(driver, Paper::A4, "aging-a4").await;
    let pages = printed_pages(driver, Paper::A4).await;
    assert!(
        (1..=3).contains(&pages),
        "the demo's aging report takes {pages} pages"
    );
    visit.finish().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_statement_of_account_agrees_with_the_balance_and_goes_out_as_text_csv_and_paper() {
    let visit = Visit::first_start(dist(), PHONE, "Cobrador Juan").await;
    let driver = &visit.driver;
    let balance = balance_of(driver, "Ferretería El Tornillo").await;
    tap(driver, "a.statement-link", "Estado de cuenta").await;
    wait_for_text(driver, "h1", "Estado de cuenta").await;
    let closing = pesos(
        &wait_for_text(driver, "table.statement tfoot .amount", "")
            .await
            .text()
            .await
            .expect("closing"),
    );
    assert_eq!(
        closing, balance,
        "the statement ends where the customer screen's balance is"
    );
    let mut aged = 0;
    for cell in driver
        .find_all(By::Css("table.statement-aging td"))
        .await
        .expect("aging cells")
    {
        aged += pesos(&cell.text().await.expect("amount"));
    }
    assert_eq!(aged, balance, "its aging adds up to the same balance");
    assert_fits_the_screen(driver).await;
    full_page_screenshot(driver, "estado-de-cuenta-phone").await;

    let text = script(
        driver,
        "return document.querySelector('.statement-text').textContent",
    )
    .await;
    let text = text.as_str().expect("the text to share");
    assert!(
        text.starts_with("Estado de cuenta de Ferretería El Tornillo, del "),
        "{text}"
    );
    assert!(text.contains("Saldo final: $"), "{text}");

    let folder = std::env::temp_dir().join(format!("cobranza-statement-{}", std::process::id()));
    downloads_into(driver, &folder).await;
    tap(driver, "button.export", "Exportar CSV").await;
    let csv = std::fs::read_to_string(downloaded_file(&folder, "csv").await).expect("the CSV");
    assert!(
        csv.starts_with("\u{feff}Fecha,Concepto,Documento,Vence,Cargo (COP)"),
        "{csv}"
    );
    assert!(csv.contains(",Saldo final,"), "{csv}");

    assert_fits_the_paper(driver, Paper::Letter, "statement-letter").await;
    visit.finish().await;
}
