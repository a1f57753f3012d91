//! Reminders and the debtor's say over channels, through the operation log: a reminder goes
//! out once, a dispute silences it, a revoked channel is blocked by every policy until the
//! debtor gives it back, and two devices that disagree end up agreeing.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use chrono::{NaiveDate, NaiveDateTime};
use cobranza::domain::contact::{Channel, Contact, Objective, Outcome};
use cobranza::domain::contact_policy::{Detail, Preset, Verdict};
use cobranza::domain::customer::{Customer, CustomerId};
use cobranza::domain::dispute::DisputeReason;
use cobranza::domain::invoice::{InvoiceId, Terms};
use cobranza::domain::money::{Currency, Money};
use cobranza::domain::reminder::{due_reminders, open_items, ReminderSchedule};
use cobranza::domain::timeline::{timeline, Happening};
use cobranza::sync::author::Author;
use cobranza::sync::collection_edit::{
    log_contact, open_dispute, set_channel_consent, DisputeForm,
};
use cobranza::sync::edit::EditProblem;
use cobranza::sync::hlc::DeviceId;
use cobranza::sync::op::{CustomerPatch, Event, InvoicePatch};
use cobranza::sync::projection::Projection;
use common::DeviceLog;
use rust_decimal::dec;

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).expect("valid date")
}

fn at(d: u32, hour: u32) -> NaiveDateTime {
    day(d).and_hms_opt(hour, 0, 0).expect("valid time")
}

fn customer() -> CustomerId {
    CustomerId("tienda".into())
}

fn shop(device: &str) -> DeviceLog {
    let mut log = DeviceLog::new(device);
    let shop = Customer {
        name: "Tienda La Esquina".into(),
        phones: vec!["+57 300 123 4567".into()],
        ..Customer::default()
    };
    log.append(vec![Event::CustomerUpserted {
        customer: customer(),
        patch: CustomerPatch::whole(&shop),
    }]);
    for (invoice, due) in [("FV-1", 20), ("FV-2", 20)] {
        log.append(vec![Event::InvoiceUpserted {
            invoice: InvoiceId(invoice.into()),
            patch: InvoicePatch {
                kind: None,
                customer: Some(customer()),
                issued_on: Some(day(1)),
                terms: Some(
                    Terms::single(Money::new(dec!(100000), Currency::COP), day(due))
                        .expect("terms"),
                ),
            },
        }]);
    }
    log
}

fn message(reminded: Vec<cobranza::domain::reminder_key::ReminderKey>, on: u32) -> Contact {
    Contact {
        customer: customer(),
        at: at(on, 9),
        channel: Channel::WhatsApp,
        objective: Objective::Remind,
        outcome: Outcome::MessageSent,
        note: String::new(),
        next_followup: None,
        position: None,
        reminded,
        policy_override: None,
    }
}

#[test]
fn a_sent_reminder_is_not_offered_again_and_a_dispute_silences_its_invoice() {
    let mut log = shop("a1b2c3d4e5f60718");
    let reminders_on = |log: &DeviceLog, d: u32| {
        let portfolio = log.projection().portfolio();
        let open = open_items(&portfolio, day(d));
        due_reminders(&portfolio, &open, &ReminderSchedule::default(), day(d))
    };
    let before = reminders_on(&log, 17);
    assert_eq!(before.len(), 2, "one per invoice, three days before");
    let keys = before[0].keys.clone();
    let events = log_contact(
        &log.projection().portfolio(),
        day(17),
        message(keys, 17),
        None,
    )
    .expect("valid");
    log.append(events);
    let left = reminders_on(&log, 17);
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].items[0].invoice, InvoiceId("FV-2".into()));

    let dispute = DisputeForm {
        customer: customer(),
        invoices: vec![InvoiceId("FV-2".into())],
        amount: None,
        owner: String::new(),
        reason: DisputeReason::WrongItems,
    };
    let event = open_dispute(&log.projection().portfolio(), day(18), dispute).expect("valid");
    log.append(vec![event]);
    let on_due_day = reminders_on(&log, 20);
    let invoices: Vec<&str> = on_due_day
        .iter()
        .flat_map(|r| &r.items)
        .map(|i| i.invoice.0.as_str())
        .collect();
    assert_eq!(
        invoices,
        vec!["FV-1"],
        "never a reminder for the disputed invoice"
    );
}

#[test]
fn an_override_needs_a_reason_and_is_kept_with_the_contact() {
    let mut log = shop("a1b2c3d4e5f60718");
    let mut contact = message(Vec::new(), 22);
    contact.policy_override = Some("  ".into());
    assert_eq!(
        log_contact(
            &log.projection().portfolio(),
            day(22),
            contact.clone(),
            None
        ),
        Err(EditProblem::MissingReason)
    );
    contact.policy_override = Some(" El cliente pidió que le escribiera hoy ".into());
    let events = log_contact(&log.projection().portfolio(), day(22), contact, None).expect("valid");
    log.append(events);
    let stored = log.projection().portfolio();
    let kept = stored.contacts.values().next().expect("the contact");
    assert_eq!(
        kept.policy_override.as_deref(),
        Some("El cliente pidió que le escribiera hoy")
    );
}

#[test]
fn a_revoked_channel_is_blocked_everywhere_until_given_back_and_devices_agree() {
    let mut phone = shop("a1b2c3d4e5f60718");
    let revoke = set_channel_consent(
        &phone.projection().portfolio(),
        day(17),
        &customer(),
        Channel::WhatsApp,
        true,
    )
    .expect("valid");
    phone.append(vec![revoke]);
    let portfolio = phone.projection().portfolio();
    assert_eq!(
        portfolio.revoked(&customer()),
        BTreeSet::from([Channel::WhatsApp])
    );
    assert_eq!(
        set_channel_consent(&portfolio, day(17), &customer(), Channel::WhatsApp, true),
        Err(EditProblem::NothingChanged)
    );
    for preset in Preset::ALL {
        let verdict = preset.policy().check(
            Channel::WhatsApp,
            at(18, 10),
            &portfolio.customers[&customer()],
            &[],
            &portfolio.revoked(&customer()),
        );
        match verdict {
            Verdict::Blocked(block) => assert_eq!(block.detail, Detail::ChannelRevoked),
            Verdict::Allowed => panic!("{preset:?} let a revoked channel through"),
        }
    }
    let history = timeline(&portfolio, &customer(), day(17));
    assert!(history
        .iter()
        .any(|e| e.happening == Happening::ChannelRevoked(Channel::WhatsApp)));

    // The office gives the channel back later; both devices then hold the same answer.
    let mut office = DeviceLog::new("ffeeddccbbaa9988");
    office.ops = phone.ops.clone();
    office.author = Author::resume(DeviceId("ffeeddccbbaa9988".into()), &office.ops);
    office.now_ms = phone.now_ms + 60_000;
    let restore = set_channel_consent(
        &office.projection().portfolio(),
        day(18),
        &customer(),
        Channel::WhatsApp,
        false,
    )
    .expect("valid");
    office.append(vec![restore]);
    phone
        .ops
        .extend(office.ops.iter().skip(phone.ops.len()).cloned());
    let mut shuffled = office.ops.clone();
    shuffled.reverse();
    assert_eq!(
        Projection::from_ops(&shuffled).portfolio(),
        phone.projection().portfolio()
    );
    assert!(phone
        .projection()
        .portfolio()
        .revoked(&customer())
        .is_empty());
}
