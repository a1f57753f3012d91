use super::dossier::{DossierTexts, Pretension};
use crate::domain::money::{Currency, Money};
use crate::domain::monitorio::MonitorioFit;
use crate::domain::monitorio_demand::{Evidence, Fact};

pub static DOSSIER: DossierTexts = DossierTexts {
    link: "Case file",
    title: "Collection case file",
    as_of: |day| format!("As of {day}"),
    parties: "Parties",
    authorization: |day, how| {
        if how.trim().is_empty() {
            format!("Authorized credit-bureau reporting on {day} (Ley 1266 de 2008, art. 8 num. 5).")
        } else {
            format!("Authorized credit-bureau reporting on {day}, by {how} (Ley 1266 de 2008, art. 8 num. 5).")
        }
    },
    no_authorization: "No authorization to report them to credit bureaus is on record.",
    claim_title: "What is claimed",
    column_currency: "Currency",
    column_principal: "Principal overdue",
    column_interest: "Late interest",
    column_total: "Total",
    rate_missing: "A rate is missing",
    nothing_claimed: "Nothing is overdue and undisputed to claim.",
    monitorio_title: "Proceso monitorio (Código General del Proceso, arts. 419 to 421)",
    monitorio: |fit, fmt| match fit {
        MonitorioFit::NothingDue => "Does not fit: the monitorio needs a money debt that is determined and due, and nothing is overdue and undisputed (art. 419).".to_owned(),
        MonitorioFit::NotInPesos => "Part of the debt is in another currency: convert it to pesos to measure the amount (art. 26).".to_owned(),
        MonitorioFit::ClaimUnknown => "A month's certified rate is missing, so the total with interest is not known; add it in Settings.".to_owned(),
        MonitorioFit::MissingWage(year) => format!("The minimum wage of {year} is missing in Settings: without it the small-claims limit cannot be measured."),
        MonitorioFit::Fits { claim, cap } => format!(
            "Fits the proceso monitorio: {} is within 40 minimum wages ({}), a small claim («mínima cuantía», arts. 25 and 419).",
            fmt.money(Money::new(*claim, Currency::COP)),
            fmt.money(Money::new(*cap, Currency::COP)),
        ),
        MonitorioFit::TooLarge { claim, cap } => format!(
            "Does not fit the proceso monitorio: {} exceeds 40 minimum wages ({}); it takes an executive or declaratory proceeding (arts. 25 and 419).",
            fmt.money(Money::new(*claim, Currency::COP)),
            fmt.money(Money::new(*cap, Currency::COP)),
        ),
    },
    invoices_title: "Invoices",
    column_issued: "Issued",
    column_amount: "Amount",
    column_acceptance: "Receipt and acceptance",
    statement_title: "Statement of account",
    promises_title: "Promises to pay",
    column_made: "Made on",
    column_promised_for: "For",
    column_outcome: "Outcome",
    broken_count: |n| match n {
        0 => "No promise broken.".to_owned(),
        1 => "1 promise broken.".to_owned(),
        n => format!("{n} promises broken."),
    },
    demands_title: "Letters and notices",
    contacts_title: "Contacts",
    column_date: "Date",
    column_channel: "Channel",
    column_objective: "Objective",
    column_note: "Note",
    disputes_title: "Disputes",
    column_reason: "Reason",
    column_invoices: "Invoices",
    column_resolved: "Resolved",
    whole_account: "Whole account",
    still_open: "Open",
    payments_title: "Payments and voids",
    column_method: "Method",
    column_document: "Receipt or reference",
    voided: |reason, day| match day {
        Some(day) => format!("Voided on {day}: {reason}"),
        None => format!("Voided: {reason}"),
    },
    none_recorded: "Nothing recorded.",
    draft_title: "Draft monitorio demand (Código General del Proceso, art. 420)",
    draft_help: "What the file holds is already written; what is in brackets must be completed by whoever files the demand. Review it with your lawyer.",
    draft_sections: [
        "1. Judge",
        "2. Parties and domiciles",
        "3. Claim for payment",
        "4. Facts",
        "5. Statement",
        "6. Evidence",
        "7. Notices",
        "8. Annexes",
    ],
    judge: |city| format!("To the municipal civil judge, or small-claims judge, of {city} (by allotment), judge of the defendant's domicile (art. 28 num. 1)."),
    judge_city: "city of the defendant's domicile",
    represented_by: "legally represented by",
    representative: "name and id of the legal representative or attorney",
    claim: |Pretension { debtor, creditor, principal, overdue_since: since, interest }| match interest {
        Some((interest, through)) => format!(
            "That {debtor} be ordered to pay {creditor} {principal} of principal, overdue since {since}, and {interest} of late interest accrued up to {through}, plus what accrues until payment, never above the legal maximum rate."
        ),
        None => format!("That {debtor} be ordered to pay {creditor} {principal} of principal, overdue since {since}."),
    },
    fact: |fact, fmt, d| match fact {
        Fact::Invoiced { invoice, issued_on, amount, due_on, dues } => {
            if *dues > 1 {
                format!(
                    "On {} invoice {} was issued to the debtor for {}, payable in {dues} instalments, the last on {}.",
                    fmt.date(*issued_on), invoice.0, fmt.money(*amount), fmt.date(*due_on)
                )
            } else {
                format!(
                    "On {} invoice {} was issued to the debtor for {}, payable on {}.",
                    fmt.date(*issued_on), invoice.0, fmt.money(*amount), fmt.date(*due_on)
                )
            }
        }
        Fact::Received { invoice, on, by } if by.trim().is_empty() => {
            format!("On {} the debtor received the goods of invoice {}.", fmt.date(*on), invoice.0)
        }
        Fact::Received { invoice, on, by } => format!(
            "On {} the debtor received the goods of invoice {}; {by} received them.",
            fmt.date(*on), invoice.0
        ),
        Fact::Accepted { invoice, on } => format!(
            "The debtor raised no objection to invoice {} within the three business days after receipt: it was irrevocably accepted at the close of {} (Código de Comercio, art. 773).",
            invoice.0, fmt.date(*on)
        ),
        Fact::Objected { invoice, on } => format!("On {} the debtor objected to invoice {}.", fmt.date(*on), invoice.0),
        Fact::Paid { on, amount } => format!("On {} the debtor paid {}.", fmt.date(*on), fmt.money(*amount)),
        Fact::Demanded { on, channel } => format!(
            "On {} payment was demanded from the debtor in writing, by {} (art. 94).",
            fmt.date(*on), (d.channel_name)(*channel).to_lowercase()
        ),
        Fact::PromiseBroken { made_on, due_on, amount } => format!(
            "On {} the debtor promised to pay {} by {} and did not.",
            fmt.date(*made_on), fmt.money(*amount), fmt.date(*due_on)
        ),
        Fact::Owes { principal, since } => format!(
            "To date the debtor owes {} of principal, overdue since {}.",
            fmt.money(*principal), fmt.date(*since)
        ),
        Fact::Interest { amount, through } => format!(
            "On that principal {} of late interest has accrued up to {}.",
            fmt.money(*amount), fmt.date(*through)
        ),
    },
    no_counter_performance: |creditor| format!("Payment of the sum owed does not depend on any counter-performance by {creditor}, who has already delivered what was sold."),
    evidence: |evidence, fmt, d| match evidence {
        Evidence::Invoice { invoice, cufe } if cufe.is_empty() => format!("Invoice {}.", invoice.0),
        Evidence::Invoice { invoice, cufe } => format!("Electronic invoice {}, CUFE {cufe}.", invoice.0),
        Evidence::DeliveryReceipt { invoice, on, by } => format!(
            "Proof of receipt of the goods of invoice {}, dated {}{}.",
            invoice.0, fmt.date(*on),
            if by.trim().is_empty() { String::new() } else { format!(", signed by {by}") }
        ),
        Evidence::Statement { as_of } => format!("The debtor's statement of account as of {}.", fmt.date(*as_of)),
        Evidence::Demand { on, channel } => format!(
            "Copy of the demand for payment of {} and proof of its sending by {}.",
            fmt.date(*on), (d.channel_name)(*channel).to_lowercase()
        ),
        Evidence::Contacts { count } => format!("The record of the {count} contacts with the debtor, with their dates and the promises to pay made (this file)."),
        Evidence::InterestRates => "The Superintendencia Financiera's certifications of the bank rate of each month charged.".to_owned(),
    },
    documents_note: "The documents of the obligation the claimant holds are attached; of those it does not hold, it must say where they are or state under oath that none exist (art. 420 num. 6).",
    notified_at: |whom| format!("{whom} receives notices at:"),
    email: "e-mail",
    annexes: "power of attorney, if acting through a lawyer; the claimant's certificate of existence and legal representation; the documents listed as evidence",
    to_fill: |what| format!("[complete: {what}]"),
    export_json: "Download JSON",
    export_csv: "Download CSV",
    column_event: "Event",
    column_value: "Amount",
};
