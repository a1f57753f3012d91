//! Operations are domain events. Upserts carry only the fields they set, merged field by
//! field, last writer by hybrid clock wins; facts (payments, promises, disputes) carry their
//! own id and are never overwritten, only voided or resolved by a later operation.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::company_settings::SettingsPatch;
use super::device_key::PublicKey;
use super::hlc::{DeviceId, Hlc};
use super::role::Role;
use super::signed_run::SignedRun;
use crate::domain::agenda_skip::AgendaSkip;
use crate::domain::bureau_report::{BureauAuthorization, BureauFiling};
use crate::domain::contact::{Channel, Contact};
use crate::domain::credit_hold::{CreditHold, HoldLifted};
use crate::domain::credit_note::CreditNote;
use crate::domain::credit_terms::CreditTerms;
use crate::domain::customer::{Customer, CustomerId, GeoPoint};
use crate::domain::debtor::{DebtorKind, IdType};
use crate::domain::dispute::{Dispute, DisputeId};
use crate::domain::invoice::{Invoice, InvoiceId, InvoiceKind, Terms};
use crate::domain::invoice_acceptance::Delivery;
use crate::domain::payment::{Payment, PaymentId};
use crate::domain::payment_plan::PaymentPlan;
use crate::domain::promise::Promise;
use crate::domain::sales_handoff::SalesHandoff;
use crate::domain::typification::Typification;

/// Sequence numbers count up from 1 per device, without gaps.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct OpId {
    pub device: DeviceId,
    pub seq: u64,
}

impl Event {
    /// Whether a person's work, rather than a device's signature over it: what a person is
    /// told counts of changes sent, received or waiting.
    pub fn is_change(&self) -> bool {
        !matches!(self, Event::OperationsSigned { .. })
    }

    /// Whether only an office may write it (`sync::role`).
    pub fn is_company(&self) -> bool {
        matches!(
            self,
            Event::CompanySettingsChanged { .. } | Event::DeviceRoleSet { .. }
        )
    }
}

impl OpId {
    /// The id `Display` writes («device:seq»), which is also the id of the fact the
    /// operation recorded.
    pub fn parse(text: &str) -> Option<OpId> {
        let (device, seq) = text.rsplit_once(':')?;
        Some(OpId {
            device: DeviceId(device.to_owned()),
            seq: seq.parse().ok()?,
        })
    }
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<DebtorKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id_type: Option<IdType>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visits_authorized: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit_terms: Option<CreditTerms>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub salesperson: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bureau_authorization: Option<BureauAuthorization>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvoicePatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<CustomerId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms: Option<Terms>,
    /// Absent on a sale: what every invoice was before there were other kinds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<InvoiceKind>,
}

impl CustomerPatch {
    /// Every field of `customer`: the first upsert of a new customer.
    pub fn whole(customer: &Customer) -> CustomerPatch {
        CustomerPatch {
            name: Some(customer.name.clone()),
            tax_id: Some(customer.tax_id.clone()),
            phones: Some(customer.phones.clone()),
            email: Some(customer.email.clone()),
            address: Some(customer.address.clone()),
            city: Some(customer.city.clone()),
            collector: Some(customer.collector.clone()),
            notes: Some(customer.notes.clone()),
            location: customer.location,
            kind: customer.kind,
            id_type: customer.id_type,
            visits_authorized: Some(customer.visits_authorized),
            credit_terms: Some(customer.credit_terms.clone()),
            salesperson: Some(customer.salesperson.clone()),
            bureau_authorization: customer.bureau_authorization.clone(),
        }
    }

    /// This patch without the fields `current` already holds: what would really change.
    pub fn changes_to(self, current: &Customer) -> CustomerPatch {
        fn differs<T: PartialEq>(new: Option<T>, old: &T) -> Option<T> {
            new.filter(|value| value != old)
        }
        CustomerPatch {
            name: differs(self.name, &current.name),
            tax_id: differs(self.tax_id, &current.tax_id),
            phones: differs(self.phones, &current.phones),
            email: differs(self.email, &current.email),
            address: differs(self.address, &current.address),
            city: differs(self.city, &current.city),
            collector: differs(self.collector, &current.collector),
            notes: differs(self.notes, &current.notes),
            location: self.location.filter(|l| Some(*l) != current.location),
            kind: self.kind.filter(|k| Some(*k) != current.kind),
            id_type: self.id_type.filter(|t| Some(*t) != current.id_type),
            visits_authorized: differs(self.visits_authorized, &current.visits_authorized),
            credit_terms: differs(self.credit_terms, &current.credit_terms),
            salesperson: differs(self.salesperson, &current.salesperson),
            bureau_authorization: self
                .bureau_authorization
                .filter(|a| Some(a) != current.bureau_authorization.as_ref()),
        }
    }
}

impl InvoicePatch {
    /// This patch without the fields `current` already holds: what would really change.
    pub fn changes_to(self, current: &Invoice) -> InvoicePatch {
        InvoicePatch {
            customer: self.customer.filter(|c| *c != current.customer),
            issued_on: self.issued_on.filter(|d| *d != current.issued_on),
            terms: self.terms.filter(|t| *t != current.terms),
            kind: self.kind.filter(|k| *k != current.kind),
        }
    }
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
        #[serde(default, skip_serializing_if = "Option::is_none")]
        voided_on: Option<NaiveDate>,
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
    /// The contact's id is the id of this operation.
    ContactLogged {
        contact: Contact,
    },
    /// Replaces the customer's typification as a whole: its parts are judged together.
    TypificationSet {
        customer: CustomerId,
        typification: Typification,
    },
    AgendaSkipped {
        skip: AgendaSkip,
    },
    /// The plan's id is the id of this operation.
    PlanAgreed {
        plan: PaymentPlan,
    },
    /// The debtor revoked (or gave back) their consent to be contacted through a channel;
    /// last writer wins per customer and channel.
    ChannelConsentSet {
        customer: CustomerId,
        channel: Channel,
        revoked: bool,
        on: NaiveDate,
    },
    /// The public key of the device that wrote this operation, published once.
    DeviceKeyPublished {
        key: PublicKey,
        /// Every device of this version says it: its work from this operation on is signed.
        /// A key published by the version before, which did not sign yet, does not; that
        /// device's signed work starts with its first signature.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        signs_from_here: bool,
    },
    /// The office takes `device`, with the key it published, as one of the company's: every
    /// device then holds that device to that key.
    DeviceAccepted {
        device: DeviceId,
        key: PublicKey,
    },
    /// The device's signature over the run of its operations just before this one
    /// (`sync::signed_run`).
    OperationsSigned {
        run: SignedRun,
    },
    /// The customer's credit withdrawn (`Some`) or given back (`None`); last writer wins.
    CreditHoldSet {
        customer: CustomerId,
        hold: Option<CreditHold>,
        /// With `None`: who gave the credit back, and when (files of format 5 lack it).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        lifted: Option<HoldLifted>,
    },
    /// An account handed to its salesperson with a note.
    HandedToSales {
        handoff: SalesHandoff,
    },
    /// An invoice's electronic code, who received the goods and when, and the buyer's
    /// objection: what decides its acceptance as a título valor. The later clock wins.
    InvoiceDelivered {
        invoice: InvoiceId,
        delivery: Delivery,
    },
    /// An account reported to a credit bureau, or the bureau told it was paid.
    BureauFiled {
        filing: BureauFiling,
    },
    /// A change to the company's settings, field by field (`sync::company_settings`).
    CompanySettingsChanged {
        change: SettingsPatch,
    },
    /// An office says what `device` is (`sync::role`), and what it is called: a device that
    /// hears of it only through the server still says who set the company's rules.
    DeviceRoleSet {
        device: DeviceId,
        role: Role,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        label: String,
    },
}
