//! Folds operations into state. `apply` is commutative and idempotent: any order of the same
//! set of operations, with any duplicates, yields the same projection.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use smol_str::SmolStr;

use super::company_settings::CompanyLog;
use super::device_key::PublicKey;
use super::device_keys::{Acceptance, DeviceKeys};
use super::hlc::{DeviceId, Hlc};
use super::op::{CustomerPatch, Event, InvoicePatch, Op, OpId};
use super::op_digest::{hash, OpDigest, OpDigests};
use super::packed_map;
use super::stamp::{Devices, Stamp};
use super::version_vector::VersionVector;
use crate::domain::agenda_skip::AgendaSkip;
use crate::domain::bureau_report::{BureauAuthorization, BureauFiling};
use crate::domain::contact::{Channel, Contact, ContactId};
use crate::domain::credit_hold::{Change, CreditHold, HoldChange, HoldLifted};
use crate::domain::credit_note::{CreditNote, CreditNoteId};
use crate::domain::credit_terms::CreditTerms;
use crate::domain::customer::{Customer, CustomerId, GeoPoint};
use crate::domain::debtor::{DebtorKind, IdType};
use crate::domain::dispute::{Dispute, DisputeId};
use crate::domain::invoice::{Invoice, InvoiceId, InvoiceKind, Terms};
use crate::domain::invoice_acceptance::Delivery;
use crate::domain::payment::{Payment, PaymentId, VoidedPayment};
use crate::domain::payment_plan::{PaymentPlan, PlanId};
use crate::domain::portfolio::Portfolio;
use crate::domain::promise::{Promise, PromiseId};
use crate::domain::sales_handoff::SalesHandoff;
use crate::domain::typification::Typification;
use crate::domain::wire::Day;

/// A last-writer-wins field: the value written with the highest timestamp, and which
/// operation wrote it, so that an import can tell whether the sender had seen it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct Register<T> {
    pub(super) value: Option<T>,
    pub(super) stamp: Option<Stamp>,
    pub(super) seq: u64,
}

/// One operation's write to registers: when, and by which of its device's operations.
#[derive(Clone, Copy)]
struct Write {
    stamp: Stamp,
    seq: u64,
}

impl<T> Default for Register<T> {
    fn default() -> Self {
        Register {
            value: None,
            stamp: None,
            seq: 0,
        }
    }
}

impl<T> Register<T> {
    fn merge(&mut self, value: Option<T>, write: Write) {
        let Some(value) = value else { return };
        if self.stamp.is_none_or(|current| write.stamp > current) {
            self.value = Some(value);
            self.stamp = Some(write.stamp);
            self.seq = write.seq;
        }
    }

    fn make_room(&mut self, place: u32) {
        if let Some(stamp) = &mut self.stamp {
            stamp.make_room(place);
        }
    }
}

impl<T: Clone + Default> Register<T> {
    fn get(&self) -> T {
        self.value.clone().unwrap_or_default()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct CustomerRegisters {
    pub(super) name: Register<String>,
    pub(super) tax_id: Register<String>,
    pub(super) phones: Register<Vec<String>>,
    pub(super) email: Register<String>,
    pub(super) address: Register<String>,
    pub(super) city: Register<String>,
    pub(super) collector: Register<String>,
    pub(super) notes: Register<String>,
    pub(super) location: Register<GeoPoint>,
    #[serde(default)]
    pub(super) kind: Register<DebtorKind>,
    #[serde(default)]
    pub(super) id_type: Register<IdType>,
    #[serde(default)]
    pub(super) visits_authorized: Register<bool>,
    #[serde(default)]
    pub(super) credit_terms: Register<CreditTerms>,
    #[serde(default)]
    pub(super) salesperson: Register<String>,
    #[serde(default)]
    pub(super) bureau_authorization: Register<BureauAuthorization>,
}

impl CustomerRegisters {
    fn make_room(&mut self, place: u32) {
        self.name.make_room(place);
        self.tax_id.make_room(place);
        self.phones.make_room(place);
        self.email.make_room(place);
        self.address.make_room(place);
        self.city.make_room(place);
        self.collector.make_room(place);
        self.notes.make_room(place);
        self.location.make_room(place);
        self.kind.make_room(place);
        self.id_type.make_room(place);
        self.visits_authorized.make_room(place);
        self.credit_terms.make_room(place);
        self.salesperson.make_room(place);
        self.bureau_authorization.make_room(place);
    }

    fn merge(&mut self, patch: &CustomerPatch, write: Write) {
        self.name.merge(patch.name.clone(), write);
        self.tax_id.merge(patch.tax_id.clone(), write);
        self.phones.merge(patch.phones.clone(), write);
        self.email.merge(patch.email.clone(), write);
        self.address.merge(patch.address.clone(), write);
        self.city.merge(patch.city.clone(), write);
        self.collector.merge(patch.collector.clone(), write);
        self.notes.merge(patch.notes.clone(), write);
        self.location.merge(patch.location, write);
        self.kind.merge(patch.kind, write);
        self.id_type.merge(patch.id_type, write);
        self.visits_authorized.merge(patch.visits_authorized, write);
        self.credit_terms.merge(patch.credit_terms.clone(), write);
        self.salesperson.merge(patch.salesperson.clone(), write);
        self.bureau_authorization
            .merge(patch.bureau_authorization.clone(), write);
    }

    fn customer(&self) -> Customer {
        Customer {
            name: self.name.get(),
            tax_id: self.tax_id.get(),
            phones: self.phones.get(),
            email: self.email.get(),
            address: self.address.get(),
            city: self.city.get(),
            collector: self.collector.get(),
            notes: self.notes.get(),
            location: self.location.value,
            kind: self.kind.value,
            id_type: self.id_type.value,
            visits_authorized: self.visits_authorized.get(),
            credit_terms: self.credit_terms.get(),
            salesperson: self.salesperson.get(),
            bureau_authorization: self.bureau_authorization.value.clone(),
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct InvoiceRegisters {
    pub(super) customer: Register<CustomerId>,
    pub(super) issued_on: Register<Day>,
    pub(super) terms: Register<Terms>,
    #[serde(default)]
    pub(super) kind: Register<InvoiceKind>,
}

impl InvoiceRegisters {
    fn make_room(&mut self, place: u32) {
        self.customer.make_room(place);
        self.issued_on.make_room(place);
        self.terms.make_room(place);
        self.kind.make_room(place);
    }

    fn merge(&mut self, patch: &InvoicePatch, write: Write) {
        self.customer.merge(patch.customer.clone(), write);
        self.issued_on.merge(patch.issued_on.map(Day), write);
        self.terms.merge(patch.terms.clone(), write);
        self.kind.merge(patch.kind.clone(), write);
    }

    /// `None` until every required field has arrived: an edit can arrive before the invoice.
    fn invoice(&self) -> Option<Invoice> {
        Some(Invoice {
            customer: self.customer.value.clone()?,
            issued_on: self.issued_on.value?.0,
            terms: self.terms.value.clone()?,
            kind: self.kind.value.clone().unwrap_or_default(),
        })
    }
}

/// Serializable so that a snapshot of it can stand in for replaying the whole log at start-up.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Projection {
    #[serde(deserialize_with = "packed_map::deserialize")]
    pub(super) customers: BTreeMap<CustomerId, CustomerRegisters>,
    #[serde(deserialize_with = "packed_map::deserialize")]
    pub(super) invoices: BTreeMap<InvoiceId, InvoiceRegisters>,
    #[serde(deserialize_with = "packed_map::deserialize")]
    payments: BTreeMap<PaymentId, Payment>,
    /// Why and when each voided payment was voided.
    #[serde(deserialize_with = "packed_map::deserialize")]
    voided: BTreeMap<PaymentId, Register<(String, Option<NaiveDate>)>>,
    #[serde(deserialize_with = "packed_map::deserialize")]
    credit_notes: BTreeMap<CreditNoteId, CreditNote>,
    #[serde(deserialize_with = "packed_map::deserialize")]
    promises: BTreeMap<PromiseId, Promise>,
    #[serde(deserialize_with = "packed_map::deserialize")]
    disputes: BTreeMap<DisputeId, Dispute>,
    #[serde(deserialize_with = "packed_map::deserialize")]
    resolutions: BTreeMap<DisputeId, Register<NaiveDate>>,
    #[serde(deserialize_with = "packed_map::deserialize")]
    contacts: BTreeMap<ContactId, Contact>,
    #[serde(deserialize_with = "packed_map::deserialize")]
    typifications: BTreeMap<CustomerId, Register<Typification>>,
    #[serde(deserialize_with = "packed_map::deserialize")]
    skips: BTreeMap<String, AgendaSkip>,
    #[serde(deserialize_with = "packed_map::deserialize")]
    hold_changes: BTreeMap<String, HoldChange>,
    #[serde(deserialize_with = "packed_map::deserialize")]
    handoffs: BTreeMap<String, SalesHandoff>,
    #[serde(deserialize_with = "packed_map::deserialize")]
    bureau_filings: BTreeMap<String, BureauFiling>,
    #[serde(deserialize_with = "packed_map::deserialize")]
    deliveries: BTreeMap<InvoiceId, Register<Delivery>>,
    #[serde(deserialize_with = "packed_map::deserialize")]
    plans: BTreeMap<PlanId, PaymentPlan>,
    #[serde(deserialize_with = "packed_map::deserialize")]
    consents: BTreeMap<(CustomerId, Channel), Register<(bool, NaiveDate)>>,
    #[serde(deserialize_with = "packed_map::deserialize")]
    credit_holds: BTreeMap<CustomerId, Register<Option<CreditHold>>>,
    /// Which held operations are signatures, not changes (`Event::is_change`).
    signatures: VersionVector,
    /// Who signs as whom.
    keys: DeviceKeys,
    /// The company's settings and who may set them.
    company: CompanyLog,
    /// The devices the registers' stamps name.
    pub(super) devices: Devices,
    versions: VersionVector,
    /// What each held operation says, to know one that arrives again with other content.
    digests: OpDigests,
    /// The latest timestamp folded in, so that this device's clock can resume after it
    /// without reading the log.
    latest: Option<Hlc>,
}

impl Projection {
    pub fn from_ops<'a>(ops: impl IntoIterator<Item = &'a Op>) -> Self {
        let mut projection = Projection::default();
        for op in ops {
            projection.apply(op);
        }
        projection
    }

    pub fn apply(&mut self, op: &Op) {
        self.apply_hashed(op, &hash(op));
    }

    /// `apply` for an operation whose `op_digest::hash` is already worked out (the intake
    /// does, to check signatures).
    pub fn apply_hashed(&mut self, op: &Op, hash: &[u8; 32]) {
        self.versions.observe(&op.id);
        self.digests.record(&op.id, OpDigest::of_hash(hash));
        if self.latest.as_ref().is_none_or(|latest| op.hlc > *latest) {
            self.latest = Some(op.hlc.clone());
        }
        // A fact's id is the id of the operation that recorded it.
        let fact_id = || SmolStr::from(op.id.to_string());
        let (stamp, new_device) = self.devices.stamp(&op.hlc);
        if let Some(place) = new_device {
            self.make_room(place);
        }
        let write = Write {
            stamp,
            seq: op.id.seq,
        };
        match &op.event {
            Event::CustomerUpserted { customer, patch } => self
                .customers
                .entry(customer.clone())
                .or_default()
                .merge(patch, write),
            Event::InvoiceUpserted { invoice, patch } => self
                .invoices
                .entry(invoice.clone())
                .or_default()
                .merge(patch, write),
            Event::PaymentRecorded { payment } => {
                self.payments.insert(PaymentId(fact_id()), payment.clone());
            }
            Event::PaymentVoided {
                payment,
                reason,
                voided_on,
            } => self
                .voided
                .entry(payment.clone())
                .or_default()
                .merge(Some((reason.clone(), *voided_on)), write),
            Event::CreditNoteIssued { credit_note } => {
                self.credit_notes
                    .insert(CreditNoteId(fact_id()), credit_note.clone());
            }
            Event::PromiseMade { promise } => {
                self.promises.insert(PromiseId(fact_id()), promise.clone());
            }
            Event::DisputeOpened { dispute } => {
                self.disputes.insert(DisputeId(fact_id()), dispute.clone());
            }
            Event::DisputeResolved {
                dispute,
                resolved_on,
            } => self
                .resolutions
                .entry(dispute.clone())
                .or_default()
                .merge(Some(*resolved_on), write),
            Event::ContactLogged { contact } => {
                self.contacts.insert(ContactId(fact_id()), contact.clone());
            }
            Event::TypificationSet {
                customer,
                typification,
            } => self
                .typifications
                .entry(customer.clone())
                .or_default()
                .merge(Some(typification.clone()), write),
            Event::AgendaSkipped { skip } => {
                self.skips.insert(op.id.to_string(), skip.clone());
            }
            Event::CreditHoldSet {
                customer,
                hold,
                lifted,
            } => {
                if let Some(change) = hold_change(customer, hold, lifted) {
                    self.hold_changes.insert(op.id.to_string(), change);
                }
                self.credit_holds
                    .entry(customer.clone())
                    .or_default()
                    .merge(Some(hold.clone()), write)
            }
            Event::HandedToSales { handoff } => {
                self.handoffs.insert(op.id.to_string(), handoff.clone());
            }
            Event::BureauFiled { filing } => {
                self.bureau_filings
                    .insert(op.id.to_string(), filing.clone());
            }
            Event::InvoiceDelivered { invoice, delivery } => self
                .deliveries
                .entry(invoice.clone())
                .or_default()
                .merge(Some(delivery.clone()), write),
            Event::PlanAgreed { plan } => {
                self.plans.insert(PlanId(fact_id()), plan.clone());
            }
            Event::ChannelConsentSet {
                customer,
                channel,
                revoked,
                on,
            } => self
                .consents
                .entry((customer.clone(), *channel))
                .or_default()
                .merge(Some((*revoked, *on)), write),
            Event::DeviceKeyPublished { .. } | Event::DeviceAccepted { .. } => self.keys.apply(op),
            // Checked on the way in; what it vouches for is already folded in.
            Event::OperationsSigned { .. } => {
                self.signatures.observe(&op.id);
                self.keys.apply(op);
            }
            Event::CompanySettingsChanged { .. } | Event::DeviceRoleSet { .. } => {
                self.company.apply(op)
            }
        }
    }

    /// A device was put in the table at `place`: the stamps of the devices after it move up.
    /// This happens once per device ever heard of.
    fn make_room(&mut self, place: u32) {
        for registers in self.customers.values_mut() {
            registers.make_room(place);
        }
        for registers in self.invoices.values_mut() {
            registers.make_room(place);
        }
        fn each<K, T>(registers: &mut BTreeMap<K, Register<T>>, place: u32) {
            for register in registers.values_mut() {
                register.make_room(place);
            }
        }
        each(&mut self.voided, place);
        each(&mut self.resolutions, place);
        each(&mut self.typifications, place);
        each(&mut self.consents, place);
        each(&mut self.credit_holds, place);
        each(&mut self.deliveries, place);
    }

    pub fn versions(&self) -> &VersionVector {
        &self.versions
    }

    /// The public key `device` published, if it did.
    pub fn key(&self, device: &DeviceId) -> Option<&PublicKey> {
        self.keys.published(device).map(|(_, key)| key)
    }

    /// How many changes held here `other` lacks: its operations but the signatures.
    pub fn changes_missing_from(&self, other: &VersionVector) -> u64 {
        self.versions.count_missing_from(other) - self.signatures.count_missing_from(other)
    }

    /// Whether, and by whom, `device` was accepted into the company.
    pub fn acceptance(&self, device: &DeviceId) -> Option<&Acceptance> {
        self.keys.acceptance(device)
    }

    /// Who signs as whom, as the held operations say.
    /// The company's settings operations and role marks.
    pub fn company(&self) -> &CompanyLog {
        &self.company
    }

    pub fn device_keys(&self) -> &DeviceKeys {
        &self.keys
    }

    /// Whether the operation `id` was signed by its device.
    pub fn signed(&self, id: &OpId) -> bool {
        self.keys.signed(&id.device, id.seq)
    }

    /// What the held operation `id` says, if it is held.
    pub fn digest_of(&self, id: &OpId) -> Option<OpDigest> {
        self.digests.of(id)
    }

    pub fn latest(&self) -> Option<&Hlc> {
        self.latest.as_ref()
    }

    pub fn portfolio(&self) -> Portfolio {
        Portfolio {
            customers: self
                .customers
                .iter()
                .map(|(id, registers)| (id.clone(), registers.customer()))
                .collect(),
            invoices: self
                .invoices
                .iter()
                .filter_map(|(id, registers)| Some((id.clone(), registers.invoice()?)))
                .collect(),
            payments: self
                .payments
                .iter()
                .filter(|(id, _)| !self.voided.contains_key(*id))
                .map(|(id, payment)| (id.clone(), payment.clone()))
                .collect(),
            credit_notes: self
                .credit_notes
                .iter()
                .map(|(id, note)| (id.clone(), note.clone()))
                .collect(),
            promises: self.promises.clone(),
            disputes: self
                .disputes
                .iter()
                .map(|(id, dispute)| (id.clone(), self.dispute(id, dispute)))
                .collect(),
            voided_payments: self
                .payments
                .iter()
                .filter_map(|(id, payment)| Some((id.clone(), self.voided(id, payment)?)))
                .collect(),
            contacts: self.contacts.clone(),
            typifications: self
                .typifications
                .iter()
                .filter_map(|(id, register)| Some((id.clone(), register.value.clone()?)))
                .collect(),
            skips: self.skips.clone(),
            hold_changes: self.hold_changes.clone(),
            handoffs: self.handoffs.clone(),
            bureau_filings: self.bureau_filings.clone(),
            deliveries: self
                .deliveries
                .iter()
                .filter_map(|(id, register)| Some((id.clone(), register.value.clone()?)))
                .collect(),
            plans: self.plans.clone(),
            revoked_channels: self.revoked_channels(),
            credit_holds: self
                .credit_holds
                .iter()
                .filter_map(|(id, register)| Some((id.clone(), register.value.clone()??)))
                .collect(),
        }
    }

    fn dispute(&self, id: &DisputeId, dispute: &Dispute) -> Dispute {
        let mut dispute = dispute.clone();
        if let Some(resolution) = self.resolutions.get(id) {
            dispute.resolved_on = resolution.value;
        }
        dispute
    }

    /// `payment` as voided, if it was.
    fn voided(&self, id: &PaymentId, payment: &Payment) -> Option<VoidedPayment> {
        let (reason, voided_on) = self.voided.get(id)?.value.clone()?;
        Some(VoidedPayment {
            payment: payment.clone(),
            reason,
            voided_on,
        })
    }

    /// Puts payment `id` where the portfolio shows it: among the payments, or among the
    /// voided ones once it is voided. Returns its customer, if the payment has arrived.
    fn place_payment(&self, id: &PaymentId, portfolio: &mut Portfolio) -> Option<CustomerId> {
        let payment = self.payments.get(id)?;
        match self.voided(id, payment) {
            Some(voided) => {
                portfolio.payments.remove(id);
                portfolio.voided_payments.insert(id.clone(), voided);
            }
            None => {
                portfolio.payments.insert(id.clone(), payment.clone());
            }
        }
        Some(payment.customer.clone())
    }

    /// The channels `customer` revoked and since when; `None` when none is revoked.
    fn revoked_of(&self, customer: &CustomerId) -> Option<BTreeMap<Channel, NaiveDate>> {
        let revoked: BTreeMap<Channel, NaiveDate> = Channel::ALL
            .into_iter()
            .filter_map(|channel| {
                let register = self.consents.get(&(customer.clone(), channel))?;
                match register.value {
                    Some((true, on)) => Some((channel, on)),
                    _ => None,
                }
            })
            .collect();
        (!revoked.is_empty()).then_some(revoked)
    }

    /// Brings `portfolio`, this projection's portfolio before `ops` were folded in, up to
    /// date with them by redoing only the entries they reach: recording a payment on a tablet
    /// holding 100,000 invoices must not build them all again. Returns the customers whose
    /// accounts the operations may have changed.
    pub fn refresh<'a>(
        &self,
        portfolio: &mut Portfolio,
        ops: impl IntoIterator<Item = &'a Op>,
    ) -> BTreeSet<CustomerId> {
        ops.into_iter()
            .flat_map(|op| self.refresh_one(portfolio, op))
            .collect()
    }

    fn refresh_one(&self, portfolio: &mut Portfolio, op: &Op) -> Vec<CustomerId> {
        let fact_id = || SmolStr::from(op.id.to_string());
        let one = |customer: &CustomerId| vec![customer.clone()];
        match &op.event {
            Event::CustomerUpserted { customer, .. } => {
                if let Some(registers) = self.customers.get(customer) {
                    portfolio
                        .customers
                        .insert(customer.clone(), registers.customer());
                }
                one(customer)
            }
            Event::InvoiceUpserted { invoice, .. } => {
                // An edit may move the invoice to another customer: both accounts change.
                let after = self
                    .invoices
                    .get(invoice)
                    .and_then(InvoiceRegisters::invoice);
                let mut touched: Vec<CustomerId> =
                    after.iter().map(|i| i.customer.clone()).collect();
                let before = match after {
                    Some(after) => portfolio.invoices.insert(invoice.clone(), after),
                    None => portfolio.invoices.remove(invoice),
                };
                touched.extend(before.map(|before| before.customer));
                touched
            }
            Event::PaymentRecorded { .. } => self
                .place_payment(&PaymentId(fact_id()), portfolio)
                .into_iter()
                .collect(),
            Event::PaymentVoided { payment, .. } => {
                self.place_payment(payment, portfolio).into_iter().collect()
            }
            Event::CreditNoteIssued { credit_note } => {
                portfolio
                    .credit_notes
                    .insert(CreditNoteId(fact_id()), credit_note.clone());
                one(&credit_note.customer)
            }
            Event::PromiseMade { promise } => {
                portfolio
                    .promises
                    .insert(PromiseId(fact_id()), promise.clone());
                one(&promise.customer)
            }
            Event::DisputeOpened { dispute } => {
                let id = DisputeId(fact_id());
                portfolio
                    .disputes
                    .insert(id.clone(), self.dispute(&id, dispute));
                one(&dispute.customer)
            }
            Event::DisputeResolved { dispute, .. } => {
                let Some(opened) = self.disputes.get(dispute) else {
                    return Vec::new();
                };
                portfolio
                    .disputes
                    .insert(dispute.clone(), self.dispute(dispute, opened));
                one(&opened.customer)
            }
            Event::ContactLogged { contact } => {
                portfolio
                    .contacts
                    .insert(ContactId(fact_id()), contact.clone());
                one(&contact.customer)
            }
            Event::TypificationSet { customer, .. } => {
                if let Some(typification) = self
                    .typifications
                    .get(customer)
                    .and_then(|register| register.value.clone())
                {
                    portfolio
                        .typifications
                        .insert(customer.clone(), typification);
                }
                one(customer)
            }
            Event::AgendaSkipped { skip } => {
                portfolio.skips.insert(op.id.to_string(), skip.clone());
                one(&skip.customer)
            }
            Event::CreditHoldSet {
                customer,
                hold,
                lifted,
            } => {
                if let Some(change) = hold_change(customer, hold, lifted) {
                    portfolio.hold_changes.insert(op.id.to_string(), change);
                }
                let hold = self
                    .credit_holds
                    .get(customer)
                    .and_then(|register| register.value.clone().flatten());
                match hold {
                    Some(hold) => portfolio.credit_holds.insert(customer.clone(), hold),
                    None => portfolio.credit_holds.remove(customer),
                };
                one(customer)
            }
            Event::HandedToSales { handoff } => {
                portfolio
                    .handoffs
                    .insert(op.id.to_string(), handoff.clone());
                one(&handoff.customer)
            }
            Event::BureauFiled { filing } => {
                portfolio
                    .bureau_filings
                    .insert(op.id.to_string(), filing.clone());
                one(&filing.customer)
            }
            Event::InvoiceDelivered { invoice, .. } => {
                if let Some(delivery) = self
                    .deliveries
                    .get(invoice)
                    .and_then(|register| register.value.clone())
                {
                    portfolio.deliveries.insert(invoice.clone(), delivery);
                }
                portfolio
                    .invoices
                    .get(invoice)
                    .map(|i| i.customer.clone())
                    .into_iter()
                    .collect()
            }
            Event::PlanAgreed { plan } => {
                portfolio.plans.insert(PlanId(fact_id()), plan.clone());
                one(&plan.customer)
            }
            Event::ChannelConsentSet { customer, .. } => {
                match self.revoked_of(customer) {
                    Some(revoked) => portfolio.revoked_channels.insert(customer.clone(), revoked),
                    None => portfolio.revoked_channels.remove(customer),
                };
                one(customer)
            }
            Event::DeviceKeyPublished { .. }
            | Event::DeviceAccepted { .. }
            | Event::OperationsSigned { .. }
            | Event::CompanySettingsChanged { .. }
            | Event::DeviceRoleSet { .. } => Vec::new(),
        }
    }

    fn revoked_channels(&self) -> BTreeMap<CustomerId, BTreeMap<Channel, NaiveDate>> {
        let customers: BTreeSet<&CustomerId> = self.consents.keys().map(|(c, _)| c).collect();
        customers
            .into_iter()
            .filter_map(|customer| Some((customer.clone(), self.revoked_of(customer)?)))
            .collect()
    }
}

/// The change a hold operation makes, for the history: a lift written before lifts said who
/// and when (bundle format 5) has nothing to show.
fn hold_change(
    customer: &CustomerId,
    hold: &Option<CreditHold>,
    lifted: &Option<HoldLifted>,
) -> Option<HoldChange> {
    let change = match (hold, lifted) {
        (Some(hold), _) => Change::Held(hold.clone()),
        (None, Some(lifted)) => Change::Lifted(lifted.clone()),
        (None, None) => return None,
    };
    Some(HoldChange {
        customer: customer.clone(),
        change,
    })
}
