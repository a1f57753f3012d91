use super::outreach::{scope_word, week_text, window_text, OutreachTexts};
use crate::domain::contact::Objective;
use crate::domain::contact_policy::{Detail, Preset, Rule};
use crate::domain::holiday::Country;
use crate::domain::message_template::{MessageKind, TemplateProblem};
use crate::sync::company_settings::SettingField;
use crate::sync::role::Role;

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const SCOPES: [&str; 4] = [
    "every channel",
    "calls",
    "calls and visits",
    "written messages",
];

pub static OUTREACH: OutreachTexts = OutreachTexts {
    timeline_channel_revoked: |channel| format!("The customer revoked {channel}"),
    channels_title: "Channels the customer authorized",
    channel_revoked_since: |date| format!("Revoked since {date}"),
    channel_authorized: "Authorized",
    revoke: "Revoke",
    authorize_again: "Authorize again",
    blocked: "Not allowed now",
    detail: |detail, fmt| match detail {
        Detail::ChannelRevoked => "the customer asked not to be contacted this way".to_owned(),
        Detail::OutsideHours(Some(window)) => {
            format!("outside the allowed hours ({})", window_text(window))
        }
        Detail::OutsideHours(None) => "no contact is allowed today".to_owned(),
        Detail::Holiday(name) if name.is_empty() => "a day off set by the business".to_owned(),
        Detail::Holiday(name) => format!("public holiday: {name}"),
        Detail::CapReached { count } => {
            format!("already {count} contact(s) in the period the law allows")
        }
        Detail::TooSoonAfter(day) => format!(
            "the last written message went out on {}; they must be spaced",
            fmt.date(*day)
        ),
        Detail::PausedAfterConversation(day) => format!(
            "you spoke with the customer this way on {}; wait before the next",
            fmt.date(*day)
        ),
        Detail::VisitToConsumer { known: true } => {
            "a collection visit to a consumer's home or work without their authorization".to_owned()
        }
        Detail::VisitToConsumer { known: false } => {
            "nobody said whether this is a consumer or a business (say so on the record): protected as a consumer, a visit needs their authorization".to_owned()
        }
    },
    allowed_from: |when| format!("Allowed from {when}"),
    until_authorized: "Until the customer authorizes it again",
    visit_opens: |n| format!("Until the customer authorizes visits (on their record) or {n} attempts in a row through other channels fail"),
    override_contact: "Contact anyway",
    override_reason: "Reason for the exception (it is recorded)",
    override_recorded: |reason| format!("Policy exception: {reason}"),
    override_note: "Write the reason to enable the buttons.",
    debtor_time: |time| format!("Customer's time: {time}"),
    reminders_title: "Today's reminders",
    reminders_empty: "No reminders due today.",
    step_name: |step| match step {
        None => "Statement".to_owned(),
        Some(0) => "Due date".to_owned(),
        Some(days) if days < 0 => format!("{} days before the due date", -days),
        Some(days) => format!("{days} days after the due date"),
    },
    was_it_sent: "Was the message sent?",
    yes_sent: "Yes, it was sent",
    not_sent: "It was not sent",
    share: "Share",
    outreach_title: "Reminders and contact",
    company: "Company name (signs the messages)",
    payment_methods: "Ways to pay, as customers will read them",
    company_tax_id: "Company tax id (for collection letters)",
    company_address: "Company address (for collection letters)",
    policy_title: "Contact policy",
    preset: "Rules",
    preset_name: |preset| match preset {
        Preset::Colombia => "Colombia — Ley 2300 de 2023",
        Preset::Chile => "Chile — Ley 19.496, art. 37",
        Preset::Peru => "Peru — Consumer Protection Code, art. 62",
        Preset::Mexico => "Mexico — CONDUSEF",
        Preset::Ecuador => "Ecuador",
        Preset::UnitedStates => "United States — Regulation F",
        Preset::Custom => "Custom",
    },
    time_zone: "Customers' time zone",
    time_zone_unknown: "Unknown time zone: use a name such as America/Bogota.",
    holidays_of: "Public holidays of",
    no_holidays: "None",
    country_name: |country| match country {
        Country::Colombia => "Colombia",
        Country::Chile => "Chile",
        Country::Peru => "Peru",
        Country::Mexico => "Mexico",
        Country::Ecuador => "Ecuador",
        Country::UnitedStates => "United States",
    },
    rule_text: |rule| match rule {
        Rule::Hours { scope, week } => format!(
            "Hours ({}): {}",
            scope_word(*scope, SCOPES),
            week_text(week, WEEKDAYS, "no contact")
        ),
        Rule::NoHolidays { scope } => {
            format!("Never on public holidays ({})", scope_word(*scope, SCOPES))
        }
        Rule::Cap { scope, max, days: 1 } => {
            format!("At most {max} contact(s) a day ({})", scope_word(*scope, SCOPES))
        }
        Rule::Cap { scope, max, days } => format!(
            "At most {max} contact(s) in {days} days ({})",
            scope_word(*scope, SCOPES)
        ),
        Rule::Spacing { scope, days } => format!(
            "At least {days} days apart ({})",
            scope_word(*scope, SCOPES)
        ),
        Rule::PauseAfterConversation { scope, days } => format!(
            "After speaking with the customer, that channel rests {days} days ({})",
            scope_word(*scope, SCOPES)
        ),
        Rule::AuthorizedChannelsOnly => {
            "Only channels the customer authorized; a revocation is honoured everywhere"
                .to_owned()
        }
        Rule::DebtorOnly => {
            "Only the debtor, never references or family: the app holds only their details"
                .to_owned()
        }
        Rule::ConsumerVisits => {
            "No collection visits to a consumer's home or work unless they authorized them or the other channels failed; a business's premises may be visited"
                .to_owned()
        }
    },
    source: "Source",
    weekdays: WEEKDAYS,
    closed: "No contact",
    maximum: "At most",
    days: "Days",
    extra_holidays: "Extra days off (elections, decreed bridges)",
    add_date: "Add day",
    remove: "Remove",
    holidays_this_year: |year| format!("Public holidays {year}"),
    restore_law: "Restore the law's values",
    reminder_steps: "Reminder steps",
    step_days: "Days from the due date (negative: before)",
    add_step: "Add step",
    consolidated: "One statement per customer instead of one message per invoice",
    templates_title: "Message templates",
    placeholders_help: "You can use {customer}, {amount}, {currency}, {due_date}, {days_overdue}, {invoices}, {details}, {payment_methods}, {company}, {collector}, {interest} (late interest, apart) and {total_with_interest}.",
    kind_name: |kind| match kind {
        MessageKind::Reminder(0) => "Reminder: due date".to_owned(),
        MessageKind::Reminder(days) if days < 0 => format!("Reminder: {} days before", -days),
        MessageKind::Reminder(days) => format!("Reminder: {days} days after"),
        MessageKind::Statement => "Statement".to_owned(),
        MessageKind::ThankYou => "Thank-you for a payment".to_owned(),
        MessageKind::Recognition => "Recognition of a good payer".to_owned(),
        MessageKind::Objective(objective) => format!(
            "Contact: {}",
            match objective {
                Objective::Remind => "remind",
                Objective::RemoveBarriers => "remove payment barriers",
                Objective::GenerateAction => "get an action",
                Objective::Press => "press",
                Objective::ChangeConditions => "change conditions",
                Objective::PreLegalDemand => "pre-legal demand",
                Objective::BureauNotice => "notice before a credit-bureau report",
            }
        ),
    },
    default_template: |kind| match kind {
        MessageKind::Reminder(0) => "Hello {customer}, this is {company}. Invoice {invoices} for {amount} {currency} is due today, {due_date}. You can pay by {payment_methods}. If you have already paid, please ignore this message. Thank you!",
        MessageKind::Reminder(days) if days < 0 => "Hello {customer}, this is {company}. A friendly reminder that invoice {invoices} for {amount} {currency} is due on {due_date}. You can pay by {payment_methods}. Thank you for your business!",
        MessageKind::Reminder(_) => "Hello {customer}, invoice {invoices} for {amount} {currency} was due on {due_date} and is {days_overdue} days late. Please bring it up to date by {payment_methods}, or reply to agree on a date. {collector}, {company}.",
        MessageKind::Statement => "Hello {customer}, here is your statement with {company}:\n{details}\nTotal open: {amount} {currency}. You can pay by {payment_methods}. Reply with any question. {collector}",
        MessageKind::ThankYou => "Thank you for your payment, {customer}! We received {amount} {currency}. {company}",
        MessageKind::Recognition => "Hello {customer}, at {company} we want to thank you: this period you paid every invoice on time. Customers like you make our work possible. Thank you for your trust! {collector}",
        MessageKind::Objective(Objective::Remind) => "Hello {customer}, this is {collector} from {company}. A reminder of your open balance of {amount} {currency}. Could you confirm when you can pay?",
        MessageKind::Objective(Objective::RemoveBarriers) => "Hello {customer}, we want to make paying your balance of {amount} {currency} easy. You can pay by {payment_methods}. If you need another way or a copy of the invoice, reply and we will sort it out. {collector}, {company}.",
        MessageKind::Objective(Objective::GenerateAction) => "Hello {customer}, your balance of {amount} {currency} is {days_overdue} days overdue. Can we agree on a payment date today? {collector}, {company}.",
        MessageKind::Objective(Objective::Press) => "Hello {customer}, your balance of {amount} {currency} is still open after {days_overdue} days. We need your payment or an agreement this week to keep your credit active. {collector}, {company}.",
        MessageKind::Objective(Objective::ChangeConditions) => "Hello {customer}, because your balance of {amount} {currency} is {days_overdue} days late, further purchases will be cash only until it is settled. We can offer a payment plan: reply and we will talk it through. {collector}, {company}.",
        MessageKind::Objective(Objective::PreLegalDemand) => "Dear {customer}: {company} formally demands payment of {amount} {currency}, {days_overdue} days overdue (invoices {invoices}). If it is not paid or a payment agreed within the next five business days, we will take the debt to court, with the interest and costs the law allows. You can pay by {payment_methods}. {collector}, {company}.",
        MessageKind::Objective(Objective::BureauNotice) => "Dear {customer}: your debt with {company} of {amount} {currency} has been overdue for {days_overdue} days. If within 20 calendar days of this notice it is neither paid nor disputed, it will be reported to the credit bureaus, as you authorized (Ley 1266 de 2008, art. 12). You can pay by {payment_methods}. {collector}, {company}.",
    },
    preview: "Preview",
    template_problem: |problem| match problem {
        TemplateProblem::UnknownPlaceholder(name) => {
            format!("There is no field {{{name}}}: check its spelling.")
        }
        TemplateProblem::Unclosed => "A brace «}» is missing.".to_owned(),
        TemplateProblem::InterestUnknown => "Late interest cannot be worked out (a certified rate is missing): meanwhile the default wording goes out.".to_owned(),
    },
    threat_warning: |words| format!(
        "Avoid threats or legal claims that are not true ({words}): a respectful message collects more and avoids fines."
    ),
    company_set_by_office: |who, when| format!(
        "The company's settings are set by the office; here they are read only. Last change: “{who}”, {when}."
    ),
    company_awaits_office: "The company's settings are set by the office; this phone keeps the ones it had until the office's arrive in its bundle or through the server.",
    company_will_be_office: "Saving a setting makes this device the company's office: its settings reach every device, and collectors' phones only read them.",
    company_is_office: "This device is an office of the company: its changes reach every device with the next bundle or through the server.",
    settings_history: "Settings history",
    settings_history_empty: "No one has changed the company's settings yet.",
    settings_change: |who, when, what| format!("“{who}”, {when}: {what}"),
    setting_field: |field| match field {
        SettingField::Policy => "contact policy".to_owned(),
        SettingField::DaysOff => "extra days off".to_owned(),
        SettingField::Reminders => "reminder steps".to_owned(),
        SettingField::Template(kind) => format!("wording of “{}”", (OUTREACH.kind_name)(kind)),
        SettingField::Company => "company name".to_owned(),
        SettingField::PaymentMethods => "payment methods".to_owned(),
        SettingField::CompanyTaxId => "company tax id".to_owned(),
        SettingField::CompanyAddress => "company address".to_owned(),
        SettingField::Aging => "aging buckets".to_owned(),
        SettingField::Interest => "late interest".to_owned(),
        SettingField::CertifiedRates => "certified rates".to_owned(),
        SettingField::MinimumWages => "minimum wages".to_owned(),
        SettingField::Lock => "app lock".to_owned(),
    },
    role_name: |role| match role {
        Some(Role::Office) => "Office",
        Some(Role::Collector) | None => "Collector",
    },
    make_role: |role| match role {
        Role::Office => "Make office",
        Role::Collector => "Make collector",
    },
    column_role: "Role",
    this_device_role: "This device's role",
    aging_buckets: "Aging buckets (days)",
    aging_buckets_hint: "Each bucket's limit, from 0 (not yet due), separated by commas: 0, 30, 60, 90, 120.",
    aging_buckets_invalid: "Write limits rising from 0, separated by commas (up to 12, of at most 3650 days).",
    restore_default: "Back to the original text",
};
