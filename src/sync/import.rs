//! What importing a file would change, worked out before anything is written: the events to
//! record, and counts the preview shows. Only differences become events, so importing the same
//! file again records nothing.

use std::collections::BTreeMap;

use super::csv::payment_file::{read_payments, PaymentFile};
use super::csv::portfolio_file::{read_portfolio, PortfolioFile};
use super::csv::table::{BadRow, FileKind, FileProblem, Layout};
use super::op::{CustomerPatch, Event, InvoicePatch};
use super::op_check::check_event;
use crate::domain::credit_terms::CreditTerms;
use crate::domain::customer::Customer;
use crate::domain::invoice_acceptance::Delivery;
use crate::domain::money::Currency;
use crate::domain::payment::Payment;
use crate::domain::portfolio::Portfolio;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPlan {
    pub events: Vec<Event>,
    pub new_customers: usize,
    pub updated_customers: usize,
    pub new_invoices: usize,
    pub updated_invoices: usize,
    pub new_payments: usize,
    /// Customers, invoices or payments the portfolio already holds exactly as the file says.
    pub already_present: usize,
    /// Customers this import makes businesses from the shape of their NIT alone.
    pub inferred_kinds: usize,
}

impl ImportPlan {
    pub fn is_empty(&self) -> bool {
        self.events.is_empty()
    }

    pub fn for_portfolio(current: &Portfolio, file: &PortfolioFile) -> ImportPlan {
        let mut plan = ImportPlan::default();
        for (id, patch) in &file.customers {
            let inferred = file.inferred_kinds.contains(id);
            let (patch, is_new) = match current.customers.get(id) {
                Some(customer) => (customer_changes(customer, patch, inferred), false),
                None => (patch.clone(), true),
            };
            if patch == CustomerPatch::default() {
                plan.already_present += 1;
                continue;
            }
            if is_new {
                plan.new_customers += 1;
            } else {
                plan.updated_customers += 1;
            }
            if patch.kind.is_some() && inferred {
                plan.inferred_kinds += 1;
            }
            plan.events.push(Event::CustomerUpserted {
                customer: id.clone(),
                patch,
            });
        }
        for (id, patch) in &file.invoices {
            let (patch, is_new) = match current.invoices.get(id) {
                Some(invoice) => (patch.clone().changes_to(invoice), false),
                None => (patch.clone(), true),
            };
            if patch == InvoicePatch::default() {
                plan.already_present += 1;
                continue;
            }
            if is_new {
                plan.new_invoices += 1;
            } else {
                plan.updated_invoices += 1;
            }
            plan.events.push(Event::InvoiceUpserted {
                invoice: id.clone(),
                patch,
            });
        }
        // After the invoices, whose customer the delivery's route follows.
        for (id, delivery) in &file.deliveries {
            let held = current.deliveries.get(id);
            // A spreadsheet knows nothing of an objection recorded here: it stays.
            let delivery = Delivery {
                objected_on: held.and_then(|h| h.objected_on),
                ..delivery.clone()
            };
            if held != Some(&delivery) {
                plan.events.push(Event::InvoiceDelivered {
                    invoice: id.clone(),
                    delivery,
                });
            }
        }
        plan
    }

    /// A payment identical to one already recorded (same customer, day, amount, method,
    /// reference and invoices) is taken to be that one; a file may still hold two identical
    /// payments, and then both are kept, as many times as the file has them.
    pub fn for_payments(current: &Portfolio, file: &PaymentFile) -> ImportPlan {
        let mut plan = ImportPlan::default();
        let mut recorded: BTreeMap<String, usize> = BTreeMap::new();
        for payment in current.payments.values() {
            *recorded.entry(identity(payment)).or_default() += 1;
        }
        for (_, payment) in &file.payments {
            match recorded.get_mut(&identity(payment)) {
                Some(count) if *count > 0 => {
                    *count -= 1;
                    plan.already_present += 1;
                }
                _ => {
                    plan.new_payments += 1;
                    plan.events.push(Event::PaymentRecorded {
                        payment: payment.clone(),
                    });
                }
            }
        }
        plan
    }
}

/// A file read with a confirmed layout, as the preview shows it before anything is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    pub kind: FileKind,
    pub plan: ImportPlan,
    pub bad_rows: Vec<BadRow>,
    pub ignored_columns: Vec<String>,
}

pub fn preview(
    bytes: &[u8],
    kind: FileKind,
    layout: Layout,
    default_currency: Currency,
    current: &Portfolio,
) -> Result<Preview, FileProblem> {
    let preview = match kind {
        FileKind::Portfolio => {
            let file = read_portfolio(bytes, layout, default_currency)?;
            Preview {
                kind,
                plan: ImportPlan::for_portfolio(current, &file),
                bad_rows: file.bad_rows,
                ignored_columns: file.ignored_columns,
            }
        }
        FileKind::Payments => {
            let file = read_payments(bytes, layout, default_currency, current)?;
            Preview {
                kind,
                plan: ImportPlan::for_payments(current, &file),
                bad_rows: file.bad_rows,
                ignored_columns: file.ignored_columns,
            }
        }
    };
    for event in &preview.plan.events {
        check_event(event).map_err(FileProblem::Unacceptable)?;
    }
    Ok(preview)
}

fn identity(payment: &Payment) -> String {
    let invoices: Vec<&str> = payment.applies_to.iter().map(|i| i.0.as_str()).collect();
    format!(
        "{}\u{1f}{}\u{1f}{}\u{1f}{}\u{1f}{:?}\u{1f}{}\u{1f}{}",
        payment.customer.0,
        payment.received_on,
        payment.amount.amount.normalize(),
        payment.amount.currency,
        payment.method,
        payment.reference,
        invoices.join("\u{1e}")
    )
}

/// The fields of `patch` that say something other than what `customer` holds. A phone the
/// customer already has is no change; a new one goes first, keeping the others.
fn customer_changes(customer: &Customer, patch: &CustomerPatch, inferred: bool) -> CustomerPatch {
    let phones = patch.phones.as_ref().and_then(|phones| {
        let fresh: Vec<String> = phones
            .iter()
            .filter(|phone| !customer.phones.contains(phone))
            .cloned()
            .collect();
        (!fresh.is_empty()).then(|| fresh.into_iter().chain(customer.phones.clone()).collect())
    });
    // A file's terms say only the columns it has: the rest of what the customer agreed stays.
    let credit_terms = patch.credit_terms.as_ref().map(|terms| {
        let mut limits = customer.credit_terms.limits.clone();
        for limit in &terms.limits {
            limits.retain(|l| l.currency != limit.currency);
            limits.push(*limit);
        }
        CreditTerms {
            payment_days: terms.payment_days.or(customer.credit_terms.payment_days),
            limits,
        }
    });
    // What the file only infers never overrides what a person said.
    let (kind, id_type) = if inferred {
        (
            patch.kind.filter(|_| customer.kind.is_none()),
            patch.id_type.filter(|_| customer.id_type.is_none()),
        )
    } else {
        (patch.kind, patch.id_type)
    };
    CustomerPatch {
        phones,
        credit_terms,
        kind,
        id_type,
        ..patch.clone()
    }
    .changes_to(customer)
}
