//! Which reminder a contact delivered, so that it is never sent again.

use serde::{Deserialize, Serialize};

use super::invoice::InvoiceId;

/// One step of one due date, recorded on the contact that delivered it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ReminderKey {
    pub invoice: InvoiceId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub installment: Option<u32>,
    /// Days from the due date: −3 is three days before.
    pub step: i32,
}
