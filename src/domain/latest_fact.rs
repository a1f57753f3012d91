//! The latest of a customer's dated facts of one kind: the handoff that says which salesperson
//! holds the account, the filing that says where its bureau report stands. Facts are kept by
//! the id of the operation that wrote them, so ties on one day go to the later id, the same on
//! every device.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::customer::CustomerId;

pub trait CustomerFact {
    fn customer(&self) -> &CustomerId;
    fn on(&self) -> NaiveDate;
}

/// Each customer's latest fact among `facts`.
pub fn latest_of_each<T: CustomerFact>(facts: &BTreeMap<String, T>) -> BTreeMap<&CustomerId, &T> {
    let mut latest: BTreeMap<&CustomerId, &T> = BTreeMap::new();
    for fact in facts.values() {
        if latest
            .get(fact.customer())
            .is_none_or(|held| held.on() <= fact.on())
        {
            latest.insert(fact.customer(), fact);
        }
    }
    latest
}
