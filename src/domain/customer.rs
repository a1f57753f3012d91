use serde::{Deserialize, Serialize};

/// The key a business uses for a customer (its own code, or the tax id).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CustomerId(pub String);

/// A debtor as the collector knows them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Customer {
    pub name: String,
    pub tax_id: String,
    pub phones: Vec<String>,
    pub email: String,
    pub address: String,
    pub city: String,
    /// Name of the collector the account is assigned to; empty when unassigned.
    pub collector: String,
    pub notes: String,
}
