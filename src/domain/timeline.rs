//! Everything that happened with one customer, newest first: what the customer screen's
//! history shows and, later, what a statement prints.

use chrono::NaiveDate;
use smol_str::SmolStr;

use super::agenda_skip::SkipReason;
use super::bureau_report::FilingKind;
use super::contact::{Channel, Contact};
use super::credit_hold::Change;
use super::customer::CustomerId;
use super::dispute::{Dispute, DisputeId};
use super::invoice::{InvoiceId, InvoiceKind};
use super::money::Money;
use super::payment::{PaymentId, PaymentMethod};
use super::portfolio::Portfolio;
use super::promise_outcome::{promise_outcomes, PromiseOutcome};
use super::receipt::Receipt;
use super::typification::Typification;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Happening {
    InvoiceIssued(InvoiceId, Money, InvoiceKind),
    PaymentReceived {
        id: PaymentId,
        method: PaymentMethod,
        amount: Money,
        receipt: Option<Receipt>,
    },
    PaymentVoided {
        amount: Money,
        receipt: Option<Receipt>,
        reason: String,
    },
    CreditNoteIssued(String, Money),
    ContactMade(Box<Contact>),
    PromiseMade {
        due_on: NaiveDate,
        amount: Money,
        outcome: PromiseOutcome,
    },
    DisputeOpened(DisputeId, Box<Dispute>),
    DisputeResolved,
    PlanAgreed {
        installments: u32,
        balance: Money,
    },
    Typified(Box<Typification>),
    Skipped(SkipReason),
    ChannelRevoked(Channel),
    /// The customer's credit withdrawn: why, and who did it.
    CreditHeld {
        reason: String,
        by: String,
    },
    /// The customer's credit given back, and by whom.
    CreditRestored {
        by: String,
    },
    HandedToSales {
        salesperson: String,
        note: String,
        by: String,
    },
    BureauFiled {
        kind: FilingKind,
        by: String,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub on: NaiveDate,
    pub happening: Happening,
    /// For a fact (a payment, a promise, a contact…), the id of the operation that
    /// recorded it, which is the fact's id.
    pub recorded_as: Option<SmolStr>,
}

/// Everything recorded about `customer`, with promises judged as of `today`.
pub fn timeline(portfolio: &Portfolio, customer: &CustomerId, today: NaiveDate) -> Vec<Entry> {
    let mut entries = Vec::new();
    let mut add = |on, happening, recorded_as: Option<&SmolStr>| {
        entries.push(Entry {
            on,
            happening,
            recorded_as: recorded_as.cloned(),
        })
    };
    let mine = |c: &CustomerId| c == customer;
    for (id, invoice) in portfolio.invoices.iter().filter(|(_, i)| mine(&i.customer)) {
        add(
            invoice.issued_on,
            Happening::InvoiceIssued(id.clone(), invoice.amount(), invoice.kind.clone()),
            None,
        );
    }
    let outcomes = promise_outcomes(portfolio, today);
    for (id, promise) in portfolio.promises.iter().filter(|(_, p)| mine(&p.customer)) {
        add(
            promise.made_on,
            Happening::PromiseMade {
                due_on: promise.due_on,
                amount: promise.amount,
                outcome: outcomes.get(id).copied().unwrap_or(PromiseOutcome::Pending),
            },
            Some(&id.0),
        );
    }
    for (id, contact) in portfolio.contacts.iter().filter(|(_, c)| mine(&c.customer)) {
        add(
            contact.on(),
            Happening::ContactMade(Box::new(contact.clone())),
            Some(&id.0),
        );
    }
    for (id, payment) in portfolio.payments.iter().filter(|(_, p)| mine(&p.customer)) {
        add(
            payment.received_on,
            Happening::PaymentReceived {
                id: id.clone(),
                method: payment.method,
                amount: payment.amount,
                receipt: payment.receipt.clone(),
            },
            Some(&id.0),
        );
    }
    for voided in portfolio
        .voided_payments
        .values()
        .filter(|v| mine(&v.payment.customer))
    {
        add(
            voided.voided_on.unwrap_or(voided.payment.received_on),
            Happening::PaymentVoided {
                amount: voided.payment.amount,
                receipt: voided.payment.receipt.clone(),
                reason: voided.reason.clone(),
            },
            None,
        );
    }
    for (id, note) in portfolio
        .credit_notes
        .iter()
        .filter(|(_, n)| mine(&n.customer))
    {
        add(
            note.issued_on,
            Happening::CreditNoteIssued(note.number.clone(), note.amount),
            Some(&id.0),
        );
    }
    for (id, dispute) in portfolio.disputes.iter().filter(|(_, d)| mine(&d.customer)) {
        add(
            dispute.opened_on,
            Happening::DisputeOpened(id.clone(), Box::new(dispute.clone())),
            Some(&id.0),
        );
        if let Some(resolved_on) = dispute.resolved_on {
            add(resolved_on, Happening::DisputeResolved, None);
        }
    }
    for (id, plan) in portfolio.plans.iter().filter(|(_, p)| mine(&p.customer)) {
        add(
            plan.terms.agreed_on,
            Happening::PlanAgreed {
                installments: plan.terms.installments,
                balance: plan.terms.balance,
            },
            Some(&id.0),
        );
    }
    if let Some(typification) = portfolio.typifications.get(customer) {
        if let Some(on) = typification.set_on {
            add(
                on,
                Happening::Typified(Box::new(typification.clone())),
                None,
            );
        }
    }
    for skip in portfolio.skips.values().filter(|s| mine(&s.customer)) {
        add(skip.on, Happening::Skipped(skip.reason), None);
    }
    for (channel, on) in portfolio
        .revoked_channels
        .get(customer)
        .into_iter()
        .flatten()
    {
        add(*on, Happening::ChannelRevoked(*channel), None);
    }
    for (id, change) in portfolio
        .hold_changes
        .iter()
        .filter(|(_, h)| mine(&h.customer))
    {
        let (on, happening) = match &change.change {
            Change::Held(hold) => (
                hold.since,
                Happening::CreditHeld {
                    reason: hold.reason.clone(),
                    by: hold.by.clone(),
                },
            ),
            Change::Lifted(lifted) => (
                lifted.on,
                Happening::CreditRestored {
                    by: lifted.by.clone(),
                },
            ),
        };
        add(on, happening, Some(&SmolStr::new(id)));
    }
    for (id, handoff) in portfolio.handoffs.iter().filter(|(_, h)| mine(&h.customer)) {
        let handed = Happening::HandedToSales {
            salesperson: handoff.salesperson.clone(),
            note: handoff.note.clone(),
            by: handoff.by.clone(),
        };
        add(handoff.on, handed, Some(&SmolStr::new(id)));
    }
    for (id, filing) in portfolio
        .bureau_filings
        .iter()
        .filter(|(_, f)| mine(&f.customer))
    {
        let filed = Happening::BureauFiled {
            kind: filing.kind,
            by: filing.by.clone(),
        };
        add(filing.on, filed, Some(&SmolStr::new(id)));
    }
    // Newest first; on one day, in the order things happen in collection: invoice, promise,
    // contact, payment, void, note, dispute, plan. A stable sort keeps that order within a day.
    entries.sort_by_key(|e| std::cmp::Reverse(e.on));
    entries
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::invoice::{Invoice, Terms};
    use crate::domain::money::Currency;
    use crate::domain::payment::{Payment, PaymentId};
    use rust_decimal::dec;

    #[test]
    fn newest_first_and_only_this_customer() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 10, d).expect("date");
        let cop = |n| Money::new(n, Currency::COP);
        let mut p = Portfolio::default();
        for (n, customer, on) in [("A", "c1", 1), ("B", "c2", 2)] {
            p.invoices.insert(
                InvoiceId(n.into()),
                Invoice {
                    kind: Default::default(),
                    customer: CustomerId(customer.into()),
                    issued_on: day(on),
                    terms: Terms::single(cop(dec!(10)), day(30)).expect("terms"),
                },
            );
        }
        p.payments.insert(
            PaymentId("p".into()),
            Payment {
                customer: CustomerId("c1".into()),
                received_on: day(5),
                amount: cop(dec!(4)),
                method: PaymentMethod::Cash,
                reference: Default::default(),
                applies_to: vec![],
                receipt: None,
            },
        );
        let entries = timeline(&p, &CustomerId("c1".into()), day(30));
        assert_eq!(
            entries,
            vec![
                Entry {
                    on: day(5),
                    happening: Happening::PaymentReceived {
                        id: PaymentId("p".into()),
                        method: PaymentMethod::Cash,
                        amount: cop(dec!(4)),
                        receipt: None,
                    },
                    recorded_as: Some("p".into()),
                },
                Entry {
                    on: day(1),
                    happening: Happening::InvoiceIssued(
                        InvoiceId("A".into()),
                        cop(dec!(10)),
                        InvoiceKind::Sale,
                    ),
                    recorded_as: None,
                },
            ]
        );
    }
}
