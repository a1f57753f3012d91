//! The words of the sync screen: bundles, devices, and why a file was refused.

use crate::sync::bundle::problem::BundleProblem;

/// Runs of sequence numbers as people read them: "4–7, 9".
pub(super) fn runs_text(runs: &[[u64; 2]]) -> String {
    runs.iter()
        .map(|[a, b]| {
            if a == b {
                a.to_string()
            } else {
                format!("{a}–{b}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub struct ExchangeTexts {
    pub export_title: &'static str,
    pub kind_full: &'static str,
    pub kind_delta: &'static str,
    pub kind_route: &'static str,
    pub for_device: &'static str,
    pub for_collector: &'static str,
    pub no_peers: &'static str,
    pub no_collectors: &'static str,
    pub passphrase: &'static str,
    pub passphrase_again: &'static str,
    pub passphrase_help: &'static str,
    pub passphrases_differ: &'static str,
    pub passphrase_too_short: &'static str,
    pub create_bundle: &'static str,
    pub working: &'static str,
    pub bundle_ready: fn(usize, bool) -> String,
    pub export_failed: fn(&str) -> String,
    pub file_kind_full: &'static str,
    pub file_kind_for: &'static str,
    pub file_kind_route: &'static str,
    pub file_sealed: &'static str,
    pub import_title: &'static str,
    pub import_help: &'static str,
    /// The file field's label.
    pub bundle_file: &'static str,
    pub sealed_asks: &'static str,
    pub open_sealed: &'static str,
    pub imported_from: fn(&str) -> String,
    pub nothing_new: &'static str,
    pub column_device: &'static str,
    pub column_added: &'static str,
    pub column_already: &'static str,
    pub conflicts_title: fn(usize) -> String,
    pub conflict_kept: &'static str,
    pub conflict_overwritten: &'static str,
    pub field_name: fn(&str) -> &'static str,
    pub future_flag: fn(&str, u64, &str) -> String,
    pub problem: fn(&BundleProblem) -> String,
    pub refused: &'static str,
    pub devices_title: &'static str,
    pub this_device_mark: &'static str,
    /// The fingerprint of the public key each device published.
    pub column_key: &'static str,
    pub no_key: &'static str,
    pub column_last_bundle: &'static str,
    pub column_held: &'static str,
    pub never: &'static str,
    /// «Aceptado por «Oficina»».
    pub accepted_by: fn(&str) -> String,
    pub accept: &'static str,
    pub accept_hint: &'static str,
    pub not_accepted: &'static str,
    pub integrity_title: &'static str,
    /// Who wrote the operation, its number, how it came (`true`: through the server) and when.
    pub integrity_text: fn(&str, u64, bool, &str) -> String,
    /// The same, for an operation in a device's name without its signature.
    pub integrity_forged_text: fn(&str, u64, bool, &str) -> String,
    pub integrity_acknowledge: &'static str,
    pub restored_title: &'static str,
    /// How many operations moved over, the first of them, how the news came (`true`: from
    /// the server) and when.
    pub restored_text: fn(usize, u64, bool, &str) -> String,
    /// The former id, then the new one.
    pub restored_ids: fn(&str, &str) -> String,
    pub restored_acknowledge: &'static str,
    pub unknown_device: &'static str,
}
