//! Amounts as people type them: "1.234.567,89" in Colombia, "1,234,567.89" in the United
//! States, "$ 450.000", "1234567". The file's decimal separator is detected from all its
//! amounts and confirmed by the person on the preview; each amount is then read strictly.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecimalSeparator {
    Comma,
    Dot,
}

impl DecimalSeparator {
    fn char(self) -> char {
        match self {
            DecimalSeparator::Comma => ',',
            DecimalSeparator::Dot => '.',
        }
    }

    fn group(self) -> char {
        match self {
            DecimalSeparator::Comma => '.',
            DecimalSeparator::Dot => ',',
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AmountProblem {
    Missing,
    NotANumber(String),
    Negative(String),
    /// More digits than any invoice has: a pasted id or a spreadsheet formula gone wrong.
    TooLarge(String),
}

impl fmt::Display for AmountProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AmountProblem::Missing => f.write_str("the amount is missing"),
            AmountProblem::NotANumber(text) => write!(f, "{text:?} is not an amount"),
            AmountProblem::Negative(text) => write!(f, "{text:?} is negative"),
            AmountProblem::TooLarge(text) => write!(f, "{text:?} is too large"),
        }
    }
}

/// Amounts above a thousand trillion are refused as mistakes.
const MAX_WHOLE_DIGITS: usize = 15;

/// Reads one amount with the file's decimal separator; thousands separators must group by
/// three, so "1.23.4" is refused rather than read as something nobody wrote.
pub fn parse_amount(cell: &str, separator: DecimalSeparator) -> Result<Decimal, AmountProblem> {
    let trimmed = cell.trim();
    // A currency code after the number ("2.500.000 COP"), but never the letters of a word.
    let without_code = trimmed.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let base = if without_code
        .trim_end()
        .ends_with(|c: char| c.is_ascii_digit())
    {
        without_code
    } else {
        trimmed
    };
    let text: String = base
        .trim_start_matches('$')
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '$')
        .collect();
    if text.is_empty() {
        return Err(AmountProblem::Missing);
    }
    if text.starts_with('-') || (text.starts_with('(') && text.ends_with(')')) {
        return Err(AmountProblem::Negative(cell.trim().to_owned()));
    }
    let not_a_number = || AmountProblem::NotANumber(cell.trim().to_owned());
    let (whole, fraction) = match text.split_once(separator.char()) {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text.as_str(), None),
    };
    let groups: Vec<&str> = whole.split(separator.group()).collect();
    let grouped_by_three = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !grouped_by_three
        || !groups.iter().all(|g| digits(g))
        || fraction.is_some_and(|f| !digits(f))
    {
        return Err(not_a_number());
    }
    let whole_digits = groups.concat();
    if whole_digits.trim_start_matches('0').len() > MAX_WHOLE_DIGITS {
        return Err(AmountProblem::TooLarge(cell.trim().to_owned()));
    }
    let plain = match fraction {
        Some(fraction) => format!("{whole_digits}.{fraction}"),
        None => whole_digits,
    };
    Decimal::from_str(&plain).map_err(|_| not_a_number())
}

/// The decimal separator the file's amounts point to. An amount with both marks shows it (the
/// last one); one mark used twice is a thousands separator; one mark followed by one or two
/// digits is decimal. "1.234" alone proves nothing. Without evidence: the comma, as written
/// in Colombia.
pub fn detect_separator<'a>(cells: impl IntoIterator<Item = &'a str>) -> DecimalSeparator {
    let (mut comma, mut dot) = (0usize, 0usize);
    for cell in cells {
        let cell = cell.trim();
        let last_comma = cell.rfind(',');
        let last_dot = cell.rfind('.');
        let vote = match (last_comma, last_dot) {
            (Some(c), Some(d)) => Some(if c > d {
                DecimalSeparator::Comma
            } else {
                DecimalSeparator::Dot
            }),
            (Some(c), None) => evidence(cell, ',', c, DecimalSeparator::Comma),
            (None, Some(d)) => evidence(cell, '.', d, DecimalSeparator::Dot),
            (None, None) => None,
        };
        match vote {
            Some(DecimalSeparator::Comma) => comma += 1,
            Some(DecimalSeparator::Dot) => dot += 1,
            None => {}
        }
    }
    if dot > comma {
        DecimalSeparator::Dot
    } else {
        DecimalSeparator::Comma
    }
}

fn evidence(
    cell: &str,
    mark: char,
    last: usize,
    as_decimal: DecimalSeparator,
) -> Option<DecimalSeparator> {
    let after = cell[last + mark.len_utf8()..]
        .chars()
        .filter(char::is_ascii_digit)
        .count();
    if cell.matches(mark).count() > 1 {
        Some(match as_decimal {
            DecimalSeparator::Comma => DecimalSeparator::Dot,
            DecimalSeparator::Dot => DecimalSeparator::Comma,
        })
    } else if (1..=2).contains(&after) {
        Some(as_decimal)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::dec;

    use DecimalSeparator::{Comma, Dot};

    #[test]
    fn colombian_and_us_amounts_read_the_same() {
        assert_eq!(parse_amount("1.234.567,89", Comma), Ok(dec!(1234567.89)));
        assert_eq!(parse_amount("1,234,567.89", Dot), Ok(dec!(1234567.89)));
        assert_eq!(parse_amount("$ 450.000", Comma), Ok(dec!(450000)));
        assert_eq!(parse_amount("450000", Comma), Ok(dec!(450000)));
        assert_eq!(parse_amount("450000,5", Comma), Ok(dec!(450000.5)));
        assert_eq!(parse_amount(" 2.500.000 COP ", Comma), Ok(dec!(2500000)));
        assert_eq!(parse_amount("0", Dot), Ok(dec!(0)));
    }

    #[test]
    fn bad_amounts_say_what_is_wrong() {
        assert_eq!(parse_amount("", Comma), Err(AmountProblem::Missing));
        assert_eq!(
            parse_amount("-45.000", Comma),
            Err(AmountProblem::Negative("-45.000".into()))
        );
        assert_eq!(
            parse_amount("(45.000)", Comma),
            Err(AmountProblem::Negative("(45.000)".into()))
        );
        assert_eq!(
            parse_amount("abc", Comma),
            Err(AmountProblem::NotANumber("abc".into()))
        );
        assert_eq!(
            parse_amount("1.23.4", Comma),
            Err(AmountProblem::NotANumber("1.23.4".into()))
        );
        assert_eq!(
            parse_amount("1,234.5", Comma),
            Err(AmountProblem::NotANumber("1,234.5".into()))
        );
        assert_eq!(
            parse_amount("12e5", Dot),
            Err(AmountProblem::NotANumber("12e5".into()))
        );
        assert_eq!(
            parse_amount("=SUM(A1:A4)", Dot),
            Err(AmountProblem::NotANumber("=SUM(A1:A4)".into()))
        );
        assert!(matches!(
            parse_amount("99999999999999999999999", Dot),
            Err(AmountProblem::TooLarge(_))
        ));
    }

    #[test]
    fn the_separator_follows_the_evidence_in_the_file() {
        assert_eq!(detect_separator(["1.234.567", "450.000,50"]), Comma);
        assert_eq!(detect_separator(["1,234,567", "450,000.50"]), Dot);
        assert_eq!(detect_separator(["12.5", "3.75", "1.000"]), Dot);
        assert_eq!(detect_separator(["1.000", "2.000"]), Comma);
        assert_eq!(detect_separator(["450000"]), Comma);
    }
}
