//! From bytes to text: UTF-8 with or without BOM, and which delimiter the file uses.

use std::fmt;

/// Why a file's bytes are not a CSV text we can read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EncodingProblem {
    /// Saved as UTF-16 ("Unicode text" in Excel).
    Utf16,
    /// Not UTF-8; most often Excel's "CSV (delimitado por comas)" in Windows-1252.
    NotUtf8 {
        line: usize,
    },
    Empty,
}

impl fmt::Display for EncodingProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EncodingProblem::Utf16 => f.write_str("the file is UTF-16, not UTF-8"),
            EncodingProblem::NotUtf8 { line } => write!(f, "line {line} is not valid UTF-8"),
            EncodingProblem::Empty => f.write_str("the file is empty"),
        }
    }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// The file's text without a byte-order mark.
pub fn decode(bytes: &[u8]) -> Result<&str, EncodingProblem> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(EncodingProblem::Utf16);
    }
    let bytes = bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|error| {
        let valid = &bytes[..error.valid_up_to()];
        EncodingProblem::NotUtf8 {
            line: 1 + valid.iter().filter(|b| **b == b'\n').count(),
        }
    })?;
    if text.trim().is_empty() {
        return Err(EncodingProblem::Empty);
    }
    Ok(text)
}

/// The delimiter of the header line: a semicolon (Excel in Spanish-speaking locales, where the
/// comma is the decimal separator), a tab, or a comma; whichever appears most outside quotes.
pub fn detect_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for byte in header.bytes() {
        if byte == b'"' {
            quoted = !quoted;
        } else if !quoted {
            for (delimiter, count) in counts.iter_mut() {
                if byte == *delimiter {
                    *count += 1;
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(delimiter, count)| (*count, *delimiter == b','))
        .map(|(delimiter, _)| *delimiter)
        .unwrap_or(b',')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_byte_order_mark_is_dropped() {
        assert_eq!(decode(b"\xEF\xBB\xBFnit;cliente\n"), Ok("nit;cliente\n"));
        assert_eq!(decode(b"nit,cliente\n"), Ok("nit,cliente\n"));
    }

    #[test]
    fn windows_1252_text_is_refused_with_its_line() {
        // "Bogotá" in Windows-1252 on the third line.
        let bytes = b"nit;ciudad\n800;Cali\n900;Bogot\xE1\n";
        assert_eq!(decode(bytes), Err(EncodingProblem::NotUtf8 { line: 3 }));
    }

    #[test]
    fn utf16_and_empty_files_are_named_as_such() {
        assert_eq!(decode(b"\xFF\xFEn\x00i\x00"), Err(EncodingProblem::Utf16));
        assert_eq!(decode(b"  \n\n"), Err(EncodingProblem::Empty));
        assert_eq!(decode(b""), Err(EncodingProblem::Empty));
    }

    #[test]
    fn the_delimiter_is_the_most_frequent_one_outside_quotes() {
        assert_eq!(detect_delimiter("nit;cliente;valor\n1;\"A, B\";2"), b';');
        assert_eq!(detect_delimiter("nit,cliente,valor\n"), b',');
        assert_eq!(detect_delimiter("\"Cliente; S.A.\",nit,valor\n"), b',');
        assert_eq!(detect_delimiter("nit\tcliente\tvalor\n"), b'\t');
        assert_eq!(detect_delimiter("nit\n"), b',');
    }
}
