use chrono::NaiveDate;
use rust_decimal::{dec, Decimal};

use super::*;
use crate::domain::contact::{Channel, Contact, ContactId, Objective, Outcome};
use crate::domain::dispute::{Dispute, DisputeId, DisputeReason};
use crate::domain::invoice::{Installment, Invoice, Terms};
use crate::domain::money::Currency;
use crate::domain::payment::{Payment, PaymentId, PaymentMethod};
use crate::domain::promise::{Promise, PromiseId};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a test date")
}

fn owes(p: &mut Portfolio, customer: &str, invoice: &str, amount: Decimal, due: &str) {
    let terms = Terms::single(Money::new(amount, Currency::COP), day(due)).expect("terms");
    p.invoices.insert(
        InvoiceId(invoice.into()),
        Invoice {
            kind: Default::default(),
            customer: CustomerId(customer.into()),
            issued_on: day("2026-01-01"),
            terms,
        },
    );
}

/// What would go out on `today`, as (customer, step, invoices) triples.
fn offered(
    p: &Portfolio,
    schedule: &ReminderSchedule,
    today: &str,
) -> Vec<(String, Option<i32>, Vec<String>)> {
    due_reminders(p, &open_items(p, day(today)), schedule, day(today))
        .into_iter()
        .map(|r| {
            (
                r.customer.0.to_string(),
                r.step,
                r.items
                    .into_iter()
                    .map(|i| i.invoice.0.to_string())
                    .collect(),
            )
        })
        .collect()
}

/// The collector confirms the message went out: its keys are recorded on a contact.
fn deliver(p: &mut Portfolio, today: &str) {
    for (n, reminder) in due_reminders(
        p,
        &open_items(p, day(today)),
        &ReminderSchedule::default(),
        day(today),
    )
    .into_iter()
    .enumerate()
    {
        let id = ContactId(format!("{today}-{n}").into());
        let contact = Contact {
            customer: reminder.customer,
            at: day(today).and_hms_opt(9, 0, 0).expect("a time"),
            channel: Channel::WhatsApp,
            objective: Objective::Remind,
            outcome: Outcome::MessageSent,
            note: String::new(),
            next_followup: None,
            position: None,
            reminded: reminder.keys,
            policy_override: None,
        };
        p.contacts.insert(id, contact);
    }
}

fn one(customer: &str, step: i32, invoice: &str) -> Vec<(String, Option<i32>, Vec<String>)> {
    vec![(customer.into(), Some(step), vec![invoice.into()])]
}

#[test]
fn each_step_goes_out_once_on_its_day_or_the_first_day_after_it() {
    let schedule = ReminderSchedule::default();
    let mut p = Portfolio::default();
    owes(&mut p, "ana", "F1", dec!(100000), "2026-03-10");
    assert!(offered(&p, &schedule, "2026-03-06").is_empty());
    assert_eq!(offered(&p, &schedule, "2026-03-07"), one("ana", -3, "F1"));
    assert_eq!(
        offered(&p, &schedule, "2026-03-08"),
        one("ana", -3, "F1"),
        "missed yesterday"
    );
    deliver(&mut p, "2026-03-08");
    assert!(
        offered(&p, &schedule, "2026-03-09").is_empty(),
        "never twice"
    );
    assert_eq!(offered(&p, &schedule, "2026-03-10"), one("ana", 0, "F1"));
    // The app stays closed on the 10th and 11th: the due-day reminder waits, once.
    assert_eq!(offered(&p, &schedule, "2026-03-12"), one("ana", 0, "F1"));
    deliver(&mut p, "2026-03-12");
    assert_eq!(offered(&p, &schedule, "2026-03-13"), one("ana", 3, "F1"));
    deliver(&mut p, "2026-03-13");
    assert!(offered(&p, &schedule, "2026-03-14").is_empty());
}

#[test]
fn a_phone_off_for_days_sends_only_the_latest_step_and_old_debts_are_left_to_the_agenda() {
    let schedule = ReminderSchedule::default();
    let mut p = Portfolio::default();
    owes(&mut p, "ana", "F1", dec!(100000), "2026-03-10");
    assert_eq!(offered(&p, &schedule, "2026-03-14"), one("ana", 3, "F1"));
    deliver(&mut p, "2026-03-14");
    assert!(
        offered(&p, &schedule, "2026-03-15").is_empty(),
        "earlier steps are overtaken"
    );
    assert_eq!(
        offered(&Portfolio::default(), &schedule, "2026-03-14"),
        vec![]
    );
    let mut fresh = Portfolio::default();
    owes(&mut fresh, "ana", "F1", dec!(100000), "2026-03-10");
    assert_eq!(
        offered(&fresh, &schedule, "2026-03-19"),
        one("ana", 3, "F1")
    );
    assert!(
        offered(&fresh, &schedule, "2026-03-20").is_empty(),
        "a week after the last step"
    );
}

#[test]
fn steps_cross_month_ends() {
    let schedule = ReminderSchedule::default();
    let mut p = Portfolio::default();
    owes(&mut p, "ana", "ENE", dec!(100), "2026-01-31");
    owes(&mut p, "beto", "FEB", dec!(100), "2026-02-28");
    assert_eq!(offered(&p, &schedule, "2026-01-28"), one("ana", -3, "ENE"));
    assert_eq!(
        offered(&p, &schedule, "2026-02-03")[0],
        ("ana".into(), Some(3), vec!["ENE".into()])
    );
    assert_eq!(
        offered(&p, &schedule, "2026-02-25")[0],
        ("beto".into(), Some(-3), vec!["FEB".into()])
    );
    assert_eq!(offered(&p, &schedule, "2026-03-03"), one("beto", 3, "FEB"));
}

#[test]
fn steps_are_configurable() {
    let schedule = ReminderSchedule {
        steps: vec![10, -5],
        consolidated: false,
    };
    let mut p = Portfolio::default();
    owes(&mut p, "ana", "F1", dec!(100), "2026-03-10");
    assert_eq!(offered(&p, &schedule, "2026-03-05"), one("ana", -5, "F1"));
    assert_eq!(offered(&p, &schedule, "2026-03-12"), one("ana", -5, "F1"));
    assert_eq!(offered(&p, &schedule, "2026-03-20"), one("ana", 10, "F1"));
}

#[test]
fn paid_disputed_and_paused_accounts_get_no_reminder() {
    let schedule = ReminderSchedule::default();
    let mut p = Portfolio::default();
    owes(&mut p, "ana", "PAID", dec!(100), "2026-03-10");
    owes(&mut p, "ana", "PART", dec!(300), "2026-03-10");
    owes(&mut p, "beto", "CLAIMED", dec!(100), "2026-03-10");
    owes(&mut p, "beto", "FINE", dec!(100), "2026-03-10");
    owes(&mut p, "caro", "LATER", dec!(100), "2026-03-10");
    p.payments.insert(
        PaymentId("p1".into()),
        Payment {
            customer: CustomerId("ana".into()),
            received_on: day("2026-03-01"),
            amount: Money::new(dec!(200), Currency::COP),
            method: PaymentMethod::Cash,
            reference: Default::default(),
            applies_to: vec![InvoiceId("PAID".into()), InvoiceId("PART".into())],
            receipt: None,
        },
    );
    p.disputes.insert(
        DisputeId("d1".into()),
        Dispute {
            customer: CustomerId("beto".into()),
            invoices: vec![InvoiceId("CLAIMED".into())],
            amount: None,
            owner: String::new(),
            reason: DisputeReason::DamagedGoods,
            opened_on: day("2026-03-01"),
            resolved_on: None,
        },
    );
    p.promises.insert(
        PromiseId("pr1".into()),
        Promise {
            customer: CustomerId("caro".into()),
            made_on: day("2026-03-05"),
            due_on: day("2026-03-20"),
            amount: Money::new(dec!(100), Currency::COP),
            channel: None,
        },
    );
    let reminders = due_reminders(
        &p,
        &open_items(&p, day("2026-03-10")),
        &schedule,
        day("2026-03-10"),
    );
    let items: Vec<(&str, Decimal)> = reminders
        .iter()
        .flat_map(|r| &r.items)
        .map(|i| (i.invoice.0.as_str(), i.open.amount))
        .collect();
    assert_eq!(items, vec![("PART", dec!(200)), ("FINE", dec!(100))]);
}

#[test]
fn a_statement_lists_every_open_invoice_and_delivers_the_due_steps() {
    let schedule = ReminderSchedule {
        consolidated: true,
        ..ReminderSchedule::default()
    };
    let mut p = Portfolio::default();
    owes(&mut p, "ana", "OLD", dec!(100), "2026-03-10");
    owes(&mut p, "ana", "NEW", dec!(50), "2026-04-30");
    let reminders = due_reminders(
        &p,
        &open_items(&p, day("2026-03-10")),
        &schedule,
        day("2026-03-10"),
    );
    assert_eq!(reminders.len(), 1);
    assert_eq!(reminders[0].step, None);
    let listed: Vec<&str> = reminders[0]
        .items
        .iter()
        .map(|i| i.invoice.0.as_str())
        .collect();
    assert_eq!(listed, vec!["OLD", "NEW"]);
    assert_eq!(
        reminders[0].keys,
        vec![ReminderKey {
            invoice: InvoiceId("OLD".into()),
            installment: None,
            step: 0
        }]
    );
}

#[test]
fn installments_are_reminded_one_by_one() {
    let schedule = ReminderSchedule::default();
    let mut p = Portfolio::default();
    let installments = vec![
        Installment {
            number: 1,
            due_on: day("2026-03-10"),
            amount: dec!(50),
        },
        Installment {
            number: 2,
            due_on: day("2026-04-10"),
            amount: dec!(50),
        },
    ];
    p.invoices.insert(
        InvoiceId("F1".into()),
        Invoice {
            kind: Default::default(),
            customer: CustomerId("ana".into()),
            issued_on: day("2026-01-01"),
            terms: Terms::in_installments(Currency::COP, installments).expect("terms"),
        },
    );
    let on_first = due_reminders(
        &p,
        &open_items(&p, day("2026-03-10")),
        &schedule,
        day("2026-03-10"),
    );
    assert_eq!(on_first.len(), 1);
    assert_eq!(on_first[0].keys[0].installment, Some(1));
    let on_second = due_reminders(
        &p,
        &open_items(&p, day("2026-04-07")),
        &schedule,
        day("2026-04-07"),
    );
    assert_eq!(on_second.len(), 1);
    assert_eq!(on_second[0].keys[0].installment, Some(2));
}
