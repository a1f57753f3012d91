use crate::domain::certified_rate::{Month, RateProblem};
use crate::domain::debtor::{DebtorKind, IdType};
use crate::domain::interest_cap::CapRule;
use crate::sync::csv::certified_rates::RateLineProblem;

/// Late interest: the company's choice in Ajustes and the claim on a customer's screens.
pub struct CreditTexts {
    pub interest_title: &'static str,
    /// The rule and its articles under each country's cap, as the settings cite it.
    pub interest_law: fn(CapRule) -> &'static str,
    pub basis_none: &'static str,
    pub basis_agreed: &'static str,
    pub basis_legal: &'static str,
    pub agreed_rate: &'static str,
    pub agreed_rate_invalid: &'static str,
    pub rates_title: &'static str,
    /// What the table's rate is under each cap, and where it is published.
    pub rates_help: fn(CapRule) -> &'static str,
    pub rates_empty: &'static str,
    pub column_month: &'static str,
    pub column_table_rate: fn(CapRule) -> &'static str,
    pub column_usury_rate: &'static str,
    pub column_resolution: &'static str,
    pub column_days: &'static str,
    pub column_rate: &'static str,
    pub column_interest: &'static str,
    pub paste_rates: &'static str,
    pub add_rates: &'static str,
    pub rates_added: fn(usize) -> String,
    pub remove: &'static str,
    /// Line (from 1) of the pasted table and what is wrong with it.
    pub rate_line_problem: fn(u64, &RateLineProblem) -> String,
    pub rate_problem: fn(&RateProblem) -> String,
    pub month_name: fn(Month) -> String,
    pub interest_heading: &'static str,
    pub interest_apart: &'static str,
    pub cut_to_cap: &'static str,
    pub interest_total: &'static str,
    pub balance_with_interest: &'static str,
    pub book_interest: &'static str,
    /// Why booking turns the claim into a receivable, and from when interest runs again.
    pub book_interest_hint: &'static str,
    /// The day up to which interest was already booked.
    pub booked_through: fn(&str) -> String,
    pub good_payers_title: &'static str,
    pub good_payers_hint: &'static str,
    pub good_payers_count: fn(usize) -> String,
    pub no_good_payers: &'static str,
    pub column_customer: &'static str,
    pub column_dues_on_time: &'static str,
    pub column_paid_on_time: &'static str,
    pub column_recognition: &'static str,
    pub holds_csv: &'static str,
    /// The hold in the customer's history: why, by whom.
    pub timeline_restored: fn(&str) -> String,
    /// Salesperson, note, by whom.
    pub timeline_handed: fn(&str, &str, &str) -> String,
    pub hand_to_sales: &'static str,
    pub handoff_hint: &'static str,
    pub handoff_note: &'static str,
    /// The badge of an account handed to a salesperson.
    pub with_sales: fn(&str) -> String,
    /// The agenda filter's group of salespeople.
    pub agenda_sales: &'static str,
    pub timeline_hold: fn(&str, &str) -> String,
    /// The CSV's columns after the customer's id and name: tax id, salesperson, collector,
    /// since, reason, by, balance, currency.
    pub holds_csv_columns: [&'static str; 8],
    pub cost_title: &'static str,
    pub cost_hint: &'static str,
    pub cost_amount: &'static str,
    pub cost_day: &'static str,
    pub cost_reason: &'static str,
    /// The line a shared statement ends with: the interest owed, apart from the balance.
    pub interest_line: fn(&str) -> String,
    pub on_hold: &'static str,
    /// Since (a date), by whom, why.
    pub hold_detail: fn(&str, &str, &str) -> String,
    pub put_on_hold: &'static str,
    pub lift_hold: &'static str,
    /// The reason a hold put on in one tap gives: how many days late the account is.
    pub hold_reason_late: fn(i64) -> String,
    pub filter_on_hold: &'static str,
    /// The months (already named) whose certified rate the table lacks.
    pub missing_rates: fn(&[String]) -> String,
    pub debtor_title: &'static str,
    pub debtor_kind: &'static str,
    pub kind_unknown: &'static str,
    pub kind_name: fn(DebtorKind) -> &'static str,
    pub id_type: &'static str,
    pub id_type_unknown: &'static str,
    pub id_type_name: fn(IdType) -> &'static str,
    pub visits_authorized: &'static str,
    pub terms_title: &'static str,
    pub payment_days: &'static str,
    pub credit_limit: &'static str,
    pub salesperson: &'static str,
    pub terms_unreadable: &'static str,
    pub over_limit: &'static str,
    pub filter_over_limit: &'static str,
    /// The payment term in days, for the customer's screen.
    pub payment_days_detail: fn(u32) -> String,
    /// A limit and what is left of it, both already written as money.
    pub limit_detail: fn(&str, &str) -> String,
    /// How many customers an import takes as businesses from their NIT alone.
    pub inferred_kinds: fn(usize) -> String,
}
