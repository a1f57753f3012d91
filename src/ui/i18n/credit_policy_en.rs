use super::credit_policy::{listed, CreditPolicyTexts};
use crate::domain::interest_cap::CapRule;

fn reminder_day(day: &i32) -> String {
    match *day {
        0 => "on the due date".to_owned(),
        -1 => "1 day before".to_owned(),
        1 => "1 day after".to_owned(),
        d if d < 0 => format!("{} days before", -d),
        d => format!("{d} days after"),
    }
}

fn cap_words(cap: CapRule) -> &'static str {
    match cap {
        CapRule::BankRate => "one and a half times the bank rate the Superintendencia Financiera certifies (Código de Comercio, art. 884)",
        CapRule::CurrentRate => "the conventional maximum, 50 % over the current rate the CMF publishes (Ley 18.010, art. 6)",
        CapRule::CentralBankMaximum => "the maximum rate the Banco Central de Reserva del Perú sets (Código Civil, art. 1243)",
        CapRule::CompanyMaximum => "the maximum late-interest rate the company sets for each month",
    }
}

pub static CREDIT_POLICY: CreditPolicyTexts = CreditPolicyTexts {
    link: "Credit policy",
    title: "Credit and collection policy",
    for_customer: |name| format!("For {name}"),
    as_of: |day| format!("In force on {day}"),
    terms_heading: "Your credit terms",
    payment_days: |days| {
        if days == 1 {
            "Each purchase on credit is paid the day after its invoice.".to_owned()
        } else {
            format!("Each purchase on credit is paid within {days} days of its invoice date.")
        }
    },
    term_per_invoice: "Each invoice says the day it falls due.",
    limit: |amount| format!("Credit limit: {amount}. What you owe plus a new purchase on credit may not pass it."),
    on_hold: "Your credit is suspended today: new purchases are cash until you are up to date.",
    pay_heading: "How to pay",
    ask_how_to_pay: "Ask your collector for the ways to pay.",
    receipts: "Every payment gets its numbered receipt; keep it.",
    late_heading: "If a payment is late",
    reminders: |days| {
        if days.is_empty() {
            "We send no automatic reminders: your collector will reach you.".to_owned()
        } else {
            let days: Vec<String> = days.iter().map(reminder_day).collect();
            format!("We remind you of each due date {}.", listed(&days, "and"))
        }
    },
    contact_rules: "We only contact you as the law allows:",
    hold_rule: "If a debt stays overdue, we may suspend your credit: new purchases will be cash until you are up to date.",
    disputes: "If you disagree with an invoice, tell us: we record it as a dispute and send no reminders for it while we look into it.",
    costs: "We charge no fee for paying late. We only charge real, documented collection costs (courier, notary), with their proof.",
    interest_heading: "Late interest",
    interest_none: "We charge no late interest.",
    interest_agreed: |rate, cap| format!("On what is overdue we charge late interest of {rate} effective annual, day by day on the principal, never on interest and never above each month's cap: {}.", cap_words(cap)),
    interest_legal: |cap| format!("On what is overdue we charge late interest at each month's maximum: {}; day by day on the principal, never on interest.", cap_words(cap)),
};
