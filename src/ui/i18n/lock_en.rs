use super::lock::LockTexts;
use crate::domain::app_lock::SecretProblem;

pub static LOCK: LockTexts = LockTexts {
    title: "Cobranza is locked",
    intro: "Type your PIN or passphrase to see the portfolio.",
    secret: "PIN or passphrase",
    unlock: "Unlock",
    unlocking: "Opening…",
    wrong: "That is not the PIN. Try again.",
    wait: |seconds| format!("Too many attempts: wait {seconds} s to try again."),
    failed: "The data could not be opened; nothing was changed.",
    settings_title: "App lock",
    settings_help: "With a PIN of at least 6 digits (not repeated or in a run, like 111111 or 123456) or a passphrase of at least 8 characters, customer data and amounts are stored encrypted on this device and the app locks after a few idle minutes: a lost phone shows nothing. The business answers for the security of personal data (Ley 1581 de 2012, arts. 4 g and 17 d).",
    sealed_note: "This device's data is encrypted under your PIN.",
    new_secret: "New PIN or passphrase",
    repeat_secret: "Repeat it",
    current_secret: "Current PIN or passphrase",
    set_pin: "Encrypt and lock with this PIN",
    change_pin: "Change the PIN",
    lock_now: "Lock now",
    pin_set: "Done: this device's data is now encrypted.",
    pin_changed: "PIN changed. The data is unchanged.",
    mismatch: "The two do not match. Nothing was changed.",
    wrong_current: "The current PIN is not right. Nothing was changed.",
    problem: |problem| match problem {
        SecretProblem::PinTooShort => "The PIN needs at least 6 digits.",
        SecretProblem::PassphraseTooShort => "The passphrase needs at least 8 characters.",
        SecretProblem::PinGuessable => "That PIN is among the first anyone would try; choose another.",
    },
    idle_minutes: "Lock after these idle minutes",
    forgot: "I forgot my PIN",
    forgot_explain: |n| match n {
        0 => "Everything done on this device is already at the office or on the server. If you erase its data, it fills again from the office (route bundle or server) with nothing lost.".to_owned(),
        1 => "Erasing this device's data loses 1 operation of yours that neither the office nor the server has received (a payment, a contact, a promise…). If you can, remember the PIN and send it first. The rest comes back from the office (route bundle or server).".to_owned(),
        n => format!("Erasing this device's data loses {n} operations of yours that neither the office nor the server has received (payments, contacts, promises…). If you can, remember the PIN and send them first. The rest comes back from the office (route bundle or server)."),
    },
    erase: |n| match n {
        0 => "Erase this device's data".to_owned(),
        1 => "Erase and lose 1 operation".to_owned(),
        n => format!("Erase and lose {n} operations"),
    },
    keep_trying: "Try the PIN again",
};
