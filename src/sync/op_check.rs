//! What an operation may carry, checked at every door: a form, a CSV import and a bundle from
//! another device. The same rule at every door means a device never writes an operation that
//! its peers would refuse, and a file from outside can never put into the log what no screen
//! could.

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;

use super::company_settings::SettingsPatch;
use super::op::{CustomerPatch, Event, InvoicePatch, Op};
use crate::domain::credit_terms::{CreditTerms, TermsProblem as CreditTermsProblem};
use crate::domain::customer::GeoPoint;
use crate::domain::invoice::{InvoiceKind, Terms, TermsProblem};
use crate::domain::late_interest::InterestBasis;
use crate::domain::money::Money;
use crate::domain::payment_plan::{schedule, PlanProblem};

/// Larger than any real invoice in any currency (a thousand trillion), and far enough from
/// `Decimal`'s limit that sums of many of them cannot overflow.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(0xA4C6_8000, 0x0003_8D7E, 0, false, 0);
/// Decimal places an amount may have: more than any currency's minor unit, fewer than junk.
pub const MAX_SCALE: u32 = 4;
/// Names, ids and other one-line texts.
pub const MAX_LINE: usize = 200;
/// Notes and reasons.
pub const MAX_NOTE: usize = 2000;
/// More instalments than any schedule a business would sign.
pub const MAX_INSTALLMENTS: usize = 600;
/// The earliest and latest business dates accepted: a typo of a century is refused.
pub const FIRST_YEAR: i32 = 1900;
pub const LAST_YEAR: i32 = 2200;
/// Timestamps after the year 3000 cannot come from any clock, however wrong, and would
/// drag every device's clock with them.
pub const LAST_WALL_MS: u64 = 32_503_680_000_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OpProblem {
    /// Sequence numbers start at 1.
    ZeroSequence,
    /// The timestamp names another device than the operation's id.
    StampOfAnotherDevice,
    ImpossibleStamp,
    Field {
        field: &'static str,
        problem: FieldProblem,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FieldProblem {
    Empty,
    TooLong {
        max: usize,
    },
    /// Control characters hide text or break lines in files and messages.
    ControlCharacter,
    /// A tag such as `<script>`: names and notes are plain text.
    Markup,
    NotPositive,
    Negative,
    TooLarge,
    TooManyDecimals,
    DateOutOfRange,
    OffTheGlobe,
    Terms(TermsProblem),
    Plan(PlanProblem),
    /// Not a P-256 public key as WebCrypto exports it.
    NotAKey,
    /// A signed run whose list of operations or signature cannot be read, or that does not
    /// end just before the operation that signs it.
    NotASignedRun,
}

/// Checks one operation.
pub fn check_op(op: &Op) -> Result<(), OpProblem> {
    if op.id.seq == 0 {
        return Err(OpProblem::ZeroSequence);
    }
    if op.hlc.device != op.id.device {
        return Err(OpProblem::StampOfAnotherDevice);
    }
    if op.hlc.wall_ms > LAST_WALL_MS {
        return Err(OpProblem::ImpossibleStamp);
    }
    line("device", &op.id.device.0)?;
    if let Event::OperationsSigned { run } = &op.event {
        if run.from == 0
            || run
                .from
                .checked_add(run.length())
                .is_none_or(|end| end > op.id.seq)
        {
            return field("run", FieldProblem::NotASignedRun);
        }
    }
    check_event(&op.event)
}

/// Checks one event, before it becomes an operation or after it arrives as one.
pub fn check_event(event: &Event) -> Result<(), OpProblem> {
    match event {
        Event::CustomerUpserted { customer, patch } => {
            line("customer", &customer.0)?;
            customer_patch(patch)
        }
        Event::InvoiceUpserted { invoice, patch } => {
            line("invoice", &invoice.0)?;
            invoice_patch(patch)
        }
        Event::PaymentRecorded { payment } => {
            line("customer", &payment.customer.0)?;
            date("received_on", payment.received_on)?;
            positive("amount", &payment.amount)?;
            optional_line("reference", &payment.reference)?;
            for invoice in &payment.applies_to {
                line("applies_to", &invoice.0)?;
            }
            if let Some(receipt) = &payment.receipt {
                line("receipt", &receipt.issuer)?;
            }
            Ok(())
        }
        Event::PaymentVoided {
            payment,
            reason,
            voided_on,
        } => {
            line("payment", &payment.0)?;
            note("reason", reason)?;
            voided_on.map_or(Ok(()), |day| date("voided_on", day))
        }
        Event::CreditNoteIssued { credit_note } => {
            line("customer", &credit_note.customer.0)?;
            optional_line("number", &credit_note.number)?;
            date("issued_on", credit_note.issued_on)?;
            positive("amount", &credit_note.amount)?;
            if let Some(invoice) = &credit_note.invoice {
                line("invoice", &invoice.0)?;
            }
            optional_note("reason", &credit_note.reason)
        }
        Event::PromiseMade { promise } => {
            line("customer", &promise.customer.0)?;
            date("made_on", promise.made_on)?;
            date("due_on", promise.due_on)?;
            positive("amount", &promise.amount)
        }
        Event::DisputeOpened { dispute } => {
            line("customer", &dispute.customer.0)?;
            for invoice in &dispute.invoices {
                line("invoices", &invoice.0)?;
            }
            if let Some(amount) = &dispute.amount {
                positive("amount", amount)?;
            }
            optional_line("owner", &dispute.owner)?;
            date("opened_on", dispute.opened_on)?;
            dispute
                .resolved_on
                .map_or(Ok(()), |day| date("resolved_on", day))
        }
        Event::DisputeResolved {
            dispute,
            resolved_on,
        } => {
            line("dispute", &dispute.0)?;
            date("resolved_on", *resolved_on)
        }
        Event::ContactLogged { contact } => {
            line("customer", &contact.customer.0)?;
            moment("at", contact.at)?;
            optional_note("note", &contact.note)?;
            if let Some(day) = contact.next_followup {
                date("next_followup", day)?;
            }
            if let Some(position) = &contact.position {
                place("position", position)?;
            }
            for key in &contact.reminded {
                line("reminded", &key.invoice.0)?;
            }
            contact
                .policy_override
                .as_deref()
                .map_or(Ok(()), |reason| note("policy_override", reason))
        }
        Event::TypificationSet {
            customer,
            typification,
        } => {
            line("customer", &customer.0)?;
            optional_line("sector", &typification.sector)?;
            typification
                .set_on
                .map_or(Ok(()), |day| date("set_on", day))
        }
        Event::CreditHoldSet {
            customer,
            hold,
            lifted,
        } => {
            line("customer", &customer.0)?;
            if let Some(lifted) = lifted {
                optional_line("by", &lifted.by)?;
                date("on", lifted.on)?;
            }
            match hold {
                Some(hold) => {
                    optional_line("reason", &hold.reason)?;
                    optional_line("by", &hold.by)?;
                    date("since", hold.since)
                }
                None => Ok(()),
            }
        }
        Event::InvoiceDelivered { invoice, delivery } => {
            line("invoice", &invoice.0)?;
            optional_line("cufe", &delivery.cufe)?;
            optional_line("received_by", &delivery.received_by)?;
            if let Some(day) = delivery.received_on {
                date("received_on", day)?;
            }
            delivery
                .objected_on
                .map_or(Ok(()), |day| date("objected_on", day))
        }
        Event::BureauFiled { filing } => {
            line("customer", &filing.customer.0)?;
            optional_line("by", &filing.by)?;
            date("on", filing.on)
        }
        Event::HandedToSales { handoff } => {
            line("customer", &handoff.customer.0)?;
            line("salesperson", &handoff.salesperson)?;
            note("note", &handoff.note)?;
            optional_line("by", &handoff.by)?;
            date("on", handoff.on)
        }
        Event::AgendaSkipped { skip } => {
            line("customer", &skip.customer.0)?;
            date("on", skip.on)
        }
        Event::PlanAgreed { plan } => {
            line("customer", &plan.customer.0)?;
            let terms = &plan.terms;
            positive("balance", &terms.balance)?;
            amount("down_payment", terms.down_payment)?;
            amount("monthly_rate", terms.monthly_rate)?;
            if terms.monthly_rate > Decimal::ONE {
                return field("monthly_rate", FieldProblem::TooLarge);
            }
            date("agreed_on", terms.agreed_on)?;
            date("first_due", terms.first_due)?;
            schedule(terms)
                .map(|_| ())
                .or_else(|problem| field("terms", FieldProblem::Plan(problem)))
        }
        Event::ChannelConsentSet { customer, on, .. } => {
            line("customer", &customer.0)?;
            date("on", *on)
        }
        Event::DeviceKeyPublished { key, .. } => match key.raw() {
            Some(_) => Ok(()),
            None => field("key", FieldProblem::NotAKey),
        },
        Event::DeviceAccepted { device, key } => {
            line("device", &device.0)?;
            match key.raw() {
                Some(_) => Ok(()),
                None => field("key", FieldProblem::NotAKey),
            }
        }
        Event::OperationsSigned { run } => match (run.hashes(), run.signature()) {
            (Some(_), Some(_)) => Ok(()),
            _ => field("run", FieldProblem::NotASignedRun),
        },
        Event::CompanySettingsChanged { change } => settings_patch(change),
        Event::DeviceRoleSet { device, label, .. } => {
            line("device", &device.0)?;
            optional_line("label", label)
        }
    }
}

/// More than any contact policy, reminder cadence, calendar or set of templates a company
/// keeps: a file cannot make every device carry an endless list.
const MAX_SETTINGS_LIST: usize = 400;

fn settings_patch(patch: &SettingsPatch) -> Result<(), OpProblem> {
    fn bounded<T>(name: &'static str, list: &[T]) -> Result<(), OpProblem> {
        if list.len() > MAX_SETTINGS_LIST {
            return field(name, FieldProblem::TooLarge);
        }
        Ok(())
    }
    if let Some(policy) = &patch.policy {
        line("policy.time_zone", &policy.time_zone)?;
        bounded("policy.rules", &policy.rules)?;
        for rule in &policy.rules {
            optional_line("policy.rules.source", &rule.source)?;
        }
    }
    if let Some(days_off) = &patch.days_off {
        bounded("days_off", days_off)?;
        for day in days_off {
            date("days_off", *day)?;
        }
    }
    if let Some(reminders) = &patch.reminders {
        bounded("reminders", &reminders.steps)?;
    }
    bounded("templates", &patch.templates)?;
    for (_, text) in &patch.templates {
        text.as_deref()
            .map_or(Ok(()), |text| optional_note("templates", text))?;
    }
    patch
        .company
        .as_deref()
        .map_or(Ok(()), |name| optional_line("company", name))?;
    patch
        .payment_methods
        .as_deref()
        .map_or(Ok(()), |methods| optional_note("payment_methods", methods))?;
    if let Some(InterestBasis::Agreed { annual_percent }) = &patch.interest {
        amount("interest.annual_percent", *annual_percent)?;
        if *annual_percent > Decimal::ONE_HUNDRED {
            return field("interest.annual_percent", FieldProblem::TooLarge);
        }
    }
    if let Some(rates) = &patch.certified_rates {
        let rates: Vec<_> = rates.iter().collect();
        bounded("certified_rates", &rates)?;
        for rate in rates {
            optional_line("certified_rates.resolution", &rate.resolution)?;
        }
    }
    Ok(())
}

fn customer_patch(patch: &CustomerPatch) -> Result<(), OpProblem> {
    let lines = [
        ("name", &patch.name),
        ("tax_id", &patch.tax_id),
        ("email", &patch.email),
        ("address", &patch.address),
        ("city", &patch.city),
        ("collector", &patch.collector),
        ("salesperson", &patch.salesperson),
    ];
    for (name, value) in lines {
        if let Some(value) = value {
            optional_line(name, value)?;
        }
    }
    for phone in patch.phones.iter().flatten() {
        line("phones", phone)?;
    }
    if let Some(notes) = &patch.notes {
        optional_note("notes", notes)?;
    }
    if let Some(terms) = &patch.credit_terms {
        credit_terms(terms)?;
    }
    if let Some(authorization) = &patch.bureau_authorization {
        date("bureau_authorization.on", authorization.on)?;
        optional_line("bureau_authorization.how", &authorization.how)?;
    }
    patch
        .location
        .as_ref()
        .map_or(Ok(()), |point| place("location", point))
}

fn credit_terms(terms: &CreditTerms) -> Result<(), OpProblem> {
    for limit in &terms.limits {
        positive("credit_terms.limits", limit)?;
    }
    match terms.check() {
        Ok(()) => Ok(()),
        Err(CreditTermsProblem::PaymentDays) => {
            field("credit_terms.payment_days", FieldProblem::TooLarge)
        }
        Err(CreditTermsProblem::NotPositive(_)) => {
            field("credit_terms.limits", FieldProblem::NotPositive)
        }
        Err(CreditTermsProblem::TwoLimits(_)) => {
            field("credit_terms.limits", FieldProblem::TooLarge)
        }
    }
}

fn invoice_patch(patch: &InvoicePatch) -> Result<(), OpProblem> {
    if let Some(customer) = &patch.customer {
        line("customer", &customer.0)?;
    }
    if let Some(day) = patch.issued_on {
        date("issued_on", day)?;
    }
    match &patch.kind {
        Some(InvoiceKind::LateInterest { through }) => date("kind.through", *through)?,
        Some(InvoiceKind::CollectionCost { reason }) => line("kind.reason", reason)?,
        Some(InvoiceKind::Sale | InvoiceKind::PlanInterest) | None => {}
    }
    patch.terms.as_ref().map_or(Ok(()), invoice_terms)
}

fn invoice_terms(terms: &Terms) -> Result<(), OpProblem> {
    if terms.installments().len() > MAX_INSTALLMENTS {
        return field("terms", FieldProblem::TooLarge);
    }
    positive("terms.amount", &terms.amount())?;
    date("terms.due_on", terms.due_on())?;
    for installment in terms.installments() {
        amount("terms.installments", installment.amount)?;
        date("terms.installments", installment.due_on)?;
    }
    // A file may pair any amount with any schedule; only what the constructors build holds.
    let rebuilt = if terms.installments().is_empty() {
        Terms::single(terms.amount(), terms.due_on())
    } else {
        Terms::in_installments(terms.amount().currency, terms.installments().to_vec())
    };
    match rebuilt {
        Ok(rebuilt) if rebuilt == *terms => Ok(()),
        Ok(_) => field("terms", FieldProblem::Terms(TermsProblem::NotPositive)),
        Err(problem) => field("terms", FieldProblem::Terms(problem)),
    }
}

fn field(name: &'static str, problem: FieldProblem) -> Result<(), OpProblem> {
    Err(OpProblem::Field {
        field: name,
        problem,
    })
}

fn line(name: &'static str, value: &str) -> Result<(), OpProblem> {
    if value.trim().is_empty() {
        return field(name, FieldProblem::Empty);
    }
    optional_line(name, value)
}

fn optional_line(name: &'static str, value: &str) -> Result<(), OpProblem> {
    text(name, value, MAX_LINE, false)
}

fn note(name: &'static str, value: &str) -> Result<(), OpProblem> {
    if value.trim().is_empty() {
        return field(name, FieldProblem::Empty);
    }
    optional_note(name, value)
}

fn optional_note(name: &'static str, value: &str) -> Result<(), OpProblem> {
    text(name, value, MAX_NOTE, true)
}

fn text(name: &'static str, value: &str, max: usize, multiline: bool) -> Result<(), OpProblem> {
    if value.chars().count() > max {
        return field(name, FieldProblem::TooLong { max });
    }
    let allowed = |c: char| multiline && (c == '\n' || c == '\t');
    if value.chars().any(|c| c.is_control() && !allowed(c)) {
        return field(name, FieldProblem::ControlCharacter);
    }
    if has_markup(value) {
        return field(name, FieldProblem::Markup);
    }
    Ok(())
}

/// `<` opening a tag, a closing tag, a comment or a processing instruction; "a < b" and
/// "<3" stay ordinary text.
pub fn has_markup(value: &str) -> bool {
    value.as_bytes().windows(2).any(|pair| {
        pair[0] == b'<' && (pair[1].is_ascii_alphabetic() || matches!(pair[1], b'/' | b'!' | b'?'))
    })
}

fn positive(name: &'static str, money: &Money) -> Result<(), OpProblem> {
    if money.amount <= Decimal::ZERO {
        return field(name, FieldProblem::NotPositive);
    }
    amount(name, money.amount)
}

fn amount(name: &'static str, value: Decimal) -> Result<(), OpProblem> {
    if value < Decimal::ZERO {
        return field(name, FieldProblem::Negative);
    }
    if value > MAX_AMOUNT {
        return field(name, FieldProblem::TooLarge);
    }
    if value.normalize().scale() > MAX_SCALE {
        return field(name, FieldProblem::TooManyDecimals);
    }
    Ok(())
}

fn date(name: &'static str, day: NaiveDate) -> Result<(), OpProblem> {
    use chrono::Datelike;
    if (FIRST_YEAR..=LAST_YEAR).contains(&day.year()) {
        Ok(())
    } else {
        field(name, FieldProblem::DateOutOfRange)
    }
}

fn moment(name: &'static str, at: NaiveDateTime) -> Result<(), OpProblem> {
    date(name, at.date())
}

fn place(name: &'static str, point: &GeoPoint) -> Result<(), OpProblem> {
    if point.is_on_globe() {
        Ok(())
    } else {
        field(name, FieldProblem::OffTheGlobe)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::customer::CustomerId;
    use rust_decimal::dec;

    fn customer_named(name: &str) -> Event {
        Event::CustomerUpserted {
            customer: CustomerId("CLI-1".into()),
            patch: CustomerPatch {
                name: Some(name.into()),
                ..CustomerPatch::default()
            },
        }
    }

    #[test]
    fn names_are_plain_text() {
        assert_eq!(
            check_event(&customer_named("Tienda <b>Doña</b> Rosa")),
            field("name", FieldProblem::Markup)
        );
        assert_eq!(
            check_event(&customer_named("<script>alert(1)</script>")),
            field("name", FieldProblem::Markup)
        );
        assert_eq!(check_event(&customer_named("Precios < 5 y 2<3")), Ok(()));
        assert_eq!(
            check_event(&customer_named("Ana\u{202e}")),
            Ok(()),
            "format characters are not control characters"
        );
        assert_eq!(
            check_event(&customer_named("Ana\u{7}")),
            field("name", FieldProblem::ControlCharacter)
        );
        assert_eq!(
            check_event(&customer_named(&"x".repeat(201))),
            field("name", FieldProblem::TooLong { max: 200 })
        );
    }

    #[test]
    fn the_largest_amount_is_a_thousand_trillion() {
        assert_eq!(MAX_AMOUNT, dec!(1_000_000_000_000_000));
    }
}
