use crate::domain::app_lock::SecretProblem;

/// The app lock: its screen and its place in Ajustes.
pub struct LockTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub secret: &'static str,
    pub unlock: &'static str,
    pub unlocking: &'static str,
    pub wrong: &'static str,
    /// Seconds still to wait before the next attempt.
    pub wait: fn(u64) -> String,
    pub failed: &'static str,
    pub settings_title: &'static str,
    /// What the lock does, with the articles that ask for it.
    pub settings_help: &'static str,
    pub sealed_note: &'static str,
    pub new_secret: &'static str,
    pub repeat_secret: &'static str,
    pub current_secret: &'static str,
    pub set_pin: &'static str,
    pub change_pin: &'static str,
    pub lock_now: &'static str,
    pub pin_set: &'static str,
    pub pin_changed: &'static str,
    pub mismatch: &'static str,
    pub wrong_current: &'static str,
    pub problem: fn(SecretProblem) -> &'static str,
    pub idle_minutes: &'static str,
    pub company_title: &'static str,
    pub required: &'static str,
    pub minutes_wrong: &'static str,
    pub request_title: &'static str,
    pub request_intro: &'static str,
    pub request_required: &'static str,
    pub not_now: &'static str,
    pub forgot: &'static str,
    /// What erasing the device loses: this many operations held nowhere else.
    pub forgot_explain: fn(u64) -> String,
    pub erase: fn(u64) -> String,
    pub keep_trying: &'static str,
}
