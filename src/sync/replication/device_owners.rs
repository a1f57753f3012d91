//! Who writes each device's operations on a route's database. Two users write there: the
//! collector whose route it is, and the office, an admin of the database, which relays what
//! the others wrote. The database's design document lists each device the office knows with
//! the one user who may write its operations, and its `validate_doc_update` (to which the
//! design document is `this`) refuses anyone else: a collector's login cannot write in the
//! office's name, nor in another collector's. Only a database's admins write its design
//! document.
//!
//! A device the office first hears of on a route's database was written there by that
//! route's collector (the office relays only what it holds), so it is theirs; every other
//! device it knows is written there by the office alone.

use std::collections::BTreeMap;

use serde_json::Value;

use super::couch::{Database, ServerProblem, Transport};
use super::setup::DESIGN;
use crate::sync::hlc::DeviceId;
use crate::sync::version_vector::VersionVector;

/// Device → the user who may write its operations.
pub type Owners = BTreeMap<DeviceId, String>;

/// The owners a route's design document lists.
pub fn listed(design: &Value) -> Owners {
    design
        .get("owners")
        .and_then(Value::as_object)
        .map(|owners| {
            owners
                .iter()
                .filter_map(|(device, user)| {
                    Some((DeviceId(device.clone()), user.as_str()?.to_owned()))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Who in a round with a route's database.
#[derive(Clone, Copy, Debug)]
pub struct RouteUsers<'a> {
    pub office: &'a DeviceId,
    pub office_user: &'a str,
    pub collector_user: &'a str,
}

/// The owners a route's database should list after a round with it: those listed stay as
/// they are; of the devices now known (`known_after`), one first heard of in the round
/// (absent from `known_before`) is the collector's, any other the office's.
pub fn after_round(
    listed: &Owners,
    users: RouteUsers<'_>,
    known_before: &VersionVector,
    known_after: &VersionVector,
) -> Owners {
    let mut owners = listed.clone();
    owners
        .entry(users.office.clone())
        .or_insert_with(|| users.office_user.to_owned());
    for device in known_after.devices() {
        let owner = if known_before.count(device) == 0 {
            users.collector_user
        } else {
            users.office_user
        };
        owners
            .entry(device.clone())
            .or_insert_with(|| owner.to_owned());
    }
    owners
}

/// `design` with `owners` listed, the rest as it is; `None` if it is not an object.
pub fn design_with(mut design: Value, owners: &Owners) -> Option<Value> {
    let owners: serde_json::Map<String, Value> = owners
        .iter()
        .map(|(device, user)| (device.0.clone(), Value::String(user.clone())))
        .collect();
    design
        .as_object_mut()?
        .insert("owners".into(), Value::Object(owners));
    Some(design)
}

/// Lists `owners` in `db`'s design document, which is now `design`.
pub async fn list<T: Transport>(
    db: &Database<'_, T>,
    design: Value,
    owners: &Owners,
) -> Result<(), ServerProblem> {
    let design = design_with(design, owners)
        .ok_or_else(|| ServerProblem::BadReply("a design document that is not an object".into()))?;
    db.put_design(DESIGN, &design).await
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::op::OpId;

    fn known(devices: &[&str]) -> VersionVector {
        let mut vector = VersionVector::default();
        for device in devices {
            vector.observe(&OpId {
                device: DeviceId((*device).into()),
                seq: 1,
            });
        }
        vector
    }

    #[test]
    fn a_device_first_heard_of_on_a_route_is_its_collectors_and_the_rest_the_offices() {
        let office = DeviceId("office".into());
        let users = RouteUsers {
            office: &office,
            office_user: "oficina",
            collector_user: "juan",
        };
        let mut before = Owners::new();
        before.insert(DeviceId("old-phone".into()), "juan".into());
        let owners = after_round(
            &before,
            users,
            &known(&["office", "ana-phone", "old-phone"]),
            &known(&["office", "ana-phone", "old-phone", "juan-phone"]),
        );
        let expected: Owners = [
            ("ana-phone", "oficina"),
            ("juan-phone", "juan"),
            ("office", "oficina"),
            ("old-phone", "juan"),
        ]
        .into_iter()
        .map(|(d, u)| (DeviceId(d.into()), u.to_owned()))
        .collect();
        assert_eq!(owners, expected);
        assert_eq!(
            design_with(serde_json::json!({ "_rev": "1-a" }), &owners).map(|d| listed(&d)),
            Some(owners),
            "what is listed reads back the same"
        );
    }
}
