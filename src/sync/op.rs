//! Operations are domain events. Upserts carry only the fields they set, merged field by
//! field, last writer by hybrid clock wins; facts (payments, promises, disputes) carry their
//! own id and are never overwritten, only voided or resolved by a later operation.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::hlc::{DeviceId, Hlc};
use crate::domain::credit_note::CreditNote;
use crate::domain::customer::{CustomerId, GeoPoint};
use crate::domain::dispute::{Dispute, DisputeId};
use crate::domain::invoice::{InvoiceId, Terms};
use crate::domain::payment::{Payment, PaymentId};
use crate::domain::promise::Promise;

/// Sequence numbers count up from 1 per device, without gaps.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct OpId {
    pub device: DeviceId,
    pub seq: u64,
}

impl fmt::Display for OpId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.device, self.seq)
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Op {
    pub id: OpId,
    pub hlc: Hlc,
    pub event: Event,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tax_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phones: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub collector: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<GeoPoint>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoicePatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<CustomerId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms: Option<Terms>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Event {
    CustomerUpserted {
        customer: CustomerId,
        patch: CustomerPatch,
    },
    InvoiceUpserted {
        invoice: InvoiceId,
        patch: InvoicePatch,
    },
    /// The payment's id is the id of this operation.
    PaymentRecorded {
        payment: Payment,
    },
    PaymentVoided {
        payment: PaymentId,
        reason: String,
    },
    /// The note's id is the id of this operation.
    CreditNoteIssued {
        credit_note: CreditNote,
    },
    /// The promise's id is the id of this operation.
    PromiseMade {
        promise: Promise,
    },
    /// The dispute's id is the id of this operation.
    DisputeOpened {
        dispute: Dispute,
    },
    DisputeResolved {
        dispute: DisputeId,
        resolved_on: NaiveDate,
    },
}
