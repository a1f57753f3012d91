use super::credit::CreditTexts;
use crate::domain::certified_rate::{Month, RateProblem};
use crate::domain::debtor::{DebtorKind, IdType};
use crate::domain::interest_cap::CapRule;
use crate::sync::csv::certified_rates::RateLineProblem;

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_name(month: Month) -> String {
    let name = MONTHS
        .get(month.number() as usize - 1)
        .copied()
        .unwrap_or_default();
    format!("{name} {}", month.year())
}

pub static CREDIT: CreditTexts = CreditTexts {
    interest_title: "Late interest",
    interest_law: |cap| match cap {
        CapRule::BankRate => "Late interest may not exceed one and a half times the bank rate the Superintendencia Financiera certifies for each month (Código de Comercio art. 884, as amended by Ley 510 de 1999 art. 111); charging more is usury (Código Penal art. 305) and forfeits the interest (Ley 45 de 1990 art. 72). It runs day by day on the overdue principal, never on interest.",
        CapRule::CurrentRate => "Interest may not exceed by more than 50 % the current rate the Comisión para el Mercado Financiero publishes for each month (Ley 18.010, art. 6); an agreement above it falls to the current rate (art. 8). It runs day by day on the overdue principal, never on interest.",
        CapRule::CentralBankMaximum => "The Banco Central de Reserva del Perú sets the maximum late-interest rate (Código Civil, art. 1243); any excess is returned or credited to principal, as the debtor chooses. It runs day by day on the overdue principal, never on interest (art. 1249).",
        CapRule::CompanyMaximum => "The app knows no general legal cap for this policy's country: the table keeps the maximum late-interest rate the company's counsel sets for each month, and no more is ever charged. It runs day by day on the overdue principal, never on interest.",
    },
    basis_none: "No interest",
    basis_agreed: "A rate agreed with customers",
    basis_legal: "Each month's legal maximum",
    agreed_rate: "Agreed rate (% effective annual)",
    agreed_rate_invalid: "Write a rate above 0 and up to 100 % effective annual, such as 24.5.",
    rates_title: "Certified rates",
    rates_help: |cap| match cap {
        CapRule::BankRate => "The bank rate for consumer and ordinary credit, from the Superintendencia Financiera's monthly resolution. Each month's cap on late interest is 1.5 times that rate. A missing month is never guessed: the app says which one is missing.",
        CapRule::CurrentRate => "The current rate for non-indexed operations in pesos, published monthly by the CMF. Each month's cap is 1.5 times that rate (the conventional maximum). A missing month is never guessed: the app says which one is missing.",
        CapRule::CentralBankMaximum => "The maximum late-interest rate for operations outside the financial system, published by the BCRP. Each month's cap is that rate. A missing month is never guessed: the app says which one is missing.",
        CapRule::CompanyMaximum => "Each month's maximum late-interest rate, as the company's counsel sets it. Each month's cap is that rate. A missing month is never guessed: the app says which one is missing.",
    },
    rates_empty: "No rates yet.",
    column_month: "Month",
    column_table_rate: |cap| match cap {
        CapRule::BankRate => "Bank rate (E.A.)",
        CapRule::CurrentRate => "Current rate (annual)",
        CapRule::CentralBankMaximum => "BCRP maximum (E.A.)",
        CapRule::CompanyMaximum => "Company maximum (E.A.)",
    },
    column_usury_rate: "Late-interest cap (E.A.)",
    column_resolution: "Resolution",
    column_days: "Days",
    column_rate: "Rate (E.A.)",
    column_interest: "Interest",
    paste_rates: "Paste or type rates, one per line: month; rate; resolution (2026-02; 17.21; Resolución 0101 de 2026)",
    add_rates: "Add rates",
    rates_added: |n| if n == 1 { "1 month added.".to_owned() } else { format!("{n} months added.") },
    remove: "Remove",
    rate_line_problem: |line, problem| match problem {
        RateLineProblem::Month(text) => format!("Line {line}: “{text}” is not a month; write it as 2026-02. Nothing was added."),
        RateLineProblem::Rate(text) => format!("Line {line}: “{text}” is not a rate; write it as 17.21. Nothing was added."),
        RateLineProblem::TooManyCells => format!("Line {line}: it has more than month, rate and resolution; if the rate has a decimal comma, separate with semicolons. Nothing was added."),
    },
    rate_problem: |problem| match problem {
        RateProblem::Repeated(month) => format!("{} appears twice. Nothing was added.", month_name(*month)),
        RateProblem::OutOfRange(month) => format!("The rate for {} must be above 0 and up to 100 %. Nothing was added.", month_name(*month)),
    },
    month_name,
    interest_heading: "Late interest",
    interest_apart: "A claim apart from the balance: not added to receivables, aging or KPIs.",
    cut_to_cap: "agreed, cut to the legal cap",
    interest_total: "Total interest",
    balance_with_interest: "Balance plus interest",
    book_interest: "Book the interest as an invoice",
    book_interest_hint: "The interest becomes an invoice due today: it enters the balance, aging and KPIs, and from tomorrow interest runs again on the principal only.",
    booked_through: |day| format!("Interest booked as an invoice up to {day}; it counts from the day after."),
    good_payers_title: "Good payers",
    good_payers_hint: "Customers who paid on time everything that fell due in the period and owe nothing overdue at its end. Thank them: it is the cheapest collection there is, and sales learns whom to offer more credit.",
    good_payers_count: |n| if n == 1 { "1 customer paid everything on time.".to_owned() } else { format!("{n} customers paid everything on time.") },
    no_good_payers: "No customer paid on time everything that fell due in the period.",
    column_customer: "Customer",
    column_dues_on_time: "Dues paid on time",
    column_paid_on_time: "Paid on time",
    column_recognition: "Recognition",
    timeline_restored: |by| format!("Credit restored by «{by}»"),
    timeline_handed: |salesperson, note, by| format!("Handed to sales ({salesperson}) by «{by}»: {note}"),
    hand_to_sales: "Hand to sales",
    handoff_hint: "For the hardest accounts: the salesperson knows the customer and what is at stake. The account shows in their agenda with this note.",
    handoff_note: "Reason and note for the salesperson",
    with_sales: |salesperson| format!("With sales: {salesperson}"),
    agenda_sales: "Handed to sales",
    timeline_hold: |reason, by| format!("Credit put on hold by «{by}»: {reason}"),
    holds_csv: "Download CSV for sales",
    holds_csv_columns: ["tax_id", "salesperson", "collector", "on_hold_since", "reason", "by", "balance", "currency"],
    cost_title: "Record a collection cost",
    cost_hint: "Only a real, documented cost (courier, notary, agreed fees), never a surcharge for being late alone: the law would count it as interest. It is added to the balance as an invoice of its own and earns no interest.",
    cost_amount: "Amount of the cost",
    cost_day: "Date of the cost",
    cost_reason: "Reason and proof",
    on_hold: "Credit on hold",
    hold_detail: |since, by, reason| format!("Since {since}, by “{by}”: {reason}. New sales cash only."),
    put_on_hold: "Put credit on hold",
    lift_hold: "Lift the hold",
    hold_reason_late: |days| format!("{days} days late"),
    filter_on_hold: "Only credit on hold",
    interest_line: |amount| format!("\nLate interest, apart from the balance: {amount}."),
    debtor_title: "Who the debtor is",
    debtor_kind: "Kind of debtor",
    kind_unknown: "Not said (protected as a consumer)",
    kind_name: |kind| match kind {
        DebtorKind::Consumer => "Individual (consumer)",
        DebtorKind::Business => "Business (legal entity)",
    },
    id_type: "Kind of id",
    id_type_unknown: "Not said",
    id_type_name: |id_type| match id_type {
        IdType::Cc => "CC — Colombian citizen id",
        IdType::Ce => "CE — Colombian foreigner id",
        IdType::Nit => "NIT",
        IdType::Passport => "Passport",
        IdType::Rut => "RUT (Chile)",
        IdType::Rfc => "RFC (Mexico)",
        IdType::Ruc => "RUC (Peru, Ecuador)",
    },
    visits_authorized: "Authorized collection visits at home or work (Ley 2300 de 2023, art. 6)",
    terms_title: "Credit terms",
    payment_days: "Payment term (days)",
    credit_limit: "Credit limit (empty: no limit)",
    salesperson: "Salesperson",
    terms_unreadable: "The term must be a whole number of days, 1 to 730, and the limit an amount above zero, such as 5,000,000.",
    over_limit: "Over the limit",
    filter_over_limit: "Only over the limit",
    payment_days_detail: |days| format!("Payment term: {days} days"),
    limit_detail: |limit, room| format!("Limit {limit}; available {room}"),
    inferred_kinds: |n| if n == 1 {
        "1 customer is taken as a business from the shape of its NIT (nine digits starting with 8 or 9): check its record if it is not.".to_owned()
    } else {
        format!("{n} customers are taken as businesses from the shape of their NIT (nine digits starting with 8 or 9): check their records if any is not.")
    },
    missing_rates: |months| format!("Interest cannot be worked out: the certified rate for {} is missing. The office adds it in Settings → Late interest.", months.join(", ")),
};
