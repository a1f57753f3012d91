//! The kinds of rule a contact policy is made of, each with the law it comes from.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use crate::domain::contact::Channel;

/// Which channels a rule speaks of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    AllChannels,
    Calls,
    CallsAndVisits,
    /// WhatsApp, SMS, e-mail and letters.
    Written,
}

impl Scope {
    pub const ALL: [Scope; 4] = [
        Scope::AllChannels,
        Scope::Calls,
        Scope::CallsAndVisits,
        Scope::Written,
    ];

    pub fn covers(self, channel: Channel) -> bool {
        match self {
            Scope::AllChannels => true,
            Scope::Calls => channel == Channel::Call,
            Scope::CallsAndVisits => matches!(channel, Channel::Call | Channel::Visit),
            Scope::Written => matches!(
                channel,
                Channel::WhatsApp | Channel::Sms | Channel::Email | Channel::Letter
            ),
        }
    }
}

/// Allowed hours of one day: from `from` up to, not including, `until`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    pub from: NaiveTime,
    pub until: NaiveTime,
}

impl Window {
    /// `None` when the hours are not on the clock or the window is empty.
    pub fn new(from: (u32, u32), until: (u32, u32)) -> Option<Window> {
        let from = NaiveTime::from_hms_opt(from.0, from.1, 0)?;
        let until = NaiveTime::from_hms_opt(until.0, until.1, 0)?;
        (from < until).then_some(Window { from, until })
    }

    pub fn contains(&self, time: NaiveTime) -> bool {
        self.from <= time && time < self.until
    }
}

/// Allowed hours per weekday, Monday first; `None` for a day without contact.
pub type Week = [Option<Window>; 7];

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Rule {
    Hours {
        scope: Scope,
        week: Week,
    },
    NoHolidays {
        scope: Scope,
    },
    /// At most `max` contacts in `days` calendar days, today included (1 = per day).
    Cap {
        scope: Scope,
        max: u32,
        days: u32,
    },
    /// Messages at least `days` days apart.
    Spacing {
        scope: Scope,
        days: u32,
    },
    /// After the debtor was reached through a channel, that channel rests for `days` days.
    PauseAfterConversation {
        scope: Scope,
        days: u32,
    },
    /// Only channels the debtor authorized; the app honours every revocation.
    AuthorizedChannelsOnly,
    /// Only the debtor, never their references or family; the app only holds the debtor's
    /// own contact data.
    DebtorOnly,
    /// No collection visit to a consumer's home or workplace unless the consumer authorized
    /// visits or the other channels failed on record; a business's premises may be visited.
    ConsumerVisits,
}

impl Rule {
    /// The channels the rule limits; `None` for rules the app keeps by design.
    pub fn scope(&self) -> Option<Scope> {
        match self {
            Rule::Hours { scope, .. }
            | Rule::NoHolidays { scope }
            | Rule::Cap { scope, .. }
            | Rule::Spacing { scope, .. }
            | Rule::PauseAfterConversation { scope, .. } => Some(*scope),
            Rule::AuthorizedChannelsOnly | Rule::DebtorOnly | Rule::ConsumerVisits => None,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PolicyRule {
    pub rule: Rule,
    /// The law and article the rule comes from, or who set it.
    pub source: String,
}
