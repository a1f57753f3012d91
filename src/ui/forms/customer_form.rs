use leptos::prelude::*;

use super::{save_checked, FormEnd, TextField};
use crate::domain::customer::{Customer, CustomerId, GeoPoint};
use crate::sync::edit::save_customer;
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
    let error = RwSignal::new(None);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed_location = location.get_untracked();
        let point = GeoPoint::parse(&typed_location);
        if point.is_none() && !typed_location.trim().is_empty() {
            error.set(Some(i18n.texts().location_unreadable.to_owned()));
            return;
        }
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
            <FormEnd error=error on_cancel=on_cancel/>
        </form>
    }
}
