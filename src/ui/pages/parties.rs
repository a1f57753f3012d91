//! Creditor and debtor as a legal paper names them: name, id and address on one line each.

use leptos::prelude::*;

use crate::domain::customer::Customer;
use crate::domain::outreach::OutreachSettings;
use crate::ui::i18n::use_i18n;

/// The business: its name, NIT and address as Ajustes holds them.
pub fn creditor_line(company: &OutreachSettings) -> String {
    joined([
        company.company.clone(),
        company.company_tax_id.clone(),
        company.company_address.clone(),
    ])
}

/// The customer: name, id (with its type when known), address and city.
pub fn debtor_line(debtor: &Customer) -> String {
    joined([
        debtor.name.clone(),
        debtor_id(debtor),
        debtor.address.clone(),
        debtor.city.clone(),
    ])
}

/// The customer's id with its type, «NIT 900123456».
pub fn debtor_id(debtor: &Customer) -> String {
    debtor.id_type.map_or(debtor.tax_id.clone(), |t| {
        format!("{} {}", t.code(), debtor.tax_id)
    })
}

fn joined<const N: usize>(parts: [String; N]) -> String {
    parts
        .into_iter()
        .filter(|p| !p.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" · ")
}

#[component]
pub fn Parties(company: OutreachSettings, debtor: Customer) -> impl IntoView {
    let l = use_i18n().legal();
    view! {
        <dl class="parties">
            <dt>{l.creditor}</dt>
            <dd>{creditor_line(&company)}</dd>
            <dt>{l.debtor}</dt>
            <dd>{debtor_line(&debtor)}</dd>
        </dl>
    }
}
