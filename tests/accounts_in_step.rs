//! After each operation the app brings the portfolio and the open accounts up to date by
//! redoing only what the operation reaches. Whatever the operations and the order they arrive
//! in (a void before its payment, a resolution before its dispute, an invoice moved to
//! another customer, the same operation twice), that must equal building both afresh.

#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "common/events.rs"]
mod events;

use chrono::NaiveDate;
use cobranza::domain::portfolio::Portfolio;
use cobranza::domain::standing::OpenAccounts;
use cobranza::sync::op::Op;
use cobranza::sync::projection::Projection;
use common::DeviceLog;
use events::{account_event, event};
use proptest::prelude::*;

/// Three devices' logs, interleaved in an arbitrary order, some operations arriving twice.
fn arrivals() -> impl Strategy<Value = Vec<Op>> {
    let edit = prop_oneof![event(), account_event()];
    (
        prop::collection::vec((0..3usize, edit), 0..50),
        prop::collection::vec((any::<u32>(), any::<bool>()), 50),
    )
        .prop_map(|(edits, arrival)| {
            let mut logs: Vec<DeviceLog> =
                (0..3).map(|d| DeviceLog::new(&format!("d{d}"))).collect();
            for (device, edit) in edits {
                logs[device].append(vec![edit]);
            }
            let mut ops: Vec<(u32, Op)> = Vec::new();
            for (n, op) in logs.into_iter().flat_map(|log| log.ops).enumerate() {
                let (when, twice) = arrival[n % arrival.len()];
                if twice {
                    ops.push((when / 2, op.clone()));
                }
                ops.push((when, op));
            }
            ops.sort_by_key(|(when, _)| *when);
            ops.into_iter().map(|(_, op)| op).collect()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn the_portfolio_and_accounts_kept_up_to_date_equal_those_built_afresh(
        ops in arrivals(),
        day in 0..200u32,
        batch in 1..8usize,
    ) {
        let today = NaiveDate::from_ymd_opt(2026, 1, 1).expect("valid date")
            + chrono::Days::new(u64::from(day));
        let mut projection = Projection::default();
        let mut portfolio = Portfolio::default();
        let mut accounts = OpenAccounts::default();
        // A payment arrives alone, an import many at once.
        for batch in ops.chunks(batch) {
            for op in batch {
                projection.apply(op);
            }
            let touched = projection.refresh(&mut portfolio, batch);
            accounts.refresh(&portfolio, &touched, today);
            prop_assert_eq!(&portfolio, &projection.portfolio(), "after {:?}", batch);
            prop_assert_eq!(&accounts, &portfolio.open_accounts(today), "after {:?}", batch);
        }
    }
}
