//! What a locked app shows: the PIN field and nothing of the portfolio. Wrong attempts make
//! the next one wait (`app_lock::Attempts`), counted where a reload does not reset them.

use leptos::prelude::*;

use crate::store::data_key::UnlockError;
use crate::store::settings;
use crate::ui::browser;
use crate::ui::i18n::use_i18n;
use crate::ui::language_picker::LanguagePicker;
use crate::ui::session::use_session;

#[component]
pub fn LockScreen() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let x = move || i18n.lock();
    let secret = RwSignal::new(String::new());
    let attempts = RwSignal::new(settings::lock_attempts());
    let now = RwSignal::new(browser::now_ms());
    let opening = RwSignal::new(false);
    let error = RwSignal::new(None::<&'static str>);
    let ticking = set_interval_with_handle(
        move || now.set(browser::now_ms()),
        std::time::Duration::from_secs(1),
    );
    on_cleanup(move || {
        if let Ok(handle) = ticking {
            handle.clear();
        }
    });
    // «Olvidé mi PIN»: how many operations erasing would lose, once counted.
    let forgetting = RwSignal::new(None::<u64>);
    let forgot = move |_| {
        leptos::task::spawn_local(async move {
            match session.unsent().await {
                Ok(unsent) => forgetting.set(Some(unsent)),
                Err(_) => error.set(Some(x().failed)),
            }
        });
    };
    let erase = move |_| {
        leptos::task::spawn_local(async move {
            match session.forget_device().await {
                Ok(()) => {
                    settings::set_lock_attempts(Default::default());
                }
                Err(_) => error.set(Some(x().failed)),
            }
        });
    };
    let waiting_s = move || attempts.get().waiting_ms(now.get()).div_ceil(1000);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if waiting_s() > 0 || opening.get_untracked() {
            return;
        }
        opening.set(true);
        error.set(None);
        let typed = secret.get_untracked();
        leptos::task::spawn_local(async move {
            match session.unlock(&typed).await {
                Ok(()) => {
                    settings::set_lock_attempts(Default::default());
                }
                Err(UnlockError::WrongSecret) => {
                    let failed = attempts.get_untracked().failed(browser::now_ms());
                    settings::set_lock_attempts(failed);
                    attempts.set(failed);
                    now.set(browser::now_ms());
                    secret.set(String::new());
                    error.set(Some(x().wrong));
                }
                Err(UnlockError::Failed(_)) => error.set(Some(x().failed)),
            }
            opening.set(false);
        });
    };
    view! {
        <main class="lock-screen">
            <LanguagePicker/>
            <h1>{move || x().title}</h1>
            <p>{move || x().intro}</p>
            <form on:submit=submit>
                <label for="lock-secret">{move || x().secret}</label>
                <input id="lock-secret" name="secret" type="password" autocomplete="current-password"
                    prop:value=move || secret.get()
                    on:input=move |ev| secret.set(event_target_value(&ev))/>
                <button type="submit" class="primary" disabled=move || { opening.get() || waiting_s() > 0 }>
                    {move || if opening.get() { x().unlocking } else { x().unlock }}
                </button>
                {move || error.get().map(|message| view! { <p class="status error" role="alert">{message}</p> })}
                {move || (waiting_s() > 0).then(|| view! {
                    <p class="status warning lock-wait" role="status">{(x().wait)(waiting_s())}</p>
                })}
            </form>
            {move || match forgetting.get() {
                None => view! {
                    <button type="button" class="link forgot-pin" on:click=forgot>{x().forgot}</button>
                }.into_any(),
                Some(unsent) => view! {
                    <div class="panel forget-device" role="alertdialog" aria-labelledby="forget-title">
                        <h2 id="forget-title">{x().forgot}</h2>
                        <p data-unsent=unsent.to_string()>{(x().forgot_explain)(unsent)}</p>
                        <div class="form-buttons">
                            <button type="button" class="danger erase-device" disabled=move || session.busy.get()
                                on:click=erase>{(x().erase)(unsent)}</button>
                            <button type="button" class="link" on:click=move |_| forgetting.set(None)>{x().keep_trying}</button>
                        </div>
                    </div>
                }.into_any(),
            }}
        </main>
    }
}
