//! Every word the interface shows, per language. A `Texts` table per language makes a missing
//! translation a compile error rather than a blank on a collector's screen.

mod credit;
mod credit_en;
mod credit_es;
mod credit_policy;
mod credit_policy_en;
mod credit_policy_es;
mod day;
mod day_en;
mod day_es;
mod dossier;
mod dossier_en;
mod dossier_es;
mod en;
mod es;
mod exchange;
mod exchange_en;
mod exchange_es;
mod legal;
mod legal_en;
mod legal_es;
mod lock;
mod lock_en;
mod lock_es;
mod outreach;
mod outreach_en;
mod outreach_es;
mod report;
mod report_en;
mod report_es;
mod server;
mod server_en;
mod server_es;

pub use credit::CreditTexts;
pub use credit_policy::CreditPolicyTexts;
pub use day::DayTexts;
pub use dossier::{DossierTexts, Pretension};
pub use exchange::ExchangeTexts;
pub use legal::LegalTexts;
pub use lock::LockTexts;
pub use outreach::OutreachTexts;
pub use report::ReportTexts;
pub use server::{ServerTexts, SyncProblem};

use leptos::prelude::*;

use crate::domain::invoice::InvoiceKind;
use crate::domain::number_format::NumberFormat;
use crate::domain::payment::PaymentMethod;
use crate::store::error::StoreError;
use crate::store::settings;
use crate::sync::csv::column::Column;
use crate::sync::csv::table::{FileProblem, RowProblem};
use crate::sync::edit::EditProblem;
use crate::ui::alert::Alert;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Language {
    #[default]
    Es,
    En,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Es, Language::En];

    pub fn code(self) -> &'static str {
        match self {
            Language::Es => "es",
            Language::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Language> {
        Language::ALL.into_iter().find(|l| l.code() == code)
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Language::Es => &es::TEXTS,
            Language::En => &en::TEXTS,
        }
    }

    pub fn credit(self) -> &'static CreditTexts {
        match self {
            Language::Es => &credit_es::CREDIT,
            Language::En => &credit_en::CREDIT,
        }
    }

    pub fn credit_policy(self) -> &'static CreditPolicyTexts {
        match self {
            Language::Es => &credit_policy_es::CREDIT_POLICY,
            Language::En => &credit_policy_en::CREDIT_POLICY,
        }
    }

    pub fn day(self) -> &'static DayTexts {
        match self {
            Language::Es => &day_es::DAY,
            Language::En => &day_en::DAY,
        }
    }

    pub fn exchange(self) -> &'static ExchangeTexts {
        match self {
            Language::Es => &exchange_es::EXCHANGE,
            Language::En => &exchange_en::EXCHANGE,
        }
    }

    pub fn dossier(self) -> &'static DossierTexts {
        match self {
            Language::Es => &dossier_es::DOSSIER,
            Language::En => &dossier_en::DOSSIER,
        }
    }

    pub fn legal(self) -> &'static LegalTexts {
        match self {
            Language::Es => &legal_es::LEGAL,
            Language::En => &legal_en::LEGAL,
        }
    }

    pub fn lock(self) -> &'static LockTexts {
        match self {
            Language::Es => &lock_es::LOCK,
            Language::En => &lock_en::LOCK,
        }
    }

    pub fn outreach(self) -> &'static OutreachTexts {
        match self {
            Language::Es => &outreach_es::OUTREACH,
            Language::En => &outreach_en::OUTREACH,
        }
    }

    pub fn report(self) -> &'static ReportTexts {
        match self {
            Language::Es => &report_es::REPORT,
            Language::En => &report_en::REPORT,
        }
    }

    pub fn server(self) -> &'static ServerTexts {
        match self {
            Language::Es => &server_es::SERVER,
            Language::En => &server_en::SERVER,
        }
    }

    pub fn number_format(self) -> NumberFormat {
        match self {
            Language::Es => NumberFormat::ES_CO,
            Language::En => NumberFormat::EN_US,
        }
    }
}

pub struct Texts {
    pub language_name: &'static str,
    pub app_name: &'static str,
    pub storage_unavailable: &'static str,
    pub storage_full: &'static str,
    pub storage_unreadable: &'static str,
    pub nav_label: &'static str,
    /// Why a write was not stored; nothing of it was.
    pub not_saved: fn(&StoreError) -> &'static str,
    pub alert: fn(&Alert) -> &'static str,
    pub technical_detail: &'static str,
    pub online: &'static str,
    pub offline: &'static str,
    pub nav_today: &'static str,
    pub nav_portfolio: &'static str,
    pub nav_reports: &'static str,
    pub nav_sync: &'static str,
    pub nav_settings: &'static str,
    pub welcome_title: &'static str,
    pub welcome_intro: &'static str,
    pub device_label: &'static str,
    pub device_label_placeholder: &'static str,
    pub device_label_required: &'static str,
    pub welcome_demo_note: &'static str,
    pub start: &'static str,
    pub demo_banner: &'static str,
    pub demo_clear: &'static str,
    pub demo_clear_confirm: &'static str,
    pub confirm_clear: &'static str,
    pub cancel: &'static str,
    pub update_available: &'static str,
    pub update_now: &'static str,
    pub total_receivable: &'static str,
    pub overdue: &'static str,
    pub customers_overdue: &'static str,
    pub promises_due_today: &'static str,
    pub empty_portfolio: &'static str,
    pub search_placeholder: &'static str,
    pub no_match: &'static str,
    pub up_to_date: &'static str,
    pub days_overdue: fn(i64) -> String,
    pub in_dispute: &'static str,
    pub customers_shown: fn(usize, usize) -> String,
    pub show_more: fn(usize, usize) -> String,
    pub saving_ops: fn(usize, usize) -> String,
    pub aging_title: &'static str,
    pub cutoff_date: &'static str,
    pub bucket_not_due: &'static str,
    pub bucket_range: fn(i64, i64) -> String,
    pub bucket_over: fn(i64) -> String,
    pub bucket: &'static str,
    pub amount: &'static str,
    pub total: &'static str,
    pub sync_intro: &'static str,
    pub this_device: &'static str,
    pub language: &'static str,
    pub storage: &'static str,
    pub storage_persistent: &'static str,
    pub storage_best_effort: &'static str,
    pub sample_title: &'static str,
    pub sample_intro: &'static str,
    pub sample_size: &'static str,
    pub sample_sizes: [&'static str; 3],
    pub sample_load: &'static str,
    pub sample_loading: &'static str,
    pub import_link: &'static str,
    pub import_title: &'static str,
    pub import_intro: &'static str,
    pub choose_file: &'static str,
    pub file_too_large: &'static str,
    pub file_unreadable: &'static str,
    pub file_kind: &'static str,
    pub kind_portfolio: &'static str,
    pub kind_payments: &'static str,
    pub delimiter: &'static str,
    pub delimiter_name: fn(u8) -> &'static str,
    pub decimal_separator: &'static str,
    pub decimal_comma: &'static str,
    pub decimal_dot: &'static str,
    pub date_format: &'static str,
    pub date_dmy: &'static str,
    pub date_iso: &'static str,
    pub default_currency: &'static str,
    pub plan_new_customers: fn(usize) -> String,
    pub plan_updated_customers: fn(usize) -> String,
    pub plan_new_invoices: fn(usize) -> String,
    pub plan_updated_invoices: fn(usize) -> String,
    pub plan_new_payments: fn(usize) -> String,
    pub plan_already_present: fn(usize) -> String,
    pub bad_rows_title: fn(usize) -> String,
    pub line: &'static str,
    pub ignored_columns: &'static str,
    pub import_confirm: &'static str,
    pub nothing_to_import: &'static str,
    pub imported: fn(usize) -> String,
    pub column_name: fn(Column) -> &'static str,
    pub row_problem: fn(&RowProblem) -> String,
    pub file_problem: fn(&FileProblem) -> String,
    pub edit_problem: fn(&EditProblem) -> &'static str,
    pub back_to_portfolio: &'static str,
    pub customer_not_found: &'static str,
    pub balance: &'static str,
    pub call: &'static str,
    pub whatsapp: &'static str,
    pub email: &'static str,
    pub map: &'static str,
    pub invoices: &'static str,
    pub invoice_number: &'static str,
    pub issue_date: &'static str,
    pub due_date: &'static str,
    pub installment: fn(u32) -> String,
    pub open_amount: &'static str,
    pub paid: &'static str,
    pub timeline: &'static str,
    pub timeline_invoice: fn(&str, &InvoiceKind, NumberFormat) -> String,
    pub timeline_payment: fn(&str) -> String,
    pub timeline_credit_note: fn(&str) -> String,
    pub timeline_promise: fn(&str) -> String,
    pub timeline_dispute_resolved: &'static str,
    pub method_name: fn(PaymentMethod) -> &'static str,
    pub new_customer: &'static str,
    pub edit_customer: &'static str,
    pub add_invoice: &'static str,
    pub edit_invoice: &'static str,
    pub record_payment: &'static str,
    pub credit_note: &'static str,
    pub customer_id: &'static str,
    pub customer_name: &'static str,
    pub tax_id: &'static str,
    pub phones: &'static str,
    pub address: &'static str,
    pub city: &'static str,
    pub collector: &'static str,
    pub notes: &'static str,
    pub location: &'static str,
    pub location_unreadable: &'static str,
    pub currency: &'static str,
    pub payment_date: &'static str,
    pub method: &'static str,
    pub reference: &'static str,
    pub pays_invoice: &'static str,
    pub oldest_first: &'static str,
    pub credit_note_number: &'static str,
    pub reason: &'static str,
    pub amount_unreadable: &'static str,
    pub date_unreadable: &'static str,
    pub save: &'static str,
    pub aging_basis: &'static str,
    pub basis_due: &'static str,
    pub basis_issue: &'static str,
    pub export_csv: &'static str,
    pub aging_chart: fn(&str) -> String,
    pub by_customer: &'static str,
    pub csv_customer_id: &'static str,
    pub csv_customer: &'static str,
    pub no_receivables: &'static str,
    pub filter_bucket: &'static str,
    pub filter_city: &'static str,
    pub filter_collector: &'static str,
    pub all: &'static str,
    pub unassigned: &'static str,
}

/// The language in use, shared by every component.
#[derive(Clone, Copy)]
pub struct I18n {
    language: RwSignal<Language>,
}

impl I18n {
    pub fn provide() -> I18n {
        let saved = settings::language().and_then(|code| Language::from_code(&code));
        let i18n = I18n {
            language: RwSignal::new(saved.unwrap_or_default()),
        };
        set_document_language(i18n.language.get_untracked());
        provide_context(i18n);
        i18n
    }

    pub fn language(&self) -> Language {
        self.language.get()
    }

    pub fn texts(&self) -> &'static Texts {
        self.language.get().texts()
    }

    pub fn day(&self) -> &'static DayTexts {
        self.language.get().day()
    }

    pub fn credit(&self) -> &'static CreditTexts {
        self.language.get().credit()
    }

    pub fn credit_policy(&self) -> &'static CreditPolicyTexts {
        self.language.get().credit_policy()
    }

    pub fn dossier(&self) -> &'static DossierTexts {
        self.language.get().dossier()
    }

    pub fn legal(&self) -> &'static LegalTexts {
        self.language.get().legal()
    }

    pub fn lock(&self) -> &'static LockTexts {
        self.language.get().lock()
    }

    pub fn outreach(&self) -> &'static OutreachTexts {
        self.language.get().outreach()
    }

    pub fn exchange(&self) -> &'static ExchangeTexts {
        self.language.get().exchange()
    }

    pub fn report(&self) -> &'static ReportTexts {
        self.language.get().report()
    }

    pub fn server(&self) -> &'static ServerTexts {
        self.language.get().server()
    }

    pub fn number_format(&self) -> NumberFormat {
        self.language.get().number_format()
    }

    pub fn set_language(&self, language: Language) {
        settings::set_language(language.code());
        set_document_language(language);
        self.language.set(language);
    }
}

pub fn use_i18n() -> I18n {
    expect_context::<I18n>()
}

fn set_document_language(language: Language) {
    if let Some(root) = document().document_element() {
        // Only screen readers and hyphenation read this; a failure changes nothing visible.
        let _ = root.set_attribute("lang", language.code());
    }
}
