//! What an import overwrote: two devices changed the same field of a customer or an invoice
//! without either having seen the other's change. Last writer by hybrid clock wins on every
//! device alike; this list lets a person see what lost. Facts (payments, contacts, promises)
//! never conflict: each has its own id and is only ever voided by an explicit operation.

use std::collections::btree_map::Entry;
use std::collections::BTreeMap;

use super::hlc::{DeviceId, Hlc};
use super::op::{CustomerPatch, Event, InvoicePatch, Op, OpId};
use super::projection::{Projection, Register};
use super::stamp::Stamp;
use super::version_vector::VersionVector;
use crate::domain::credit_terms::CreditTerms;
use crate::domain::customer::{CustomerId, GeoPoint};
use crate::domain::invoice::{InvoiceId, Terms};

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Subject {
    Customer(CustomerId),
    Invoice(InvoiceId),
}

/// A value as one device wrote it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Written {
    pub value: String,
    pub device: DeviceId,
    pub wall_ms: u64,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub subject: Subject,
    /// The field's name in the operation (`name`, `phones`, `terms`…).
    pub field: &'static str,
    pub kept: Written,
    pub overwritten: Written,
}

impl Projection {
    /// The fields `incoming` writes differently from what is stored, where the stored value's
    /// writer is not among what the sender held (`sender_holds`): concurrent edits.
    pub fn conflicts(&self, incoming: &[Op], sender_holds: &VersionVector) -> Vec<Conflict> {
        // Only the sender's last write of each field counts: its earlier ones it overwrote
        // itself.
        let mut latest: BTreeMap<(Subject, &'static str), (String, &Hlc)> = BTreeMap::new();
        for op in incoming {
            for (subject, field, value) in fields_written(&op.event) {
                match latest.entry((subject, field)) {
                    Entry::Occupied(mut entry) if op.hlc > *entry.get().1 => {
                        entry.insert((value, &op.hlc));
                    }
                    Entry::Occupied(_) => {}
                    Entry::Vacant(entry) => {
                        entry.insert((value, &op.hlc));
                    }
                }
            }
        }
        let mut conflicts = Vec::new();
        for ((subject, field), (value, stamp)) in latest {
            let Some((stored, stored_stamp, seq)) = self.stored(&subject, field) else {
                continue;
            };
            let writer = OpId {
                device: stored_stamp.device.clone(),
                seq,
            };
            if sender_holds.includes(&writer) || stored == value {
                continue;
            }
            let theirs = Written {
                value,
                device: stamp.device.clone(),
                wall_ms: stamp.wall_ms,
            };
            let ours = Written {
                value: stored,
                device: stored_stamp.device.clone(),
                wall_ms: stored_stamp.wall_ms,
            };
            let (kept, overwritten) = if *stamp > stored_stamp {
                (theirs, ours)
            } else {
                (ours, theirs)
            };
            conflicts.push(Conflict {
                subject,
                field,
                kept,
                overwritten,
            });
        }
        conflicts
    }

    /// The stored value of a field, shown as text, when it was written and by which of its
    /// device's operations.
    fn stored(&self, subject: &Subject, field: &str) -> Option<(String, Hlc, u64)> {
        let (value, stamp, seq) = match subject {
            Subject::Customer(id) => {
                let c = self.customers.get(id)?;
                match field {
                    "name" => shown(&c.name, String::clone),
                    "tax_id" => shown(&c.tax_id, String::clone),
                    "phones" => shown(&c.phones, |p| p.join(", ")),
                    "email" => shown(&c.email, String::clone),
                    "address" => shown(&c.address, String::clone),
                    "city" => shown(&c.city, String::clone),
                    "collector" => shown(&c.collector, String::clone),
                    "notes" => shown(&c.notes, String::clone),
                    "location" => shown(&c.location, place),
                    _ => None,
                }
            }
            Subject::Invoice(id) => {
                let i = self.invoices.get(id)?;
                match field {
                    "customer" => shown(&i.customer, |c| c.0.to_string()),
                    "issued_on" => shown(&i.issued_on, |day| day.0.to_string()),
                    "terms" => shown(&i.terms, terms),
                    _ => None,
                }
            }
        }?;
        Some((value, self.devices.hlc(stamp)?, seq))
    }
}

fn shown<T>(register: &Register<T>, show: impl Fn(&T) -> String) -> Option<(String, Stamp, u64)> {
    let value = register.value.as_ref()?;
    Some((show(value), register.stamp?, register.seq))
}

fn fields_written(event: &Event) -> Vec<(Subject, &'static str, String)> {
    match event {
        Event::CustomerUpserted { customer, patch } => customer_fields(patch)
            .into_iter()
            .map(|(field, value)| (Subject::Customer(customer.clone()), field, value))
            .collect(),
        Event::InvoiceUpserted { invoice, patch } => invoice_fields(patch)
            .into_iter()
            .map(|(field, value)| (Subject::Invoice(invoice.clone()), field, value))
            .collect(),
        _ => Vec::new(),
    }
}

fn customer_fields(patch: &CustomerPatch) -> Vec<(&'static str, String)> {
    let texts = [
        ("name", &patch.name),
        ("tax_id", &patch.tax_id),
        ("email", &patch.email),
        ("address", &patch.address),
        ("city", &patch.city),
        ("collector", &patch.collector),
        ("notes", &patch.notes),
        ("salesperson", &patch.salesperson),
    ];
    let mut fields: Vec<(&'static str, String)> = texts
        .into_iter()
        .filter_map(|(field, value)| Some((field, value.clone()?)))
        .collect();
    if let Some(phones) = &patch.phones {
        fields.push(("phones", phones.join(", ")));
    }
    if let Some(location) = &patch.location {
        fields.push(("location", place(location)));
    }
    if let Some(kind) = patch.kind {
        fields.push(("kind", kind.code().to_owned()));
    }
    if let Some(id_type) = patch.id_type {
        fields.push(("id_type", id_type.code().to_owned()));
    }
    if let Some(authorized) = patch.visits_authorized {
        fields.push(("visits_authorized", authorized.to_string()));
    }
    if let Some(terms) = &patch.credit_terms {
        fields.push(("credit_terms", credit_terms(terms)));
    }
    if let Some(authorization) = &patch.bureau_authorization {
        let given = format!("{} ({})", authorization.on, authorization.how);
        fields.push(("bureau_authorization", given));
    }
    fields
}

fn invoice_fields(patch: &InvoicePatch) -> Vec<(&'static str, String)> {
    let mut fields = Vec::new();
    if let Some(customer) = &patch.customer {
        fields.push(("customer", customer.0.to_string()));
    }
    if let Some(day) = patch.issued_on {
        fields.push(("issued_on", day.to_string()));
    }
    if let Some(value) = &patch.terms {
        fields.push(("terms", terms(value)));
    }
    fields
}

/// "30 días; COP 5000000" as the conflict list compares them.
fn credit_terms(terms: &CreditTerms) -> String {
    let days = terms
        .payment_days
        .map(|d| d.to_string())
        .unwrap_or_default();
    let limits: Vec<String> = terms
        .limits
        .iter()
        .map(|l| format!("{} {}", l.currency, l.amount))
        .collect();
    format!("{days}; {}", limits.join(", "))
}

fn place(point: &GeoPoint) -> String {
    format!("{}, {}", point.latitude, point.longitude)
}

/// "COP 1500000.00 2026-12-01", one pair per instalment when there are several.
fn terms(value: &Terms) -> String {
    value
        .dues()
        .map(|due| format!("{} {} {}", value.amount().currency, due.amount, due.due_on))
        .collect::<Vec<_>>()
        .join(" + ")
}
