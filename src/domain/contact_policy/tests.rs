use chrono::{NaiveDate, NaiveDateTime};

use super::*;
use crate::domain::contact::{Objective, Outcome};
use crate::domain::customer::{Customer, CustomerId};
use crate::domain::debtor::DebtorKind;

fn at(text: &str) -> NaiveDateTime {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").expect("a test moment")
}

fn contact(when: &str, channel: Channel, outcome: Outcome) -> Contact {
    Contact {
        customer: CustomerId("c1".into()),
        at: at(when),
        channel,
        objective: Objective::Remind,
        outcome,
        note: String::new(),
        next_followup: None,
        position: None,
        reminded: Vec::new(),
        policy_override: None,
    }
}

struct Case {
    policy: ContactPolicy,
    debtor: Customer,
    history: Vec<Contact>,
    revoked: BTreeSet<Channel>,
}

impl Case {
    fn debtor(mut self, kind: Option<DebtorKind>, visits_authorized: bool) -> Case {
        self.debtor.kind = kind;
        self.debtor.visits_authorized = visits_authorized;
        self
    }

    fn new(preset: Preset) -> Case {
        Case {
            policy: preset.policy(),
            debtor: Customer {
                kind: Some(DebtorKind::Business),
                ..Customer::default()
            },
            history: Vec::new(),
            revoked: BTreeSet::new(),
        }
    }

    fn after(mut self, when: &str, channel: Channel, outcome: Outcome) -> Case {
        self.history.push(contact(when, channel, outcome));
        self
    }

    fn check(&self, channel: Channel, when: &str) -> Verdict {
        let history: Vec<&Contact> = self.history.iter().collect();
        self.policy
            .check(channel, at(when), &self.debtor, &history, &self.revoked)
    }

    /// The block, its detail and when the contact is next allowed.
    fn blocked(&self, channel: Channel, when: &str) -> (Detail, Option<NaiveDateTime>) {
        match self.check(channel, when) {
            Verdict::Blocked(block) => (block.detail, block.next_allowed),
            Verdict::Allowed => panic!("{channel:?} at {when} should be blocked"),
        }
    }

    fn allowed(&self, channel: Channel, when: &str) -> bool {
        self.check(channel, when).is_allowed()
    }
}

// 2026-11-20 is a Friday, 2026-11-21 a Saturday, 2026-11-22 a Sunday.

#[test]
fn colombia_hours_end_at_seven_on_weekdays_and_three_on_saturdays() {
    let co = Case::new(Preset::Colombia);
    assert!(co.allowed(Channel::Call, "2026-11-20 18:59"));
    let (detail, next) = co.blocked(Channel::Call, "2026-11-20 19:00");
    assert!(matches!(detail, Detail::OutsideHours(Some(_))));
    assert_eq!(next, Some(at("2026-11-21 08:00")));
    assert!(!co.allowed(Channel::WhatsApp, "2026-11-20 06:59"));
    assert!(co.allowed(Channel::WhatsApp, "2026-11-20 07:00"));

    assert!(co.allowed(Channel::Call, "2026-11-21 14:59"));
    let (_, next) = co.blocked(Channel::Call, "2026-11-21 15:00");
    assert_eq!(next, Some(at("2026-11-23 07:00")), "Sunday is skipped");
    let (detail, _) = co.blocked(Channel::Sms, "2026-11-22 10:00");
    assert_eq!(detail, Detail::OutsideHours(None));
}

#[test]
fn colombia_holiday_mondays_are_off() {
    let co = Case::new(Preset::Colombia);
    // Monday 12 January 2026 is Epiphany, moved from Tuesday the 6th.
    let (detail, next) = co.blocked(Channel::Call, "2026-01-12 10:00");
    assert_eq!(detail, Detail::Holiday("Día de los Reyes Magos".into()));
    assert_eq!(next, Some(at("2026-01-13 07:00")));
    assert!(
        co.allowed(Channel::Call, "2026-01-06 10:00"),
        "the 6th itself is a working day"
    );
}

#[test]
fn colombia_allows_one_contact_a_day_and_rests_a_channel_a_week_after_a_conversation() {
    // Tuesday 17 November 2026; Monday the 16th is a holiday.
    let co =
        Case::new(Preset::Colombia).after("2026-11-17 09:00", Channel::Call, Outcome::NoAnswer);
    let (detail, next) = co.blocked(Channel::WhatsApp, "2026-11-17 15:00");
    assert_eq!(detail, Detail::CapReached { count: 1 });
    assert_eq!(next, Some(at("2026-11-18 07:00")));
    assert!(
        co.allowed(Channel::Call, "2026-11-18 07:00"),
        "no answer is no conversation"
    );

    let co =
        Case::new(Preset::Colombia).after("2026-11-17 09:00", Channel::Call, Outcome::Promised);
    let (detail, next) = co.blocked(Channel::Call, "2026-11-19 09:00");
    assert_eq!(
        detail,
        Detail::PausedAfterConversation(at("2026-11-17 00:00").date())
    );
    assert_eq!(next, Some(at("2026-11-24 07:00")));
    assert!(
        co.allowed(Channel::WhatsApp, "2026-11-19 09:00"),
        "another channel may follow up"
    );
}

#[test]
fn chile_limits_calls_to_one_a_week_and_messages_to_two_spaced_ones() {
    let cl = Case::new(Preset::Chile);
    assert!(
        cl.allowed(Channel::Call, "2026-11-21 19:59"),
        "Saturdays until eight"
    );
    assert!(!cl.allowed(Channel::Call, "2026-11-21 20:00"));
    assert!(
        !cl.allowed(Channel::Call, "2026-11-22 10:00"),
        "never on Sunday"
    );

    let cl = Case::new(Preset::Chile).after("2026-11-16 10:00", Channel::Visit, Outcome::NotAtHome);
    let (detail, next) = cl.blocked(Channel::Call, "2026-11-20 10:00");
    assert_eq!(detail, Detail::CapReached { count: 1 });
    assert_eq!(next, Some(at("2026-11-23 08:00")));
    assert!(cl.allowed(Channel::Sms, "2026-11-20 10:00"));

    let cl =
        Case::new(Preset::Chile).after("2026-11-16 10:00", Channel::WhatsApp, Outcome::MessageSent);
    let (detail, next) = cl.blocked(Channel::Email, "2026-11-17 10:00");
    assert_eq!(detail, Detail::TooSoonAfter(at("2026-11-16 00:00").date()));
    assert_eq!(next, Some(at("2026-11-18 08:00")));
    let cl = cl.after("2026-11-18 10:00", Channel::Sms, Outcome::MessageSent);
    let (detail, next) = cl.blocked(Channel::WhatsApp, "2026-11-20 10:00");
    assert_eq!(detail, Detail::CapReached { count: 2 });
    assert_eq!(next, Some(at("2026-11-23 08:00")));
}

#[test]
fn chile_holidays_stop_everything() {
    let cl = Case::new(Preset::Chile);
    let (detail, _) = cl.blocked(Channel::WhatsApp, "2026-09-18 10:00");
    assert_eq!(detail, Detail::Holiday("Independencia Nacional".into()));
}

#[test]
fn peru_keeps_calls_and_visits_to_weekdays_but_not_messages() {
    let pe = Case::new(Preset::Peru);
    assert!(pe.allowed(Channel::Call, "2026-11-20 19:59"));
    assert!(!pe.allowed(Channel::Call, "2026-11-20 20:00"));
    assert!(
        !pe.allowed(Channel::Visit, "2026-11-21 10:00"),
        "no visits on Saturday"
    );
    assert!(pe.allowed(Channel::WhatsApp, "2026-11-21 10:00"));
    let (detail, _) = pe.blocked(Channel::Call, "2026-07-28 10:00");
    assert_eq!(detail, Detail::Holiday("Fiestas Patrias".into()));
}

#[test]
fn mexico_allows_seven_to_ten_every_day() {
    let mx = Case::new(Preset::Mexico);
    assert!(mx.allowed(Channel::Call, "2026-11-22 07:00"));
    assert!(mx.allowed(Channel::Call, "2026-11-22 21:59"));
    let (_, next) = mx.blocked(Channel::Call, "2026-11-22 22:00");
    assert_eq!(next, Some(at("2026-11-23 07:00")));
}

#[test]
fn ecuador_allows_one_contact_on_weekdays() {
    let ec =
        Case::new(Preset::Ecuador).after("2026-11-20 08:00", Channel::Sms, Outcome::MessageSent);
    assert!(!ec.allowed(Channel::Call, "2026-11-20 12:00"));
    let (detail, next) = ec.blocked(Channel::Call, "2026-11-21 10:00");
    assert_eq!(detail, Detail::OutsideHours(None));
    assert_eq!(next, Some(at("2026-11-23 07:00")));
}

#[test]
fn united_states_caps_call_attempts_and_rests_calls_after_a_conversation() {
    let mut us = Case::new(Preset::UnitedStates);
    for day in 14..=20 {
        assert!(us.allowed(Channel::Call, &format!("2026-11-{day} 09:00")));
        us = us.after(
            &format!("2026-11-{day} 09:00"),
            Channel::Call,
            Outcome::NoAnswer,
        );
    }
    let (detail, next) = us.blocked(Channel::Call, "2026-11-20 12:00");
    assert_eq!(detail, Detail::CapReached { count: 7 });
    assert_eq!(
        next,
        Some(at("2026-11-21 08:00")),
        "the 14th's call leaves the window"
    );
    assert!(us.allowed(Channel::Email, "2026-11-20 12:00"));

    let us =
        Case::new(Preset::UnitedStates).after("2026-11-16 10:00", Channel::Call, Outcome::CallBack);
    let (_, next) = us.blocked(Channel::Call, "2026-11-22 20:00");
    assert_eq!(next, Some(at("2026-11-23 08:00")));
    assert!(!us.allowed(Channel::Call, "2026-11-20 20:59"));
    assert!(us.allowed(Channel::Email, "2026-11-20 20:59"));
    assert!(!us.allowed(Channel::Email, "2026-11-20 21:00"));
}

#[test]
fn a_revoked_channel_is_never_allowed_under_any_preset() {
    for preset in Preset::ALL {
        let mut case = Case::new(preset);
        case.revoked.insert(Channel::WhatsApp);
        let verdict = case.check(Channel::WhatsApp, "2026-11-18 10:00");
        assert_eq!(
            verdict,
            Verdict::Blocked(Block {
                rule: None,
                detail: Detail::ChannelRevoked,
                next_allowed: None
            }),
            "{preset:?}"
        );
        assert!(case.allowed(Channel::Sms, "2026-11-18 10:00"), "{preset:?}");
    }
}

#[test]
fn extra_holidays_count_like_the_official_ones() {
    let mut cl = Case::new(Preset::Chile);
    let decreed = NaiveDate::from_ymd_opt(2025, 11, 17).expect("a day");
    cl.policy.extra_holidays.push(decreed);
    let (detail, _) = cl.blocked(Channel::Call, "2025-11-17 10:00");
    assert_eq!(detail, Detail::Holiday(String::new()));
}

// 2026-11-18 is a Wednesday, within Colombia's hours.

#[test]
fn a_consumer_visit_in_colombia_is_blocked_citing_article_6() {
    let co = Case::new(Preset::Colombia).debtor(Some(DebtorKind::Consumer), false);
    let Verdict::Blocked(block) = co.check(Channel::Visit, "2026-11-18 10:00") else {
        panic!("a visit to a consumer who did not authorize it");
    };
    assert_eq!(block.detail, Detail::VisitToConsumer { known: true });
    assert_eq!(block.next_allowed, None, "no hour of any day opens it");
    let rule = &co.policy.rules[block.rule.expect("a rule of the law")];
    assert_eq!(rule.source, "Ley 2300 de 2023, art. 6");
    assert!(
        co.allowed(Channel::Call, "2026-11-18 10:00"),
        "calls stay open"
    );
}

#[test]
fn a_business_or_an_authorized_consumer_may_be_visited() {
    let business = Case::new(Preset::Colombia).debtor(Some(DebtorKind::Business), false);
    assert!(business.allowed(Channel::Visit, "2026-11-18 10:00"));
    let authorized = Case::new(Preset::Colombia).debtor(Some(DebtorKind::Consumer), true);
    assert!(authorized.allowed(Channel::Visit, "2026-11-18 10:00"));
}

#[test]
fn a_consumer_out_of_reach_by_every_other_channel_may_be_visited() {
    let co = Case::new(Preset::Colombia)
        .debtor(Some(DebtorKind::Consumer), false)
        .after("2026-11-02 09:00", Channel::Call, Outcome::NoAnswer)
        .after("2026-11-09 09:00", Channel::WhatsApp, Outcome::MessageSent);
    assert!(!co.allowed(Channel::Visit, "2026-11-18 10:00"), "two tries");
    let co = co.after("2026-11-16 09:00", Channel::Call, Outcome::WrongNumber);
    assert!(
        co.allowed(Channel::Visit, "2026-11-18 10:00"),
        "three failed"
    );
    let co = co.after("2026-11-17 09:00", Channel::Sms, Outcome::CallBack);
    assert!(
        !co.allowed(Channel::Visit, "2026-11-18 10:00"),
        "reached again"
    );
}

#[test]
fn a_debtor_nobody_described_is_protected_as_a_consumer() {
    let co = Case::new(Preset::Colombia).debtor(None, false);
    let (detail, _) = co.blocked(Channel::Visit, "2026-11-18 10:00");
    assert_eq!(detail, Detail::VisitToConsumer { known: false });
    let chile = Case::new(Preset::Chile).debtor(None, false);
    assert!(
        chile.allowed(Channel::Visit, "2026-11-18 10:00"),
        "not Chile's rule"
    );
}
