//! Colombian NIT check digit ("dígito de verificación"), DIAN's modulo-11 rule.

const WEIGHTS: [u32; 15] = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];

/// The check digit of a NIT given without it; `None` if it is not 1 to 15 digits.
pub fn nit_check_digit(nit: &str) -> Option<u32> {
    if nit.is_empty() || nit.len() > WEIGHTS.len() {
        return None;
    }
    let mut sum = 0;
    for (digit, weight) in nit.chars().rev().zip(WEIGHTS) {
        sum += digit.to_digit(10)? * weight;
    }
    Some(match sum % 11 {
        r @ (0 | 1) => r,
        r => 11 - r,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_nits_get_their_published_check_digit() {
        assert_eq!(nit_check_digit("800197268"), Some(4)); // DIAN
        assert_eq!(nit_check_digit("899999068"), Some(1)); // Ecopetrol
        assert_eq!(nit_check_digit("860034313"), Some(7)); // Davivienda
    }

    #[test]
    fn non_numeric_or_empty_nits_have_none() {
        assert_eq!(nit_check_digit(""), None);
        assert_eq!(nit_check_digit("80019A268"), None);
        assert_eq!(nit_check_digit("1234567890123456"), None);
    }
}
