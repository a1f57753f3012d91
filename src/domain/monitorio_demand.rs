//! What the record can supply of a proceso monitorio's demand (Código General del Proceso,
//! art. 420): the facts, numbered, that show the debt's contractual origin, its exact amount
//! and its parts (num. 4), and the evidence the creditor holds (num. 6). The judge, the
//! parties' representatives and anything else the record cannot know are left to the person.

use std::collections::BTreeSet;

use chrono::NaiveDate;

use super::claim::Claim;
use super::contact::{Channel, Objective};
use super::customer::CustomerId;
use super::invoice::InvoiceId;
use super::invoice_acceptance::Acceptance;
use super::money::Money;
use super::portfolio::Portfolio;
use super::promise_outcome::promise_outcomes;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fact {
    /// The sale on credit: the invoice, issued when, for how much, due when (its last due).
    Invoiced {
        invoice: InvoiceId,
        issued_on: NaiveDate,
        amount: Money,
        due_on: NaiveDate,
        /// How many dues it is paid in: one, or its instalments.
        dues: usize,
    },
    /// The buyer received the goods.
    Received {
        invoice: InvoiceId,
        on: NaiveDate,
        by: String,
    },
    /// Accepted at the close of this day (Código de Comercio, art. 773).
    Accepted { invoice: InvoiceId, on: NaiveDate },
    /// The buyer objected to the invoice on this day.
    Objected { invoice: InvoiceId, on: NaiveDate },
    /// A payment since the first invoice claimed was issued.
    Paid { on: NaiveDate, amount: Money },
    /// A written demand for payment was made (art. 94).
    Demanded { on: NaiveDate, channel: Channel },
    /// The debtor promised to pay and did not.
    PromiseBroken {
        made_on: NaiveDate,
        due_on: NaiveDate,
        amount: Money,
    },
    /// What is still owed, and overdue since when.
    Owes { principal: Money, since: NaiveDate },
    /// Late interest accrued up to the day.
    Interest { amount: Money, through: NaiveDate },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Evidence {
    /// A copy of the invoice, with its electronic code when known.
    Invoice { invoice: InvoiceId, cufe: String },
    /// The receipt of the goods, signed by whom.
    DeliveryReceipt {
        invoice: InvoiceId,
        on: NaiveDate,
        by: String,
    },
    /// The statement of account as of the day.
    Statement { as_of: NaiveDate },
    /// A copy of a written demand and proof of its sending.
    Demand { on: NaiveDate, channel: Channel },
    /// The record of the contacts, with their dates and the promises made in them.
    Contacts { count: usize },
    /// The certified rates the interest was worked out with.
    InterestRates,
}

/// The facts of `customer`'s demand, in the order a demand tells them: each claimed invoice
/// with its receipt and acceptance, then what happened since (payments, demands, broken
/// promises) by date, then what is owed. `claims` are `claim::claims_on` for `today`.
pub fn demand_facts(
    portfolio: &Portfolio,
    customer: &CustomerId,
    claims: &[Claim],
    today: NaiveDate,
) -> Vec<Fact> {
    let claimed: BTreeSet<&InvoiceId> = claims
        .iter()
        .flat_map(|c| &c.dues)
        .map(|due| &due.invoice)
        .collect();
    let mut invoices: Vec<_> = claimed
        .iter()
        .filter_map(|id| Some((*id, portfolio.invoices.get(*id)?)))
        .collect();
    invoices.sort_by_key(|(id, invoice)| (invoice.issued_on, *id));
    let mut facts = Vec::new();
    for (id, invoice) in &invoices {
        facts.push(Fact::Invoiced {
            invoice: (*id).clone(),
            issued_on: invoice.issued_on,
            amount: invoice.amount(),
            due_on: invoice.terms.due_on(),
            dues: invoice.terms.dues().count(),
        });
        let Some(delivery) = portfolio.deliveries.get(*id) else {
            continue;
        };
        if let Some(on) = delivery.received_on {
            facts.push(Fact::Received {
                invoice: (*id).clone(),
                on,
                by: delivery.received_by.clone(),
            });
        }
        match delivery.acceptance(today) {
            Acceptance::Accepted { on } => facts.push(Fact::Accepted {
                invoice: (*id).clone(),
                on,
            }),
            Acceptance::Objected { on } => facts.push(Fact::Objected {
                invoice: (*id).clone(),
                on,
            }),
            Acceptance::Unknown | Acceptance::Pending { .. } => {}
        }
    }
    let Some(first_issued) = invoices.first().map(|(_, i)| i.issued_on) else {
        return facts;
    };
    let mut since: Vec<(NaiveDate, Fact)> = Vec::new();
    for payment in portfolio.payments.values() {
        if payment.customer == *customer && payment.received_on >= first_issued {
            since.push((
                payment.received_on,
                Fact::Paid {
                    on: payment.received_on,
                    amount: payment.amount,
                },
            ));
        }
    }
    for contact in portfolio.contacts.values() {
        if contact.customer == *customer && contact.objective == Objective::PreLegalDemand {
            let on = contact.on();
            since.push((
                on,
                Fact::Demanded {
                    on,
                    channel: contact.channel,
                },
            ));
        }
    }
    let outcomes = promise_outcomes(portfolio, today);
    for (id, promise) in &portfolio.promises {
        let broken = outcomes.get(id).is_some_and(|o| o.is_broken());
        if promise.customer == *customer && broken {
            since.push((
                promise.due_on,
                Fact::PromiseBroken {
                    made_on: promise.made_on,
                    due_on: promise.due_on,
                    amount: promise.amount,
                },
            ));
        }
    }
    since.sort_by_key(|(on, _)| *on);
    facts.extend(since.into_iter().map(|(_, fact)| fact));
    for claim in claims {
        let Some(since) = claim.dues.first().map(|due| due.due_on) else {
            continue;
        };
        facts.push(Fact::Owes {
            principal: Money::new(claim.principal, claim.currency),
            since,
        });
        if let Some(interest) = claim.interest.as_ref().ok().filter(|i| !i.is_zero()) {
            facts.push(Fact::Interest {
                amount: Money::new(*interest, claim.currency),
                through: today,
            });
        }
    }
    facts
}

/// The evidence the record points to, in the order a demand lists it: the invoices and their
/// receipts, the statement, the demands made, the contacts, and the rates when interest is
/// claimed.
pub fn evidence(
    facts: &[Fact],
    portfolio: &Portfolio,
    customer: &CustomerId,
    today: NaiveDate,
) -> Vec<Evidence> {
    let mut listed = Vec::new();
    for fact in facts {
        match fact {
            Fact::Invoiced { invoice, .. } => listed.push(Evidence::Invoice {
                invoice: invoice.clone(),
                cufe: portfolio
                    .deliveries
                    .get(invoice)
                    .map(|d| d.cufe.clone())
                    .unwrap_or_default(),
            }),
            Fact::Received { invoice, on, by } => listed.push(Evidence::DeliveryReceipt {
                invoice: invoice.clone(),
                on: *on,
                by: by.clone(),
            }),
            Fact::Demanded { on, channel } => listed.push(Evidence::Demand {
                on: *on,
                channel: *channel,
            }),
            _ => {}
        }
    }
    listed.push(Evidence::Statement { as_of: today });
    let contacts = portfolio
        .contacts
        .values()
        .filter(|c| c.customer == *customer)
        .count();
    let promised = portfolio.promises.values().any(|p| p.customer == *customer);
    if contacts > 0 || promised {
        listed.push(Evidence::Contacts { count: contacts });
    }
    if facts.iter().any(|f| matches!(f, Fact::Interest { .. })) {
        listed.push(Evidence::InterestRates);
    }
    listed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::certified_rate::CertifiedRates;
    use crate::domain::claim::claims_on;
    use crate::domain::contact::{Contact, ContactId, Outcome};
    use crate::domain::interest_cap::CapRule;
    use crate::domain::invoice::{Invoice, Terms};
    use crate::domain::invoice_acceptance::Delivery;
    use crate::domain::late_interest::{InterestBasis, InterestTerms};
    use crate::domain::money::Currency;
    use crate::domain::payment::{Payment, PaymentId, PaymentMethod};
    use crate::domain::promise::{Promise, PromiseId};
    use rust_decimal::dec;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).expect("a day")
    }

    fn pesos(amount: rust_decimal::Decimal) -> Money {
        Money::new(amount, Currency::COP)
    }

    #[test]
    fn the_facts_tell_the_sale_its_acceptance_what_followed_and_what_is_owed() {
        let customer = CustomerId("c1".into());
        let f1 = InvoiceId("F-1".into());
        let mut portfolio = Portfolio::default();
        portfolio.invoices.insert(
            f1.clone(),
            Invoice {
                customer: customer.clone(),
                issued_on: day(8, 3),
                terms: Terms::single(pesos(dec!(900000)), day(9, 2)).expect("terms"),
                kind: Default::default(),
            },
        );
        portfolio.deliveries.insert(
            f1.clone(),
            Delivery {
                cufe: "fe3a".into(),
                received_on: Some(day(8, 6)),
                received_by: "Bodega".into(),
                objected_on: None,
            },
        );
        portfolio.payments.insert(
            PaymentId("p".into()),
            Payment {
                customer: customer.clone(),
                received_on: day(9, 20),
                amount: pesos(dec!(200000)),
                method: PaymentMethod::Cash,
                reference: "".into(),
                applies_to: Vec::new(),
                receipt: None,
            },
        );
        for (id, due) in [("a", day(10, 1)), ("b", day(10, 15))] {
            portfolio.promises.insert(
                PromiseId(id.into()),
                Promise {
                    customer: customer.clone(),
                    made_on: day(9, 25),
                    due_on: due,
                    amount: pesos(dec!(100000)),
                    channel: None,
                },
            );
        }
        portfolio.contacts.insert(
            ContactId("k".into()),
            Contact {
                customer: customer.clone(),
                at: day(11, 2).and_hms_opt(9, 0, 0).expect("a time"),
                channel: Channel::Letter,
                objective: Objective::PreLegalDemand,
                outcome: Outcome::MessageSent,
                note: String::new(),
                next_followup: None,
                position: None,
                reminded: Vec::new(),
                policy_override: None,
            },
        );
        let rates = CertifiedRates::default();
        let terms = InterestTerms {
            basis: &InterestBasis::None,
            rates: &rates,
            cap: CapRule::BankRate,
        };
        let today = day(12, 3);
        let claims = claims_on(&portfolio, &customer, today, terms);
        let facts = demand_facts(&portfolio, &customer, &claims, today);
        assert_eq!(
            facts,
            vec![
                Fact::Invoiced {
                    invoice: f1.clone(),
                    issued_on: day(8, 3),
                    amount: pesos(dec!(900000)),
                    due_on: day(9, 2),
                    dues: 1,
                },
                Fact::Received {
                    invoice: f1.clone(),
                    on: day(8, 6),
                    by: "Bodega".into()
                },
                // Received Thursday 6 August: Friday 7 is a holiday (Boyacá), Saturday 8
                // counts, Sunday does not, Monday 10 and Tuesday 11 close the three days.
                Fact::Accepted {
                    invoice: f1.clone(),
                    on: day(8, 11)
                },
                Fact::Paid {
                    on: day(9, 20),
                    amount: pesos(dec!(200000))
                },
                Fact::PromiseBroken {
                    made_on: day(9, 25),
                    due_on: day(10, 1),
                    amount: pesos(dec!(100000))
                },
                Fact::PromiseBroken {
                    made_on: day(9, 25),
                    due_on: day(10, 15),
                    amount: pesos(dec!(100000))
                },
                Fact::Demanded {
                    on: day(11, 2),
                    channel: Channel::Letter
                },
                Fact::Owes {
                    principal: pesos(dec!(700000)),
                    since: day(9, 2)
                },
            ]
        );
        assert_eq!(
            evidence(&facts, &portfolio, &customer, today),
            vec![
                Evidence::Invoice {
                    invoice: f1.clone(),
                    cufe: "fe3a".into()
                },
                Evidence::DeliveryReceipt {
                    invoice: f1,
                    on: day(8, 6),
                    by: "Bodega".into()
                },
                Evidence::Demand {
                    on: day(11, 2),
                    channel: Channel::Letter
                },
                Evidence::Statement { as_of: today },
                Evidence::Contacts { count: 1 },
            ]
        );
    }
}
