use crate::domain::bureau_report::{FilingKind, Reportability};
use crate::domain::invoice_acceptance::Acceptance;
use crate::domain::minimum_wage::WageProblem;

/// The legal stage of collection: the yardsticks the law measures debts by, and later the
/// letters, notices and dossier built on them.
pub struct LegalTexts {
    pub wages_title: &'static str,
    /// Why the table is kept, with the articles that use it.
    pub wages_help: &'static str,
    pub wages_empty: &'static str,
    pub column_year: &'static str,
    pub column_wage: &'static str,
    pub year: &'static str,
    pub wage: &'static str,
    pub add_wage: &'static str,
    pub remove: &'static str,
    pub wage_unreadable: &'static str,
    pub wage_problem: fn(WageProblem) -> String,
    pub bureau_tab: &'static str,
    pub bureau_title: &'static str,
    /// The rule, with its article.
    pub bureau_law: &'static str,
    pub reportable_count: fn(usize) -> String,
    pub no_overdue: &'static str,
    pub column_customer: &'static str,
    pub column_overdue: &'static str,
    pub column_defaulted: &'static str,
    pub column_status: &'static str,
    /// What an account's state means, with the day when there is one (formatted).
    pub status: fn(&Reportability, &dyn Fn(chrono::NaiveDate) -> String) -> String,
    pub reported_on: fn(&str) -> String,
    pub mark_reported: &'static str,
    pub update_title: &'static str,
    pub update_help: &'static str,
    pub mark_updated: &'static str,
    pub timeline_filed: fn(FilingKind, &str) -> String,
    pub letter_link: &'static str,
    pub letter_title: &'static str,
    pub letter_subject: &'static str,
    pub letter_date: fn(&str) -> String,
    pub creditor: &'static str,
    pub debtor: &'static str,
    pub obligations: &'static str,
    pub column_invoice: &'static str,
    pub column_due: &'static str,
    pub column_open: &'static str,
    pub total: &'static str,
    pub company_missing: &'static str,
    pub record_sending: &'static str,
    pub sent_by: &'static str,
    /// The day and channel, formatted.
    pub sent_on: fn(&str, &str) -> String,
    pub cufe: fn(&str) -> String,
    /// The day, formatted, and who received the goods.
    pub received: fn(&str, &str) -> String,
    pub acceptance: fn(&Acceptance, &dyn Fn(chrono::NaiveDate) -> String) -> String,
    pub delivery_title: &'static str,
    pub cufe_label: &'static str,
    pub received_on_label: &'static str,
    pub received_by_label: &'static str,
    pub objected_on_label: &'static str,
    pub authorization_title: &'static str,
    pub authorized_on: &'static str,
    pub authorization_how: &'static str,
}
