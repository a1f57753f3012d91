use super::exchange::{runs_text, ExchangeTexts};
use crate::sync::bundle::problem::BundleProblem;
use crate::sync::op_check::{FieldProblem, OpProblem};

pub static EXCHANGE: ExchangeTexts = ExchangeTexts {
    export_title: "Send a bundle",
    kind_full: "Full: everything this device holds",
    kind_delta: "Only what is new for one device",
    kind_route: "A collector's route: their customers with their history",
    for_device: "For",
    for_collector: "Collector",
    no_peers: "No bundle from another device has been received yet.",
    no_collectors: "No customer has a collector assigned.",
    passphrase: "Passphrase (optional)",
    passphrase_again: "Passphrase again",
    passphrase_help: "With a passphrase the file is encrypted (AES-256); whoever receives it needs the same passphrase.",
    passphrases_differ: "The two passphrases differ.",
    passphrase_too_short: "The passphrase must have at least 8 characters.",
    create_bundle: "Create bundle",
    working: "Preparing…",
    bundle_ready: |count, sealed| {
        let ops = if count == 1 { "1 operation".to_owned() } else { format!("{count} operations") };
        if sealed {
            format!("Bundle ready and encrypted: {ops}.")
        } else {
            format!("Bundle ready: {ops}.")
        }
    },
    export_failed: |detail| format!("The bundle could not be created; no unencrypted file was saved. Details: {detail}"),
    file_kind_full: "full",
    file_kind_for: "for",
    file_kind_route: "route",
    file_sealed: "encrypted",
    import_title: "Receive a bundle",
    import_help: "Pick the .json file you were sent by WhatsApp, email or USB. It is checked whole before anything is saved.",
    bundle_file: "Exchange file (.json)",
    sealed_asks: "This bundle is encrypted. Type the passphrase it was created with.",
    open_sealed: "Open",
    imported_from: |label| format!("Bundle from “{label}” imported."),
    nothing_new: "Nothing new: this bundle had already been imported.",
    column_device: "Device",
    column_added: "New",
    column_already: "Already here",
    conflicts_title: |n| if n == 1 {
        "1 simultaneous change resolved".to_owned()
    } else {
        format!("{n} simultaneous changes resolved")
    },
    conflict_kept: "Kept",
    conflict_overwritten: "Overwritten",
    field_name: |field| match field {
        "name" => "name",
        "tax_id" => "tax id",
        "phones" => "phones",
        "email" => "email",
        "address" => "address",
        "city" => "city",
        "collector" => "collector",
        "notes" => "notes",
        "location" => "location",
        "customer" => "customer",
        "issued_on" => "issue date",
        "terms" => "amount and due date",
        _ => "field",
    },
    future_flag: |label, count, when| {
        format!("Warning: {count} operations from “{label}” are dated in the future ({when}). Check that phone's date and time.")
    },
    problem,
    refused: "Nothing was imported; the stored data did not change.",
    devices_title: "Devices",
    this_device_mark: "(this one)",
    column_key: "Key",
    no_key: "not published",
    column_last_bundle: "Last bundle received",
    column_held: "Its operations here",
    never: "never",
    accepted_by: |by| format!("Accepted by “{by}”"),
    accept: "Accept into the company",
    accept_hint: "First compare the key with the one that person sees in their Sync screen (by phone or in person). From then on, every device holds that device to that key.",
    not_accepted: "Not accepted by the office",
    integrity_title: "Integrity alert",
    integrity_text: |who, seq, server, when| format!(
        "On {when}, another version of operation number {seq} of “{who}” arrived {}, different from the one this device keeps. An operation never changes: someone altered a file or a document, or that device reused its numbers (was a backup restored?). Nothing of what carried it was stored. Check with that person before going on.",
        if server { "through the server" } else { "in a bundle" }
    ),
    integrity_forged_text: |who, seq, server, when| format!(
        "On {when}, operation number {seq} in the name of “{who}” arrived {} without that device's signature. Every device signs what it writes: someone wrote it in its name, or altered it afterwards. Nothing of what carried it was stored. Check with that person before going on.",
        if server { "through the server" } else { "in a bundle" }
    ),
    integrity_acknowledge: "Understood, I'll look into it",
    restored_title: "This device was restored from an older copy",
    restored_text: |moved, from_seq, server, when| format!(
        "On {when} {} operations of this device that are missing or different here: its data was restored from an older copy and it began to reuse operation numbers. So that no number means two things, it now writes under a new id. {} Nothing was lost: what came before the copy is unchanged, and what is missing arrives with the next sync.",
        if server { "the server showed it holds" } else { "a bundle showed its sender holds" },
        match moved {
            0 => "It had written nothing since the restore.".to_owned(),
            1 => format!("The operation written since the restore (from no. {from_seq}) went over to the new id."),
            n => format!("The {n} operations written since the restore (from no. {from_seq} on) went over to the new id."),
        }
    ),
    restored_ids: |former, new| format!("Former id: {former} · new: {new}"),
    restored_acknowledge: "Understood",
    unknown_device: "unnamed",
};

fn problem(problem: &BundleProblem) -> String {
    match problem {
        BundleProblem::Empty => "The file is empty.".into(),
        BundleProblem::TooLarge { bytes } => format!(
            "The file is {} MB: no bundle is that large.",
            bytes / (1024 * 1024)
        ),
        BundleProblem::NotJson { line, column } => format!(
            "This file is not a Cobranza bundle: it is not JSON text (line {line}, column {column})."
        ),
        BundleProblem::Truncated { line, column } => format!(
            "The bundle is incomplete: it was cut off while being sent or saved (it ends at line {line}, column {column}). Ask for it again."
        ),
        BundleProblem::TooDeep { line, column } => format!(
            "The file is nested too deeply (line {line}, column {column}): it is not a Cobranza bundle."
        ),
        BundleProblem::Foreign => "This file is not a Cobranza bundle.".into(),
        BundleProblem::TooNew { version } => format!(
            "This bundle comes from a newer version of Cobranza (format {version}). Update the app to open it."
        ),
        BundleProblem::Shape { line, column, detail } => format!(
            "The bundle is missing a part or has a value of the wrong type (line {line}, column {column}). Details: {detail}"
        ),
        BundleProblem::Checksum => "The bundle was changed or damaged: its operations do not match its SHA-256 checksum.".into(),
        BundleProblem::OpShape { index, detail } => format!(
            "Operation no. {index} in the bundle cannot be read. Details: {detail}"
        ),
        BundleProblem::BadOp { index, id, problem } => format!(
            "Operation no. {index} ({id}) is not valid: {}.",
            op_problem(problem)
        ),
        BundleProblem::BadLabel { device } => format!(
            "The name of device {device} is not valid (empty, too long or with HTML markup)."
        ),
        BundleProblem::Repeated { id } => format!("Operation {id} appears twice in the bundle."),
        BundleProblem::Undeclared { id } => format!(
            "Operation {id} is not among those the sender says it holds: the bundle was altered."
        ),
        BundleProblem::BadHolds => "The sender's list of operations is out of order or repeats itself: the bundle was altered.".into(),
        BundleProblem::OwnOpsUnknown { first } => format!(
            "The bundle carries operations of this very device that are not stored here ({first}). It is not imported, so data is not mixed up."
        ),
        BundleProblem::RestoredUnclear { label } => format!(
            "«{label}» holds more operations of this very device than are stored here: this device was restored from an older copy. The file does not carry enough to tell what was written here after the restore. Nothing was imported: ask «{label}» for a «Full» bundle (Sync → Send a bundle) and import it; this device will then go over to a new id and lose nothing."
        ),
        BundleProblem::OtherVersion { device, label, seq } => format!(
            "Integrity alert: the bundle carries another version of an operation already stored, number {seq} of “{}” ({device}). An operation never changes: either the file was altered, or that device reused its numbers (was a backup restored?). Nothing was imported; check with whoever sent it.",
            label.as_deref().unwrap_or(&device.0)
        ),
        BundleProblem::NotSigned { device, label, seq } => format!(
            "Integrity alert: the bundle carries operation number {seq} in the name of “{}” ({device}) without that device's signature. Someone wrote it in its name, or altered it after it was signed. Nothing was imported; check with whoever sent it.",
            label.as_deref().unwrap_or(&device.0)
        ),
        BundleProblem::NotOffice { device, label } => format!(
            "This bundle changes the company's settings, or says what a device is, in the name of “{}” ({device}), which is not an office of this company. Only the office changes settings and roles. Nothing was imported.",
            label.as_deref().unwrap_or(&device.0)
        ),
        BundleProblem::Gap { device, label, missing } => {
            let who = label.clone().unwrap_or_else(|| device.0.clone());
            format!(
                "Operations of “{who}” ({}) are missing that this bundle takes as received: import the earlier bundle first or ask for a full bundle.",
                runs_text(missing)
            )
        }
        BundleProblem::WrongPassphrase => "The passphrase is wrong, or the encrypted file was changed.".into(),
        BundleProblem::BadEnvelope => "The encrypted bundle is damaged or uses encryption this app does not accept.".into(),
    }
}

/// What to tell a person who typed or imported something no operation may carry.
pub(super) fn unacceptable(problem: &OpProblem) -> &'static str {
    match problem {
        OpProblem::Field {
            problem: FieldProblem::Markup,
            ..
        } => "Texts cannot carry HTML markup or code (such as <b> or <script>).",
        OpProblem::Field {
            problem: FieldProblem::ControlCharacter,
            ..
        } => "A text has invisible control characters; type it again.",
        OpProblem::Field {
            problem: FieldProblem::TooLong { .. },
            ..
        } => "A text is too long (names up to 200 characters, notes up to 2,000).",
        OpProblem::Field {
            problem: FieldProblem::TooLarge | FieldProblem::TooManyDecimals,
            ..
        } => "An amount is too large or has too many decimals.",
        OpProblem::Field {
            problem: FieldProblem::DateOutOfRange,
            ..
        } => "A date is outside 1900–2200.",
        _ => "Something cannot be saved: check the fields.",
    }
}

fn op_problem(problem: &OpProblem) -> String {
    match problem {
        OpProblem::ZeroSequence => "its sequence number is 0".into(),
        OpProblem::StampOfAnotherDevice => "its timestamp belongs to another device".into(),
        OpProblem::ImpossibleStamp => "its date is impossible (after the year 3000)".into(),
        OpProblem::Field { field, problem } => {
            let what = match problem {
                FieldProblem::Empty => "is empty".to_owned(),
                FieldProblem::TooLong { max } => format!("is longer than {max} characters"),
                FieldProblem::ControlCharacter => "has control characters".into(),
                FieldProblem::Markup => "contains HTML markup or code (such as <script>)".into(),
                FieldProblem::NotPositive => "must be greater than zero".into(),
                FieldProblem::Negative => "is negative".into(),
                FieldProblem::TooLarge => "is too large".into(),
                FieldProblem::TooManyDecimals => "has too many decimals".into(),
                FieldProblem::DateOutOfRange => "has a date outside 1900–2200".into(),
                FieldProblem::OffTheGlobe => "is not a position on the globe".into(),
                FieldProblem::Terms(_) => {
                    "does not add up: instalments do not sum to the amount or are not positive"
                        .into()
                }
                FieldProblem::Plan(_) => "is not a valid payment plan".into(),
                FieldProblem::NotAKey => "is not a P-256 public key".into(),
                FieldProblem::NotASignedRun => "is not a readable signature of operations".into(),
            };
            format!("field “{field}” {what}")
        }
    }
}
