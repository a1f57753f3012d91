//! The app lock's rules: what a PIN or passphrase must be, how long a person waits after wrong
//! attempts, and when an idle app locks itself. A lost phone must give nothing away, so a
//! guess costs time; a collector who mistypes once or twice must not be held up. Moments are
//! milliseconds since the epoch and come in as arguments: nothing here reads a clock.

use serde::{Deserialize, Serialize};

/// A PIN is digits only, at least this many.
pub const MIN_PIN_DIGITS: usize = 6;
/// Anything else is a passphrase, at least this many characters.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecretProblem {
    PinTooShort,
    PassphraseTooShort,
    /// One digit repeated or a run up or down («111111», «123456», «987654»): the first
    /// guesses of anyone who finds the phone.
    PinGuessable,
}

/// Whether `secret` may lock the app.
pub fn check_secret(secret: &str) -> Result<(), SecretProblem> {
    let digits: Vec<u32> = secret.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() == secret.chars().count() {
        if digits.len() < MIN_PIN_DIGITS {
            return Err(SecretProblem::PinTooShort);
        }
        // Each digit's step from the one before, around the dial: «90» goes up by one.
        let steps: Vec<u32> = digits
            .windows(2)
            .map(|pair| (pair[1] + 10 - pair[0]) % 10)
            .collect();
        let same_step = steps.windows(2).all(|pair| pair[0] == pair[1]);
        if same_step && steps.first().is_some_and(|step| [0, 1, 9].contains(step)) {
            return Err(SecretProblem::PinGuessable);
        }
        return Ok(());
    }
    if secret.trim().chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(SecretProblem::PassphraseTooShort);
    }
    Ok(())
}

/// Wrong attempts in a row that cost nothing: a typo, then another.
pub const FREE_ATTEMPTS: u32 = 2;
/// The wait after the first attempt that costs, doubled after each further one.
pub const FIRST_WAIT_MS: u64 = 30_000;
/// The longest wait: a collector who truly forgot has «Olvidé mi PIN».
pub const LONGEST_WAIT_MS: u64 = 3_600_000;

/// The wrong attempts since the last right one, kept where a reload does not reset them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempts {
    pub failures: u32,
    pub last_failure_ms: u64,
}

impl Attempts {
    /// How long after the last wrong attempt the next one may be made.
    pub fn wait_ms(&self) -> u64 {
        let Some(costly) = self.failures.checked_sub(FREE_ATTEMPTS + 1) else {
            return 0;
        };
        1u64.checked_shl(costly)
            .and_then(|doubling| FIRST_WAIT_MS.checked_mul(doubling))
            .map_or(LONGEST_WAIT_MS, |wait| wait.min(LONGEST_WAIT_MS))
    }

    /// The first moment another attempt may be made.
    pub fn next_attempt_ms(&self) -> u64 {
        self.last_failure_ms.saturating_add(self.wait_ms())
    }

    /// Milliseconds still to wait at `now_ms`; zero when an attempt may be made.
    pub fn waiting_ms(&self, now_ms: u64) -> u64 {
        self.next_attempt_ms().saturating_sub(now_ms)
    }

    /// After a wrong attempt at `now_ms`.
    pub fn failed(self, now_ms: u64) -> Attempts {
        Attempts {
            failures: self.failures.saturating_add(1),
            last_failure_ms: now_ms,
        }
    }
}

/// How long an untouched app stays open, unless the company sets another.
pub const DEFAULT_IDLE_MINUTES: u32 = 5;
/// The idle minutes a company may set.
pub const IDLE_MINUTES: std::ops::RangeInclusive<u32> = 1..=240;

/// What the company asks of every device's lock.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockPolicy {
    /// Every device must be locked with a PIN: one without is asked for it before anything
    /// else.
    #[serde(default)]
    pub required: bool,
    /// Minutes an untouched app stays open.
    #[serde(default = "default_idle_minutes")]
    pub idle_minutes: u32,
}

fn default_idle_minutes() -> u32 {
    DEFAULT_IDLE_MINUTES
}

impl Default for LockPolicy {
    fn default() -> Self {
        LockPolicy {
            required: false,
            idle_minutes: DEFAULT_IDLE_MINUTES,
        }
    }
}

/// Whether an app last used at `last_active_ms` must be locked at `now_ms`. A clock that went
/// back (the phone's time changed) locks too: the app cannot tell how long it was away.
pub fn idle_expired(last_active_ms: u64, now_ms: u64, idle_minutes: u32) -> bool {
    let limit = u64::from(idle_minutes) * 60_000;
    now_ms < last_active_ms || now_ms - last_active_ms >= limit
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pin_is_six_digits_or_more_and_not_the_first_guess() {
        assert_eq!(check_secret("48291"), Err(SecretProblem::PinTooShort));
        assert_eq!(check_secret("482917"), Ok(()));
        for guess in ["000000", "111111", "123456", "987654", "1234567890"] {
            assert_eq!(
                check_secret(guess),
                Err(SecretProblem::PinGuessable),
                "{guess}"
            );
        }
        assert_eq!(check_secret("135791"), Ok(()), "steps of two are not a run");
        assert_eq!(check_secret("9012345"), Err(SecretProblem::PinGuessable));
    }

    #[test]
    fn a_passphrase_is_eight_characters_or_more() {
        assert_eq!(
            check_secret("cobro 1"),
            Err(SecretProblem::PassphraseTooShort)
        );
        assert_eq!(
            check_secret("        x"),
            Err(SecretProblem::PassphraseTooShort),
            "spaces around do not count"
        );
        assert_eq!(check_secret("ruta del norte"), Ok(()));
    }

    #[test]
    fn two_typos_are_free_then_each_wrong_attempt_doubles_the_wait() {
        let mut attempts = Attempts::default();
        let mut waits = Vec::new();
        for n in 0..10u64 {
            attempts = attempts.failed(1_000 * n);
            waits.push(attempts.wait_ms() / 1_000);
        }
        assert_eq!(waits, [0, 0, 30, 60, 120, 240, 480, 960, 1920, 3600]);
        assert_eq!(attempts.next_attempt_ms(), 9_000 + LONGEST_WAIT_MS);
        assert_eq!(attempts.waiting_ms(9_000 + LONGEST_WAIT_MS - 1), 1);
        assert_eq!(attempts.waiting_ms(9_000 + LONGEST_WAIT_MS), 0);
        let many = Attempts {
            failures: u32::MAX,
            last_failure_ms: 0,
        };
        assert_eq!(many.wait_ms(), LONGEST_WAIT_MS, "never overflows");
    }

    #[test]
    fn idle_past_the_limit_or_a_clock_turned_back_locks() {
        let minute = 60_000;
        assert!(!idle_expired(0, 5 * minute - 1, 5));
        assert!(idle_expired(0, 5 * minute, 5));
        assert!(idle_expired(10 * minute, minute, 5), "clock turned back");
    }
}
