use super::legal::LegalTexts;
use crate::domain::bureau_report::Reportability;
use crate::domain::minimum_wage::WageProblem;

pub static LEGAL: LegalTexts = LegalTexts {
    wages_title: "Monthly minimum wage per year",
    wages_help: "The law measures debts in minimum wages: a default of up to 15 % of one needs two notices before a credit-bureau report (Ley 1266 de 2008, art. 12), and a claim of up to 40 is of minimum amount, fit for the proceso monitorio (Código General del Proceso, arts. 25 and 419). Enter each year's as decreed; a missing year is never guessed.",
    wages_empty: "No minimum wages yet.",
    column_year: "Year",
    column_wage: "Minimum wage (COP)",
    year: "Year",
    wage: "Monthly minimum wage (COP)",
    add_wage: "Save the year",
    remove: "Remove",
    wage_unreadable: "Write the year with four digits and the wage like 1,423,500.",
    wage_problem: |problem| match problem {
        WageProblem::NotPositive(year) => format!("The wage of {year} must be more than zero. Nothing was saved."),
        WageProblem::Year(year) => format!("{year} does not look like a year; write it with four digits. Nothing was saved."),
    },
    bureau_tab: "Bureaus",
    bureau_title: "Credit-bureau reports",
    bureau_law: "Only with the customer's prior authorization and 20 calendar days after the prior notice; for a default of up to 15 % of a minimum wage, two notices on different days and 20 days from the second; never while a dispute is open (Ley 1266 de 2008, arts. 12 and 16, as amended by Ley 2157 de 2021). The notice is recorded as a contact whose objective is «Notice before a credit-bureau report». The report itself is made outside the app, with the bureau.",
    reportable_count: |n| if n == 1 { "1 account may be reported today.".to_owned() } else { format!("{n} accounts may be reported today.") },
    no_overdue: "No account in pesos is overdue.",
    column_customer: "Customer",
    column_overdue: "Overdue",
    column_defaulted: "In default since",
    column_status: "Status",
    status: |state, day| match state {
        Reportability::Reportable { since } => format!("Reportable since {}", day(*since)),
        Reportability::Waiting { from } => format!("Notice sent: reportable from {}", day(*from)),
        Reportability::SecondNoticeNeeded => "Small default (up to 15 % of a minimum wage): the second notice, on another day, is missing".to_owned(),
        Reportability::NoNotice => "The prior notice is missing".to_owned(),
        Reportability::MissingWage(year) => format!("The minimum wage of {year} is missing in Settings: without it one cannot tell whether one or two notices are needed"),
        Reportability::InDispute => "A dispute is open: not reported".to_owned(),
        Reportability::NoAuthorization => "No authorization to report: cannot be reported".to_owned(),
        Reportability::Stale { since } => format!("Default 18 months old or more since {}: no longer reported", day(*since)),
        Reportability::NotOverdue => "Up to date".to_owned(),
    },
    authorization_title: "Authorization to report to credit bureaus (Ley 1266 de 2008, art. 8, num. 5)",
    authorized_on: "Date of the authorization (empty: not given)",
    authorization_how: "How it was given (document, clause, recorded call)",
};
