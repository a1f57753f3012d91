//! Which operations a bundle carries.

use std::collections::BTreeSet;

use crate::domain::customer::CustomerId;
use crate::domain::portfolio::Portfolio;
use crate::sync::op::{Event, Op};
use crate::sync::version_vector::VersionVector;

/// What `peer_holds` lacks.
pub fn delta(ops: &[Op], peer_holds: &VersionVector) -> Vec<Op> {
    ops.iter()
        .filter(|op| !peer_holds.includes(&op.id))
        .cloned()
        .collect()
}

/// Everything about the customers `collector` is assigned in `portfolio`, from every device.
pub fn route(ops: &[Op], portfolio: &Portfolio, collector: &str) -> Vec<Op> {
    let customers: BTreeSet<&CustomerId> = portfolio
        .customers
        .iter()
        .filter(|(_, customer)| customer.collector == collector)
        .map(|(id, _)| id)
        .collect();
    ops.iter()
        .filter(|op| concerns(&op.event, portfolio).is_some_and(|c| customers.contains(c)))
        .cloned()
        .collect()
}

/// The customer an event is about, looked up in the portfolio for events that name only an
/// invoice, a payment or a dispute. An invoice goes with the customer it belongs to now.
fn concerns<'a>(event: &'a Event, portfolio: &'a Portfolio) -> Option<&'a CustomerId> {
    match event {
        Event::CustomerUpserted { customer, .. }
        | Event::TypificationSet { customer, .. }
        | Event::ChannelConsentSet { customer, .. } => Some(customer),
        Event::InvoiceUpserted { invoice, patch } => portfolio
            .invoices
            .get(invoice)
            .map(|i| &i.customer)
            .or(patch.customer.as_ref()),
        Event::PaymentRecorded { payment } => Some(&payment.customer),
        Event::PaymentVoided { payment, .. } => portfolio
            .payments
            .get(payment)
            .or_else(|| portfolio.voided_payments.get(payment).map(|v| &v.payment))
            .map(|p| &p.customer),
        Event::CreditNoteIssued { credit_note } => Some(&credit_note.customer),
        Event::PromiseMade { promise } => Some(&promise.customer),
        Event::DisputeOpened { dispute } => Some(&dispute.customer),
        Event::DisputeResolved { dispute, .. } => {
            portfolio.disputes.get(dispute).map(|d| &d.customer)
        }
        Event::ContactLogged { contact } => Some(&contact.customer),
        Event::AgendaSkipped { skip } => Some(&skip.customer),
        Event::PlanAgreed { plan } => Some(&plan.customer),
    }
}
