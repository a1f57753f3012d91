//! An account handed to its salesperson («vendedor») with a note: for the hardest accounts
//! collection practice asks sales to step in, since they know the customer and what future
//! business is at stake. The account shows in the salesperson's own agenda until it is handed
//! to someone else.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::customer::CustomerId;
use super::latest_fact::{latest_of_each, CustomerFact};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SalesHandoff {
    pub customer: CustomerId,
    pub salesperson: String,
    /// What the salesperson should know or do: required, a handoff without one is a shrug.
    pub note: String,
    #[serde(with = "crate::domain::wire::day")]
    pub on: NaiveDate,
    /// Who handed it: the device's name when it was written.
    pub by: String,
}

impl CustomerFact for SalesHandoff {
    fn customer(&self) -> &CustomerId {
        &self.customer
    }

    fn on(&self) -> NaiveDate {
        self.on
    }
}

/// The salespeople some account is handed to now, in alphabetical order.
pub fn salespeople_handed(handoffs: &BTreeMap<String, SalesHandoff>) -> Vec<String> {
    let named: BTreeSet<&str> = latest_of_each(handoffs)
        .values()
        .map(|h| h.salesperson.as_str())
        .collect();
    named.into_iter().map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn handoff(customer: &str, salesperson: &str, day: u32) -> SalesHandoff {
        SalesHandoff {
            customer: CustomerId(customer.into()),
            salesperson: salesperson.into(),
            note: "Ofrecer cambio de mercancía".into(),
            on: NaiveDate::from_ymd_opt(2026, 11, day).expect("date"),
            by: "Oficina".into(),
        }
    }

    #[test]
    fn an_account_stays_with_the_last_salesperson_it_was_handed_to() {
        let handoffs: BTreeMap<String, SalesHandoff> = [
            ("a:2", handoff("c1", "Carlos", 3)),
            ("b:1", handoff("c1", "Lucía", 5)),
            ("a:3", handoff("c2", "Carlos", 4)),
        ]
        .into_iter()
        .map(|(id, h)| (id.to_owned(), h))
        .collect();
        let latest = latest_of_each(&handoffs);
        assert_eq!(latest[&CustomerId("c1".into())].salesperson, "Lucía");
        assert_eq!(salespeople_handed(&handoffs), vec!["Carlos", "Lucía"]);
    }
}
