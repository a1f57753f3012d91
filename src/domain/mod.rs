//! Pure business rules of collections. Nothing here reads a clock, draws a random number or
//! touches the browser: `today`, `now` and ids come in as arguments, so every rule is testable
//! natively and gives the same answer on every device.

pub mod account;
pub mod agenda_skip;
pub mod aging;
pub mod allocation;
pub mod cash_close;
pub mod certified_rate;
pub mod company_settings;
pub mod contact;
pub mod contact_policy;
pub mod credit_hold;
pub mod credit_note;
pub mod credit_terms;
pub mod customer;
pub mod customer_filter;
pub mod debtor;
pub mod dispute;
pub mod dispute_report;
pub mod escalation;
pub mod holiday;
pub mod invoice;
pub mod kpi;
pub mod late_interest;
pub mod message_template;
pub mod money;
pub mod number_format;
pub mod outreach;
pub mod payment;
pub mod payment_plan;
pub mod plan_progress;
pub mod portfolio;
pub mod priority;
pub mod promise;
pub mod promise_outcome;
pub mod receipt;
pub mod reminder;
pub mod reminder_key;
pub mod search;
pub mod standing;
pub mod statement;
pub mod step;
pub mod tax_id;
pub mod timeline;
pub mod typification;
pub mod wire;
