//! The Cartera list's filters: words to search, an aging bucket, a city, a collector, and
//! whether the customer's credit is withdrawn or its limit used up.

use super::aging::AgingBuckets;
use super::customer::{Customer, CustomerId};
use super::search::{fold, matches};
use super::standing::Standing;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CustomerFilter {
    /// Already folded with `search::fold`.
    pub query: String,
    /// The bucket the customer's oldest open amount is in.
    pub bucket: Option<usize>,
    pub city: Option<String>,
    /// `Some("")` asks for the customers nobody is assigned to.
    pub collector: Option<String>,
    /// Only customers whose credit is withdrawn.
    pub on_hold: bool,
    /// Only customers whose balance uses their whole credit limit («sobre el cupo»).
    pub over_limit: bool,
}

impl CustomerFilter {
    pub fn with_query(mut self, query: &str) -> Self {
        self.query = fold(query);
        self
    }

    pub fn is_empty(&self) -> bool {
        *self == CustomerFilter::default()
    }

    pub fn accepts(
        &self,
        id: &CustomerId,
        customer: &Customer,
        standing: &Standing,
        on_hold: bool,
        buckets: &AgingBuckets,
    ) -> bool {
        let in_bucket = self.bucket.is_none_or(|bucket| {
            !standing.balance.is_zero() && buckets.index_for(standing.oldest_days_overdue) == bucket
        });
        let same = |wanted: &Option<String>, value: &str| {
            wanted
                .as_ref()
                .is_none_or(|wanted| fold(wanted) == fold(value))
        };
        in_bucket
            && (on_hold || !self.on_hold)
            && (!self.over_limit || customer.credit_terms.over_limit(&standing.balance))
            && same(&self.city, &customer.city)
            && same(&self.collector, &customer.collector)
            && matches(id, customer, &self.query)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::money::{Currency, Money};
    use rust_decimal::dec;

    #[test]
    fn filters_combine_and_paid_up_customers_are_in_no_bucket() {
        let customer = Customer {
            name: "Tienda La 14".into(),
            city: "Cali".into(),
            collector: String::new(),
            ..Customer::default()
        };
        let id = CustomerId("c".into());
        let mut late = Standing {
            oldest_days_overdue: 45,
            ..Standing::default()
        };
        late.balance.add(Money::new(dec!(10), Currency::COP));
        let buckets = AgingBuckets::default();
        let filter =
            |f: CustomerFilter, s: &Standing| f.accepts(&id, &customer, s, false, &buckets);
        let held = CustomerFilter {
            on_hold: true,
            ..CustomerFilter::default()
        };
        assert!(!filter(held.clone(), &late));
        assert!(held.accepts(&id, &customer, &late, true, &buckets));
        let bucket_31_60 = CustomerFilter {
            bucket: Some(2),
            ..CustomerFilter::default()
        };
        assert!(filter(bucket_31_60.clone(), &late));
        assert!(!filter(bucket_31_60, &Standing::default()));
        let cali_unassigned = CustomerFilter {
            city: Some("cali".into()),
            collector: Some(String::new()),
            ..CustomerFilter::default()
        };
        assert!(filter(cali_unassigned.clone(), &late));
        assert!(!filter(cali_unassigned.with_query("éxito"), &late));
        let over = CustomerFilter {
            over_limit: true,
            ..CustomerFilter::default()
        };
        assert!(!filter(over.clone(), &late), "no limit, never over it");
        let limited = Customer {
            credit_terms: crate::domain::credit_terms::CreditTerms {
                payment_days: None,
                limits: vec![Money::new(dec!(10), Currency::COP)],
            },
            ..customer.clone()
        };
        assert!(over.accepts(&id, &limited, &late, false, &buckets));
        assert!(!over.accepts(&id, &limited, &Standing::default(), false, &buckets));
    }
}
