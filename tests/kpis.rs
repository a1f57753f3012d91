//! Every KPI of the reports on a portfolio small enough to work out by hand, the edge cases
//! (no sales, all current, two currencies), and the invariants that make the numbers agree
//! everywhere: cuts add up to the whole, and receivables are the aging report's.
#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "common/events.rs"]
mod events;

use chrono::{NaiveDate, NaiveDateTime};
use cobranza::domain::aging::{age, AgingBasis, AgingBuckets};
use cobranza::domain::contact::{Channel, Contact, ContactId, Objective, Outcome};
use cobranza::domain::customer::{Customer, CustomerId};
use cobranza::domain::dispute::{Dispute, DisputeId, DisputeReason};
use cobranza::domain::invoice::{Invoice, InvoiceId, Terms};
use cobranza::domain::kpi::figures::{breakdown, Breakdown, Figures};
use cobranza::domain::kpi::period::{Period, Step};
use cobranza::domain::kpi::scorecard::Scorecard;
use cobranza::domain::kpi::segment::Segment;
use cobranza::domain::kpi::trend::collected_against_due;
use cobranza::domain::money::{Currency, Money};
use cobranza::domain::payment::{Payment, PaymentId, PaymentMethod};
use cobranza::domain::portfolio::Portfolio;
use cobranza::domain::promise::{Promise, PromiseId};
use common::DeviceLog;
use proptest::prelude::*;
use rust_decimal::{dec, Decimal};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).expect("valid date")
}

fn usd() -> Currency {
    Currency::parse("USD").expect("valid code")
}

fn at(m: u32, d: u32) -> NaiveDateTime {
    day(m, d).and_hms_opt(10, 0, 0).expect("valid time")
}

fn customer(p: &mut Portfolio, id: &str, collector: &str, city: &str) {
    p.customers.insert(
        CustomerId(id.into()),
        Customer {
            name: id.into(),
            collector: collector.into(),
            city: city.into(),
            ..Customer::default()
        },
    );
}

fn invoice(
    p: &mut Portfolio,
    id: &str,
    who: &str,
    issued: NaiveDate,
    due: NaiveDate,
    money: Money,
) {
    p.invoices.insert(
        InvoiceId(id.into()),
        Invoice {
            kind: Default::default(),
            customer: CustomerId(who.into()),
            issued_on: issued,
            terms: Terms::single(money, due).expect("valid terms"),
        },
    );
}

fn pay(p: &mut Portfolio, id: &str, who: &str, on: NaiveDate, amount: Decimal) {
    p.payments.insert(
        PaymentId(id.into()),
        Payment {
            customer: CustomerId(who.into()),
            received_on: on,
            amount: Money::new(amount, Currency::COP),
            method: PaymentMethod::Cash,
            reference: Default::default(),
            applies_to: vec![],
            receipt: None,
        },
    );
}

fn promise(
    p: &mut Portfolio,
    id: &str,
    who: &str,
    made: NaiveDate,
    due: NaiveDate,
    amount: Decimal,
) {
    p.promises.insert(
        PromiseId(id.into()),
        Promise {
            customer: CustomerId(who.into()),
            made_on: made,
            due_on: due,
            amount: Money::new(amount, Currency::COP),
            channel: None,
        },
    );
}

fn contact(p: &mut Portfolio, id: &str, who: &str, when: NaiveDateTime) {
    p.contacts.insert(
        ContactId(id.into()),
        Contact {
            customer: CustomerId(who.into()),
            at: when,
            channel: Channel::Call,
            objective: Objective::Remind,
            outcome: Outcome::NoAnswer,
            note: String::new(),
            next_followup: None,
            position: None,
            reminded: vec![],
            policy_override: None,
        },
    );
}

fn dispute(
    p: &mut Portfolio,
    id: &str,
    who: &str,
    reason: DisputeReason,
    opened: NaiveDate,
    resolved: Option<NaiveDate>,
) {
    p.disputes.insert(
        DisputeId(id.into()),
        Dispute {
            customer: CustomerId(who.into()),
            invoices: vec![],
            amount: None,
            owner: String::new(),
            reason,
            opened_on: opened,
            resolved_on: resolved,
        },
    );
}

/// November 2026, worked by hand:
/// - A (Juan, Bogotá): A1 100,000 issued 1 Oct due 31 Oct, 40,000 paid 15 Nov;
///   A2 200,000 issued 10 Nov due 10 Dec.
/// - B (María, Medellín): B1 50,000 issued 15 Sep due 15 Oct, paid 20 Oct;
///   B2 150,000 issued 5 Nov due 20 Nov, 100,000 paid 25 Nov.
/// - C (nobody, Bogotá): C1 US$1,000 issued 1 Nov due 1 Dec.
fn november() -> Portfolio {
    let cop = |n| Money::new(n, Currency::COP);
    let mut p = Portfolio::default();
    customer(&mut p, "A", "Juan", "Bogotá");
    customer(&mut p, "B", "María", "Medellín");
    customer(&mut p, "C", "", "Bogotá ");
    invoice(
        &mut p,
        "A1",
        "A",
        day(10, 1),
        day(10, 31),
        cop(dec!(100000)),
    );
    invoice(
        &mut p,
        "A2",
        "A",
        day(11, 10),
        day(12, 10),
        cop(dec!(200000)),
    );
    invoice(&mut p, "B1", "B", day(9, 15), day(10, 15), cop(dec!(50000)));
    invoice(
        &mut p,
        "B2",
        "B",
        day(11, 5),
        day(11, 20),
        cop(dec!(150000)),
    );
    invoice(
        &mut p,
        "C1",
        "C",
        day(11, 1),
        day(12, 1),
        Money::new(dec!(1000), usd()),
    );
    pay(&mut p, "pa", "A", day(11, 15), dec!(40000));
    pay(&mut p, "pb1", "B", day(10, 20), dec!(50000));
    pay(&mut p, "pb2", "B", day(11, 25), dec!(100000));
    // Kept on the day; broken (paid five days late); due on the cut-off and still open;
    // and one due in October, outside the period.
    promise(&mut p, "k", "A", day(11, 10), day(11, 15), dec!(40000));
    promise(&mut p, "b", "B", day(11, 12), day(11, 20), dec!(150000));
    promise(&mut p, "w", "B", day(11, 26), day(11, 30), dec!(50000));
    promise(&mut p, "o", "A", day(10, 10), day(10, 20), dec!(10000));
    contact(&mut p, "c1", "A", at(11, 3));
    contact(&mut p, "c2", "A", at(11, 14));
    contact(&mut p, "c3", "B", at(11, 21));
    contact(&mut p, "c4", "B", at(10, 30));
    dispute(
        &mut p,
        "d1",
        "C",
        DisputeReason::PricingError,
        day(11, 20),
        None,
    );
    dispute(
        &mut p,
        "d2",
        "B",
        DisputeReason::WrongItems,
        day(10, 1),
        Some(day(11, 10)),
    );
    dispute(
        &mut p,
        "d3",
        "A",
        DisputeReason::PricingError,
        day(12, 1),
        None,
    );
    p
}

fn november_period() -> Period {
    Period::new(day(11, 1), day(11, 30)).expect("a period")
}

fn scorecard_of(segment: Segment, b: &Breakdown) -> Scorecard {
    segment.scorecard(b).expect("the segment has accounts")
}

fn one(d: Option<Decimal>) -> Option<Decimal> {
    d.map(|d| d.round_dp(1))
}

#[test]
fn every_kpi_of_a_hand_worked_month() {
    let p = november();
    let b = breakdown(&p, november_period());
    assert_eq!(
        b.month_days,
        vec![30, 31, 30],
        "November, October, September"
    );
    let card = scorecard_of(Segment::Portfolio, &b);
    let cop = &card.money[&Currency::COP];
    // Open at the cut-off: 60,000 of A1 (30 days late), A2's 200,000 (not due), 50,000 of B2.
    assert_eq!(cop.receivables, dec!(310000));
    assert_eq!(cop.overdue, dec!(110000));
    assert_eq!(cop.accounts_overdue, 2);
    assert_eq!(cop.credit_sales, dec!(350000));
    assert_eq!(cop.collected, dec!(140000));
    // 310,000 ÷ 350,000 × 30; 200,000 ÷ 350,000 × 30; the difference, 110,000 ÷ 350,000 × 30.
    assert_eq!(one(cop.dso), Some(dec!(26.6)));
    assert_eq!(one(cop.best_possible_dso), Some(dec!(17.1)));
    assert_eq!(one(cop.average_days_delinquent), Some(dec!(9.4)));
    // Count-back: the 310,000 fits in November's 350,000 of sales: 310/350 of 30 days.
    assert_eq!(one(cop.count_back_dso), Some(dec!(26.6)));
    // Opening 100,000 (A1 on 31 Oct; B1 was paid): (100,000 + 350,000 − 310,000) ÷
    // (100,000 + 350,000 − 200,000) = 140,000 ÷ 250,000.
    assert_eq!(cop.cei, Some(dec!(56)));
    assert_eq!(one(cop.percent_current), Some(dec!(64.5)));

    assert_eq!(card.promises.kept, 1);
    assert_eq!(card.broken_promises(), 1);
    assert_eq!(
        card.promises.pending, 1,
        "due on the cut-off, not yet broken"
    );
    assert_eq!(card.promise_kept_rate, Some(dec!(50)));
    assert_eq!(card.contacts, 3);
    assert_eq!(card.payments, 2);
    assert_eq!(card.contacts_per_payment, Some(dec!(1.5)));
    assert_eq!(
        card.open_disputes.into_iter().collect::<Vec<_>>(),
        vec![(DisputeReason::PricingError, 1)],
        "resolved before the cut-off and opened after it do not count"
    );
}

#[test]
fn a_second_currency_is_reported_apart_and_all_current_is_100_percent() {
    let p = november();
    let b = breakdown(&p, november_period());
    let card = scorecard_of(Segment::Portfolio, &b);
    let dollars = &card.money[&usd()];
    assert_eq!(dollars.receivables, dec!(1000));
    assert_eq!(dollars.percent_current, Some(dec!(100)));
    assert_eq!(dollars.overdue, Decimal::ZERO);
    assert_eq!(dollars.average_days_delinquent, Some(Decimal::ZERO));
    assert_eq!(dollars.dso, Some(dec!(30)));
    assert_eq!(
        dollars.cei, None,
        "nothing was due, so nothing could be collected"
    );
    assert_eq!(
        card.money[&Currency::COP].receivables,
        dec!(310000),
        "no dollars in it"
    );
}

#[test]
fn collectors_and_cities_each_get_their_own_kpis() {
    let p = november();
    let b = breakdown(&p, november_period());
    let juan = scorecard_of(Segment::Collector("Juan".into()), &b);
    let maria = scorecard_of(Segment::Collector("María".into()), &b);
    // Juan: 260,000 owed on 200,000 sold; María: 50,000 on 150,000.
    assert_eq!(juan.money[&Currency::COP].dso, Some(dec!(39)));
    assert_eq!(maria.money[&Currency::COP].dso, Some(dec!(10)));
    assert_eq!(juan.promise_kept_rate, Some(dec!(100)));
    assert_eq!(maria.promise_kept_rate, Some(dec!(0)));
    assert!(
        b.by_collector[""].currencies.contains_key(&usd()),
        "C is unassigned"
    );
    let bogota = &b.by_city["Bogotá"];
    assert_eq!(bogota.currencies[&Currency::COP].receivables, dec!(260000));
    assert_eq!(
        bogota.currencies[&usd()].receivables,
        dec!(1000),
        "«Bogotá » is Bogotá"
    );
    assert_eq!(b.by_city.len(), 2);
}

#[test]
fn without_sales_in_the_period_dso_is_not_given_but_count_back_still_is() {
    let p = november();
    let december = Period::new(day(12, 1), day(12, 31)).expect("a period");
    let b = breakdown(&p, december);
    let cop = &scorecard_of(Segment::Portfolio, &b).money[&Currency::COP];
    assert_eq!(cop.credit_sales, Decimal::ZERO);
    assert_eq!(cop.dso, None);
    assert_eq!(cop.best_possible_dso, None);
    assert_eq!(cop.average_days_delinquent, None);
    // 310,000 owed: December sold nothing (31 days), November's 350,000 holds the rest.
    assert_eq!(one(cop.count_back_dso), Some(dec!(57.6)));
    let empty = breakdown(&Portfolio::default(), december);
    let card = scorecard_of(Segment::Portfolio, &empty);
    assert!(card.money.is_empty());
    assert_eq!(
        (card.promise_kept_rate, card.contacts_per_payment),
        (None, None)
    );
}

#[test]
fn count_back_on_calendar_months() {
    // The textbook example (sales 70,000 / 80,000 / 100,000, 212,000 owed) on real months:
    // November's 100,000 is 30 days, October's 80,000 31 days, and 32,000 of September's
    // 70,000 is 32/70 of its 30 days: 74.7 days (73.7 with the textbook's 30-day months).
    let cop = |n| Money::new(n, Currency::COP);
    let mut p = Portfolio::default();
    customer(&mut p, "Z", "", "");
    invoice(&mut p, "S", "Z", day(9, 10), day(12, 31), cop(dec!(70000)));
    invoice(&mut p, "O", "Z", day(10, 10), day(12, 31), cop(dec!(80000)));
    invoice(
        &mut p,
        "N",
        "Z",
        day(11, 10),
        day(12, 31),
        cop(dec!(100000)),
    );
    pay(&mut p, "p", "Z", day(11, 20), dec!(38000));
    let b = breakdown(&p, Period::new(day(9, 1), day(11, 30)).expect("a period"));
    let card = scorecard_of(Segment::Portfolio, &b);
    let kpis = &card.money[&Currency::COP];
    assert_eq!(kpis.receivables, dec!(212000));
    assert_eq!(one(kpis.count_back_dso), Some(dec!(74.7)));
}

#[test]
fn the_trend_sets_what_fell_due_against_what_came_in_week_by_week() {
    let p = november();
    let trend = collected_against_due(&p, november_period(), Step::Week, |_| true);
    let weeks = &trend[&Currency::COP];
    assert_eq!(weeks.len(), 5);
    let due: Decimal = weeks.iter().map(|w| w.due).sum();
    let collected: Decimal = weeks.iter().map(|w| w.collected).sum();
    assert_eq!(due, dec!(150000), "only B2 fell due in November");
    assert_eq!(collected, dec!(140000));
    let week_of = |d| weeks.iter().find(|w| w.window.contains(d)).expect("a week");
    assert_eq!(week_of(day(11, 20)).due, dec!(150000));
    assert_eq!(week_of(day(11, 25)).collected, dec!(100000));
    let only_a = collected_against_due(&p, november_period(), Step::Week, |c| c.0 == "A");
    let collected_a: Decimal = only_a[&Currency::COP].iter().map(|w| w.collected).sum();
    assert_eq!(collected_a, dec!(40000));
}

fn assignment() -> impl Strategy<Value = cobranza::sync::op::Event> {
    use cobranza::sync::op::{CustomerPatch, Event};
    ((0..3u8), prop::sample::select(vec!["Juan", "María", ""])).prop_map(|(c, collector)| {
        Event::CustomerUpserted {
            customer: CustomerId(format!("c{c}").into()),
            patch: CustomerPatch {
                collector: Some(collector.into()),
                ..CustomerPatch::default()
            },
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Each cut adds up to the whole, and the receivables are the aging report's to the cent:
    /// a manager who adds up the collectors' lines gets the portfolio line.
    #[test]
    fn cuts_add_up_to_the_portfolio_and_receivables_match_aging(
        events in prop::collection::vec(prop_oneof![4 => events::event(), 1 => assignment()], 1..60),
        cutoff in 20..90u32,
        length in 1..60u64,
    ) {
        let mut log = DeviceLog::new("kpi");
        log.append(events);
        let p = log.projection().portfolio();
        let period = Period::ending(events::day(cutoff), length);
        let b = breakdown(&p, period);
        let mut collectors = Figures::default();
        b.by_collector.values().for_each(|f| collectors.add(f));
        let mut cities = Figures::default();
        b.by_city.values().for_each(|f| cities.add(f));
        prop_assert_eq!(&collectors, &b.portfolio);
        prop_assert_eq!(&cities, &b.portfolio);
        let aging = age(&p, period.last(), AgingBasis::DueDate, &AgingBuckets::default());
        for (currency, buckets) in &aging.totals {
            let figures = &b.portfolio.currencies[currency];
            prop_assert_eq!(figures.receivables, buckets.iter().sum::<Decimal>());
            prop_assert_eq!(figures.current, buckets[0]);
        }
        let card = scorecard_of(Segment::Portfolio, &b);
        for kpis in card.money.values() {
            prop_assert!(kpis.overdue >= Decimal::ZERO);
            if let (Some(dso), Some(best)) = (kpis.dso, kpis.best_possible_dso) {
                prop_assert!(best <= dso);
            }
            if let Some(current) = kpis.percent_current {
                prop_assert!((Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&current));
            }
        }
    }
}
