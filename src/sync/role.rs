//! Who may set the company's rules. A device is the office or a collector's; only an office
//! changes company settings or says what another device is. The first office of a company
//! names itself, once, when it first acts as one (saves the company's settings, sends a
//! route, marks a device) while it knows no office; every later office is named by an
//! office.
//!
//! Whether an operation had the right is judged at its own timestamp, walking every role
//! mark in timestamp order: the same set of operations gives the same offices on every
//! device, in whatever order they arrived.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::hlc::DeviceId;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Office,
    Collector,
}

/// What each device is at one point of the walk.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Roles(BTreeMap<DeviceId, Role>);

impl Roles {
    pub fn of(&self, device: &DeviceId) -> Option<Role> {
        self.0.get(device).copied()
    }

    pub fn is_office(&self, device: &DeviceId) -> bool {
        self.of(device) == Some(Role::Office)
    }

    pub fn any_office(&self) -> bool {
        self.0.values().any(|role| *role == Role::Office)
    }

    /// Whether `author` marking `device` as `role` founds the company: names itself its
    /// first office.
    pub fn founds(&self, author: &DeviceId, device: &DeviceId, role: Role) -> bool {
        author == device && role == Role::Office && !self.any_office()
    }

    /// Whether `author` may mark `device` as `role` now.
    pub fn may_mark(&self, author: &DeviceId, device: &DeviceId, role: Role) -> bool {
        self.is_office(author) || self.founds(author, device, role)
    }

    /// Takes the mark if its author may make it; says whether it did.
    pub fn mark(&mut self, author: &DeviceId, device: &DeviceId, role: Role) -> bool {
        let allowed = self.may_mark(author, device, role);
        if allowed {
            self.0.insert(device.clone(), role);
        }
        allowed
    }

    pub fn iter(&self) -> impl Iterator<Item = (&DeviceId, Role)> {
        self.0.iter().map(|(device, role)| (device, *role))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn device(name: &str) -> DeviceId {
        DeviceId(name.to_owned())
    }

    #[test]
    fn the_first_office_names_itself_and_names_the_others() {
        let (office, juan) = (device("office"), device("juan"));
        let mut roles = Roles::default();
        assert!(
            !roles.mark(&juan, &office, Role::Office),
            "no one names another first"
        );
        assert!(roles.mark(&office, &office, Role::Office));
        assert!(
            !roles.mark(&juan, &juan, Role::Office),
            "a company founds once"
        );
        assert!(roles.mark(&office, &juan, Role::Collector));
        assert!(!roles.mark(&juan, &juan, Role::Office));
        assert!(roles.mark(&office, &juan, Role::Office));
        assert!(roles.is_office(&juan));
    }
}
