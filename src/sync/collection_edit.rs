//! What the collector records during the day (contacts, promises, receipts, voids, disputes,
//! typifications, skips and payment plans), checked and turned into events. As with
//! `edit`, the rules live here so that they are tested natively.

use chrono::NaiveDate;
use rust_decimal::Decimal;

use super::edit::{record_payment, EditProblem};
use super::op::{Event, InvoicePatch};
use crate::domain::agenda_skip::{AgendaSkip, SkipReason};
use crate::domain::contact::{Channel, Contact, Outcome};
use crate::domain::customer::CustomerId;
use crate::domain::dispute::{Dispute, DisputeId, DisputeReason};
use crate::domain::invoice::{Installment, InvoiceId, InvoiceKind, Terms};
use crate::domain::money::Money;
use crate::domain::payment::{Payment, PaymentId};
use crate::domain::payment_plan::{schedule, PaymentPlan, PlanTerms};
use crate::domain::portfolio::Portfolio;
use crate::domain::promise::Promise;
use crate::domain::receipt::Receipt;
use crate::domain::sales_handoff::SalesHandoff;
use crate::domain::typification::Typification;

pub(super) fn known(portfolio: &Portfolio, customer: &CustomerId) -> Result<(), EditProblem> {
    if portfolio.customers.contains_key(customer) {
        Ok(())
    } else {
        Err(EditProblem::UnknownCustomer)
    }
}

/// A contact, and the promise the customer made in it when they made one.
pub fn log_contact(
    portfolio: &Portfolio,
    today: NaiveDate,
    contact: Contact,
    promise: Option<(Money, NaiveDate)>,
) -> Result<Vec<Event>, EditProblem> {
    known(portfolio, &contact.customer)?;
    if contact.on() > today {
        return Err(EditProblem::InTheFuture);
    }
    if contact.next_followup.is_some_and(|d| d < today) {
        return Err(EditProblem::FollowupInThePast);
    }
    let policy_override = contact
        .policy_override
        .as_deref()
        .map(|reason| reason.trim().to_owned());
    if policy_override.as_ref().is_some_and(String::is_empty) {
        return Err(EditProblem::MissingReason);
    }
    let promise = match (contact.outcome, promise) {
        (Outcome::Promised, None) => return Err(EditProblem::MissingPromise),
        (_, Some((amount, due_on))) => {
            if amount.amount <= Decimal::ZERO {
                return Err(EditProblem::NotPositive);
            }
            if due_on < today {
                return Err(EditProblem::PromiseInThePast);
            }
            Some(Event::PromiseMade {
                promise: Promise {
                    customer: contact.customer.clone(),
                    made_on: contact.on(),
                    due_on,
                    amount,
                    channel: Some(contact.channel),
                },
            })
        }
        (_, None) => None,
    };
    let contact = Contact {
        note: contact.note.trim().to_owned(),
        policy_override,
        ..contact
    };
    Ok(std::iter::once(Event::ContactLogged { contact })
        .chain(promise)
        .collect())
}

/// A payment taken by this device, with the next receipt number of `issuer` (this device's
/// id). Voided payments keep their numbers, so they are counted too.
pub fn take_payment(
    portfolio: &Portfolio,
    today: NaiveDate,
    issuer: &str,
    payment: Payment,
) -> Result<Event, EditProblem> {
    let issued = portfolio.every_payment().filter_map(|p| p.receipt.as_ref());
    let receipt = Receipt::next(issuer, issued);
    record_payment(
        portfolio,
        today,
        Payment {
            receipt: Some(receipt),
            ..payment
        },
    )
}

/// Voids a payment recorded by mistake; it stays on record with the reason.
pub fn void_payment(
    portfolio: &Portfolio,
    today: NaiveDate,
    payment: &PaymentId,
    reason: &str,
) -> Result<Event, EditProblem> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(EditProblem::MissingReason);
    }
    if portfolio.voided_payments.contains_key(payment) {
        return Err(EditProblem::AlreadyVoided);
    }
    if !portfolio.payments.contains_key(payment) {
        return Err(EditProblem::UnknownPayment);
    }
    Ok(Event::PaymentVoided {
        payment: payment.clone(),
        reason: reason.to_owned(),
        voided_on: Some(today),
    })
}

pub struct DisputeForm {
    pub customer: CustomerId,
    pub invoices: Vec<InvoiceId>,
    pub reason: DisputeReason,
    pub amount: Option<Money>,
    pub owner: String,
}

pub fn open_dispute(
    portfolio: &Portfolio,
    today: NaiveDate,
    form: DisputeForm,
) -> Result<Event, EditProblem> {
    known(portfolio, &form.customer)?;
    for invoice in &form.invoices {
        match portfolio.invoices.get(invoice) {
            None => return Err(EditProblem::UnknownInvoice),
            Some(i) if i.customer != form.customer => {
                return Err(EditProblem::InvoiceOfAnotherCustomer)
            }
            Some(_) => {}
        }
    }
    if form.amount.is_some_and(|a| a.amount <= Decimal::ZERO) {
        return Err(EditProblem::NotPositive);
    }
    Ok(Event::DisputeOpened {
        dispute: Dispute {
            customer: form.customer,
            invoices: form.invoices,
            amount: form.amount,
            owner: form.owner.trim().to_owned(),
            reason: form.reason,
            opened_on: today,
            resolved_on: None,
        },
    })
}

pub fn resolve_dispute(
    portfolio: &Portfolio,
    today: NaiveDate,
    dispute: &DisputeId,
) -> Result<Event, EditProblem> {
    match portfolio.disputes.get(dispute) {
        None => Err(EditProblem::UnknownDispute),
        Some(d) if !d.is_open() => Err(EditProblem::AlreadyResolved),
        Some(_) => Ok(Event::DisputeResolved {
            dispute: dispute.clone(),
            resolved_on: today,
        }),
    }
}

pub fn typify(
    portfolio: &Portfolio,
    today: NaiveDate,
    customer: &CustomerId,
    typification: Typification,
) -> Result<Event, EditProblem> {
    known(portfolio, customer)?;
    let typification = Typification {
        sector: typification.sector.trim().to_owned(),
        set_on: Some(today),
        ..typification
    };
    let current = portfolio.typifications.get(customer);
    if current.is_some_and(|c| c.judges_alike(&typification)) {
        return Err(EditProblem::NothingChanged);
    }
    Ok(Event::TypificationSet {
        customer: customer.clone(),
        typification,
    })
}

/// The debtor revokes (or gives back) consent to be contacted through `channel`.
pub fn set_channel_consent(
    portfolio: &Portfolio,
    today: NaiveDate,
    customer: &CustomerId,
    channel: Channel,
    revoked: bool,
) -> Result<Event, EditProblem> {
    known(portfolio, customer)?;
    if portfolio.revoked(customer).contains(&channel) == revoked {
        return Err(EditProblem::NothingChanged);
    }
    Ok(Event::ChannelConsentSet {
        customer: customer.clone(),
        channel,
        revoked,
        on: today,
    })
}

pub fn skip_today(
    portfolio: &Portfolio,
    today: NaiveDate,
    customer: &CustomerId,
    reason: SkipReason,
) -> Result<Event, EditProblem> {
    known(portfolio, customer)?;
    Ok(Event::AgendaSkipped {
        skip: AgendaSkip {
            customer: customer.clone(),
            on: today,
            reason,
        },
    })
}

/// The account handed to `salesperson` with `note`, by `by` (this device's name).
pub fn hand_to_sales(
    portfolio: &Portfolio,
    today: NaiveDate,
    customer: &CustomerId,
    salesperson: &str,
    note: &str,
    by: &str,
) -> Result<Event, EditProblem> {
    known(portfolio, customer)?;
    let (salesperson, note) = (salesperson.trim(), note.trim());
    if salesperson.is_empty() {
        return Err(EditProblem::MissingSalesperson);
    }
    if note.is_empty() {
        return Err(EditProblem::MissingReason);
    }
    Ok(Event::HandedToSales {
        handoff: SalesHandoff {
            customer: customer.clone(),
            salesperson: salesperson.to_owned(),
            note: note.to_owned(),
            on: today,
            by: by.to_owned(),
        },
    })
}

/// A payment plan, and with it an invoice for the interest it charges, due instalment by
/// instalment, so that balances and aging include what the customer agreed to pay.
pub fn agree_plan(
    portfolio: &Portfolio,
    customer: &CustomerId,
    terms: PlanTerms,
) -> Result<Vec<Event>, EditProblem> {
    known(portfolio, customer)?;
    let installments = schedule(&terms).map_err(EditProblem::Plan)?;
    let interest: Vec<Installment> = installments
        .iter()
        .filter(|i| i.interest > Decimal::ZERO)
        .map(|i| Installment {
            number: i.number,
            due_on: i.due_on,
            amount: i.interest,
        })
        .collect();
    let mut events = vec![Event::PlanAgreed {
        plan: PaymentPlan {
            customer: customer.clone(),
            terms: terms.clone(),
        },
    }];
    if !interest.is_empty() {
        let base = format!("INT-{}-{}", customer.0, terms.agreed_on);
        let invoice = (1..)
            .map(|n| match n {
                1 => InvoiceId(base.as_str().into()),
                n => InvoiceId(format!("{base}-{n}").into()),
            })
            .find(|id| !portfolio.invoices.contains_key(id))
            .unwrap_or(InvoiceId(base.into()));
        events.push(Event::InvoiceUpserted {
            invoice,
            patch: InvoicePatch {
                kind: Some(InvoiceKind::PlanInterest),
                customer: Some(customer.clone()),
                issued_on: Some(terms.agreed_on),
                terms: Some(Terms::in_installments(terms.balance.currency, interest)?),
            },
        });
    }
    Ok(events)
}
