use leptos::prelude::*;

use super::{date_text, read_amount, read_date, save_checked, ChoiceField, FormEnd, TextField};
use crate::domain::bureau_report::BureauAuthorization;
use crate::domain::credit_terms::CreditTerms;
use crate::domain::customer::{Customer, CustomerId, GeoPoint};
use crate::domain::debtor::{DebtorKind, IdType};
use crate::domain::money::{Currency, Money};
use crate::sync::edit::save_customer;
use crate::ui::currency_select::CurrencySelect;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

/// Adds a customer (`id` is `None`) or edits one; `on_saved` gets the customer's id.
#[component]
pub fn CustomerForm(
    id: Option<CustomerId>,
    on_saved: Callback<CustomerId>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let t = i18n.texts();
    let is_new = id.is_none();
    let current = id
        .as_ref()
        .and_then(|id| {
            session
                .portfolio
                .with_untracked(|p| p.customers.get(id).cloned())
        })
        .unwrap_or_default();
    let code = RwSignal::new(id.map(|id| id.0.to_string()).unwrap_or_default());
    let name = RwSignal::new(current.name);
    let tax_id = RwSignal::new(current.tax_id);
    let phones = RwSignal::new(current.phones.join(", "));
    let email = RwSignal::new(current.email);
    let address = RwSignal::new(current.address);
    let city = RwSignal::new(current.city);
    let collector = RwSignal::new(current.collector);
    let notes = RwSignal::new(current.notes);
    let location = RwSignal::new(current.location.map(|l| l.to_string()).unwrap_or_default());
    let kind = RwSignal::new(current.kind);
    let id_type = RwSignal::new(current.id_type);
    let visits_authorized = RwSignal::new(current.visits_authorized);
    let salesperson = RwSignal::new(current.salesperson);
    let authorized_on = RwSignal::new(
        current
            .bureau_authorization
            .as_ref()
            .map(|a| date_text(a.on))
            .unwrap_or_default(),
    );
    let authorization_how = RwSignal::new(
        current
            .bureau_authorization
            .map(|a| a.how)
            .unwrap_or_default(),
    );
    let terms = StoredValue::new(current.credit_terms);
    let payment_days = RwSignal::new(
        terms
            .with_value(|t| t.payment_days)
            .map(|d| d.to_string())
            .unwrap_or_default(),
    );
    let first_limit = terms.with_value(|t| t.limits.first().copied());
    let limit_currency = RwSignal::new(first_limit.map_or(Currency::USUAL, |l| l.currency));
    let fmt = i18n.number_format();
    let limit = RwSignal::new(
        first_limit
            .map(|l| fmt.amount(l.amount, l.currency.minor_digits()))
            .unwrap_or_default(),
    );
    let error = RwSignal::new(None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed_location = location.get_untracked();
        let point = GeoPoint::parse(&typed_location);
        if point.is_none() && !typed_location.trim().is_empty() {
            error.set(Some(i18n.texts().location_unreadable.to_owned()));
            return;
        }
        let Some(credit_terms) = typed_terms(
            terms.get_value(),
            &payment_days.get_untracked(),
            &limit.get_untracked(),
            limit_currency.get_untracked(),
        ) else {
            error.set(Some(i18n.credit().terms_unreadable.to_owned()));
            return;
        };
        let typed_on = authorized_on.get_untracked();
        let bureau_authorization = match typed_on.trim() {
            "" => None,
            typed => match read_date(typed) {
                Some(on) => Some(BureauAuthorization {
                    on,
                    how: authorization_how.get_untracked().trim().to_owned(),
                }),
                None => {
                    error.set(Some(i18n.texts().date_unreadable.to_owned()));
                    return;
                }
            },
        };
        let form = Customer {
            name: name.get_untracked(),
            tax_id: tax_id.get_untracked().trim().to_owned(),
            phones: phones
                .get_untracked()
                .split(',')
                .map(str::to_owned)
                .collect(),
            email: email.get_untracked().trim().to_owned(),
            address: address.get_untracked().trim().to_owned(),
            city: city.get_untracked().trim().to_owned(),
            collector: collector.get_untracked().trim().to_owned(),
            notes: notes.get_untracked(),
            location: point,
            kind: kind.get_untracked(),
            id_type: id_type.get_untracked(),
            visits_authorized: visits_authorized.get_untracked(),
            credit_terms,
            salesperson: salesperson.get_untracked().trim().to_owned(),
            bureau_authorization,
        };
        let code = code.get_untracked();
        let event = session
            .portfolio
            .with_untracked(|p| save_customer(p, &code, is_new, form));
        let saved = CustomerId(code.trim().into());
        save_checked(session, i18n.texts(), event, error, move || {
            on_saved.run(saved)
        });
    };
    let c = i18n.credit();
    let kinds = std::iter::once((None, c.kind_unknown))
        .chain(DebtorKind::ALL.map(|k| (Some(k), (c.kind_name)(k))))
        .collect();
    let id_types = std::iter::once((None, c.id_type_unknown))
        .chain(IdType::ALL.map(|k| (Some(k), (c.id_type_name)(k))))
        .collect();
    view! {
        <form class="panel" on:submit=submit>
            <h2>{if is_new { t.new_customer } else { t.edit_customer }}</h2>
            {is_new.then(|| view! { <TextField label=t.customer_id name="customer_id" value=code required=true/> })}
            <TextField label=t.customer_name name="name" value=name required=true/>
            <TextField label=t.tax_id name="tax_id" value=tax_id/>
            <TextField label=t.phones name="phones" value=phones kind="tel"/>
            <TextField label=t.email name="email" value=email kind="email"/>
            <TextField label=t.address name="address" value=address/>
            <TextField label=t.city name="city" value=city/>
            <TextField label=t.collector name="collector" value=collector/>
            <TextField label=t.location name="location" value=location/>
            <TextField label=t.notes name="notes" value=notes/>
            <fieldset class="debtor">
                <legend>{c.debtor_title}</legend>
                <ChoiceField label=c.debtor_kind name="kind" chosen=kind choices=kinds/>
                <ChoiceField label=c.id_type name="id_type" chosen=id_type choices=id_types/>
                <label class="check">
                    <input type="checkbox" name="visits_authorized" prop:checked=move || visits_authorized.get()
                        on:change=move |ev| visits_authorized.set(event_target_checked(&ev))/>
                    {c.visits_authorized}
                </label>
            </fieldset>
            <fieldset class="credit-terms">
                <legend>{c.terms_title}</legend>
                <TextField label=c.payment_days name="payment_days" value=payment_days kind="number"/>
                <TextField label=c.credit_limit name="credit_limit" value=limit/>
                <CurrencySelect label=t.currency value=limit_currency/>
                <TextField label=c.salesperson name="salesperson" value=salesperson/>
            </fieldset>
            <fieldset class="bureau-authorization">
                <legend>{i18n.legal().authorization_title}</legend>
                <TextField label=i18n.legal().authorized_on name="bureau_authorized_on" value=authorized_on kind="date"/>
                <TextField label=i18n.legal().authorization_how name="bureau_authorization_how" value=authorization_how/>
            </fieldset>
            <FormEnd error=error on_cancel=on_cancel/>
        </form>
    }
}

/// The terms as typed: days and a limit in one currency, the limits in other currencies kept;
/// `None` when either is not a number. An empty limit removes that currency's.
fn typed_terms(
    current: CreditTerms,
    days: &str,
    limit: &str,
    currency: Currency,
) -> Option<CreditTerms> {
    let payment_days = match days.trim() {
        "" => None,
        days => Some(days.parse::<u32>().ok()?),
    };
    let mut limits: Vec<Money> = current
        .limits
        .into_iter()
        .filter(|l| l.currency != currency)
        .collect();
    if !limit.trim().is_empty() {
        limits.push(Money::new(read_amount(limit)?, currency));
    }
    let terms = CreditTerms {
        payment_days,
        limits,
    };
    terms.check().ok()?;
    Some(terms)
}
