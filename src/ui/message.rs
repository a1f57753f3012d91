//! The text of a message: the business's own template for its kind, or the language's default
//! when it has none (or when its own no longer renders).

use leptos::prelude::*;

use crate::domain::customer::CustomerId;
use crate::domain::late_interest::interest_owed;
use crate::domain::message_template::{render, uses_interest, MessageKind, MessageValues};
use crate::domain::outreach::OutreachSettings;
use crate::ui::i18n::I18n;
use crate::ui::session::Session;

pub fn compose(
    i18n: I18n,
    outreach: &OutreachSettings,
    kind: MessageKind,
    values: &MessageValues,
) -> String {
    let fmt = i18n.number_format();
    let default = (i18n.outreach().default_template)(kind);
    outreach
        .template(kind)
        .and_then(|own| render(own, values, fmt).ok())
        .or_else(|| render(default, values, fmt).ok())
        .unwrap_or_else(|| default.to_owned())
}

/// Puts `customer`'s late interest in `values` when the company's wording for `kind` names
/// it: worked out only then, on the customer's own records.
pub fn with_interest(
    session: Session,
    outreach: &OutreachSettings,
    kind: MessageKind,
    customer: &CustomerId,
    values: &mut MessageValues,
) {
    if !outreach.template(kind).is_some_and(uses_interest) {
        return;
    }
    let today = session.today.get();
    values.interest = session.company.with(|company| {
        let terms = company.settings.interest_terms();
        session
            .portfolio
            .with(|p| interest_owed(&p.of_customer(customer), customer, today, terms))
    });
}
