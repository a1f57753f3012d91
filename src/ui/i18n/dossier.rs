use crate::domain::monitorio::MonitorioFit;
use crate::domain::monitorio_demand::{Evidence, Fact};
use crate::domain::number_format::NumberFormat;

use super::DayTexts;

/// What a demand asks the judge for, each figure and day already formatted.
pub struct Pretension<'a> {
    pub debtor: &'a str,
    pub creditor: &'a str,
    pub principal: &'a str,
    pub overdue_since: &'a str,
    /// The late interest claimed and the last day it runs to, when the company charges it.
    pub interest: Option<(&'a str, &'a str)>,
}

/// The court-ready dossier («expediente») of a customer and the draft of a monitorio demand.
pub struct DossierTexts {
    pub link: &'static str,
    pub title: &'static str,
    pub as_of: fn(&str) -> String,
    pub parties: &'static str,
    /// The day (formatted) and how the customer authorized bureau reports.
    pub authorization: fn(&str, &str) -> String,
    pub no_authorization: &'static str,
    pub claim_title: &'static str,
    pub column_currency: &'static str,
    pub column_principal: &'static str,
    pub column_interest: &'static str,
    pub column_total: &'static str,
    pub rate_missing: &'static str,
    pub nothing_claimed: &'static str,
    pub monitorio_title: &'static str,
    pub monitorio: fn(&MonitorioFit, NumberFormat) -> String,
    pub invoices_title: &'static str,
    pub column_issued: &'static str,
    pub column_amount: &'static str,
    pub column_acceptance: &'static str,
    pub statement_title: &'static str,
    pub promises_title: &'static str,
    pub column_made: &'static str,
    pub column_promised_for: &'static str,
    pub column_outcome: &'static str,
    pub broken_count: fn(usize) -> String,
    pub demands_title: &'static str,
    pub contacts_title: &'static str,
    pub column_date: &'static str,
    pub column_channel: &'static str,
    pub column_objective: &'static str,
    pub column_note: &'static str,
    pub disputes_title: &'static str,
    pub column_reason: &'static str,
    pub column_invoices: &'static str,
    pub column_resolved: &'static str,
    pub whole_account: &'static str,
    pub still_open: &'static str,
    pub payments_title: &'static str,
    pub column_method: &'static str,
    pub column_document: &'static str,
    /// A voided payment: why, and the day (formatted) when known.
    pub voided: fn(&str, Option<&str>) -> String,
    pub none_recorded: &'static str,
    pub draft_title: &'static str,
    pub draft_help: &'static str,
    /// The eight contents of art. 420, in its order.
    pub draft_sections: [&'static str; 8],
    /// Where the demand goes: the judge of the debtor's domicile (CGP art. 28).
    pub judge: fn(&str) -> String,
    pub judge_city: &'static str,
    pub represented_by: &'static str,
    pub representative: &'static str,
    pub claim: fn(&Pretension) -> String,
    pub fact: fn(&Fact, NumberFormat, &DayTexts) -> String,
    pub no_counter_performance: fn(&str) -> String,
    pub evidence: fn(&Evidence, NumberFormat, &DayTexts) -> String,
    /// What art. 420 num. 6 asks of documents the creditor does not hold.
    pub documents_note: &'static str,
    pub notified_at: fn(&str) -> String,
    pub email: &'static str,
    pub annexes: &'static str,
    /// A field the record cannot fill, with what it is.
    pub to_fill: fn(&str) -> String,
    pub export_json: &'static str,
    pub export_csv: &'static str,
    pub column_event: &'static str,
    pub column_value: &'static str,
}
