//! Customers-and-invoices files as they really arrive, and the clear answer each one gets.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use cobranza::domain::customer::CustomerId;
use cobranza::domain::invoice::InvoiceId;
use cobranza::domain::money::{Currency, Money};
use cobranza::sync::csv::amount::{AmountProblem, DecimalSeparator};
use cobranza::sync::csv::column::Column;
use cobranza::sync::csv::date::{DateFormat, DateProblem};
use cobranza::sync::csv::portfolio_file::{read_portfolio, PortfolioFile};
use cobranza::sync::csv::table::{detect_layout, BadRow, FileProblem, RowProblem};
use cobranza::sync::csv::text::EncodingProblem;
use rust_decimal::dec;

fn read(bytes: &[u8]) -> Result<PortfolioFile, FileProblem> {
    let layout = detect_layout(bytes)?;
    read_portfolio(bytes, layout, Currency::COP)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

const SIIGO: &str = "\u{feff}NIT;Razón social;Teléfono;Ciudad;No. Factura;Fecha de emisión;Fecha de vencimiento;Cuota;Valor;Observaciones\n\
800197268;Ferretería El Tornillo;+57 310 555 0101;Bogotá;FV-1;01/09/2026;01/10/2026;1;1.500.000,50;\n\
800197268;Ferretería El Tornillo;+57 310 555 0101;Bogotá;FV-1;01/09/2026;01/11/2026;2;1.500.000,50;\n\
860034313;\"Droguería San Jorge; Sede Norte\";;Medellín;FV-2;15/09/2026;15/10/2026;;2.400.000;cliente nuevo\n";

#[test]
fn a_siigo_export_in_spanish_reads_with_its_instalments() {
    let bytes = SIIGO.as_bytes();
    let layout = detect_layout(bytes).expect("layout");
    assert_eq!(layout.delimiter, b';');
    assert_eq!(layout.decimal, DecimalSeparator::Comma);
    assert_eq!(layout.dates, DateFormat::DayMonthYear);

    let file = read(bytes).expect("readable");
    assert_eq!(file.bad_rows, vec![]);
    assert_eq!(file.ignored_columns, vec!["Observaciones".to_owned()]);
    let ferreteria = &file.customers[&CustomerId("800197268".into())];
    assert_eq!(ferreteria.name.as_deref(), Some("Ferretería El Tornillo"));
    assert_eq!(ferreteria.city.as_deref(), Some("Bogotá"));
    let drogueria = &file.customers[&CustomerId("860034313".into())];
    assert_eq!(
        drogueria.name.as_deref(),
        Some("Droguería San Jorge; Sede Norte")
    );

    let fv1 = file.invoices[&InvoiceId("FV-1".into())]
        .terms
        .as_ref()
        .expect("terms");
    assert_eq!(fv1.amount(), Money::new(dec!(3000001.00), Currency::COP));
    assert_eq!(fv1.installments().len(), 2);
    assert_eq!(fv1.due_on(), day(2026, 11, 1));
    let fv2 = file.invoices[&InvoiceId("FV-2".into())]
        .terms
        .as_ref()
        .expect("terms");
    assert_eq!(fv2.amount(), Money::new(dec!(2400000), Currency::COP));
    assert!(fv2.installments().is_empty());
}

#[test]
fn an_english_export_reads_the_same_way() {
    let text = "customer_id,customer_name,tax_id,invoice,issue_date,due_date,amount,currency\n\
                C-9,Acme Corp,,INV-7,2026-09-01,2026-10-01,\"1,250.75\",usd\n";
    let file = read(text.as_bytes()).expect("readable");
    let terms = file.invoices[&InvoiceId("INV-7".into())]
        .terms
        .as_ref()
        .expect("terms");
    let usd = Currency::parse("USD").expect("code");
    assert_eq!(terms.amount(), Money::new(dec!(1250.75), usd));
    assert!(file.customers.contains_key(&CustomerId("C-9".into())));
}

#[test]
fn every_bad_row_is_listed_with_its_line_and_the_good_ones_are_kept() {
    let text = "nit;cliente;factura;fecha_vencimiento;valor;moneda\n\
                1;Uno;A1;01/10/2026;100.000;COP\n\
                2;Dos;A2;01/10/2026;-5.000;COP\n\
                3;Tres;A3;31/02/2026;100;COP\n\
                4;;A4;01/10/2026;100;COP\n\
                5;Cinco;A5;01/10/2026;cien;COP\n\
                6;Seis;A6;01/10/2026;100;PESOS\n\
                1;Uno;A1;01/11/2026;100;COP\n";
    let file = read(text.as_bytes()).expect("readable");
    let lines: Vec<(u64, RowProblem)> = file
        .bad_rows
        .iter()
        .map(|BadRow { line, problem }| (*line, problem.clone()))
        .collect();
    assert_eq!(
        lines,
        vec![
            (
                3,
                RowProblem::Amount(AmountProblem::Negative("-5.000".into()))
            ),
            (
                4,
                RowProblem::Date(
                    Column::DueDate,
                    DateProblem::Impossible("31/02/2026".into())
                )
            ),
            (5, RowProblem::Missing(Column::CustomerName)),
            (
                6,
                RowProblem::Amount(AmountProblem::NotANumber("cien".into()))
            ),
            (7, RowProblem::Currency("PESOS".into())),
            (8, RowProblem::RepeatedInvoice(InvoiceId("A1".into()))),
        ]
    );
    assert_eq!(
        file.invoices.len(),
        0,
        "A1 is ambiguous, every other invoice is bad"
    );
}

#[test]
fn a_file_without_the_needed_columns_says_which() {
    let text = "nombre,telefono\nAna,300\n";
    assert_eq!(
        read(text.as_bytes()),
        Err(FileProblem::MissingColumns(vec![
            Column::Invoice,
            Column::DueDate,
            Column::Amount,
            Column::CustomerId,
        ]))
    );
}

#[test]
fn a_windows_1252_file_is_refused_at_its_first_bad_line() {
    let bytes = b"nit;cliente;factura;fecha_vencimiento;valor\n1;Bogot\xe1;F;01/10/2026;1\n";
    assert_eq!(
        read(bytes),
        Err(FileProblem::Encoding(EncodingProblem::NotUtf8 { line: 2 }))
    );
}

#[test]
fn a_megabyte_of_garbage_gets_an_answer_not_a_crash() {
    let mut state: u32 = 7;
    let garbage: Vec<u8> = (0..1_048_576)
        .map(|_| {
            state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
            // Printable ASCII, newlines and delimiters: text that is not a portfolio.
            b" ,;\n\"abcxyz0123456789"[(state >> 16) as usize % 20]
        })
        .collect();
    assert!(read(&garbage).is_err());
}

fn project(events: Vec<cobranza::sync::op::Event>) -> cobranza::domain::portfolio::Portfolio {
    use cobranza::sync::author::Author;
    use cobranza::sync::hlc::DeviceId;
    use cobranza::sync::projection::Projection;
    let mut author = Author::resume(DeviceId("a".into()), []);
    let ops: Vec<_> = events
        .into_iter()
        .enumerate()
        .map(|(i, event)| author.record(event, i as u64))
        .collect();
    Projection::from_ops(&ops).portfolio()
}

#[test]
fn importing_the_same_file_twice_adds_nothing_the_second_time() {
    use cobranza::domain::portfolio::Portfolio;
    use cobranza::sync::import::ImportPlan;
    let file = read(SIIGO.as_bytes()).expect("readable");
    let first = ImportPlan::for_portfolio(&Portfolio::default(), &file);
    assert_eq!((first.new_customers, first.new_invoices), (2, 2));
    let portfolio = project(first.events);

    let again = ImportPlan::for_portfolio(&portfolio, &file);
    assert!(again.is_empty(), "{again:?}");
    assert_eq!(again.already_present, 4);

    // A corrected file changes only what it corrects.
    let corrected = SIIGO.replace("Medellín", "Envigado");
    let file = read(corrected.as_bytes()).expect("readable");
    let plan = ImportPlan::for_portfolio(&portfolio, &file);
    assert_eq!(plan.updated_customers, 1);
    assert_eq!(plan.events.len(), 1);
}

/// A file that names who each debtor is, their credit terms and salesperson; and one that
/// does not, whose company NITs say «business» and the preview says it guessed so.
#[test]
fn who_the_debtor_is_is_read_or_inferred_from_a_company_nit() {
    use cobranza::domain::debtor::{DebtorKind, IdType};
    use cobranza::domain::portfolio::Portfolio;
    use cobranza::sync::import::ImportPlan;

    let stated = "NIT;Cliente;Tipo de persona;Tipo documento;Vendedor;Plazo;Cupo;Factura;Vencimiento;Valor\n\
                  79845123;Ana Ríos;Natural;CC;Carlos Ruiz;30;2.000.000;F-1;01/10/2026;500.000\n\
                  900123456;Panadería La Espiga;Jurídica;NIT;;15;;F-2;01/10/2026;700.000\n\
                  800197268;Ferretería;Cooperativa;;;;;F-3;01/10/2026;100.000\n";
    let file = read(stated.as_bytes()).expect("readable");
    let ana = &file.customers[&CustomerId("79845123".into())];
    assert_eq!(ana.kind, Some(DebtorKind::Consumer));
    assert_eq!(ana.id_type, Some(IdType::Cc));
    assert_eq!(ana.salesperson.as_deref(), Some("Carlos Ruiz"));
    let terms = ana.credit_terms.as_ref().expect("terms");
    assert_eq!(terms.payment_days, Some(30));
    assert_eq!(terms.limit(Currency::COP), Some(dec!(2000000)));
    assert_eq!(
        file.bad_rows,
        vec![BadRow {
            line: 4,
            problem: RowProblem::DebtorKind("Cooperativa".into()),
        }]
    );
    assert!(file.inferred_kinds.is_empty(), "the file said");

    let silent = "NIT;Cliente;Factura;Vencimiento;Valor\n\
                  79845123;Ana Ríos;F-1;01/10/2026;500.000\n\
                  900.123.456-8;Panadería La Espiga;F-2;01/10/2026;700.000\n";
    let file = read(silent.as_bytes()).expect("readable");
    let ana = &file.customers[&CustomerId("79845123".into())];
    assert_eq!(ana.kind, None, "a cédula-sized number says nothing");
    let bakery = &file.customers[&CustomerId("900.123.456-8".into())];
    assert_eq!(bakery.kind, Some(DebtorKind::Business));
    assert_eq!(bakery.id_type, Some(IdType::Nit));
    let plan = ImportPlan::for_portfolio(&Portfolio::default(), &file);
    assert_eq!(plan.inferred_kinds, 1, "the preview says one was inferred");
}

#[test]
fn an_electronic_invoices_code_and_receipt_are_read_and_an_objection_recorded_here_stays() {
    use cobranza::domain::invoice_acceptance::Delivery;
    use cobranza::domain::portfolio::Portfolio;
    use cobranza::sync::import::ImportPlan;
    use cobranza::sync::op::Event;

    let bytes = "nit;cliente;factura;fecha_vencimiento;valor;cufe;fecha_recibido;recibido_por\n\
                 800197268;Ferretería El Tornillo;FE-7;30/11/2026;500000;a1b2c3;03/11/2026;Luis Gómez\n\
                 860034313;Droguería San Jorge;FE-8;30/11/2026;700000;;;\n"
        .as_bytes();
    let file = read(bytes).expect("readable");
    assert_eq!(file.bad_rows, vec![]);
    let delivery = Delivery {
        cufe: "a1b2c3".into(),
        received_on: Some(day(2026, 11, 3)),
        received_by: "Luis Gómez".into(),
        objected_on: None,
    };
    assert_eq!(file.deliveries[&InvoiceId("FE-7".into())], delivery);
    assert!(
        !file.deliveries.contains_key(&InvoiceId("FE-8".into())),
        "nothing said of FE-8"
    );

    // The buyer objected, as recorded in the app; the spreadsheet, silent on it, keeps it.
    let mut current = Portfolio::default();
    let objected = Delivery {
        objected_on: Some(day(2026, 11, 4)),
        ..delivery
    };
    current
        .deliveries
        .insert(InvoiceId("FE-7".into()), objected.clone());
    let plan = ImportPlan::for_portfolio(&current, &file);
    assert!(
        !plan
            .events
            .iter()
            .any(|e| matches!(e, Event::InvoiceDelivered { .. })),
        "nothing to change: {:?}",
        plan.events
    );
}
