//! Cash receipts ("recibos de caja"): numbered per device, so two collectors offline never
//! issue the same number and no server hands numbers out. A number is never reused, not even
//! after its payment is voided: the void is part of the record.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Characters of the issuing device's id shown in the number: enough to tell a team's devices
/// apart on paper, while the full id keeps the number unique in the data.
const CODE_LENGTH: usize = 6;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Receipt {
    /// The id of the device that issued it.
    pub issuer: String,
    /// 1, 2, 3… on each device, without gaps.
    pub counter: u64,
}

impl Receipt {
    /// The next receipt `issuer` gives, after every one it gave before.
    pub fn next<'a>(issuer: &str, issued: impl IntoIterator<Item = &'a Receipt>) -> Receipt {
        let last = issued
            .into_iter()
            .filter(|r| r.issuer == issuer)
            .map(|r| r.counter)
            .max()
            .unwrap_or(0);
        Receipt {
            issuer: issuer.to_owned(),
            counter: last + 1,
        }
    }

    pub fn device_code(&self) -> String {
        device_code(&self.issuer)
    }
}

/// The start of a device's id that a printed number shows ("3F9A1C"): a receipt's, or any
/// other number a device gives without asking anyone.
pub fn device_code(device: &str) -> String {
    device
        .chars()
        .take(CODE_LENGTH)
        .collect::<String>()
        .to_uppercase()
}

/// "RC-3F9A1C-000012", as printed on the receipt.
impl fmt::Display for Receipt {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "RC-{}-{:06}", self.device_code(), self.counter)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_device_counts_its_own_receipts_from_one() {
        let a = "3f9a1c00aa";
        let b = "77e0d2ffbb";
        let first = Receipt::next(a, []);
        assert_eq!(first.to_string(), "RC-3F9A1C-000001");
        let issued = [first.clone(), Receipt::next(b, [])];
        let second = Receipt::next(a, &issued);
        assert_eq!(
            second.counter, 2,
            "the other device's receipt is not counted"
        );
        assert_eq!(Receipt::next(b, &issued).to_string(), "RC-77E0D2-000002");
    }

    #[test]
    fn numbers_are_never_reused_even_with_gaps_in_what_is_known() {
        let a = "abc123";
        let issued = [
            Receipt {
                issuer: a.into(),
                counter: 7,
            },
            Receipt {
                issuer: a.into(),
                counter: 3,
            },
        ];
        assert_eq!(Receipt::next(a, &issued).counter, 8);
    }
}
