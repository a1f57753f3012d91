//! Reading a file someone chose: its envelope (format, version, checksum, the sender's claims)
//! is checked before anything in it is believed, and the first problem found is reported with
//! where it is. Its operations are then the intake's to check (`receive`).

use serde::Deserialize;
use serde_json::error::Category;
use serde_json::value::RawValue;

use super::format::{sha256_hex, Bundle, Wire, FORMAT, VERSION};
use super::problem::BundleProblem;
use super::sealed::{SealedBundle, SEALED_FORMAT};
use crate::sync::op::Op;
use crate::sync::op_check::{has_markup, MAX_LINE};

/// Larger than a full bundle of the largest portfolio the app is built for (200,000
/// operations); anything bigger is not a bundle and would only exhaust a phone's memory.
pub const MAX_BUNDLE_BYTES: usize = 128 * 1024 * 1024;

/// What a file turned out to be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Incoming {
    Plain(Bundle),
    /// Needs its passphrase; `open` it and read what comes out.
    Sealed(SealedBundle),
}

/// Just enough to know which format and version to read the rest as.
#[derive(Deserialize)]
struct Probe {
    format: Option<String>,
    version: Option<u64>,
}

pub fn read(bytes: &[u8]) -> Result<Incoming, BundleProblem> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(BundleProblem::Empty);
    }
    if bytes.len() > MAX_BUNDLE_BYTES {
        return Err(BundleProblem::TooLarge { bytes: bytes.len() });
    }
    // A sound bundle is read in one pass; only a file that does not read as one is read again,
    // just far enough to say what it is.
    match serde_json::from_slice::<Wire>(bytes) {
        // Version 2 only added a kind of operation: both read alike.
        Ok(wire) if wire.format == FORMAT && (1..=VERSION).contains(&wire.version) => {
            read_wire(wire).map(Incoming::Plain)
        }
        Ok(wire) if wire.format == FORMAT && wire.version > VERSION => Err(BundleProblem::TooNew {
            version: wire.version,
        }),
        Ok(_) => Err(BundleProblem::Foreign),
        Err(error) => identify(bytes, &error),
    }
}

/// What a file that is not a readable bundle of a known version is: a later version, a
/// sealed bundle, a damaged bundle (then `bundle_error` says where), or someone else's file.
fn identify(bytes: &[u8], bundle_error: &serde_json::Error) -> Result<Incoming, BundleProblem> {
    let probe: Probe = serde_json::from_slice(bytes).map_err(|error| match error.classify() {
        // Valid JSON that is not an object with a format: someone else's file.
        Category::Data => BundleProblem::Foreign,
        _ => json_problem(&error),
    })?;
    match (probe.format.as_deref(), probe.version) {
        (Some(FORMAT), Some(version)) if version > VERSION => {
            Err(BundleProblem::TooNew { version })
        }
        (Some(FORMAT), Some(version)) if (1..=VERSION).contains(&version) => {
            Err(json_problem(bundle_error))
        }
        (Some(SEALED_FORMAT), _) => SealedBundle::read(bytes).map(Incoming::Sealed),
        _ => Err(BundleProblem::Foreign),
    }
}

fn read_wire(wire: Wire<'_>) -> Result<Bundle, BundleProblem> {
    if !sha256_hex(wire.ops.get().as_bytes()).eq_ignore_ascii_case(wire.ops_sha256.trim()) {
        return Err(BundleProblem::Checksum);
    }
    if !wire.holds.is_well_formed() {
        return Err(BundleProblem::BadHolds);
    }
    let labelled = std::iter::once((&wire.sender.device, &wire.sender.label)).chain(&wire.labels);
    for (device, label) in labelled {
        let fine = |text: &str| {
            !text.trim().is_empty()
                && text.chars().count() <= MAX_LINE
                && !text.chars().any(char::is_control)
                && !has_markup(text)
        };
        if !fine(&device.0) || !fine(label) {
            return Err(BundleProblem::BadLabel {
                device: device.clone(),
            });
        }
    }
    // Each operation is only read here; the intake checks it, as it checks the server's.
    let raw: Vec<&RawValue> = serde_json::from_str(wire.ops.get()).map_err(|e| json_problem(&e))?;
    let ops = (1..)
        .zip(raw)
        .map(|(index, value)| {
            serde_json::from_str::<Op>(value.get()).map_err(|error| BundleProblem::OpShape {
                index,
                detail: error.to_string(),
            })
        })
        .collect::<Result<Vec<Op>, _>>()?;
    Ok(Bundle {
        sender: wire.sender,
        created_ms: wire.created_ms,
        kind: wire.kind,
        holds: wire.holds,
        labels: wire.labels,
        ops,
    })
}

fn json_problem(error: &serde_json::Error) -> BundleProblem {
    let (line, column) = (error.line(), error.column());
    match error.classify() {
        Category::Eof => BundleProblem::Truncated { line, column },
        Category::Syntax if error.to_string().contains("recursion limit") => {
            BundleProblem::TooDeep { line, column }
        }
        Category::Syntax | Category::Io => BundleProblem::NotJson { line, column },
        Category::Data => BundleProblem::Shape {
            line,
            column,
            detail: error.to_string(),
        },
    }
}
