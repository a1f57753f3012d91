//! A customer's screen is worked out on that customer's own records (`Portfolio::of_customer`)
//! and must show exactly what the whole portfolio says about them; Hoy's open accounts, worked
//! out from one allocation, are the standings and open items worked out apart.

#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "common/events.rs"]
mod events;

use chrono::NaiveDate;
use cobranza::domain::account::invoice_lines;
use cobranza::domain::customer::CustomerId;
use cobranza::domain::promise_outcome::broken_promises;
use cobranza::domain::reminder::open_items;
use cobranza::domain::timeline::timeline;
use common::DeviceLog;
use events::event;
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn a_customers_own_records_say_what_the_whole_portfolio_says_of_them(
        events in prop::collection::vec(event(), 0..60),
        day in 0..200u32,
    ) {
        let mut log = DeviceLog::new("office");
        log.append(events);
        let portfolio = log.projection().portfolio();
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).expect("valid date")
            + chrono::Days::new(u64::from(day));
        let standings = portfolio.standings(today);
        let mut items = open_items(&portfolio, today);
        let accounts = portfolio.open_accounts(today);
        prop_assert_eq!(&accounts.standings, &standings);
        prop_assert_eq!(&accounts.items, &items);
        for c in 0..3 {
            let customer = CustomerId(format!("c{c}").into());
            let own = portfolio.of_customer(&customer);
            prop_assert_eq!(
                invoice_lines(&own, &customer, today),
                invoice_lines(&portfolio, &customer, today)
            );
            prop_assert_eq!(
                timeline(&own, &customer, today),
                timeline(&portfolio, &customer, today)
            );
            prop_assert_eq!(
                broken_promises(&own, &customer, today),
                broken_promises(&portfolio, &customer, today)
            );
            prop_assert_eq!(
                open_items(&own, today).remove(&customer),
                items.remove(&customer)
            );
            prop_assert_eq!(
                own.standings(today).remove(&customer),
                standings.get(&customer).cloned()
            );
        }
    }
}
