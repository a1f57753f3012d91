use crate::domain::interest_cap::CapRule;

/// The «Política de crédito y cobranza» a customer is given, from the company's settings.
pub struct CreditPolicyTexts {
    pub link: &'static str,
    pub title: &'static str,
    pub for_customer: fn(&str) -> String,
    pub as_of: fn(&str) -> String,
    pub terms_heading: &'static str,
    pub payment_days: fn(u32) -> String,
    pub term_per_invoice: &'static str,
    /// The limit in one currency, formatted.
    pub limit: fn(&str) -> String,
    pub on_hold: &'static str,
    pub pay_heading: &'static str,
    pub ask_how_to_pay: &'static str,
    pub receipts: &'static str,
    pub late_heading: &'static str,
    /// The reminder days, counted from each due date.
    pub reminders: fn(&[i32]) -> String,
    pub contact_rules: &'static str,
    pub hold_rule: &'static str,
    pub disputes: &'static str,
    pub costs: &'static str,
    pub interest_heading: &'static str,
    pub interest_none: &'static str,
    /// The agreed rate, formatted, under the country's cap.
    pub interest_agreed: fn(&str, CapRule) -> String,
    pub interest_legal: fn(CapRule) -> String,
}

/// "a, b y c": the last two joined by `and`.
pub fn listed(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}
