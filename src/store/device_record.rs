use serde::{Deserialize, Serialize};

use crate::sync::hlc::DeviceId;

/// This device as it introduced itself on first start.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeviceRecord {
    pub id: DeviceId,
    /// What people call it: "Cobrador Juan", "Oficina".
    pub label: String,
    /// True while the stored portfolio is the demonstration one.
    pub demo: bool,
}
