//! Which operations a bundle carries.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::format::{Bundle, BundleKind, Sender};
use crate::domain::customer::CustomerId;
use crate::domain::portfolio::Portfolio;
use crate::domain::search::fold;
use crate::sync::op::{Event, Op};
use crate::sync::peer::Peers;
use crate::sync::projection::Projection;
use crate::sync::signed_run::runs_for;
use crate::sync::version_vector::VersionVector;

/// What `peer_holds` lacks, with the signed runs that vouch for it (a peer that holds a
/// part of a run, from a route, may hold its signature already).
pub fn delta(ops: &[Op], peer_holds: &VersionVector) -> Vec<Op> {
    let lacking: Vec<&Op> = ops
        .iter()
        .filter(|op| !peer_holds.includes(&op.id))
        .collect();
    let held_runs = runs_for(lacking.iter().map(|op| &op.id), ops)
        .into_iter()
        .filter(|run| peer_holds.includes(&run.id));
    lacking.into_iter().chain(held_runs).cloned().collect()
}

/// Everything about the customers `collector` is assigned in `portfolio`, or ever was, from
/// every device, and every device's key: a customer handed to another collector stays in the
/// old route, so the old collector's phone learns of the change and drops them from its
/// agenda.
pub fn route(ops: &[Op], portfolio: &Portfolio, collector: &str) -> Vec<Op> {
    let ever_assigned = ops.iter().filter_map(|op| match &op.event {
        Event::CustomerUpserted { customer, patch }
            if patch.collector.as_deref() == Some(collector) =>
        {
            Some(customer)
        }
        _ => None,
    });
    let customers: BTreeSet<&CustomerId> = portfolio
        .customers
        .iter()
        .filter(|(_, customer)| customer.collector == collector)
        .map(|(id, _)| id)
        .chain(ever_assigned)
        .collect();
    // Every device's key, and the office's word on it, go too: whoever gets the route learns
    // who wrote it. So do the company's settings and who may set them: every phone follows
    // the office's rules.
    let chosen: Vec<&Op> = ops
        .iter()
        .filter(|op| match concerns(&op.event, portfolio) {
            Some(customer) => customers.contains(customer),
            None => {
                op.event.is_company()
                    || matches!(
                        op.event,
                        Event::DeviceKeyPublished { .. } | Event::DeviceAccepted { .. }
                    )
            }
        })
        .collect();
    let runs = runs_for(chosen.iter().map(|op| &op.id), ops);
    chosen.into_iter().chain(runs).cloned().collect()
}

/// The customer an event is about, looked up in the portfolio for events that name only an
/// invoice, a payment or a dispute. An invoice goes with the customer it belongs to now.
fn concerns<'a>(event: &'a Event, portfolio: &'a Portfolio) -> Option<&'a CustomerId> {
    match event {
        Event::CustomerUpserted { customer, .. }
        | Event::TypificationSet { customer, .. }
        | Event::CreditHoldSet { customer, .. }
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
        Event::HandedToSales { handoff } => Some(&handoff.customer),
        Event::BureauFiled { filing } => Some(&filing.customer),
        Event::InvoiceDelivered { invoice, .. } => {
            portfolio.invoices.get(invoice).map(|i| &i.customer)
        }
        Event::PlanAgreed { plan } => Some(&plan.customer),
        Event::DeviceKeyPublished { .. }
        | Event::DeviceAccepted { .. }
        | Event::OperationsSigned { .. }
        | Event::CompanySettingsChanged { .. }
        | Event::DeviceRoleSet { .. } => None,
    }
}

/// The bundle of `kind` this device (`sender`) sends now, from its whole log `ops`.
pub fn compose(
    kind: BundleKind,
    ops: &[Op],
    projection: &Projection,
    peers: &Peers,
    sender: Sender,
    created_ms: u64,
) -> Bundle {
    let chosen = match &kind {
        BundleKind::Full => ops.to_vec(),
        BundleKind::Delta { for_device } => {
            let known = peers
                .0
                .get(for_device)
                .and_then(|peer| peer.last_bundle.as_ref())
                .map(|last| last.holds.clone())
                .unwrap_or_default();
            delta(ops, &known)
        }
        BundleKind::Route { collector } => route(ops, &projection.portfolio(), collector),
    };
    let mut labels = peers.labels();
    labels.insert(sender.device.clone(), sender.label.clone());
    Bundle {
        sender,
        created_ms,
        kind,
        holds: projection.versions().clone(),
        labels,
        ops: chosen,
    }
}

/// "cobranza-oficina-2026-11-24-ruta-juan.json": who sent it, when, and what it is, in words
/// safe in any file system and chat app.
pub fn file_name(sender_label: &str, day: NaiveDate, kind_words: &[&str]) -> String {
    let mut parts = vec!["cobranza".to_owned(), slug(sender_label), day.to_string()];
    parts.extend(kind_words.iter().map(|word| slug(word)));
    parts.retain(|part| !part.is_empty());
    format!("{}.json", parts.join("-"))
}

/// `text` in lowercase ASCII letters and digits, words joined by `-`: safe in file names,
/// and in CouchDB's database and user names.
pub fn slug(text: &str) -> String {
    let folded: String = fold(text)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { ' ' })
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_say_sender_date_and_kind_in_plain_letters() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 24).expect("date");
        assert_eq!(
            file_name("Oficina Principal", day, &["ruta", "José Peña"]),
            "cobranza-oficina-principal-2026-11-24-ruta-jose-pena.json"
        );
        assert_eq!(
            file_name("../../etc", day, &["completo"]),
            "cobranza-etc-2026-11-24-completo.json"
        );
    }
}
