//! Late interest as the office sets it and a customer's screens show it: a claim apart from
//! the balance, month by month, that anyone can check against the resolutions.

use super::*;
use chrono::NaiveDate;
use cobranza::domain::allocation::Allocation;
use cobranza::domain::certified_rate::{CertifiedRate, CertifiedRates};
use cobranza::domain::interest_cap::CapRule;
use cobranza::domain::late_interest::{claims, InterestBasis, InterestTerms};
use cobranza::domain::money::{Currency, Money};
use cobranza::domain::number_format::NumberFormat;
use cobranza::sync::author::Author;
use cobranza::sync::demo::demo_ops;
use cobranza::sync::hlc::DeviceId;
use cobranza::sync::projection::Projection;
use rust_decimal::Decimal;

const CUSTOMER: &str = "Ferretería El Tornillo";

/// Made-up certified rates for every month from January 2024 to November 2026, pasted as a
/// spreadsheet in Spanish gives them: 16,00 %, 16,10 %, … one hundredth of a point more each
/// month.
fn pasted_rates() -> (String, CertifiedRates) {
    let mut text = String::from("Mes;Tasa;Resolución\n");
    let mut rates = Vec::new();
    for n in 0..35u32 {
        let (year, month) = (2024 + (n / 12) as i32, n % 12 + 1);
        let percent = Decimal::new(1600 + i64::from(n) * 10, 2);
        let resolution = format!("Resolución {:04} de {year}", 100 + n);
        text.push_str(&format!(
            "{year}-{month:02};{};{resolution}\n",
            percent.to_string().replace('.', ",")
        ));
        rates.push(CertifiedRate {
            month: format!("{year}-{month:02}").parse().expect("a month"),
            annual_percent: percent,
            resolution,
        });
    }
    (text, CertifiedRates::new(rates).expect("a table"))
}

/// The customer's interest at the legal maximum on 24 November 2026, worked out here from
/// the demo portfolio by the same rules.
fn expected_interest(rates: &CertifiedRates) -> Decimal {
    let today = NaiveDate::from_ymd_opt(2026, 11, 24).expect("valid date");
    let mut author = Author::resume(DeviceId("e2e".into()), []);
    let portfolio = Projection::from_ops(&demo_ops(&mut author, today, 1)).portfolio();
    let (id, _) = portfolio
        .customers
        .iter()
        .find(|(_, c)| c.name == CUSTOMER)
        .expect("the demo's customer");
    let allocation = Allocation::compute(&portfolio, today);
    let terms = InterestTerms {
        basis: &InterestBasis::LegalMaximum,
        rates,
        cap: CapRule::BankRate,
    };
    let account = claims(&allocation, id, today, terms)
        .remove(&Currency::COP)
        .expect("an account in pesos");
    account.claim.expect("every month has its rate").total
}

#[tokio::test(flavor = "multi_thread")]
async fn late_interest_shows_month_by_month_apart_from_the_balance() {
    let visit = Visit::first_start(dist(), TABLET, "Oficina").await;
    let driver = &visit.driver;
    let balance = balance_of(driver, CUSTOMER).await;

    open_tab(driver, "Ajustes").await;
    wait_for_text(
        driver,
        ".late-interest .legal-source",
        "Código de Comercio art. 884",
    )
    .await;
    tap(
        driver,
        ".late-interest label",
        "La máxima legal de cada mes",
    )
    .await;
    wait_for_text(driver, ".rates-empty", "Aún no hay tasas").await;

    // Without the table the customer's screen says which months are missing, and guesses none.
    assert_eq!(balance_of(driver, CUSTOMER).await, balance);
    wait_for_text(
        driver,
        "[data-figure=interest-missing]",
        "falta la tasa certificada de",
    )
    .await;

    // A line that cannot be read adds nothing and says where it is.
    open_tab(driver, "Ajustes").await;
    fill(
        driver,
        "textarea[name=certified_rates]",
        "2026-10;17,2\noctubre;17,3",
    )
    .await;
    tap(driver, "button.add-rates", "Añadir tasas").await;
    wait_for_text(
        driver,
        ".late-interest [role=alert]",
        "Línea 2: «octubre» no es un mes",
    )
    .await;
    wait_for_text(driver, ".rates-empty", "Aún no hay tasas").await;

    let (text, rates) = pasted_rates();
    fill(driver, "textarea[name=certified_rates]", &text).await;
    tap(driver, "button.add-rates", "Añadir tasas").await;
    wait_for_text(
        driver,
        ".late-interest [role=status]",
        "Se añadieron 35 meses.",
    )
    .await;
    // November 2026: 16 % + 34 hundredths of a point, and its cap one and a half times it.
    wait_for_text(
        driver,
        "table.certified-rates tr[data-month='2026-11']",
        "noviembre de 2026 19,4 % 29,1 % Resolución 0134 de 2026",
    )
    .await;

    let expected = expected_interest(&rates);
    assert!(expected > Decimal::ZERO, "the demo's customer pays late");
    let shown = |amount: Decimal| {
        NumberFormat::ES_CO
            .money(Money::new(amount, Currency::COP))
            .replace('\u{a0}', " ")
    };
    let statement_shows = |driver: &WebDriver| {
        let driver = driver.clone();
        async move {
            let total = wait_for_text(&driver, "[data-figure=interest-total]", "$").await;
            let with_interest = driver
                .find(By::Css("[data-figure=balance-with-interest]"))
                .await
                .expect("balance plus interest");
            (
                total.text().await.expect("total"),
                with_interest.text().await.expect("with interest"),
            )
        }
    };
    assert_eq!(
        balance_of(driver, CUSTOMER).await,
        balance,
        "interest is not added to the balance"
    );
    let (total, with_interest) = statement_shows(driver).await;
    assert_eq!(total, shown(expected));
    assert_eq!(with_interest, shown(Decimal::from(balance) + expected));

    tap(driver, "a.statement-link", "Estado de cuenta").await;
    wait_for_text(driver, "h1", "Estado de cuenta").await;
    wait_for_text(driver, "table.interest-months", "Resolución").await;
    let closing = pesos(
        &wait_for_text(driver, "table.statement tfoot .amount", "")
            .await
            .text()
            .await
            .expect("closing"),
    );
    assert_eq!(
        closing, balance,
        "the statement's balance leaves the interest out"
    );
    assert_eq!(statement_shows(driver).await.0, shown(expected));
    full_page_screenshot(driver, "estado-de-cuenta-intereses").await;
    let text = script(
        driver,
        "return document.querySelector('.statement-text').textContent",
    )
    .await;
    let line = format!("Intereses de mora, aparte del saldo: {}.", shown(expected));
    assert!(
        text.as_str()
            .is_some_and(|text| text.replace('\u{a0}', " ").contains(&line)),
        "the shared statement names the interest apart: {text}"
    );

    driver.refresh().await.expect("reload");
    assert_eq!(
        statement_shows(driver).await.0,
        shown(expected),
        "the choice and the table are kept"
    );

    // The office books the interest as an invoice: from then on it is owed, in the balance.
    balance_of(driver, CUSTOMER).await;
    tap(
        driver,
        ".book-interest button",
        "Cargar los intereses como factura",
    )
    .await;
    wait_for_text(
        driver,
        ".booked-through",
        "Intereses cargados como factura hasta el",
    )
    .await;
    let booked = Decimal::from(balance) + expected;
    wait_for_text(driver, "[data-figure=balance]", &shown(booked)).await;
    wait_for_text(driver, ".timeline", "Intereses de mora hasta el").await;
    assert!(
        driver
            .find_all(By::Css(".book-interest button"))
            .await
            .expect("query")
            .is_empty(),
        "nothing is left to book the same day"
    );

    // A documented collection cost is owed too, and names its reason in the history.
    tap(
        driver,
        "button.collection-cost",
        "Registrar un gasto de cobranza",
    )
    .await;
    fill(driver, ".collection-cost input[name=amount]", "35000").await;
    fill(driver, ".collection-cost input[name=reason]", "   ").await;
    tap(driver, ".panel button.primary", "Guardar").await;
    wait_for_text(driver, ".panel [role=alert]", "Escribe el motivo").await;
    fill(
        driver,
        ".collection-cost input[name=reason]",
        "Mensajería del requerimiento",
    )
    .await;
    tap(driver, ".panel button.primary", "Guardar").await;
    wait_for_text(driver, ".timeline", "Gasto de cobranza GC-").await;
    wait_for_text(driver, ".timeline", "Mensajería del requerimiento").await;
    let with_cost = booked + Decimal::from(35000);
    wait_for_text(driver, "[data-figure=balance]", &shown(with_cost)).await;
    visit.finish().await;
}

/// The escalation ladder suggests changing this demo customer's conditions: 79 days late, and
/// on today's agenda.
const LADDER_AT_CHANGE: &str = "Papelería El Estudiante";

#[tokio::test(flavor = "multi_thread")]
async fn a_hold_put_on_from_the_ladder_shows_on_every_screen_until_lifted() {
    let visit = Visit::first_start(dist(), PHONE, "Cobrador Juan").await;
    let driver = &visit.driver;
    balance_of(driver, LADDER_AT_CHANGE).await;
    wait_for_text(driver, ".suggestion", "Cambiar condiciones").await;
    tap(
        driver,
        ".suggestion button.put-on-hold",
        "Suspender el crédito",
    )
    .await;
    wait_for_text(driver, ".lateness .badge.on-hold", "Crédito suspendido").await;
    wait_for_text(
        driver,
        ".hold-detail",
        "Desde el 24/11/2026, por «Cobrador Juan»: atraso de 79 días. Nuevas ventas solo de contado.",
    )
    .await;
    wait_for_text(
        driver,
        ".timeline",
        "Crédito suspendido por «Cobrador Juan»: atraso de 79 días",
    )
    .await;

    // The customer's credit policy, from the company's settings, says so too, with the
    // rules a collector follows and the articles they come from.
    tap(driver, "a.credit-policy-link", "Política de crédito").await;
    wait_for_text(driver, "h1", "Política de crédito y cobranza").await;
    for says in [
        "Hoy su crédito está suspendido",
        "Le recordamos cada vencimiento 3 días antes, el día del vencimiento y 3 días después.",
        "Ley 2300 de 2023",
        "No cobramos intereses de mora.",
        "Solo cobramos gastos de cobranza reales y documentados",
    ] {
        wait_for_text(driver, "article.credit-policy", says).await;
    }
    full_page_screenshot(driver, "politica-de-credito").await;
    tap(driver, "a.back", "Volver al cliente").await;

    // The hardest accounts go to the salesperson, with a note, into their own agenda.
    tap(driver, "button.hand-to-sales", "Entregar a ventas").await;
    // The customer's own salesperson is proposed.
    wait_until(
        driver,
        "document.querySelector('.handoff input[name=salesperson]')?.value === 'Carlos Ruiz'",
    )
    .await;
    fill(driver, ".handoff input[name=note]", "   ").await;
    tap(driver, ".panel button.primary", "Guardar").await;
    wait_for_text(driver, ".panel [role=alert]", "Escribe el motivo").await;
    fill(
        driver,
        ".handoff input[name=note]",
        "Ofrecer cambio de mercancía por el saldo",
    )
    .await;
    tap(driver, ".panel button.primary", "Guardar").await;
    wait_for_text(
        driver,
        ".timeline",
        "Entregada a ventas (Carlos Ruiz) por «Cobrador Juan»: Ofrecer cambio de mercancía por el saldo",
    )
    .await;
    wait_for_text(
        driver,
        ".customer-header .handoff-note",
        "Con ventas: Carlos Ruiz Ofrecer cambio de mercancía por el saldo",
    )
    .await;
    open_tab(driver, "Hoy").await;
    script(
        driver,
        "const s = document.querySelector('select[name=device_collector]'); \
         s.value = 'ventas:Carlos Ruiz'; s.dispatchEvent(new Event('change', { bubbles: true }));",
    )
    .await;
    wait_until(
        driver,
        "document.querySelectorAll('ol.agenda:not(.done):not(.skipped) li.agenda-entry').length === 1",
    )
    .await;
    wait_for_text(driver, "li.agenda-entry", LADDER_AT_CHANGE).await;
    wait_for_text(
        driver,
        "li.agenda-entry .handoff-note",
        "Con ventas: Carlos Ruiz Ofrecer cambio de mercancía por el saldo",
    )
    .await;
    script(
        driver,
        "const s = document.querySelector('select[name=device_collector]'); \
         s.value = ''; s.dispatchEvent(new Event('change', { bubbles: true }));",
    )
    .await;

    open_tab(driver, "Hoy").await;
    wait_for_text(
        driver,
        "li.agenda-entry .badge.on-hold",
        "Crédito suspendido",
    )
    .await;

    open_tab(driver, "Cartera").await;
    tap(
        driver,
        ".filters label.check",
        "Solo con crédito suspendido",
    )
    .await;
    wait_for_text(driver, ".count", "1 de 40 clientes").await;
    wait_for_text(driver, "li.customer .customer-name", LADDER_AT_CHANGE).await;
    wait_for_text(driver, "li.customer .badge.on-hold", "Crédito suspendido").await;
    screenshot(driver, "cartera-credito-suspendido").await;
    // The sales team gets the list as a spreadsheet: who, their salesperson, why and since.
    let folder = std::env::temp_dir().join(format!("cobranza-holds-{}", std::process::id()));
    downloads_into(driver, &folder).await;
    tap(driver, "button.holds-csv", "Descargar CSV para ventas").await;
    let csv = std::fs::read_to_string(downloaded_file(&folder, "csv").await).expect("the CSV");
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        lines[0],
        "cliente_id,cliente,nit,vendedor,cobrador,suspendido_desde,motivo,por,saldo,moneda"
    );
    assert_eq!(
        lines.len(),
        2,
        "one customer on hold, owing in pesos: {csv}"
    );
    assert!(
        lines[1].contains(LADDER_AT_CHANGE)
            && lines[1].contains("Carlos Ruiz")
            && lines[1].contains(",atraso de 79 días,"),
        "{csv}"
    );
    let _ = std::fs::remove_dir_all(&folder);

    driver.refresh().await.expect("reload");
    balance_of(driver, LADDER_AT_CHANGE).await;
    wait_for_text(driver, ".lateness .badge.on-hold", "Crédito suspendido").await;
    tap(
        driver,
        ".hold-detail button.lift-hold",
        "Levantar la suspensión",
    )
    .await;
    wait_until(driver, "!document.querySelector('.badge.on-hold')").await;
    wait_for_text(
        driver,
        ".suggestion button.put-on-hold",
        "Suspender el crédito",
    )
    .await;
    // The history keeps the hold that was, and who gave the credit back.
    wait_for_text(
        driver,
        ".timeline",
        "Crédito restablecido por «Cobrador Juan»",
    )
    .await;
    wait_for_text(
        driver,
        ".timeline",
        "Crédito suspendido por «Cobrador Juan»: atraso de 79 días",
    )
    .await;
    visit.finish().await;
}
