use super::day::DayTexts;
use crate::domain::agenda_skip::SkipReason;
use crate::domain::contact::{Channel, Objective, Outcome};
use crate::domain::dispute::DisputeReason;
use crate::domain::escalation::Because;
use crate::domain::payment_plan::PlanProblem;
use crate::domain::plan_progress::InstallmentState;
use crate::domain::priority::Reason;
use crate::domain::promise_outcome::PromiseOutcome;
use crate::domain::step::Step;
use crate::domain::typification::{DelinquencyReason, Risk, Willingness};

fn risk(r: Risk) -> &'static str {
    match r {
        Risk::Low => "Low",
        Risk::Medium => "Medium",
        Risk::High => "High",
    }
}

fn broken_promises(n: u32) -> String {
    if n == 1 {
        "1 broken promise".to_owned()
    } else {
        format!("{n} broken promises")
    }
}

fn willingness(w: Willingness) -> &'static str {
    match w {
        Willingness::WillingAndAble => "Willing and able",
        Willingness::WillingNotAble => "Willing but unable",
        Willingness::AbleNotWilling => "Able but unwilling",
        Willingness::NeitherWillingNorAble => "Neither willing nor able",
    }
}

pub static DAY: DayTexts = DayTexts {
    agenda_title: "Today's agenda",
    agenda_empty: "Nobody to contact today.",
    device_collector: "This device's collector",
    done_today: "Contacted today",
    skipped_today: "Skipped today",
    points: |n| format!("{n} pts"),
    reason: |r| match r {
        Reason::OverdueShare(p) => format!("{p} % of the overdue portfolio"),
        Reason::TopDebtor => "Among those who owe 80 % of what is overdue".to_owned(),
        Reason::DaysOverdue(d) => format!("{d} days overdue"),
        Reason::Risk(r) => format!("{} risk", risk(r)),
        Reason::BrokenPromises(n) => broken_promises(n),
        Reason::PromiseDueToday => "Promised to pay today".to_owned(),
        Reason::InstallmentDueToday => "Instalment due today".to_owned(),
        Reason::FollowUpDue => "Follow-up due".to_owned(),
        Reason::PlanInstallmentDueToday => "Payment-plan instalment due today".to_owned(),
        Reason::PlanInstallmentOverdue(d) => format!("Payment-plan instalment {d} days late"),
        Reason::PlanBroken => "Payment plan broken".to_owned(),
        Reason::NotContactedFor(None) => "Never contacted".to_owned(),
        Reason::NotContactedFor(Some(d)) => format!("No contact for {d} days"),
    },
    suggested: "Next step",
    because: |b| match b {
        Because::NotYetDue => "not yet due".to_owned(),
        Because::Typified(w, d) => format!("{}, {d} days overdue", willingness(w).to_lowercase()),
        Because::DaysOverdue(d) => format!("{d} days overdue"),
        Because::BrokenPromises(n) => broken_promises(n),
        Because::ChosenByCollector => "chosen by the collector".to_owned(),
    },
    step_name: |s| match s {
        Step::Remind => "Remind",
        Step::RemoveBarriers => "Remove payment barriers",
        Step::ObtainCommitment => "Obtain a commitment",
        Step::Press => "Press",
        Step::ChangeConditions => "Change conditions",
        Step::LawyerLetter => "Lawyer letter",
        Step::LegalAction => "Court, write-off or return of goods",
    },
    log_contact: "Record contact",
    skip: "Skip",
    skip_reason: |r| match r {
        SkipReason::NoTime => "No time left",
        SkipReason::CustomerAskedForLater => "Asked to be called another day",
        SkipReason::OutOfRoute => "Off my route",
        SkipReason::AlreadyHandled => "Someone else handled it",
        SkipReason::Other => "Other reason",
    },
    confirm_skip: "Skip today",
    sms: "SMS",
    contact_title: "New contact",
    channel: "Channel",
    channel_name: |c| match c {
        Channel::Call => "Call",
        Channel::WhatsApp => "WhatsApp",
        Channel::Sms => "SMS",
        Channel::Email => "Email",
        Channel::Visit => "Visit",
        Channel::Letter => "Letter",
    },
    objective: "Objective",
    objective_name: |o| match o {
        Objective::Remind => "Remind",
        Objective::RemoveBarriers => "Remove payment barriers",
        Objective::GenerateAction => "Get the customer to act",
        Objective::Press => "Press",
        Objective::ChangeConditions => "Change rules or conditions",
        Objective::PreLegalDemand => "Pre-legal demand (written)",
        Objective::BureauNotice => "Notice before a credit-bureau report",
    },
    outcome: "Outcome",
    outcome_name: |o| match o {
        Outcome::NoAnswer => "No answer",
        Outcome::WrongNumber => "Wrong number",
        Outcome::NotAtHome => "Not there",
        Outcome::Refused => "Refused to pay",
        Outcome::Promised => "Promised to pay",
        Outcome::Paid => "Paid",
        Outcome::PartialPayment => "Paid in part",
        Outcome::DisputeRaised => "Raised a dispute",
        Outcome::CallBack => "Asked to be called back",
        Outcome::MessageSent => "Message sent",
    },
    promise_amount: "Amount promised",
    promise_date: "Promised date",
    note: "Note",
    next_followup: "Next follow-up",
    record_position: "Record my location as proof of visit",
    broken_promises,
    typify: "Classify",
    willingness: "Willing and able to pay?",
    willingness_name: willingness,
    not_known: "Unknown",
    risk: "Risk",
    risk_name: risk,
    sector: "Sector",
    delinquency_reason: "Reason for falling behind",
    delinquency_name: |r| match r {
        DelinquencyReason::Forgot => "Forgot",
        DelinquencyReason::CashFlow => "Cash-flow problems",
        DelinquencyReason::LostIncome => "Lost income",
        DelinquencyReason::DisputesInvoice => "Disagrees with the invoice",
        DelinquencyReason::NeverReceivedInvoice => "Never received the invoice",
        DelinquencyReason::PaysOthersFirst => "Pays others first",
        DelinquencyReason::Unreachable => "Cannot be reached",
        DelinquencyReason::Other => "Other",
    },
    next_step: "Next step",
    step_as_suggested: "As the app suggests",
    promise_outcome: |o| match o {
        PromiseOutcome::Pending => "pending",
        PromiseOutcome::Kept => "kept",
        PromiseOutcome::PartlyKept(_) => "partly kept",
        PromiseOutcome::Broken => "broken",
    },
    receipt_title: "Cash receipt",
    receipt_customer: "Customer",
    receipt_date: "Date",
    receipt_amount: "Amount received",
    receipt_balance: "Balance still owed",
    share: "Share",
    print: "Print",
    close: "Close",
    view_receipt: "Receipt",
    unsigned: "unsigned",
    unsigned_title:
        "Written before devices signed their work: which device wrote it cannot be checked.",
    void: "Void",
    void_reason: "Why it is voided",
    confirm_void: "Void payment",
    timeline_contact: |channel, outcome| format!("{channel}: {outcome}"),
    timeline_void: |reason| format!("Payment voided: {reason}"),
    timeline_dispute: |reason| format!("Dispute opened: {reason}"),
    timeline_plan: |n| format!("Payment plan in {n} instalments"),
    timeline_typified: |w| format!("Classified: {w}"),
    timeline_skipped: |r| format!("Skipped on the agenda: {r}"),
    visit_proof: "Location recorded",
    open_dispute: "Dispute",
    dispute_reason: |r| match r {
        DisputeReason::DefectiveProduct => "Defective product",
        DisputeReason::PoorService => "Poor service",
        DisputeReason::DamagedGoods => "Damaged goods",
        DisputeReason::WrongItems => "Wrong items",
        DisputeReason::PricingError => "Pricing error",
        DisputeReason::MissingDocument => "Missing document or tax id",
    },
    disputed_invoices: "Invoices in dispute (none ticked: the whole account)",
    disputed_amount: "Amount in dispute (optional)",
    owner: "Owner",
    disputes: "Open disputes",
    resolve: "Resolve",
    payment_plan: "Payment plan",
    plan_balance: "Balance to refinance",
    down_payment: "Down payment",
    installments_count: "Number of instalments",
    frequency: "Frequency",
    frequency_choices: [
        "Weekly",
        "Fortnightly",
        "Monthly",
        "A set day of every month",
    ],
    day_of_month: "Day of the month",
    first_due: "First instalment",
    monthly_rate: "Monthly interest (%)",
    confirm_plan: "Confirm plan",
    plan_total: "Total to pay",
    installment_state: |s| match s {
        InstallmentState::Upcoming => "upcoming".to_owned(),
        InstallmentState::DueToday => "due today".to_owned(),
        InstallmentState::Kept => "paid on time".to_owned(),
        InstallmentState::PaidLate => "paid late".to_owned(),
        InstallmentState::Overdue(d) => format!("{d} days late"),
    },
    plan_broken: "Plan broken",
    plan_problem: |p| match p {
        PlanProblem::NothingToFinance => "There is no balance to refinance.",
        PlanProblem::DownPaymentTooLarge => "The down payment must be less than the balance.",
        PlanProblem::NoInstallments => "A plan needs at least one instalment.",
        PlanProblem::TooManyInstallments => "Too many instalments (120 at most).",
        PlanProblem::NegativeRate => "Interest cannot be negative.",
        PlanProblem::FirstDueBeforeAgreement => "The first instalment cannot be before today.",
        PlanProblem::BadDayOfMonth => "The day of the month goes from 1 to 31.",
    },
    interest: "Interest",
    cash_close: "Cash close",
    receipts_issued: |n| {
        if n == 1 {
            "1 receipt".to_owned()
        } else {
            format!("{n} receipts")
        }
    },
    voided_receipts: |n| format!("{n} voided"),
    cash_to_hand_over: "Cash to hand over",
    collected: "Total collected",
    no_receipts: "This device has issued no receipts today yet.",
    by_method: "By payment method",
    disputes_by_reason: "Disputes by reason",
    open_count: "Open",
    resolved_count: "Resolved",
    amount_in_dispute: "Amount in dispute",
    no_disputes: "No disputes.",
};
