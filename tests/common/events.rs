//! Random events over a small universe of ids, so that devices collide on the same records:
//! shared by the property tests of the operation log and of bundles, each using a part.
#![allow(dead_code)]

use chrono::NaiveDate;
use cobranza::domain::agenda_skip::{AgendaSkip, SkipReason};
use cobranza::domain::aging::AgingBuckets;
use cobranza::domain::bureau_report::{BureauFiling, FilingKind};
use cobranza::domain::contact::{Channel, Contact, Objective, Outcome};
use cobranza::domain::credit_hold::{CreditHold, HoldLifted};
use cobranza::domain::credit_note::CreditNote;
use cobranza::domain::customer::CustomerId;
use cobranza::domain::dispute::{Dispute, DisputeId, DisputeReason};
use cobranza::domain::invoice::{Installment, InvoiceId, Terms};
use cobranza::domain::invoice_acceptance::Delivery;
use cobranza::domain::late_interest::InterestBasis;
use cobranza::domain::message_template::MessageKind;
use cobranza::domain::money::{Currency, Money};
use cobranza::domain::payment::{Payment, PaymentId, PaymentMethod};
use cobranza::domain::payment_plan::{Frequency, PaymentPlan, PlanTerms};
use cobranza::domain::promise::Promise;
use cobranza::domain::reminder::ReminderSchedule;
use cobranza::domain::sales_handoff::SalesHandoff;
use cobranza::domain::typification::{Risk, Typification};
use cobranza::sync::company_settings::SettingsPatch;
use cobranza::sync::device_key::PublicKey;
use cobranza::sync::hlc::DeviceId;
use cobranza::sync::op::{CustomerPatch, Event, InvoicePatch};
use cobranza::sync::role::Role;
use proptest::prelude::*;
use rust_decimal::Decimal;

pub fn day(n: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid date") + chrono::Days::new(n.into())
}

pub fn currency(usd: bool) -> Currency {
    if usd {
        Currency::parse("USD").expect("valid code")
    } else {
        Currency::COP
    }
}

/// An invoice's terms: the whole amount on one day, or up to three instalments.
pub fn terms() -> impl Strategy<Value = Terms> {
    (
        any::<bool>(),
        prop::collection::vec((0..150u32, 1..1_000_000i64), 1..4),
    )
        .prop_map(|(usd, parts)| {
            let installments: Vec<Installment> = parts
                .iter()
                .zip(1..)
                .map(|((due, cents), number)| Installment {
                    number,
                    due_on: day(*due),
                    amount: Decimal::new(*cents, 2),
                })
                .collect();
            let terms = match installments.as_slice() {
                [only] => Terms::single(Money::new(only.amount, currency(usd)), only.due_on),
                _ => Terms::in_installments(currency(usd), installments),
            };
            terms.expect("positive amounts and distinct numbers make valid terms")
        })
}

/// An event over a small universe of ids, so that devices collide on the same records.
pub fn event() -> impl Strategy<Value = Event> {
    let customer = (0..3u8).prop_map(|c| CustomerId(format!("c{c}").into()));
    let invoice = (0..5u8).prop_map(|i| InvoiceId(format!("i{i}").into()));
    prop_oneof![
        (
            customer.clone(),
            prop::option::of("[a-z]{1,6}"),
            prop::option::of("[A-Z][a-z]{2,6}")
        )
            .prop_map(|(customer, name, city)| Event::CustomerUpserted {
                customer,
                patch: CustomerPatch {
                    name,
                    city,
                    ..CustomerPatch::default()
                },
            }),
        (invoice.clone(), customer.clone(), 0..60u32, terms()).prop_map(
            |(invoice, customer, issued, terms)| Event::InvoiceUpserted {
                invoice,
                patch: InvoicePatch {
                    kind: None,
                    customer: Some(customer),
                    issued_on: Some(day(issued)),
                    terms: Some(terms),
                },
            }
        ),
        (invoice.clone(), terms()).prop_map(|(invoice, terms)| Event::InvoiceUpserted {
            invoice,
            patch: InvoicePatch {
                kind: None,
                terms: Some(terms),
                ..InvoicePatch::default()
            },
        }),
        (
            customer.clone(),
            0..120u32,
            1..2_000_000i64,
            any::<bool>(),
            prop::collection::vec(invoice.clone(), 0..3)
        )
            .prop_map(
                |(customer, on, amount, usd, applies_to)| Event::PaymentRecorded {
                    payment: Payment {
                        customer,
                        received_on: day(on),
                        amount: Money::new(Decimal::new(amount, 2), currency(usd)),
                        method: PaymentMethod::Cash,
                        reference: Default::default(),
                        applies_to,
                        receipt: None,
                    },
                }
            ),
        (
            customer.clone(),
            0..120u32,
            1..500_000i64,
            any::<bool>(),
            prop::option::of(invoice.clone())
        )
            .prop_map(
                |(customer, on, amount, usd, invoice)| Event::CreditNoteIssued {
                    credit_note: CreditNote {
                        customer,
                        number: format!("NC-{on}"),
                        issued_on: day(on),
                        amount: Money::new(Decimal::new(amount, 2), currency(usd)),
                        invoice,
                        reason: "devolución".into(),
                    },
                }
            ),
        (0..3u8, 1..12u64, 0..3u32).prop_map(|(device, seq, why)| Event::PaymentVoided {
            payment: PaymentId(format!("d{device}:{seq}").into()),
            reason: format!("error de digitación {why}"),
            voided_on: Some(day(why)),
        }),
        (customer.clone(), 0..3usize).prop_map(|(customer, risk)| Event::TypificationSet {
            customer,
            typification: Typification {
                risk: Risk::ALL[risk],
                ..Typification::default()
            },
        }),
        (customer.clone(), prop::option::of(0..120u32), 0..120u32).prop_map(
            |(customer, since, lifted_on)| Event::CreditHoldSet {
                customer,
                hold: since.map(|since| CreditHold {
                    reason: "atraso".into(),
                    since: day(since),
                    by: "Oficina".into(),
                }),
                lifted: since.is_none().then(|| HoldLifted {
                    on: day(lifted_on),
                    by: "Cobrador".into(),
                }),
            }
        ),
        (
            invoice.clone(),
            prop::option::of(0..120u32),
            prop::option::of(0..120u32)
        )
            .prop_map(|(invoice, received, objected)| Event::InvoiceDelivered {
                invoice,
                delivery: Delivery {
                    cufe: "cufe".into(),
                    received_on: received.map(day),
                    received_by: String::new(),
                    objected_on: objected.map(day),
                },
            }),
        (customer.clone(), any::<bool>(), 0..120u32).prop_map(|(customer, reported, on)| {
            Event::BureauFiled {
                filing: BureauFiling {
                    customer,
                    on: day(on),
                    by: "Oficina".into(),
                    kind: if reported {
                        FilingKind::Reported
                    } else {
                        FilingKind::Updated
                    },
                },
            }
        }),
        (customer.clone(), 0..2u8, 0..120u32).prop_map(|(customer, salesperson, on)| {
            Event::HandedToSales {
                handoff: SalesHandoff {
                    customer,
                    salesperson: format!("Vendedor {salesperson}"),
                    note: "Ofrecer cambio de mercancía".into(),
                    on: day(on),
                    by: "Oficina".into(),
                },
            }
        }),
        (customer.clone(), 0..3usize, any::<bool>(), 0..120u32).prop_map(
            |(customer, channel, revoked, on)| Event::ChannelConsentSet {
                customer,
                channel: Channel::ALL[channel],
                revoked,
                on: day(on),
            }
        ),
        (customer, 0..120u32).prop_map(|(customer, on)| Event::ContactLogged {
            contact: Contact {
                customer,
                at: day(on).and_hms_opt(10, 0, 0).unwrap_or_default(),
                channel: Channel::Visit,
                objective: Objective::Remind,
                outcome: Outcome::NotAtHome,
                note: String::new(),
                next_followup: None,
                position: None,
                reminded: Vec::new(),
                policy_override: None,
            },
        }),
    ]
}

/// What collectors record about an account besides its invoices and payments: promises,
/// disputes and their resolution, skipped visits and payment plans. Disputes are named as the
/// payments voided above are, so that some resolutions find theirs.
pub fn account_event() -> impl Strategy<Value = Event> {
    let customer = (0..3u8).prop_map(|c| CustomerId(format!("c{c}").into()));
    let invoice = (0..5u8).prop_map(|i| InvoiceId(format!("i{i}").into()));
    prop_oneof![
        (customer.clone(), 0..120u32, 0..30u32, 1..500_000i64).prop_map(
            |(customer, made, days, amount)| Event::PromiseMade {
                promise: Promise {
                    customer,
                    made_on: day(made),
                    due_on: day(made + days),
                    amount: Money::new(Decimal::new(amount, 2), Currency::COP),
                    channel: None,
                },
            }
        ),
        (
            customer.clone(),
            prop::collection::vec(invoice, 0..3),
            0..120u32,
            0..6usize
        )
            .prop_map(|(customer, invoices, on, reason)| Event::DisputeOpened {
                dispute: Dispute {
                    customer,
                    invoices,
                    amount: None,
                    owner: String::new(),
                    reason: DisputeReason::ALL[reason],
                    opened_on: day(on),
                    resolved_on: None,
                },
            }),
        (0..3u8, 1..12u64, 0..120u32).prop_map(|(device, seq, on)| Event::DisputeResolved {
            dispute: DisputeId(format!("d{device}:{seq}").into()),
            resolved_on: day(on),
        }),
        (customer.clone(), 0..120u32, 0..5usize).prop_map(|(customer, on, reason)| {
            Event::AgendaSkipped {
                skip: AgendaSkip {
                    customer,
                    on: day(on),
                    reason: SkipReason::ALL[reason],
                },
            }
        }),
        // A device may publish its key more than once (a bug, a forger): the first counts.
        (1..4u8).prop_map(|k| Event::DeviceKeyPublished {
            key: PublicKey::from_raw(&[[4u8].as_slice(), &[k; 64]].concat()),
            signs_from_here: false,
        }),
        (customer, 0..120u32, 1..2_000_000i64, 1..6u32).prop_map(
            |(customer, agreed, balance, installments)| Event::PlanAgreed {
                plan: PaymentPlan {
                    customer,
                    terms: PlanTerms {
                        balance: Money::new(Decimal::new(balance, 2), Currency::COP),
                        down_payment: Decimal::ZERO,
                        agreed_on: day(agreed),
                        first_due: day(agreed + 7),
                        frequency: Frequency::Monthly,
                        installments,
                        monthly_rate: Decimal::ZERO,
                    },
                },
            }
        ),
    ]
}

/// A cash payment of 1,000 pesos from the first customer.
pub fn payment_event() -> Event {
    Event::PaymentRecorded {
        payment: Payment {
            customer: CustomerId("c0".into()),
            received_on: day(3),
            amount: Money::new(Decimal::new(1000, 0), Currency::COP),
            method: PaymentMethod::Cash,
            reference: Default::default(),
            applies_to: Vec::new(),
            receipt: None,
        },
    }
}

/// A company operation among three devices `d0`–`d2`: a device naming itself or another an
/// office or a collector, or a change to some of the settings. Most have no right to be
/// written; the projection must agree on which, whatever the order.
pub fn company_event() -> impl Strategy<Value = Event> {
    let device = (0..3u8).prop_map(|d| DeviceId(format!("d{d}")));
    let role = prop_oneof![Just(Role::Office), Just(Role::Collector)];
    let patch = (
        prop::option::of("[A-Z][a-z]{2,8}"),
        prop::option::of(prop::collection::vec(0..365u32, 0..3)),
        prop::option::of(prop::collection::vec(-5..6i32, 1..4)),
        prop::option::of(prop::option::of("[a-z ]{1,12}")),
        prop::option::of(prop::sample::select(vec![
            vec![0, 30, 60],
            vec![0, 15, 45, 90],
        ])),
        prop::option::of(prop_oneof![
            Just(InterestBasis::None),
            Just(InterestBasis::LegalMaximum),
            (1..3000i64).prop_map(|hundredths| InterestBasis::Agreed {
                annual_percent: Decimal::new(hundredths, 2)
            }),
        ]),
    )
        .prop_map(
            |(company, days_off, steps, first_reminder, aging, interest)| SettingsPatch {
                company,
                days_off: days_off.map(|days| days.into_iter().map(day).collect()),
                reminders: steps.map(|steps| ReminderSchedule {
                    steps,
                    consolidated: false,
                }),
                templates: first_reminder
                    .map(|text| vec![(MessageKind::Reminder(-3), text)])
                    .unwrap_or_default(),
                aging: aging.and_then(AgingBuckets::new),
                interest,
                ..SettingsPatch::default()
            },
        );
    prop_oneof![
        (device, role).prop_map(|(device, role)| Event::DeviceRoleSet {
            device,
            role,
            label: String::new()
        }),
        patch.prop_map(|change| Event::CompanySettingsChanged { change }),
    ]
}
