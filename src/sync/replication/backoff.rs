//! How long to wait before trying a server again after a failure: PouchDB's curve. The first
//! wait is short and random (so that a whole office coming back online does not knock at
//! once), each next one between the last and twice it, never more than ten minutes. A
//! success starts the curve over.

/// The longest wait between two tries.
pub const MAX_WAIT_MS: u64 = 10 * 60 * 1000;
const FIRST_WAIT_MS: u64 = 2_000;

/// The wait after `previous_ms` (zero after a success), with `draw` any random number.
pub fn next_wait(previous_ms: u64, draw: u64) -> u64 {
    let wait = if previous_ms == 0 {
        1 + draw % FIRST_WAIT_MS
    } else {
        previous_ms + draw % (previous_ms + 1)
    };
    wait.min(MAX_WAIT_MS)
}

// proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn waits_grow_at_most_twofold_up_to_ten_minutes(draws in prop::collection::vec(any::<u64>(), 1..40)) {
            let mut wait = 0;
            for draw in draws {
                let next = next_wait(wait, draw);
                prop_assert!((1..=MAX_WAIT_MS).contains(&next));
                if wait == 0 {
                    prop_assert!(next <= FIRST_WAIT_MS);
                } else {
                    prop_assert!((wait.min(MAX_WAIT_MS)..=(2 * wait).min(MAX_WAIT_MS)).contains(&next));
                }
                wait = next;
            }
        }
    }
}
