//! What a person types on the customer screen, checked and turned into events. The rules live
//! here, not in the form, so they are tested natively and are the same on every screen.

use chrono::NaiveDate;

use super::op::{CustomerPatch, Event, InvoicePatch};
use crate::domain::credit_note::CreditNote;
use crate::domain::customer::{Customer, CustomerId};
use crate::domain::invoice::{InvoiceId, Terms, TermsProblem};
use crate::domain::invoice_acceptance::Delivery;
use crate::domain::money::Money;
use crate::domain::payment::Payment;
use crate::domain::payment_plan::PlanProblem;
use crate::domain::portfolio::Portfolio;
use crate::sync::op_check::{check_event, OpProblem};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditProblem {
    MissingCustomerId,
    CustomerExists,
    MissingName,
    MissingInvoiceNumber,
    MissingNoteNumber,
    InvoiceExists,
    UnknownCustomer,
    UnknownInvoice,
    InvoiceOfAnotherCustomer,
    DueBeforeIssue,
    NotPositive,
    /// A payment or note dated after today: most often a typo in the year.
    InTheFuture,
    /// The invoice has a schedule of instalments, which this form does not edit.
    HasInstallments,
    NothingChanged,
    MissingReason,
    /// An account handed to sales names no salesperson.
    MissingSalesperson,
    UnknownPayment,
    AlreadyVoided,
    UnknownDispute,
    AlreadyResolved,
    /// An outcome of "promised" needs the promise's amount and date.
    MissingPromise,
    PromiseInThePast,
    FollowupInThePast,
    Plan(PlanProblem),
    /// Late interest to book, and there is none: no interest charged, or nothing late.
    NoInterest,
    /// Late interest to book, and a month's certified rate is missing.
    MissingRates,
    /// Text or a number no operation may carry (markup, control characters, too long).
    Unacceptable(OpProblem),
}

impl From<TermsProblem> for EditProblem {
    fn from(_: TermsProblem) -> Self {
        EditProblem::NotPositive
    }
}

/// The events, if every one of them is something an operation may carry: the same rule a
/// peer applies to a bundle, so nothing typed here can make this device's bundles refused.
pub fn admissible(events: Vec<Event>) -> Result<Vec<Event>, EditProblem> {
    for event in &events {
        check_event(event).map_err(EditProblem::Unacceptable)?;
    }
    Ok(events)
}

/// A new customer, or the fields of an existing one that the person changed.
pub fn save_customer(
    portfolio: &Portfolio,
    id: &str,
    is_new: bool,
    form: Customer,
) -> Result<Event, EditProblem> {
    let id = CustomerId(id.trim().into());
    if id.0.is_empty() {
        return Err(EditProblem::MissingCustomerId);
    }
    let form = Customer {
        name: form.name.trim().to_owned(),
        phones: form
            .phones
            .iter()
            .map(|p| p.trim().to_owned())
            .filter(|p| !p.is_empty())
            .collect(),
        ..form
    };
    if form.name.is_empty() {
        return Err(EditProblem::MissingName);
    }
    let current = portfolio.customers.get(&id);
    if is_new && current.is_some() {
        return Err(EditProblem::CustomerExists);
    }
    let patch = if is_new {
        CustomerPatch::whole(&form)
    } else {
        CustomerPatch::whole(&form).changes_to(&current.cloned().unwrap_or_default())
    };
    if patch == CustomerPatch::default() {
        return Err(EditProblem::NothingChanged);
    }
    Ok(Event::CustomerUpserted {
        customer: id,
        patch,
    })
}

/// An invoice's sale and its delivery as a form gives them: the sale's change, if any, then
/// the delivery's, if it differs from what is recorded; nothing changed only when neither did.
pub fn save_invoice_with_delivery(
    portfolio: &Portfolio,
    sale: Result<Event, EditProblem>,
    invoice: &InvoiceId,
    delivery: Delivery,
) -> Result<Vec<Event>, EditProblem> {
    let recorded = portfolio
        .deliveries
        .get(invoice)
        .cloned()
        .unwrap_or_default();
    let delivered = (delivery != recorded).then(|| Event::InvoiceDelivered {
        invoice: invoice.clone(),
        delivery,
    });
    let mut events = match (sale, &delivered) {
        (Ok(event), _) => vec![event],
        (Err(EditProblem::NothingChanged), Some(_)) => Vec::new(),
        (Err(problem), _) => return Err(problem),
    };
    events.extend(delivered);
    Ok(events)
}

/// A new invoice, or new dates and amount for one due in a single payment.
pub fn save_invoice(
    portfolio: &Portfolio,
    customer: &CustomerId,
    number: &str,
    is_new: bool,
    issued_on: NaiveDate,
    due_on: NaiveDate,
    amount: Money,
) -> Result<Event, EditProblem> {
    let id = InvoiceId(number.trim().into());
    if id.0.is_empty() {
        return Err(EditProblem::MissingInvoiceNumber);
    }
    if !portfolio.customers.contains_key(customer) {
        return Err(EditProblem::UnknownCustomer);
    }
    let current = portfolio.invoices.get(&id);
    match current {
        Some(_) if is_new => return Err(EditProblem::InvoiceExists),
        Some(invoice) if !invoice.terms.installments().is_empty() => {
            return Err(EditProblem::HasInstallments)
        }
        Some(invoice) if invoice.customer != *customer => {
            return Err(EditProblem::InvoiceOfAnotherCustomer)
        }
        None if !is_new => return Err(EditProblem::UnknownInvoice),
        _ => {}
    }
    if due_on < issued_on {
        return Err(EditProblem::DueBeforeIssue);
    }
    let terms = Terms::single(amount, due_on)?;
    let patch = InvoicePatch {
        kind: None,
        customer: Some(customer.clone()),
        issued_on: Some(issued_on),
        terms: Some(terms),
    };
    let patch = match current {
        None => patch,
        Some(invoice) => patch.changes_to(invoice),
    };
    if patch == InvoicePatch::default() {
        return Err(EditProblem::NothingChanged);
    }
    Ok(Event::InvoiceUpserted { invoice: id, patch })
}

/// Checks an invoice a settlement names: it must be this customer's.
fn named_invoice(
    portfolio: &Portfolio,
    customer: &CustomerId,
    invoice: Option<&InvoiceId>,
) -> Result<(), EditProblem> {
    match invoice.map(|id| portfolio.invoices.get(id)) {
        Some(None) => Err(EditProblem::UnknownInvoice),
        Some(Some(invoice)) if invoice.customer != *customer => {
            Err(EditProblem::InvoiceOfAnotherCustomer)
        }
        _ => Ok(()),
    }
}

pub fn record_payment(
    portfolio: &Portfolio,
    today: NaiveDate,
    payment: Payment,
) -> Result<Event, EditProblem> {
    if !portfolio.customers.contains_key(&payment.customer) {
        return Err(EditProblem::UnknownCustomer);
    }
    if payment.amount.amount <= rust_decimal::Decimal::ZERO {
        return Err(EditProblem::NotPositive);
    }
    if payment.received_on > today {
        return Err(EditProblem::InTheFuture);
    }
    named_invoice(portfolio, &payment.customer, payment.applies_to.first())?;
    Ok(Event::PaymentRecorded { payment })
}

pub fn issue_credit_note(
    portfolio: &Portfolio,
    today: NaiveDate,
    note: CreditNote,
) -> Result<Event, EditProblem> {
    if !portfolio.customers.contains_key(&note.customer) {
        return Err(EditProblem::UnknownCustomer);
    }
    if note.number.trim().is_empty() {
        return Err(EditProblem::MissingNoteNumber);
    }
    if note.amount.amount <= rust_decimal::Decimal::ZERO {
        return Err(EditProblem::NotPositive);
    }
    if note.issued_on > today {
        return Err(EditProblem::InTheFuture);
    }
    named_invoice(portfolio, &note.customer, note.invoice.as_ref())?;
    Ok(Event::CreditNoteIssued { credit_note: note })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::invoice::Invoice;
    use crate::domain::money::Currency;
    use crate::domain::payment::PaymentMethod;
    use rust_decimal::dec;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).expect("valid date")
    }

    fn portfolio() -> Portfolio {
        let mut p = Portfolio::default();
        for id in ["C1", "C2"] {
            p.customers.insert(
                CustomerId(id.into()),
                Customer {
                    name: id.into(),
                    ..Customer::default()
                },
            );
        }
        p.invoices.insert(
            InvoiceId("FV-1".into()),
            Invoice {
                kind: Default::default(),
                customer: CustomerId("C1".into()),
                issued_on: day(1),
                terms: Terms::single(Money::new(dec!(100), Currency::COP), day(20)).expect("terms"),
            },
        );
        p
    }

    #[test]
    fn editing_a_customer_records_only_what_changed() {
        let p = portfolio();
        let form = Customer {
            name: " C1 ".into(),
            city: "Cali".into(),
            phones: vec![" 300 ".into(), "".into()],
            ..Customer::default()
        };
        let event = save_customer(&p, "C1", false, form).expect("valid");
        let Event::CustomerUpserted { patch, .. } = event else {
            panic!("a customer event")
        };
        assert_eq!(patch.name, None);
        assert_eq!(patch.city.as_deref(), Some("Cali"));
        assert_eq!(patch.phones, Some(vec!["300".to_owned()]));
        assert_eq!(
            save_customer(&p, "C2", true, Customer::default()),
            Err(EditProblem::MissingName)
        );
        let named = Customer {
            name: "x".into(),
            ..Customer::default()
        };
        assert_eq!(
            save_customer(&p, "C2", true, named.clone()),
            Err(EditProblem::CustomerExists)
        );
        assert_eq!(
            save_customer(&p, " ", true, named),
            Err(EditProblem::MissingCustomerId)
        );
    }

    #[test]
    fn invoices_need_a_fresh_number_a_positive_amount_and_sane_dates() {
        let p = portfolio();
        let c1 = CustomerId("C1".into());
        let cop = |n| Money::new(n, Currency::COP);
        let new = |number, issued, due, amount| {
            save_invoice(&p, &c1, number, true, day(issued), day(due), cop(amount))
        };
        assert!(new("FV-2", 1, 30, dec!(50)).is_ok());
        assert_eq!(
            new("FV-1", 1, 30, dec!(50)),
            Err(EditProblem::InvoiceExists)
        );
        assert_eq!(
            new("FV-2", 10, 5, dec!(50)),
            Err(EditProblem::DueBeforeIssue)
        );
        assert_eq!(new("FV-2", 1, 30, dec!(0)), Err(EditProblem::NotPositive));
        assert_eq!(
            new("", 1, 30, dec!(5)),
            Err(EditProblem::MissingInvoiceNumber)
        );
        let edit = save_invoice(&p, &c1, "FV-1", false, day(1), day(25), cop(dec!(100)));
        let Ok(Event::InvoiceUpserted { patch, .. }) = edit else {
            panic!("an invoice event")
        };
        assert_eq!(patch.issued_on, None);
        assert_eq!(patch.terms.map(|t| t.due_on()), Some(day(25)));
    }

    #[test]
    fn payments_are_positive_not_future_and_pay_the_customers_own_invoices() {
        let p = portfolio();
        let pay = |customer: &str, on, amount, invoice: Option<&str>| Payment {
            customer: CustomerId(customer.into()),
            received_on: day(on),
            amount: Money::new(amount, Currency::COP),
            method: PaymentMethod::Cash,
            reference: Default::default(),
            applies_to: invoice.map(|i| InvoiceId(i.into())).into_iter().collect(),
            receipt: None,
        };
        let today = day(23);
        assert!(record_payment(&p, today, pay("C1", 23, dec!(10), Some("FV-1"))).is_ok());
        assert_eq!(
            record_payment(&p, today, pay("C1", 24, dec!(10), None)),
            Err(EditProblem::InTheFuture)
        );
        assert_eq!(
            record_payment(&p, today, pay("C1", 2, dec!(-1), None)),
            Err(EditProblem::NotPositive)
        );
        assert_eq!(
            record_payment(&p, today, pay("C2", 2, dec!(5), Some("FV-1"))),
            Err(EditProblem::InvoiceOfAnotherCustomer)
        );
    }
}
