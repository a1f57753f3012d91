//! Payments files: each payment lands on the right customer and invoice, or its row says why
//! not; the same file twice records each payment once.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use cobranza::domain::customer::{Customer, CustomerId};
use cobranza::domain::invoice::{Invoice, InvoiceId, Terms};
use cobranza::domain::money::{Currency, Money};
use cobranza::domain::payment::PaymentMethod;
use cobranza::domain::portfolio::Portfolio;
use cobranza::sync::csv::column::Column;
use cobranza::sync::csv::payment_file::{read_payments, PaymentFile};
use cobranza::sync::csv::table::{detect_layout, FileProblem, RowProblem};
use cobranza::sync::import::ImportPlan;
use rust_decimal::dec;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

fn portfolio() -> Portfolio {
    let mut p = Portfolio::default();
    for (id, tax_id) in [("C1", "800.197.268-1"), ("C2", "860034313")] {
        p.customers.insert(
            CustomerId(id.into()),
            Customer {
                name: format!("Cliente {id}"),
                tax_id: tax_id.into(),
                ..Customer::default()
            },
        );
    }
    let usd = Currency::parse("USD").expect("code");
    for (number, customer, currency) in [("FV-1", "C1", Currency::COP), ("FV-2", "C2", usd)] {
        p.invoices.insert(
            InvoiceId(number.into()),
            Invoice {
                kind: Default::default(),
                customer: CustomerId(customer.into()),
                issued_on: day(2026, 9, 1),
                terms: Terms::single(Money::new(dec!(1000000), currency), day(2026, 10, 1))
                    .expect("terms"),
            },
        );
    }
    p
}

fn read(text: &str, portfolio: &Portfolio) -> Result<PaymentFile, FileProblem> {
    let layout = detect_layout(text.as_bytes())?;
    read_payments(text.as_bytes(), layout, Currency::COP, portfolio)
}

const PAGOS: &str = "Fecha;NIT;Factura;Valor;Medio de pago;Referencia\n\
05/10/2026;8001972681;FV-1;250.000;Consignación;BC-77\n\
06/10/2026;;FV-2;1.500,50;Transferencia;\n\
07/10/2026;860034313;;40.000;efectivo;\n\
08/10/2026;999;;10.000;efectivo;\n\
09/10/2026;860034313;FV-1;10.000;efectivo;\n\
10/10/2026;860034313;;10.000;trueque;\n\
11/10/2026;;FV-9;10.000;cheque;\n";

#[test]
fn payments_find_their_customer_by_tax_id_or_invoice() {
    let p = portfolio();
    let file = read(PAGOS, &p).expect("readable");
    let (line, first) = &file.payments[0];
    assert_eq!(*line, 2);
    assert_eq!(first.customer, CustomerId("C1".into()));
    assert_eq!(first.method, PaymentMethod::BankDeposit);
    assert_eq!(first.amount, Money::new(dec!(250000), Currency::COP));
    assert_eq!(first.applies_to, vec![InvoiceId("FV-1".into())]);
    assert_eq!(first.reference, "BC-77");

    let (_, second) = &file.payments[1];
    assert_eq!(second.customer, CustomerId("C2".into()));
    assert_eq!(
        second.amount.currency.code(),
        "USD",
        "the invoice's currency"
    );
    assert_eq!(second.amount.amount, dec!(1500.50));
    assert_eq!(file.payments[2].1.method, PaymentMethod::Cash);

    let problems: Vec<(u64, RowProblem)> = file
        .bad_rows
        .iter()
        .map(|b| (b.line, b.problem.clone()))
        .collect();
    assert_eq!(
        problems,
        vec![
            (5, RowProblem::UnknownCustomer("999".into())),
            (
                6,
                RowProblem::InvoiceOfAnotherCustomer(InvoiceId("FV-1".into()))
            ),
            (7, RowProblem::Method("trueque".into())),
            (8, RowProblem::UnknownInvoice(InvoiceId("FV-9".into()))),
        ]
    );
}

#[test]
fn a_payments_file_needs_a_date_an_amount_and_someone_to_pay() {
    let p = portfolio();
    assert_eq!(
        read("valor;referencia\n100;x\n", &p),
        Err(FileProblem::MissingColumns(vec![
            Column::PaymentDate,
            Column::CustomerId
        ]))
    );
}

#[test]
fn the_same_payments_twice_are_recorded_once_but_true_twins_are_kept() {
    let p = portfolio();
    let text = "fecha,factura,valor,medio\n\
                2026-10-05,FV-1,100,efectivo\n\
                2026-10-05,FV-1,100,efectivo\n\
                2026-10-06,FV-1,50,efectivo\n";
    let file = read(text, &p).expect("readable");
    let plan = ImportPlan::for_payments(&p, &file);
    assert_eq!(
        plan.new_payments, 3,
        "two equal payments on one day are both kept"
    );

    let mut with_them = p.clone();
    for (i, (_, payment)) in file.payments.iter().enumerate() {
        with_them.payments.insert(
            cobranza::domain::payment::PaymentId(format!("d:{i}").into()),
            payment.clone(),
        );
    }
    let again = ImportPlan::for_payments(&with_them, &file);
    assert!(again.is_empty());
    assert_eq!(again.already_present, 3);
}
