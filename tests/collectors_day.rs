//! A collector's day through the operation log: the agenda puts the right account on top,
//! a contact with a promise takes it off today's list and keeps it off until the promised day,
//! a field payment gets the next receipt number (never reused after a void), and the cash
//! close adds up what the device took.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use chrono::{Datelike, NaiveDate, NaiveTime};
use cobranza::domain::agenda_skip::SkipReason;
use cobranza::domain::cash_close::cash_close;
use cobranza::domain::contact::{Channel, Contact, Objective, Outcome};
use cobranza::domain::customer::{Customer, CustomerId};
use cobranza::domain::dispute::DisputeReason;
use cobranza::domain::escalation::Because;
use cobranza::domain::invoice::{InvoiceId, Terms};
use cobranza::domain::money::{Currency, Money};
use cobranza::domain::payment::{Payment, PaymentMethod};
use cobranza::domain::payment_plan::{Frequency, PlanTerms};
use cobranza::domain::priority::{agenda, AgendaEntry, Reason, Status};
use cobranza::domain::step::Step;
use cobranza::domain::timeline::{timeline, Happening};
use cobranza::domain::typification::{Risk, Typification, Willingness};
use cobranza::sync::collection_edit::{
    agree_plan, log_contact, open_dispute, skip_today, take_payment, typify, void_payment,
    DisputeForm,
};
use cobranza::sync::edit::EditProblem;
use cobranza::sync::op::{CustomerPatch, Event, InvoicePatch};
use common::DeviceLog;
use rust_decimal::{dec, Decimal};

const DEVICE: &str = "a1b2c3d4e5f60718";

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).expect("valid date")
}

fn cop(amount: Decimal) -> Money {
    Money::new(amount, Currency::COP)
}

/// What the phone's Hoy shows, from its log.
trait Agenda {
    fn agenda(&self, today: NaiveDate) -> Vec<AgendaEntry>;
}

impl Agenda for DeviceLog {
    fn agenda(&self, today: NaiveDate) -> Vec<AgendaEntry> {
        let portfolio = self.projection().portfolio();
        agenda(&portfolio, &portfolio.standings(today), today, |_| true)
    }
}

/// Three customers: "grande" owes a lot for long, "mediano" less, "al-dia" nothing overdue.
fn portfolio_log() -> DeviceLog {
    let mut log = DeviceLog::new(DEVICE);
    for (id, amount, due) in [
        ("grande", dec!(9000000), day(9, 1)),
        ("mediano", dec!(800000), day(10, 20)),
        ("al-dia", dec!(500000), day(12, 30)),
    ] {
        let customer = CustomerId(id.into());
        log.append(vec![
            Event::CustomerUpserted {
                customer: customer.clone(),
                patch: CustomerPatch::whole(&Customer {
                    name: id.to_uppercase(),
                    phones: vec!["+57 300 000 0000".into()],
                    ..Customer::default()
                }),
            },
            Event::InvoiceUpserted {
                invoice: InvoiceId(format!("F-{id}").into()),
                patch: InvoicePatch {
                    kind: None,
                    customer: Some(customer),
                    issued_on: Some(day(8, 1)),
                    terms: Some(Terms::single(cop(amount), due).expect("terms")),
                },
            },
        ]);
    }
    log
}

fn order(list: &[AgendaEntry], status: Status) -> Vec<&str> {
    list.iter()
        .filter(|e| e.status == status)
        .map(|e| e.customer.0.as_str())
        .collect()
}

/// `customer`'s row on a list, which must be there, for the reason given.
fn entry<'a>(list: &'a [AgendaEntry], customer: &str, why: &str) -> &'a AgendaEntry {
    list.iter()
        .find(|e| e.customer.0 == customer)
        .unwrap_or_else(|| panic!("{customer} is on the list: {why}"))
}

fn contact(customer: &str, on: NaiveDate, outcome: Outcome) -> Contact {
    Contact {
        customer: CustomerId(customer.into()),
        at: on.and_time(NaiveTime::from_hms_opt(9, 30, 0).expect("time")),
        channel: Channel::Call,
        objective: Objective::GenerateAction,
        outcome,
        note: "  dice que paga el viernes ".into(),
        next_followup: None,
        position: None,
        reminded: Vec::new(),
        policy_override: None,
    }
}

#[test]
fn a_promise_takes_the_customer_off_the_list_until_the_promised_day_and_a_broken_one_brings_them_back_higher(
) {
    let today = day(11, 23);
    let mut log = portfolio_log();
    let before = log.agenda(today);
    assert_eq!(order(&before, Status::ToDo), vec!["grande", "mediano"]);
    let top = &before[0];
    assert!(top.reasons.contains(&(Reason::TopDebtor, 20)));
    assert_eq!(
        top.suggestion.step,
        Step::ChangeConditions,
        "83 days late, never typified"
    );

    let portfolio = log.projection().portfolio();
    let promise = (cop(dec!(2000000)), day(11, 27));
    let refused = log_contact(
        &portfolio,
        today,
        contact("grande", today, Outcome::Promised),
        None,
    );
    assert_eq!(refused, Err(EditProblem::MissingPromise));
    let events = log_contact(
        &portfolio,
        today,
        contact("grande", today, Outcome::Promised),
        Some(promise),
    )
    .expect("a contact with its promise");
    assert_eq!(events.len(), 2);
    log.append(events);

    let after = log.agenda(today);
    assert_eq!(order(&after, Status::ToDo), vec!["mediano"]);
    assert_eq!(order(&after, Status::Done), vec!["grande"]);
    assert!(
        !order(&log.agenda(day(11, 25)), Status::ToDo).contains(&"grande"),
        "left alone while the promise is pending"
    );
    let promised_day = log.agenda(day(11, 27));
    let grande = entry(&promised_day, "grande", "back on the promised day");
    assert!(grande.reasons.contains(&(Reason::PromiseDueToday, 25)));

    let broken = log.agenda(day(11, 28));
    let grande_after = entry(&broken, "grande", "back after the promise broke");
    assert!(grande_after
        .reasons
        .contains(&(Reason::BrokenPromises(1), 15)));
    assert!(grande_after.score > top.score);

    let history = timeline(
        &log.projection().portfolio(),
        &CustomerId("grande".into()),
        today,
    );
    assert!(history.iter().any(|e| matches!(
        &e.happening,
        Happening::ContactMade(c) if c.note == "dice que paga el viernes"
    )));
}

#[test]
fn field_payments_are_numbered_per_device_and_a_void_keeps_its_number() {
    let today = day(11, 23);
    let mut log = portfolio_log();
    let pay = |amount, method| Payment {
        customer: CustomerId("mediano".into()),
        received_on: today,
        amount: cop(amount),
        method,
        reference: Default::default(),
        applies_to: vec![],
        receipt: None,
    };
    for (amount, method) in [
        (dec!(100000), PaymentMethod::Cash),
        (dec!(50000), PaymentMethod::DigitalWallet),
    ] {
        let portfolio = log.projection().portfolio();
        let event = take_payment(&portfolio, today, DEVICE, pay(amount, method)).expect("payment");
        log.append(vec![event]);
    }
    let portfolio = log.projection().portfolio();
    let (first, _) = portfolio
        .payments
        .iter()
        .find(|(_, p)| p.receipt.as_ref().is_some_and(|r| r.counter == 1))
        .expect("receipt 1");
    assert_eq!(
        void_payment(&portfolio, today, first, "  "),
        Err(EditProblem::MissingReason)
    );
    let void = void_payment(&portfolio, today, first, "cliente equivocado").expect("void");
    log.append(vec![void]);

    let portfolio = log.projection().portfolio();
    let next = take_payment(
        &portfolio,
        today,
        DEVICE,
        pay(dec!(30000), PaymentMethod::Cash),
    )
    .expect("payment");
    let Event::PaymentRecorded { payment } = &next else {
        panic!("a payment event")
    };
    let receipt = payment.receipt.clone().expect("a receipt");
    assert_eq!(receipt.to_string(), "RC-A1B2C3-000003");
    log.append(vec![next]);

    let portfolio = log.projection().portfolio();
    let standing = &portfolio.standings(today)[&CustomerId("mediano".into())];
    assert_eq!(
        standing.balance.get(Currency::COP),
        dec!(720000),
        "the void pays nothing"
    );
    let close = cash_close(&portfolio, DEVICE, today);
    assert_eq!(close.receipts.len(), 3);
    assert_eq!(close.voided, 1);
    assert_eq!(close.cash.get(Currency::COP), dec!(30000));
    assert_eq!(close.collected.get(Currency::COP), dec!(80000));
}

#[test]
fn disputes_skips_typifications_and_plans_shape_the_list() {
    let today = day(11, 23);
    let mut log = portfolio_log();
    let portfolio = log.projection().portfolio();
    log.append(vec![open_dispute(
        &portfolio,
        today,
        DisputeForm {
            customer: CustomerId("grande".into()),
            invoices: vec![InvoiceId("F-grande".into())],
            reason: DisputeReason::WrongItems,
            amount: None,
            owner: " Ventas ".into(),
        },
    )
    .expect("dispute")]);
    let list = log.agenda(today);
    assert_eq!(
        order(&list, Status::ToDo),
        vec!["mediano"],
        "in dispute: not chased"
    );

    let portfolio = log.projection().portfolio();
    log.append(vec![typify(
        &portfolio,
        today,
        &CustomerId("mediano".into()),
        Typification {
            willingness: Some(Willingness::WillingNotAble),
            risk: Risk::High,
            step: Some(Step::ChangeConditions),
            ..Typification::default()
        },
    )
    .expect("typification")]);
    let mediano = log.agenda(today).remove(0);
    assert!(mediano.reasons.contains(&(Reason::Risk(Risk::High), 10)));
    assert_eq!(mediano.suggestion.step, Step::ChangeConditions);
    assert_eq!(mediano.suggestion.because, Because::ChosenByCollector);

    let portfolio = log.projection().portfolio();
    log.append(vec![skip_today(
        &portfolio,
        today,
        &CustomerId("mediano".into()),
        SkipReason::OutOfRoute,
    )
    .expect("skip")]);
    let list = log.agenda(today);
    assert_eq!(
        order(&list, Status::Skipped(SkipReason::OutOfRoute)),
        vec!["mediano"]
    );
    assert!(order(&log.agenda(day(11, 24)), Status::ToDo).contains(&"mediano"));

    let portfolio = log.projection().portfolio();
    let events = agree_plan(
        &portfolio,
        &CustomerId("mediano".into()),
        PlanTerms {
            balance: cop(dec!(800000)),
            down_payment: Decimal::ZERO,
            agreed_on: today,
            first_due: day(12, 1),
            frequency: Frequency::Monthly,
            installments: 4,
            monthly_rate: dec!(0.02),
        },
    )
    .expect("plan");
    assert_eq!(events.len(), 2, "the plan and its interest invoice");
    log.append(events);
    let portfolio = log.projection().portfolio();
    let balance = portfolio.standings(today)[&CustomerId("mediano".into())]
        .balance
        .get(Currency::COP);
    assert!(
        balance > dec!(800000),
        "the interest is owed too: {balance}"
    );
    assert!(
        !order(&log.agenda(day(11, 25)), Status::ToDo).contains(&"mediano"),
        "a plan on track pauses collection"
    );
    let first_due = log.agenda(day(12, 1));
    let mediano = entry(
        &first_due,
        "mediano",
        "on the list when an instalment is due",
    );
    assert!(mediano
        .reasons
        .contains(&(Reason::PlanInstallmentDueToday, 15)));
    let broken = log.agenda(day(1, 5).with_year(2027).expect("date"));
    let mediano = entry(&broken, "mediano", "a broken plan is flagged");
    assert!(mediano.reasons.contains(&(Reason::PlanBroken, 30)));
}
