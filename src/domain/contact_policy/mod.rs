//! Whether a collector may contact a debtor now, through a given channel, under the law of the
//! debtor's country: hours in the debtor's time zone, public holidays, how many contacts a day
//! or a week, the spacing of written messages, the pause after a conversation, and the
//! channels the debtor revoked. Every rule carries the law it comes from, so a blocked button
//! can say why, and when it becomes allowed again.

mod preset;
mod rule;

use std::collections::BTreeSet;

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::contact::{Channel, Contact};
use super::customer::Customer;
use super::debtor::DebtorKind;
use super::holiday::{holiday_on, Country};

pub use preset::Preset;
pub use rule::{PolicyRule, Rule, Scope, Window};

/// How far ahead a blocked contact looks for its next allowed moment; beyond it the contact
/// is simply "not allowed" (a revoked channel, or hours that never open).
const LOOKAHEAD_DAYS: u64 = 62;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ContactPolicy {
    pub preset: Preset,
    /// Whose public holidays count; `None` for none.
    pub country: Option<Country>,
    /// IANA time zone of the debtors, for their local time.
    pub time_zone: String,
    pub rules: Vec<PolicyRule>,
    /// Days off a government decrees one year at a time (elections, bridges).
    #[serde(default)]
    pub extra_holidays: Vec<NaiveDate>,
}

impl Default for ContactPolicy {
    fn default() -> Self {
        Preset::Colombia.policy()
    }
}

/// Why a contact is not allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Detail {
    /// The debtor asked not to be contacted through this channel.
    ChannelRevoked,
    /// Outside the allowed hours of that day; `None` when the day has no allowed hours.
    OutsideHours(Option<Window>),
    /// A public holiday, with its name (empty for an extra date the business added).
    Holiday(String),
    /// Already `count` contacts in the rule's window.
    CapReached { count: u32 },
    /// The last written message went out on this day.
    TooSoonAfter(NaiveDate),
    /// The debtor was reached through this channel on this day.
    PausedAfterConversation(NaiveDate),
    /// A visit to a consumer who did not authorize visits, while the other channels have not
    /// failed on record; `known` is false when nobody said whether the debtor is a consumer,
    /// who is then protected as one.
    VisitToConsumer { known: bool },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// The rule that blocks, by its place in the policy; `None` for a revoked channel, which
    /// every policy honours.
    pub rule: Option<usize>,
    pub detail: Detail,
    /// The first moment, in the debtor's local time, when the contact would be allowed.
    pub next_allowed: Option<NaiveDateTime>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Allowed,
    Blocked(Block),
}

impl Verdict {
    pub fn is_allowed(&self) -> bool {
        matches!(self, Verdict::Allowed)
    }
}

impl ContactPolicy {
    /// Whether contacting through `channel` at `now` (the debtor's local time) is allowed,
    /// given the customer's past `contacts` and the channels they `revoked`.
    pub fn check(
        &self,
        channel: Channel,
        now: NaiveDateTime,
        debtor: &Customer,
        contacts: &[&Contact],
        revoked: &BTreeSet<Channel>,
    ) -> Verdict {
        if channel == Channel::Visit {
            if let Some(index) = self
                .rules
                .iter()
                .position(|r| r.rule == Rule::ConsumerVisits)
            {
                if visit_barred(debtor, contacts) {
                    return Verdict::Blocked(Block {
                        rule: Some(index),
                        detail: Detail::VisitToConsumer {
                            known: debtor.kind.is_some(),
                        },
                        next_allowed: None,
                    });
                }
            }
        }
        let Some((rule, detail)) = self.first_block(channel, now, contacts, revoked) else {
            return Verdict::Allowed;
        };
        let next_allowed = if detail == Detail::ChannelRevoked {
            None
        } else {
            self.next_allowed(channel, now, contacts, revoked)
        };
        Verdict::Blocked(Block {
            rule,
            detail,
            next_allowed,
        })
    }

    fn first_block(
        &self,
        channel: Channel,
        now: NaiveDateTime,
        contacts: &[&Contact],
        revoked: &BTreeSet<Channel>,
    ) -> Option<(Option<usize>, Detail)> {
        if revoked.contains(&channel) {
            return Some((None, Detail::ChannelRevoked));
        }
        let today = now.date();
        self.rules
            .iter()
            .enumerate()
            .filter(|(_, r)| r.rule.scope().is_some_and(|s| s.covers(channel)))
            .find_map(|(index, r)| {
                let detail = match &r.rule {
                    Rule::Hours { week, .. } => {
                        let window = week[today.weekday().num_days_from_monday() as usize];
                        let open = window.is_some_and(|w| w.contains(now.time()));
                        (!open).then_some(Detail::OutsideHours(window))?
                    }
                    Rule::NoHolidays { .. } => Detail::Holiday(self.holiday_name(today)?),
                    Rule::Cap { scope, max, days } => {
                        let count = in_last_days(contacts, today, *days)
                            .filter(|c| scope.covers(c.channel))
                            .count();
                        let count = u32::try_from(count).unwrap_or(u32::MAX);
                        (count >= *max).then_some(Detail::CapReached { count })?
                    }
                    Rule::Spacing { scope, days } => {
                        let last = in_last_days(contacts, today, *days)
                            .filter(|c| scope.covers(c.channel))
                            .map(|c| c.on())
                            .max()?;
                        Detail::TooSoonAfter(last)
                    }
                    Rule::PauseAfterConversation { days, .. } => {
                        let reached = in_last_days(contacts, today, *days)
                            .filter(|c| c.channel == channel && c.outcome.reached())
                            .map(|c| c.on())
                            .max()?;
                        Detail::PausedAfterConversation(reached)
                    }
                    Rule::AuthorizedChannelsOnly | Rule::DebtorOnly | Rule::ConsumerVisits => {
                        return None
                    }
                };
                Some((Some(index), detail))
            })
    }

    /// The name of the holiday on `day`, if it is one.
    pub fn holiday_name(&self, day: NaiveDate) -> Option<String> {
        if self.extra_holidays.contains(&day) {
            return Some(String::new());
        }
        Some(holiday_on(self.country?, day)?.name.to_owned())
    }

    /// Every rule is either about the time of day or about whole days, so the first allowed
    /// moment is now, or the opening of a later day's hours, or that day's midnight.
    fn next_allowed(
        &self,
        channel: Channel,
        now: NaiveDateTime,
        contacts: &[&Contact],
        revoked: &BTreeSet<Channel>,
    ) -> Option<NaiveDateTime> {
        let opening = |day: NaiveDate| -> Vec<NaiveDateTime> {
            let weekday = day.weekday().num_days_from_monday() as usize;
            let mut times = vec![day.and_time(NaiveTime::MIN)];
            for rule in &self.rules {
                if let Rule::Hours { scope, week } = &rule.rule {
                    if let Some(window) = week[weekday].filter(|_| scope.covers(channel)) {
                        times.push(day.and_time(window.from));
                    }
                }
            }
            times
        };
        (0..=LOOKAHEAD_DAYS)
            .filter_map(|ahead| now.date().checked_add_days(Days::new(ahead)))
            .flat_map(opening)
            .filter(|moment| *moment > now)
            .find(|moment| {
                self.first_block(channel, *moment, contacts, revoked)
                    .is_none()
            })
    }
}

/// How many attempts through the other channels, all unanswered, count as those channels
/// having failed on record: one try is bad luck, three in a row is a debtor out of reach.
pub const FAILED_ATTEMPTS_BEFORE_VISIT: usize = 3;

/// Whether visiting `debtor` is barred: not a business, visits not authorized, and the last
/// attempts through other channels did not all fail.
fn visit_barred(debtor: &Customer, contacts: &[&Contact]) -> bool {
    if debtor.kind == Some(DebtorKind::Business) || debtor.visits_authorized {
        return false;
    }
    let mut others: Vec<&Contact> = contacts
        .iter()
        .copied()
        .filter(|c| c.channel != Channel::Visit)
        .collect();
    others.sort_by_key(|c| std::cmp::Reverse(c.at));
    let failed = others.len() >= FAILED_ATTEMPTS_BEFORE_VISIT
        && others[..FAILED_ATTEMPTS_BEFORE_VISIT]
            .iter()
            .all(|c| !c.outcome.reached());
    !failed
}

/// The contacts made on the `days` calendar days ending with `today` (1 = today only), up to
/// `today` itself.
fn in_last_days<'a>(
    contacts: &'a [&'a Contact],
    today: NaiveDate,
    days: u32,
) -> impl Iterator<Item = &'a Contact> + 'a {
    let first = today
        .checked_sub_days(Days::new(u64::from(days.max(1)) - 1))
        .unwrap_or(NaiveDate::MIN);
    contacts
        .iter()
        .copied()
        .filter(move |c| (first..=today).contains(&c.on()))
}

#[cfg(test)]
mod tests;
