//! What every CSV the app writes for a spreadsheet shares: a byte-order mark so accents read
//! as UTF-8, machine-readable amounts, blank lines between blocks, and text that cannot run
//! as a formula.

use rust_decimal::Decimal;

/// Blocks of CSV as one file, with a byte-order mark.
pub(super) fn with_bom(blocks: &[String]) -> String {
    format!("\u{feff}{}", blocks.join("\n"))
}

/// Records as CSV lines; a spreadsheet sees a blank line between two blocks.
pub(super) fn block(records: Vec<Vec<String>>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for record in records {
        // Writing to memory cannot fail.
        let _ = writer.write_record(&record);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

pub(super) fn number(amount: &Decimal) -> String {
    amount.normalize().to_string()
}

/// A name that starts like a formula would run as one in a spreadsheet; a leading apostrophe
/// keeps it text.
pub(super) fn text(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}
