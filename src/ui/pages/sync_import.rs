use leptos::prelude::*;

use crate::store::bundle_cipher;
use crate::store::error::StoreError;
use crate::store::settings::Door;
use crate::store::signature_check::first_forged;
use crate::sync::bundle::import_plan::ImportPlan;
use crate::sync::bundle::problem::BundleProblem;
use crate::sync::bundle::read::MAX_BUNDLE_BYTES;
use crate::sync::bundle::receive::{receive, Received};
use crate::sync::bundle::sealed::SealedBundle;
use crate::sync::conflict::Subject;
use crate::ui::browser;
use crate::ui::i18n::use_i18n;
use crate::ui::session::use_session;
use crate::ui::show_more::{ShowMore, PAGE};
use crate::ui::table_scroll::TableScroll;
use crate::ui::write_progress::WriteProgress;

/// Receives a bundle: everything is checked before anything is written, then the new
/// operations go in one transaction and the screen says what came from whom.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let x = move || i18n.exchange();
    let input = NodeRef::<leptos::html::Input>::new();
    let sealed: RwSignal<Option<SealedBundle>> = RwSignal::new(None);
    let passphrase = RwSignal::new(String::new());
    let refused: RwSignal<Option<BundleProblem>> = RwSignal::new(None);
    let not_stored: RwSignal<Option<StoreError>> = RwSignal::new(None);
    let report: RwSignal<Option<ImportPlan>> = RwSignal::new(None);
    let opening = RwSignal::new(false);
    let conflicts_shown = RwSignal::new(PAGE);

    // A file that breaks a rule is shown refused; one that carries an altered or forged
    // operation also raises the integrity alarm.
    let refuse = move |mut problem: BundleProblem| {
        // A device the file does not name may be one this device knows.
        if let BundleProblem::OtherVersion { device, label, .. }
        | BundleProblem::NotSigned { device, label, .. }
        | BundleProblem::NotOffice { device, label } = &mut problem
        {
            if label.is_none() {
                *label = session
                    .peers
                    .with_untracked(|p| p.label(device).map(str::to_owned));
            }
        }
        match &problem {
            BundleProblem::OtherVersion { device, seq, .. } => {
                session.raise_integrity_alarm(device, *seq, Door::Bundle, false)
            }
            BundleProblem::NotSigned { device, seq, .. } => {
                session.raise_integrity_alarm(device, *seq, Door::Bundle, true)
            }
            _ => {}
        }
        refused.set(Some(problem));
    };
    // Plans and imports a file; when it shows this device was restored from an older copy,
    // says from which of its operations on, and imports nothing.
    let plan_and_import = move |bytes: &[u8]| -> Option<u64> {
        let me = session.device.get_untracked().map(|d| d.id)?;
        let received = session
            .projection
            .with_untracked(|stored| receive(bytes, &me, stored, browser::now_ms()));
        match received {
            Ok(Received::Sealed(envelope)) => sealed.set(Some(envelope)),
            Ok(Received::Restored { from_seq }) => return Some(from_seq),
            Ok(Received::Planned(planned)) => leptos::task::spawn_local(async move {
                match first_forged(&planned.signatures).await {
                    Ok(None) => {}
                    Ok(Some(forged)) => return refuse(planned.badly_signed(&forged)),
                    Err(error) => return not_stored.set(Some(StoreError::Failed(error))),
                }
                let imported = session.import(planned, move |mut done| {
                    if let Some(input) = input.get_untracked() {
                        input.set_value("");
                    }
                    // The report shows tallies and conflicts; the stored operations themselves
                    // need not stay in memory twice.
                    done.new_ops = Vec::new();
                    done.hashes = Vec::new();
                    conflicts_shown.set(PAGE);
                    report.set(Some(done));
                });
                if let Err(error) = imported.await {
                    not_stored.set(Some(error));
                }
            }),
            Err(problem) => refuse(problem),
        }
        None
    };
    // A restored device first takes its new id, then the same file comes in as any other.
    let accept = move |bytes: Vec<u8>| {
        let Some(from_seq) = plan_and_import(&bytes) else {
            return;
        };
        leptos::task::spawn_local(async move {
            match session.take_new_id(from_seq, Door::Bundle).await {
                Ok(()) => {
                    plan_and_import(&bytes);
                }
                Err(error) => not_stored.set(Some(error)),
            }
        });
    };

    let on_file = move |ev: leptos::ev::Event| {
        refused.set(None);
        not_stored.set(None);
        report.set(None);
        sealed.set(None);
        let Some(file) = browser::picked_file(&ev) else {
            return;
        };
        if file.size() > MAX_BUNDLE_BYTES as f64 {
            refused.set(Some(BundleProblem::TooLarge {
                bytes: file.size() as usize,
            }));
            return;
        }
        leptos::task::spawn_local(async move {
            match browser::read_file(&file).await {
                Ok(bytes) => accept(bytes),
                Err(_) => refused.set(Some(BundleProblem::Empty)),
            }
        });
    };

    let open = move |_| {
        let Some(envelope) = sealed.get_untracked() else {
            return;
        };
        refused.set(None);
        opening.set(true);
        leptos::task::spawn_local(async move {
            match bundle_cipher::open(&envelope, &passphrase.get_untracked()).await {
                Ok(bytes) => {
                    sealed.set(None);
                    passphrase.set(String::new());
                    accept(bytes);
                }
                Err(problem) => refused.set(Some(problem)),
            }
            opening.set(false);
        });
    };

    let label_of = move |device: &crate::sync::hlc::DeviceId, plan: &ImportPlan| {
        plan.labels
            .get(device)
            .cloned()
            .or_else(|| (plan.sender.device == *device).then(|| plan.sender.label.clone()))
            .or_else(|| {
                session
                    .peers
                    .with_untracked(|p| p.label(device).map(str::to_owned))
            })
            .unwrap_or_else(|| device.0.chars().take(8).collect())
    };
    let subject_name = move |subject: &Subject| match subject {
        Subject::Customer(id) => session
            .portfolio
            .with_untracked(|p| p.customers.get(id).map(|c| c.name.clone()))
            .unwrap_or_else(|| id.0.to_string()),
        Subject::Invoice(id) => id.0.to_string(),
    };

    view! {
        <section class="import panel">
            <h2>{move || x().import_title}</h2>
            <p class="hint">{move || x().import_help}</p>
            <label class="field">
                <span>{move || x().bundle_file}</span>
                <input type="file" name="bundle" node_ref=input accept=".json,application/json" on:change=on_file/>
            </label>
            <WriteProgress/>
            {move || sealed.get().map(|_| view! {
                <div class="sealed">
                    <label class="field">
                        <span>{x().sealed_asks}</span>
                        <input type="password" name="open-passphrase" autocomplete="off"
                            prop:value=passphrase on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                    </label>
                    <button class="primary open-sealed" disabled=move || opening.get() on:click=open>
                        {move || if opening.get() { x().working } else { x().open_sealed }}
                    </button>
                </div>
            })}
            {move || refused.get().map(|problem| view! {
                <div class="status error" role="alert">
                    <p>{(x().problem)(&problem)}</p>
                    <p>{x().refused}</p>
                </div>
            })}
            {move || not_stored.get().map(|error| view! {
                <div class="status error" role="alert">
                    <p>{(i18n.texts().not_saved)(&error)}</p>
                    <details><summary>{i18n.texts().technical_detail}</summary>{error.to_string()}</details>
                </div>
            })}
            {move || report.get().map(|plan| {
                let format = i18n.number_format();
                let nothing = plan.tallies.values().all(|t| t.added == 0);
                let tallies_label = (x().imported_from)(&plan.sender.label);
                let tally_rows = plan.tallies.iter().map(|(device, tally)| view! {
                    <tr>
                        <th scope="row">{label_of(device, &plan)}</th>
                        <td>{tally.added}</td>
                        <td>{tally.already}</td>
                    </tr>
                }).collect_view();
                view! {
                    <div class="import-report" role="status">
                        <p class="status ok">{(x().imported_from)(&plan.sender.label)}</p>
                        {nothing.then(|| view! { <p class="status">{x().nothing_new}</p> })}
                        <TableScroll label=tallies_label>
                            <table class="tallies">
                                <thead><tr>
                                    <th scope="col">{x().column_device}</th>
                                    <th scope="col">{x().column_added}</th>
                                    <th scope="col">{x().column_already}</th>
                                </tr></thead>
                                <tbody>
                                    {tally_rows}
                                </tbody>
                            </table>
                        </TableScroll>
                        {plan.future.iter().map(|(device, flagged)| {
                            let when = format.date_time(browser::local_time_of(flagged.latest_ms));
                            view! { <p class="status warning">{(x().future_flag)(&label_of(device, &plan), flagged.count, &when)}</p> }
                        }).collect_view()}
                        {(!plan.conflicts.is_empty()).then(|| view! {
                            <details class="conflicts" open=true>
                                <summary>{(x().conflicts_title)(plan.conflicts.len())}</summary>
                                <ul>
                                    {move || report.with(|plan| plan.as_ref().map(|plan| {
                                        plan.conflicts.iter().take(conflicts_shown.get()).map(|c| view! {
                                            <li>
                                                <strong>{subject_name(&c.subject)}</strong>" · "{(x().field_name)(c.field)}<br/>
                                                {x().conflict_kept}": "<span class="mono">{c.kept.value.clone()}</span>" ("{label_of(&c.kept.device, plan)}")"<br/>
                                                {x().conflict_overwritten}": "<span class="mono">{c.overwritten.value.clone()}</span>" ("{label_of(&c.overwritten.device, plan)}")"
                                            </li>
                                        }).collect_view()
                                    }))}
                                </ul>
                                <ShowMore
                                    shown=conflicts_shown
                                    total=Signal::derive(move || report.with(|r| r.as_ref().map_or(0, |p| p.conflicts.len())))
                                />
                            </details>
                        })}
                    </div>
                }
            })}
        </section>
    }
}
