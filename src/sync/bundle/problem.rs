use crate::sync::hlc::DeviceId;
use crate::sync::op::OpId;
use crate::sync::op_check::OpProblem;

/// Why a file was refused, precise enough to tell a person what and where; the UI words it.
/// Nothing stored changes when a file is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BundleProblem {
    Empty,
    TooLarge {
        bytes: usize,
    },
    /// Not JSON at all (a photo, a PDF, junk).
    NotJson {
        line: usize,
        column: usize,
    },
    /// The file ends too soon: cut off while being sent or saved.
    Truncated {
        line: usize,
        column: usize,
    },
    /// Nested deeper than any bundle ever is.
    TooDeep {
        line: usize,
        column: usize,
    },
    /// JSON, but not a Cobranza bundle.
    Foreign,
    /// Written by a newer version of the app.
    TooNew {
        version: u64,
    },
    /// A bundle, but some part is missing or of the wrong type.
    Shape {
        line: usize,
        column: usize,
        detail: String,
    },
    /// The operations are not the ones the file was written with: edited or damaged.
    Checksum,
    /// The operation at `index` (from 1, in file order) cannot be read.
    OpShape {
        index: usize,
        detail: String,
    },
    BadOp {
        index: usize,
        id: OpId,
        problem: OpProblem,
    },
    BadLabel {
        device: DeviceId,
    },
    /// The same operation twice in one file.
    Repeated {
        id: OpId,
    },
    /// An operation the file says its sender does not hold.
    Undeclared {
        id: OpId,
    },
    /// The list of held operations is out of order or overlaps itself.
    BadHolds,
    /// Operations of this very device that it does not hold: a forged or mixed-up file.
    OwnOpsUnknown {
        first: OpId,
    },
    /// The sender holds more of this device's own history than it stores (it was restored
    /// from an older copy), and the file does not carry enough of it to tell which of its
    /// operations came after the restore point: a full bundle from `label` does.
    RestoredUnclear {
        label: String,
    },
    /// An operation stored here, with other content: the file was altered, or its device
    /// spent the same sequence number twice.
    OtherVersion {
        device: DeviceId,
        label: Option<String>,
        seq: u64,
    },
    /// An operation in the name of a device that signs its work, without that device's
    /// signature: written in its name by someone else, or altered.
    NotSigned {
        device: DeviceId,
        label: Option<String>,
        seq: u64,
    },
    /// A change to the company's settings, or to what a device is, written by a device that
    /// is not an office of this company: a collector's, or another company's office.
    NotOffice {
        device: DeviceId,
        label: Option<String>,
    },
    /// Operations are missing between what is stored and what the file continues from: an
    /// earlier bundle was not imported, or this one was made for another device.
    Gap {
        device: DeviceId,
        label: Option<String>,
        missing: Vec<[u64; 2]>,
    },
    /// An encrypted bundle that could not be opened with the passphrase given.
    WrongPassphrase,
    /// An encrypted bundle whose envelope is damaged.
    BadEnvelope,
}
