//! Late interest as a debtor or a judge would check it by hand: day by day on what was overdue,
//! month by month at that month's certified rate, never above its cap (in Colombia, one and a half
//! times it).

#![cfg(not(target_arch = "wasm32"))]

use chrono::{Days, NaiveDate};
use cobranza::domain::allocation::Allocation;
use cobranza::domain::certified_rate::{CertifiedRate, CertifiedRates, Month};
use cobranza::domain::customer::Customer;
use cobranza::domain::customer::CustomerId;
use cobranza::domain::interest_cap::CapRule;
use cobranza::domain::invoice::{Installment, Invoice, InvoiceId, InvoiceKind, Terms};
use cobranza::domain::late_interest::{
    claims, daily_rate, InterestBasis, InterestClaim, InterestProblem, InterestTerms,
};
use cobranza::domain::money::{Currency, Money};
use cobranza::domain::payment::{Payment, PaymentId, PaymentMethod};
use cobranza::domain::portfolio::Portfolio;
use cobranza::sync::charge::{book_late_interest, record_collection_cost};
use cobranza::sync::edit::EditProblem;
use cobranza::sync::op::Event;
use proptest::prelude::*;
use rust_decimal::{dec, Decimal};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).expect("valid date")
}

fn customer() -> CustomerId {
    CustomerId("c".into())
}

fn invoice(p: &mut Portfolio, id: &str, issued: NaiveDate, terms: Terms) {
    let invoice = Invoice {
        kind: Default::default(),
        customer: customer(),
        issued_on: issued,
        terms,
    };
    p.invoices.insert(InvoiceId(id.into()), invoice);
}

fn pay(p: &mut Portfolio, id: &str, on: NaiveDate, amount: Decimal) {
    let payment = Payment {
        customer: customer(),
        received_on: on,
        amount: Money::new(amount, Currency::COP),
        method: PaymentMethod::Transfer,
        reference: id.into(),
        applies_to: vec![],
        receipt: None,
    };
    p.payments.insert(PaymentId(id.into()), payment);
}

/// The bank rates certified for February, March and April 2026 in this example (made up, of
/// the size Colombia's usually are): usury rates 25.5 %, 26.25 % and 27 %.
fn rates() -> CertifiedRates {
    CertifiedRates::new(vec![
        rate("2026-02", dec!(17.00), "Resolución 0101 de 2026"),
        rate("2026-03", dec!(17.50), "Resolución 0202 de 2026"),
        rate("2026-04", dec!(18.00), "Resolución 0303 de 2026"),
    ])
    .expect("a table")
}

fn rate(month: &str, percent: Decimal, resolution: &str) -> CertifiedRate {
    CertifiedRate {
        month: month.parse().expect("a month"),
        annual_percent: percent,
        resolution: resolution.into(),
    }
}

/// The example's table with one month left out.
fn rates_without(month: &str) -> CertifiedRates {
    CertifiedRates::new(
        rates()
            .iter()
            .filter(|r| r.month.to_string() != month)
            .cloned()
            .collect(),
    )
    .expect("a table")
}

/// Colombia's cap: one and a half times each month's certified bank rate.
fn colombia<'a>(basis: &'a InterestBasis, rates: &'a CertifiedRates) -> InterestTerms<'a> {
    InterestTerms {
        basis,
        rates,
        cap: CapRule::BankRate,
    }
}

fn claim(p: &Portfolio, as_of: NaiveDate, basis: &InterestBasis) -> InterestClaim {
    claim_with(p, as_of, basis, &rates()).expect("every month has its rate")
}

fn claim_with(
    p: &Portfolio,
    as_of: NaiveDate,
    basis: &InterestBasis,
    rates: &CertifiedRates,
) -> Result<InterestClaim, InterestProblem> {
    claim_under(p, as_of, colombia(basis, rates))
}

fn claim_under(
    p: &Portfolio,
    as_of: NaiveDate,
    terms: InterestTerms<'_>,
) -> Result<InterestClaim, InterestProblem> {
    let allocation = Allocation::compute(p, as_of);
    claims(&allocation, &customer(), as_of, terms)
        .remove(&Currency::COP)
        .expect("the customer owes in pesos")
        .claim
}

/// One instalment of 1,000,000 COP due 14 February 2026, unpaid on 30 April: 75 days late.
fn one_instalment_75_days_late() -> Portfolio {
    let mut p = Portfolio::default();
    let terms = Terms::single(Money::new(dec!(1000000), Currency::COP), day(2, 14)).expect("terms");
    invoice(&mut p, "F1", day(1, 15), terms);
    p
}

fn interest_by_month(claim: &InterestClaim) -> Vec<(String, u32, Decimal, Decimal)> {
    claim
        .months
        .iter()
        .map(|m| {
            (
                m.month.to_string(),
                m.days,
                m.annual_percent,
                m.interest.round_dp(4),
            )
        })
        .collect()
}

#[test]
fn a_million_pesos_75_days_late_over_three_months_at_three_rates() {
    let claim = claim(
        &one_instalment_75_days_late(),
        day(4, 30),
        &InterestBasis::LegalMaximum,
    );
    // Late from 15 February: 14 days of February, 31 of March and 30 of April.
    // February: usury 1.5 × 17 % = 25.5 % E.A.; a day's rate 1.255^(1/365) − 1
    //   = 0.000622482902073754849…; × 1,000,000 × 14 days = 8,714.7606290…
    // March: 26.25 %; 1.2625^(1/365) − 1 = 0.000638817332737143036…; × 31,000,000 = 19,803.3373148…
    // April: 27 %; 1.27^(1/365) − 1 = 0.000655055278267473038…; × 30,000,000 = 19,651.6583480…
    // Together 48,169.7562918…, rounded once to the cent.
    assert_eq!(
        interest_by_month(&claim),
        vec![
            ("2026-02".into(), 14, dec!(25.500), dec!(8714.7606)),
            ("2026-03".into(), 31, dec!(26.250), dec!(19803.3373)),
            ("2026-04".into(), 30, dec!(27.000), dec!(19651.6583)),
        ]
    );
    assert_eq!(claim.total, dec!(48169.76));
    assert_eq!(claim.months[1].resolution, "Resolución 0202 de 2026");
}

#[test]
fn an_agreed_rate_above_the_months_cap_is_cut_to_it_and_one_below_stands() {
    let p = one_instalment_75_days_late();
    // 26 % agreed: above February's cap of 25.5 %, below March's and April's.
    let agreed = InterestBasis::Agreed {
        annual_percent: dec!(26),
    };
    let claim = claim(&p, day(4, 30), &agreed);
    let applied: Vec<(Decimal, bool)> = claim
        .months
        .iter()
        .map(|m| (m.annual_percent, m.cut_to_cap))
        .collect();
    assert_eq!(
        applied,
        vec![(dec!(25.500), true), (dec!(26), false), (dec!(26), false)]
    );
    let most = self::claim(&p, day(4, 30), &InterestBasis::LegalMaximum);
    assert!(claim.total < most.total);
    assert_eq!(claim.months[0].interest, most.months[0].interest);
}

#[test]
fn a_month_without_its_certified_rate_stops_the_reckoning_and_is_named() {
    let p = one_instalment_75_days_late();
    let without_march = rates_without("2026-03");
    let march: Month = "2026-03".parse().expect("a month");
    assert_eq!(
        claim_with(&p, day(4, 30), &InterestBasis::LegalMaximum, &without_march),
        Err(InterestProblem::MissingRates(vec![march]))
    );
    // Without interest nothing needs the table.
    assert_eq!(
        claim_with(&p, day(4, 30), &InterestBasis::None, &without_march),
        Ok(InterestClaim::default())
    );
}

#[test]
fn a_payment_in_the_middle_lowers_the_principal_from_its_day() {
    let mut p = one_instalment_75_days_late();
    pay(&mut p, "p1", day(3, 10), dec!(400000));
    let claim = claim(&p, day(4, 30), &InterestBasis::LegalMaximum);
    // March: 1,000,000 for 9 days, then 600,000 from the 10th for 22 days: 22,200,000
    // peso-days at 26.25 % E.A. = 14,181.7447867…
    assert_eq!(claim.months[1].principal_days, dec!(22200000));
    assert_eq!(claim.months[1].interest.round_dp(4), dec!(14181.7448));
    // April runs on the 600,000 left: 18,000,000 peso-days.
    assert_eq!(claim.months[2].principal_days, dec!(18000000));
}

#[test]
fn a_payment_spread_over_instalments_pays_the_earliest_first() {
    let mut p = Portfolio::default();
    let cuota = |number, due_on, amount| Installment {
        number,
        due_on,
        amount,
    };
    let terms = Terms::in_installments(
        Currency::COP,
        vec![
            cuota(1, day(2, 10), dec!(300000)),
            cuota(2, day(3, 10), dec!(300000)),
        ],
    )
    .expect("terms");
    invoice(&mut p, "F1", day(1, 10), terms);
    // Pays the first instalment on 1 March, 19 days late; the second is paid before it is due.
    pay(&mut p, "p1", day(3, 1), dec!(300000));
    pay(&mut p, "p2", day(3, 5), dec!(300000));
    let claim = claim(&p, day(4, 30), &InterestBasis::LegalMaximum);
    // 11 February to 28 February: 18 days of 300,000; nothing in March or April.
    assert_eq!(
        claim
            .months
            .iter()
            .map(|m| (m.days, m.principal_days))
            .collect::<Vec<_>>(),
        vec![(18, dec!(5400000))]
    );
}

/// The portfolio after `event`, an invoice written by a charge, as the projection reads it.
fn with_charge(mut p: Portfolio, event: Event) -> Portfolio {
    let Event::InvoiceUpserted { invoice, patch } = event else {
        panic!("a charge is an invoice, not {event:?}");
    };
    let charged = Invoice {
        customer: patch.customer.expect("its customer"),
        issued_on: patch.issued_on.expect("its day"),
        terms: patch.terms.expect("its amount"),
        kind: patch.kind.expect("its kind"),
    };
    p.invoices.insert(invoice, charged);
    p
}

fn known_customer(mut p: Portfolio) -> Portfolio {
    p.customers.insert(customer(), Customer::default());
    p
}

#[test]
fn booked_interest_is_an_invoice_and_the_claim_goes_on_from_the_next_day() {
    let p = known_customer(one_instalment_75_days_late());
    let basis = InterestBasis::LegalMaximum;
    let booked = book_late_interest(
        &p,
        &customer(),
        Currency::COP,
        day(3, 31),
        colombia(&basis, &rates()),
    )
    .expect("interest to book");
    let p = with_charge(p, booked);
    let (id, charged) = p
        .invoices
        .iter()
        .find(|(_, i)| i.kind != InvoiceKind::Sale)
        .expect("the interest invoice");
    // February's 8,714.7606… and March's 19,803.3373…, rounded once.
    assert_eq!(id.0, "MORA-c-2026-03-31");
    assert_eq!(charged.amount(), Money::new(dec!(28518.10), Currency::COP));
    assert_eq!(charged.terms.due_on(), day(3, 31));
    // On 30 April only April is claimed, on the million alone: the booked interest earns none.
    let april = claim(&p, day(4, 30), &basis);
    assert_eq!(
        interest_by_month(&april),
        vec![("2026-04".into(), 30, dec!(27.000), dec!(19651.6583))]
    );
    let allocation = Allocation::compute(&p, day(4, 30));
    let account = claims(
        &allocation,
        &customer(),
        day(4, 30),
        colombia(&basis, &rates()),
    )
    .remove(&Currency::COP)
    .expect("an account in pesos");
    assert_eq!(account.balance, dec!(1028518.10));
    assert_eq!(account.booked_through, Some(day(3, 31)));
    // Booking again the same day finds nothing left to book.
    let again = book_late_interest(
        &p,
        &customer(),
        Currency::COP,
        day(3, 31),
        colombia(&basis, &rates()),
    );
    assert!(matches!(again, Err(EditProblem::NoInterest)));
}

#[test]
fn nothing_is_booked_without_interest_or_with_a_month_missing() {
    let p = known_customer(one_instalment_75_days_late());
    let book = |basis: &InterestBasis, rates: &CertifiedRates| {
        book_late_interest(
            &p,
            &customer(),
            Currency::COP,
            day(4, 30),
            colombia(basis, rates),
        )
    };
    assert_eq!(
        book(&InterestBasis::None, &rates()),
        Err(EditProblem::NoInterest)
    );
    let without_march = rates_without("2026-03");
    assert_eq!(
        book(&InterestBasis::LegalMaximum, &without_march),
        Err(EditProblem::MissingRates)
    );
    assert_eq!(
        book_late_interest(
            &p,
            &customer(),
            Currency::COP,
            day(2, 14),
            colombia(&InterestBasis::LegalMaximum, &rates()),
        ),
        Err(EditProblem::NoInterest),
        "not late yet on its due date"
    );
}

#[test]
fn a_collection_cost_needs_its_reason_is_owed_and_earns_no_interest() {
    let p = known_customer(one_instalment_75_days_late());
    let device = "3f9a1c00aa";
    let cost = |p: &Portfolio, reason: &str| {
        record_collection_cost(
            p,
            day(4, 30),
            device,
            &customer(),
            Money::new(dec!(50000), Currency::COP),
            day(2, 20),
            reason,
        )
    };
    assert_eq!(cost(&p, "  "), Err(EditProblem::MissingReason));
    let p = with_charge(
        p.clone(),
        cost(&p, "Mensajería del requerimiento").expect("a cost"),
    );
    let p = with_charge(
        p.clone(),
        cost(&p, "Autenticación en notaría").expect("a second cost"),
    );
    let costs: Vec<&str> = p
        .invoices
        .keys()
        .map(|id| id.0.as_str())
        .filter(|id| id.starts_with("GC-"))
        .collect();
    assert_eq!(costs, vec!["GC-3F9A1C-1", "GC-3F9A1C-2"]);
    // The interest is the million's alone, as before the costs.
    assert_eq!(
        claim(&p, day(4, 30), &InterestBasis::LegalMaximum).total,
        dec!(48169.76)
    );
    let allocation = Allocation::compute(&p, day(4, 30));
    let account = claims(
        &allocation,
        &customer(),
        day(4, 30),
        colombia(&InterestBasis::LegalMaximum, &rates()),
    )
    .remove(&Currency::COP)
    .expect("an account in pesos");
    assert_eq!(account.balance, dec!(1100000));
}

/// Rates for every month of 2026, each between 10 % and 30 %.
fn year_of_rates() -> impl Strategy<Value = CertifiedRates> {
    prop::collection::vec(1000..3000u32, 12).prop_map(|hundredths| {
        let rates = hundredths
            .into_iter()
            .zip(1..=12)
            .map(|(h, m)| rate(&format!("2026-{m:02}"), Decimal::new(h.into(), 2), ""))
            .collect();
        CertifiedRates::new(rates).expect("a table")
    })
}

/// A customer's invoices (offset of its due day from 1 January, amount) and payments (day,
/// amount), all in 2026.
fn account() -> impl Strategy<Value = Portfolio> {
    (
        prop::collection::vec((0..200u64, 1..2000i64), 1..6),
        prop::collection::vec((0..300u64, 1..2000i64), 0..6),
    )
        .prop_map(|(invoices, payments)| {
            let mut p = Portfolio::default();
            for (n, (due, thousands)) in invoices.into_iter().enumerate() {
                let due_on = day(1, 1) + Days::new(due);
                let money = Money::new(Decimal::from(thousands * 1000), Currency::COP);
                let terms = Terms::single(money, due_on).expect("terms");
                invoice(&mut p, &format!("F{n}"), day(1, 1), terms);
            }
            for (n, (on, thousands)) in payments.into_iter().enumerate() {
                let on = day(1, 1) + Days::new(on);
                pay(
                    &mut p,
                    &format!("p{n}"),
                    on,
                    Decimal::from(thousands * 1000),
                );
            }
            p
        })
}

proptest! {
    #[test]
    fn interest_never_passes_the_cap_on_the_principal_over_the_days(
        p in account(),
        rates in year_of_rates(),
        agreed in 0..5000u32,
        cap in prop::sample::select(vec![
            CapRule::BankRate,
            CapRule::CurrentRate,
            CapRule::CentralBankMaximum,
            CapRule::CompanyMaximum,
        ]),
    ) {
        let as_of = day(12, 31);
        let allocation = Allocation::compute(&p, as_of);
        let overdue = allocation.ledgers().next().expect("an account").overdue();
        // Day by day, on its own: the principal overdue that day at that month's cap.
        let daily: Vec<Decimal> = rates
            .iter()
            .map(|r| daily_rate(cap.cap(r.annual_percent)))
            .collect();
        let mut bound = Decimal::ZERO;
        let mut d = day(1, 1);
        while d <= as_of {
            let principal: Decimal = overdue
                .iter()
                .filter(|due| due.due_on < d)
                .map(|due| {
                    let paid: Decimal = due
                        .settled
                        .iter()
                        .filter(|(on, _)| *on <= d)
                        .map(|(_, amount)| amount)
                        .sum();
                    due.amount - paid
                })
                .sum();
            bound += principal * daily[Month::of(d).number() as usize - 1];
            d = d + Days::new(1);
        }
        let exact = |claim: &InterestClaim| claim.months.iter().map(|m| m.interest).sum::<Decimal>();
        let terms = |basis| InterestTerms { basis, rates: &rates, cap };
        let most = claim_under(&p, as_of, terms(&InterestBasis::LegalMaximum)).expect("a claim");
        prop_assert!((exact(&most) - bound).abs() < dec!(0.000001));
        let agreed = InterestBasis::Agreed { annual_percent: Decimal::new(agreed.into(), 2) };
        let claim = claim_under(&p, as_of, terms(&agreed)).expect("a claim");
        prop_assert!(exact(&claim) <= bound + dec!(0.000001));
        prop_assert!(claim.total <= most.total);
    }

    #[test]
    fn a_customer_never_late_owes_no_interest(p in account(), rates in year_of_rates()) {
        // Every invoice paid in full on its due day.
        let mut on_time = Portfolio::default();
        for (id, invoice) in &p.invoices {
            on_time.invoices.insert(id.clone(), invoice.clone());
            let due = invoice.terms.due_on();
            pay(&mut on_time, &format!("p{}", id.0), due, invoice.amount().amount);
        }
        let claim = claim_with(&on_time, day(12, 31), &InterestBasis::LegalMaximum, &rates)
            .expect("a claim");
        prop_assert_eq!(claim, InterestClaim::default());
    }
}
