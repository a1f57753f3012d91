//! Whose work a device's agenda shows: everyone's (the office), one collector's customers, or
//! the accounts handed to one salesperson (`sales_handoff`), who then works them from Hoy
//! like a collector.

use std::collections::BTreeSet;

use super::customer::CustomerId;
use super::latest_fact::latest_of_each;
use super::portfolio::Portfolio;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum AgendaOwner {
    #[default]
    Everyone,
    Collector(String),
    Salesperson(String),
}

impl AgendaOwner {
    /// The customers in this owner's agenda; `None` for everyone's.
    pub fn customers(&self, portfolio: &Portfolio) -> Option<BTreeSet<CustomerId>> {
        match self {
            AgendaOwner::Everyone => None,
            AgendaOwner::Collector(name) => Some(
                portfolio
                    .customers
                    .iter()
                    .filter(|(_, c)| c.collector == *name)
                    .map(|(id, _)| id.clone())
                    .collect(),
            ),
            AgendaOwner::Salesperson(name) => Some(
                latest_of_each(&portfolio.handoffs)
                    .into_iter()
                    .filter(|(_, h)| h.salesperson == *name)
                    .map(|(id, _)| id.clone())
                    .collect(),
            ),
        }
    }

    /// Who signs the messages sent from this agenda; `None` for everyone's.
    pub fn name(&self) -> Option<&str> {
        match self {
            AgendaOwner::Everyone => None,
            AgendaOwner::Collector(name) | AgendaOwner::Salesperson(name) => Some(name),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::customer::Customer;
    use crate::domain::sales_handoff::SalesHandoff;
    use chrono::NaiveDate;

    #[test]
    fn a_salesperson_sees_the_accounts_handed_to_them_and_a_collector_their_own() {
        let mut p = Portfolio::default();
        for (id, collector) in [("c1", "Ana"), ("c2", "Ana"), ("c3", "Luis")] {
            let customer = Customer {
                collector: collector.into(),
                ..Customer::default()
            };
            p.customers.insert(CustomerId(id.into()), customer);
        }
        p.handoffs.insert(
            "op:1".into(),
            SalesHandoff {
                customer: CustomerId("c3".into()),
                salesperson: "Carlos".into(),
                note: "Ofrecer cambio".into(),
                on: NaiveDate::from_ymd_opt(2026, 11, 20).expect("date"),
                by: "Oficina".into(),
            },
        );
        let ids = |owner: AgendaOwner| {
            owner
                .customers(&p)
                .map(|set| set.into_iter().map(|c| c.0.to_string()).collect::<Vec<_>>())
        };
        assert_eq!(ids(AgendaOwner::Everyone), None);
        assert_eq!(
            ids(AgendaOwner::Collector("Ana".into())),
            Some(vec!["c1".into(), "c2".into()])
        );
        assert_eq!(
            ids(AgendaOwner::Salesperson("Carlos".into())),
            Some(vec!["c3".into()])
        );
    }
}
