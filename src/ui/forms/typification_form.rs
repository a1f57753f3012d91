use leptos::prelude::*;

use super::{save_checked, ChoiceField, FormEnd, TextField};
use crate::domain::customer::CustomerId;
use crate::domain::step::Step;
use crate::domain::typification::{DelinquencyReason, Risk, Typification, Willingness};
use crate::sync::collection_edit::typify;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

/// Classifies the customer: the willing/able matrix, risk, sector, why they fell behind, and
/// optionally a step of the ladder chosen over the suggested one.
#[component]
pub fn TypificationForm(customer: CustomerId, on_done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let d = i18n.day();
    let current = session
        .portfolio
        .with_untracked(|p| p.typifications.get(&customer).cloned())
        .unwrap_or_default();
    let willingness = RwSignal::new(current.willingness);
    let risk = RwSignal::new(current.risk);
    let reason = RwSignal::new(current.reason);
    let step = RwSignal::new(current.step);
    let sector = RwSignal::new(current.sector);
    let error = RwSignal::new(None::<String>);
    let customer = StoredValue::new(customer);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typification = Typification {
            willingness: willingness.get_untracked(),
            risk: risk.get_untracked(),
            sector: sector.get_untracked(),
            reason: reason.get_untracked(),
            step: step.get_untracked(),
            set_on: None,
        };
        let today = session.today.get_untracked();
        let checked = session
            .portfolio
            .with_untracked(|p| typify(p, today, &customer.get_value(), typification));
        save_checked(session, i18n.texts(), checked, error, move || {
            on_done.run(())
        });
    };
    // The first choice of each optional list means "not known" or "as the app suggests".
    fn or_none<T: Copy>(
        none: &'static str,
        all: &[T],
        name: fn(T) -> &'static str,
    ) -> Vec<(Option<T>, &'static str)> {
        std::iter::once((None, none))
            .chain(all.iter().map(|v| (Some(*v), name(*v))))
            .collect()
    }
    view! {
        <form class="panel" on:submit=submit>
            <h2>{d.typify}</h2>
            <ChoiceField label=d.willingness name="willingness" chosen=willingness
                choices=or_none(d.not_known, &Willingness::ALL, d.willingness_name)/>
            <ChoiceField label=d.risk name="risk" chosen=risk
                choices=Risk::ALL.map(|r| (r, (d.risk_name)(r))).to_vec()/>
            <TextField label=d.sector name="sector" value=sector/>
            <ChoiceField label=d.delinquency_reason name="delinquency_reason" chosen=reason
                choices=or_none(d.not_known, &DelinquencyReason::ALL, d.delinquency_name)/>
            <ChoiceField label=d.next_step name="next_step" chosen=step
                choices=or_none(d.step_as_suggested, &Step::LADDER, d.step_name)/>
            <FormEnd error=error on_cancel=on_done/>
        </form>
    }
}
