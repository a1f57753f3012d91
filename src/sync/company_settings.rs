//! The company's settings as operations: the contact policy and its days off, the reminder
//! steps, each message's wording, the company's name, its payment instructions and the aging
//! buckets. Each field, and each message kind's wording, resolves on its own by the later
//! clock, as a customer's fields do; only a change written by an office at the time counts
//! (`sync::role`).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::hlc::{DeviceId, Hlc};
use super::op::{Event, Op};
use super::role::{Role, Roles};
use crate::domain::aging::AgingBuckets;
use crate::domain::app_lock::LockPolicy;
use crate::domain::certified_rate::CertifiedRates;
use crate::domain::company_settings::CompanySettings;
use crate::domain::contact_policy::ContactPolicy;
use crate::domain::late_interest::InterestBasis;
use crate::domain::message_template::MessageKind;
use crate::domain::minimum_wage::MinimumWages;
use crate::domain::reminder::ReminderSchedule;

/// One change to the company's settings: only the fields it sets.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettingsPatch {
    /// Its days off travel apart, in `days_off`: a day off added on one device and an hour
    /// changed on another both stand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<ContactPolicy>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days_off: Option<Vec<NaiveDate>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reminders: Option<ReminderSchedule>,
    /// The wording of each kind it changes; `None` goes back to the language's default.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub templates: Vec<(MessageKind, Option<String>)>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_methods: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_tax_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub company_address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub aging: Option<AgingBuckets>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub interest: Option<InterestBasis>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certified_rates: Option<CertifiedRates>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_wages: Option<MinimumWages>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lock: Option<LockPolicy>,
}

/// What a change changed, to say so in the settings' history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SettingField {
    Policy,
    DaysOff,
    Reminders,
    Template(MessageKind),
    Company,
    PaymentMethods,
    CompanyTaxId,
    CompanyAddress,
    Aging,
    Interest,
    CertifiedRates,
    MinimumWages,
    Lock,
}

fn without_days_off(policy: &ContactPolicy) -> ContactPolicy {
    ContactPolicy {
        extra_holidays: Vec::new(),
        ..policy.clone()
    }
}

impl SettingsPatch {
    /// Every field of `settings`, and the wording of every kind it words its own way: how a
    /// device's settings kept before they travelled become the company's.
    pub fn whole(settings: &CompanySettings) -> SettingsPatch {
        let outreach = &settings.outreach;
        SettingsPatch {
            policy: Some(without_days_off(&outreach.policy)),
            days_off: Some(outreach.policy.extra_holidays.clone()),
            reminders: Some(outreach.reminders.clone()),
            templates: outreach
                .templates
                .iter()
                .map(|(kind, text)| (*kind, Some(text.clone())))
                .collect(),
            company: Some(outreach.company.clone()),
            payment_methods: Some(outreach.payment_methods.clone()),
            company_tax_id: Some(outreach.company_tax_id.clone()),
            company_address: Some(outreach.company_address.clone()),
            aging: Some(settings.aging.clone()),
            interest: Some(settings.interest.clone()),
            certified_rates: Some(settings.certified_rates.clone()),
            minimum_wages: Some(settings.minimum_wages.clone()),
            lock: Some(settings.lock),
        }
    }

    /// What turns `old` into `new`: only the fields that differ.
    pub fn between(old: &CompanySettings, new: &CompanySettings) -> SettingsPatch {
        fn differs<T: PartialEq + Clone>(old: &T, new: &T) -> Option<T> {
            (old != new).then(|| new.clone())
        }
        let (o, n) = (&old.outreach, &new.outreach);
        let mut kinds: Vec<MessageKind> = Vec::new();
        for (kind, _) in o.templates.iter().chain(&n.templates) {
            if !kinds.contains(kind) {
                kinds.push(*kind);
            }
        }
        let templates = kinds
            .into_iter()
            .filter(|kind| o.template(*kind) != n.template(*kind))
            .map(|kind| (kind, n.template(kind).map(str::to_owned)))
            .collect();
        SettingsPatch {
            policy: differs(&without_days_off(&o.policy), &without_days_off(&n.policy)),
            days_off: differs(&o.policy.extra_holidays, &n.policy.extra_holidays),
            reminders: differs(&o.reminders, &n.reminders),
            templates,
            company: differs(&o.company, &n.company),
            payment_methods: differs(&o.payment_methods, &n.payment_methods),
            company_tax_id: differs(&o.company_tax_id, &n.company_tax_id),
            company_address: differs(&o.company_address, &n.company_address),
            aging: differs(&old.aging, &new.aging),
            interest: differs(&old.interest, &new.interest),
            certified_rates: differs(&old.certified_rates, &new.certified_rates),
            minimum_wages: differs(&old.minimum_wages, &new.minimum_wages),
            lock: differs(&old.lock, &new.lock),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.fields().is_empty()
    }

    pub fn fields(&self) -> Vec<SettingField> {
        let mut fields = Vec::new();
        let mut add = |set: bool, field| {
            if set {
                fields.push(field);
            }
        };
        add(self.policy.is_some(), SettingField::Policy);
        add(self.days_off.is_some(), SettingField::DaysOff);
        add(self.reminders.is_some(), SettingField::Reminders);
        for (kind, _) in &self.templates {
            add(true, SettingField::Template(*kind));
        }
        add(self.company.is_some(), SettingField::Company);
        add(self.payment_methods.is_some(), SettingField::PaymentMethods);
        add(self.company_tax_id.is_some(), SettingField::CompanyTaxId);
        add(self.company_address.is_some(), SettingField::CompanyAddress);
        add(self.aging.is_some(), SettingField::Aging);
        add(self.interest.is_some(), SettingField::Interest);
        add(self.certified_rates.is_some(), SettingField::CertifiedRates);
        add(self.minimum_wages.is_some(), SettingField::MinimumWages);
        add(self.lock.is_some(), SettingField::Lock);
        fields
    }

    /// Writes this change's fields over `settings`.
    fn apply(&self, settings: &mut CompanySettings) {
        let outreach = &mut settings.outreach;
        if let Some(policy) = &self.policy {
            let days_off = std::mem::take(&mut outreach.policy.extra_holidays);
            outreach.policy = ContactPolicy {
                extra_holidays: days_off,
                ..policy.clone()
            };
        }
        if let Some(days_off) = &self.days_off {
            outreach.policy.extra_holidays = days_off.clone();
        }
        if let Some(reminders) = &self.reminders {
            outreach.reminders = reminders.clone();
        }
        for (kind, text) in &self.templates {
            outreach.set_template(*kind, text.clone());
        }
        if let Some(company) = &self.company {
            outreach.company = company.clone();
        }
        if let Some(methods) = &self.payment_methods {
            outreach.payment_methods = methods.clone();
        }
        if let Some(tax_id) = &self.company_tax_id {
            outreach.company_tax_id = tax_id.clone();
        }
        if let Some(address) = &self.company_address {
            outreach.company_address = address.clone();
        }
        if let Some(aging) = &self.aging {
            settings.aging = aging.clone();
        }
        if let Some(interest) = &self.interest {
            settings.interest = interest.clone();
        }
        if let Some(rates) = &self.certified_rates {
            settings.certified_rates = rates.clone();
        }
        if let Some(wages) = &self.minimum_wages {
            settings.minimum_wages = wages.clone();
        }
        if let Some(lock) = self.lock {
            settings.lock = lock;
        }
    }
}

/// A company operation, as the log keeps it for the walk.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum Entry {
    Mark {
        device: DeviceId,
        role: Role,
        label: String,
    },
    Settings(Box<SettingsPatch>),
}

impl Entry {
    fn of(event: &Event) -> Option<Entry> {
        match event {
            Event::DeviceRoleSet {
                device,
                role,
                label,
            } => Some(Entry::Mark {
                device: device.clone(),
                role: *role,
                label: label.clone(),
            }),
            Event::CompanySettingsChanged { change } => {
                Some(Entry::Settings(Box::new(change.clone())))
            }
            _ => None,
        }
    }

    /// Takes the entry by `author` into `roles` if it had the right; says whether it did.
    fn take(&self, author: &DeviceId, roles: &mut Roles) -> bool {
        match self {
            Entry::Mark { device, role, .. } => roles.mark(author, device, *role),
            Entry::Settings(_) => roles.is_office(author),
        }
    }
}

/// A change to the settings that took effect: when, by whom (the timestamp's device), what.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SettingsChange {
    pub at: Hlc,
    pub fields: Vec<SettingField>,
}

/// The company as its operations say, on top of a device's starting settings.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Company {
    pub settings: CompanySettings,
    pub roles: Roles,
    /// What the office calls each device it marked.
    pub labels: BTreeMap<DeviceId, String>,
    /// Oldest first.
    pub history: Vec<SettingsChange>,
}

impl Company {
    /// Whether this device may change the company's settings: it is an office, or the
    /// company has none yet and it shows everyone's agenda (a collector's phone waits for
    /// its office's).
    pub fn may_change(&self, me: &DeviceId, shows_everyone: bool) -> bool {
        self.roles.is_office(me) || (!self.roles.any_office() && shows_everyone)
    }

    /// The latest change that took effect.
    pub fn last_change(&self) -> Option<&SettingsChange> {
        self.history.last()
    }
}

/// What becomes of settings an older version kept in one browser, once the log holds the
/// company's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MovingIn {
    /// This device may set the company's settings: the kept ones become the company's, with
    /// this device as its first office if it has none.
    Write(Vec<Event>),
    /// The office's settings have arrived: the kept ones are dropped.
    Drop,
    /// A collector's phone before its office's settings arrive: it goes on with the kept
    /// ones, as the base under whatever arrives.
    Keep,
}

impl Company {
    /// What `me`, called `label`, does with `kept`, settings an older version kept in this
    /// browser, given whether it shows everyone's agenda. `self` must be resolved over `kept`.
    pub fn moving_in(&self, me: &DeviceId, label: &str, shows_everyone: bool) -> MovingIn {
        if !self.history.is_empty() {
            return MovingIn::Drop;
        }
        if !self.may_change(me, shows_everyone) {
            return MovingIn::Keep;
        }
        let mut events = self.as_office(me, label);
        events.push(Event::CompanySettingsChanged {
            change: SettingsPatch::whole(&self.settings),
        });
        MovingIn::Write(events)
    }

    /// The events that make `me`, called `label`, the company's first office, when it has
    /// none: to go first in a save that only an office may make.
    pub fn as_office(&self, me: &DeviceId, label: &str) -> Vec<Event> {
        if self.roles.any_office() {
            return Vec::new();
        }
        vec![Event::DeviceRoleSet {
            device: me.clone(),
            role: Role::Office,
            label: label.to_owned(),
        }]
    }
}

/// Every company operation held, by timestamp (which names its author).
///
/// A snapshot keeps it as JSON text: the contact policy's rules are tagged by name, which
/// postcard cannot read back, and these operations are few.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "LogText", try_from = "LogText")]
pub struct CompanyLog(BTreeMap<Hlc, Entry>);

#[derive(Serialize, Deserialize)]
struct LogText(String);

impl From<CompanyLog> for LogText {
    fn from(log: CompanyLog) -> LogText {
        let entries: Vec<(Hlc, Entry)> = log.0.into_iter().collect();
        // Plain data always serializes; were it not to, the empty text would not read back,
        // and the snapshot would be set aside and the log replayed.
        LogText(serde_json::to_string(&entries).unwrap_or_default())
    }
}

impl TryFrom<LogText> for CompanyLog {
    type Error = serde_json::Error;

    fn try_from(text: LogText) -> Result<CompanyLog, Self::Error> {
        let entries: Vec<(Hlc, Entry)> = serde_json::from_str(&text.0)?;
        Ok(CompanyLog(entries.into_iter().collect()))
    }
}

impl CompanyLog {
    pub fn apply(&mut self, op: &Op) {
        if let Some(entry) = Entry::of(&op.event) {
            self.0.insert(op.hlc.clone(), entry);
        }
    }

    /// The settings and roles the operations give, starting from `base`: fields no change
    /// with the right ever set keep `base`'s value.
    pub fn resolve(&self, base: &CompanySettings) -> Company {
        let mut company = Company {
            settings: base.clone(),
            ..Company::default()
        };
        for (at, entry) in &self.0 {
            if !entry.take(&at.device, &mut company.roles) {
                continue;
            }
            match entry {
                Entry::Settings(patch) => {
                    patch.apply(&mut company.settings);
                    company.history.push(SettingsChange {
                        at: at.clone(),
                        fields: patch.fields(),
                    });
                }
                Entry::Mark { device, label, .. } if !label.is_empty() => {
                    company.labels.insert(device.clone(), label.clone());
                }
                Entry::Mark { .. } => {}
            }
        }
        company
    }

    fn roles(&self) -> Roles {
        let mut roles = Roles::default();
        for (at, entry) in &self.0 {
            entry.take(&at.device, &mut roles);
        }
        roles
    }

    /// Which of `new_ops` a batch may not bring (positions in `new_ops`): a company's first
    /// office naming itself where this device already knows an office (another company's);
    /// and a company operation that `sender` wrote without the right, judged with the
    /// batch's own role marks (a collector's change to the company's settings).
    pub fn refused(&self, new_ops: &[Op], sender: Option<&DeviceId>) -> Vec<usize> {
        // Every server page and bundle comes through here; nearly all carry no company
        // operation, and then nothing is walked or copied.
        let new: Vec<(usize, &Op, Entry)> = new_ops
            .iter()
            .enumerate()
            .filter_map(|(at, op)| Some((at, op, Entry::of(&op.event)?)))
            .collect();
        if new.is_empty() {
            return Vec::new();
        }
        let known_office = self.roles().any_office();
        let mut merged = self.clone();
        let mut new_at = BTreeMap::new();
        for (at, op, entry) in new {
            new_at.insert(op.hlc.clone(), at);
            merged.0.insert(op.hlc.clone(), entry);
        }
        let mut refused = Vec::new();
        let mut roles = Roles::default();
        for (stamp, entry) in &merged.0 {
            let author = &stamp.device;
            // A device naming itself the office without being one: a company's first
            // office, or another company's.
            let founding = matches!(entry, Entry::Mark { device, role: Role::Office, .. }
                if device == author && !roles.is_office(author));
            let allowed = entry.take(author, &mut roles);
            let Some(at) = new_at.get(stamp) else {
                continue;
            };
            if (founding && known_office) || (!allowed && sender == Some(author)) {
                refused.push(*at);
            }
        }
        refused.sort_unstable();
        refused
    }
}
