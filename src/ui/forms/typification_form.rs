use leptos::prelude::*;

use super::{position_of, save_checked, ChoiceField, FormEnd, TextField};
use crate::domain::customer::CustomerId;
use crate::domain::escalation::Step;
use crate::domain::typification::{DelinquencyReason, Risk, Typification, Willingness};
use crate::sync::collection_edit::typify;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;

/// Classifies the customer: the willing/able matrix, risk, sector, why they fell behind, and
/// optionally a step of the ladder chosen over the suggested one. The first choice of each
/// optional list means "not known" or "as suggested".
#[component]
pub fn TypificationForm(customer: CustomerId, on_done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let d = i18n.day();
    let current = session
        .portfolio
        .with_untracked(|p| p.typifications.get(&customer).cloned())
        .unwrap_or_default();
    let optional = |found: Option<usize>| found.map_or(0, |i| i + 1);
    let willingness = RwSignal::new(optional(
        current
            .willingness
            .map(|w| position_of(&Willingness::ALL, w)),
    ));
    let risk = RwSignal::new(position_of(&Risk::ALL, current.risk));
    let reason = RwSignal::new(optional(
        current
            .reason
            .map(|r| position_of(&DelinquencyReason::ALL, r)),
    ));
    let step = RwSignal::new(optional(
        current.step.map(|s| position_of(&Step::LADDER, s)),
    ));
    let sector = RwSignal::new(current.sector);
    let error = RwSignal::new(None::<String>);
    let customer = StoredValue::new(customer);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pick = |index: usize| index.checked_sub(1);
        let typification = Typification {
            willingness: pick(willingness.get_untracked())
                .and_then(|i| Willingness::ALL.get(i).copied()),
            risk: Risk::ALL
                .get(risk.get_untracked())
                .copied()
                .unwrap_or_default(),
            sector: sector.get_untracked(),
            reason: pick(reason.get_untracked())
                .and_then(|i| DelinquencyReason::ALL.get(i).copied()),
            step: pick(step.get_untracked()).and_then(|i| Step::LADDER.get(i).copied()),
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
    let with_unknown = |first: &'static str, rest: Vec<&'static str>| {
        std::iter::once(first).chain(rest).collect::<Vec<_>>()
    };
    view! {
        <form class="panel" on:submit=submit>
            <h2>{d.typify}</h2>
            <ChoiceField label=d.willingness name="willingness" chosen=willingness
                choices=with_unknown(d.not_known, Willingness::ALL.iter().map(|w| (d.willingness_name)(*w)).collect())/>
            <ChoiceField label=d.risk name="risk" chosen=risk
                choices=Risk::ALL.iter().map(|r| (d.risk_name)(*r)).collect()/>
            <TextField label=d.sector name="sector" value=sector/>
            <ChoiceField label=d.delinquency_reason name="delinquency_reason" chosen=reason
                choices=with_unknown(d.not_known, DelinquencyReason::ALL.iter().map(|r| (d.delinquency_name)(*r)).collect())/>
            <ChoiceField label=d.next_step name="next_step" chosen=step
                choices=with_unknown(d.step_as_suggested, Step::LADDER.iter().map(|s| (d.step_name)(*s)).collect())/>
            <FormEnd error=error on_cancel=on_done/>
        </form>
    }
}
