//! The words of reminders, message templates and the contact policy.

use crate::domain::contact_policy::{Detail, Preset, Rule, Scope, Window};
use crate::domain::holiday::Country;
use crate::domain::message_template::{MessageKind, TemplateProblem};
use crate::domain::number_format::NumberFormat;
use crate::sync::company_settings::SettingField;
use crate::sync::role::Role;

pub struct OutreachTexts {
    /// Who sets the company's settings, said where they are shown read-only: who changed
    /// them last, and when.
    pub company_set_by_office: fn(&str, &str) -> String,
    /// A collector's phone whose office has not sent its settings yet.
    pub company_awaits_office: &'static str,
    pub company_will_be_office: &'static str,
    pub company_is_office: &'static str,
    pub settings_history: &'static str,
    pub settings_history_empty: &'static str,
    /// «Oficina, 3 dic 2026 14:05: política de contacto, texto: recordatorio 3 días antes».
    pub settings_change: fn(&str, &str, &str) -> String,
    pub setting_field: fn(SettingField) -> String,
    pub role_name: fn(Option<Role>) -> &'static str,
    pub make_role: fn(Role) -> &'static str,
    pub column_role: &'static str,
    pub this_device_role: &'static str,
    pub aging_buckets: &'static str,
    pub aging_buckets_hint: &'static str,
    pub aging_buckets_invalid: &'static str,
    pub timeline_channel_revoked: fn(&str) -> String,
    pub channels_title: &'static str,
    pub channel_revoked_since: fn(&str) -> String,
    pub channel_authorized: &'static str,
    pub revoke: &'static str,
    pub authorize_again: &'static str,
    pub blocked: &'static str,
    pub detail: fn(&Detail, NumberFormat) -> String,
    pub allowed_from: fn(&str) -> String,
    pub until_authorized: &'static str,
    /// When a barred visit to a consumer opens: after this many failed attempts elsewhere.
    pub visit_opens: fn(usize) -> String,
    pub override_contact: &'static str,
    pub override_reason: &'static str,
    pub override_note: &'static str,
    pub override_recorded: fn(&str) -> String,
    pub debtor_time: fn(&str) -> String,
    pub reminders_title: &'static str,
    pub reminders_empty: &'static str,
    pub step_name: fn(Option<i32>) -> String,
    pub was_it_sent: &'static str,
    pub yes_sent: &'static str,
    pub not_sent: &'static str,
    pub share: &'static str,
    pub outreach_title: &'static str,
    pub company: &'static str,
    pub payment_methods: &'static str,
    pub company_tax_id: &'static str,
    pub company_address: &'static str,
    pub policy_title: &'static str,
    pub preset: &'static str,
    pub preset_name: fn(Preset) -> &'static str,
    pub time_zone: &'static str,
    pub time_zone_unknown: &'static str,
    pub holidays_of: &'static str,
    pub no_holidays: &'static str,
    pub country_name: fn(Country) -> &'static str,
    pub rule_text: fn(&Rule) -> String,
    pub source: &'static str,
    pub weekdays: [&'static str; 7],
    pub closed: &'static str,
    pub maximum: &'static str,
    pub days: &'static str,
    pub extra_holidays: &'static str,
    pub add_date: &'static str,
    pub remove: &'static str,
    pub holidays_this_year: fn(i32) -> String,
    pub restore_law: &'static str,
    pub reminder_steps: &'static str,
    pub step_days: &'static str,
    pub add_step: &'static str,
    pub consolidated: &'static str,
    pub templates_title: &'static str,
    pub placeholders_help: &'static str,
    pub kind_name: fn(MessageKind) -> String,
    pub default_template: fn(MessageKind) -> &'static str,
    pub preview: &'static str,
    pub template_problem: fn(&TemplateProblem) -> String,
    pub threat_warning: fn(&str) -> String,
    pub restore_default: &'static str,
}

/// "7:00–19:00".
pub fn window_text(window: &Window) -> String {
    format!(
        "{}–{}",
        window.from.format("%-H:%M"),
        window.until.format("%-H:%M")
    )
}

/// The scope of a rule in `words` order: all, calls, calls and visits, written.
pub fn scope_word(scope: Scope, words: [&'static str; 4]) -> &'static str {
    match scope {
        Scope::AllChannels => words[0],
        Scope::Calls => words[1],
        Scope::CallsAndVisits => words[2],
        Scope::Written => words[3],
    }
}

/// The allowed hours of a week, days with the same hours grouped: "lun–vie 7:00–19:00".
pub fn week_text(week: &[Option<Window>; 7], weekdays: [&str; 7], closed: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut start = 0;
    while start < 7 {
        let mut end = start;
        while end + 1 < 7 && week[end + 1] == week[start] {
            end += 1;
        }
        let days = if start == end {
            weekdays[start].to_owned()
        } else {
            format!("{}–{}", weekdays[start], weekdays[end])
        };
        let hours = week[start].as_ref().map_or(closed.to_owned(), window_text);
        parts.push(format!("{days} {hours}"));
        start = end + 1;
    }
    parts.join(", ")
}
