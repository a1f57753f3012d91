//! What went wrong where no form was there to say it, shown in the banner under the header.
//! Each is worded in `i18n`; the browser's own words, when there are any, go in the
//! technical detail.

use leptos::prelude::*;

use super::i18n::use_i18n;
use super::session::use_session;
use crate::store::error::StoreError;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Alert {
    /// A write to the device's storage failed; nothing of it was stored.
    NotSaved(StoreError),
    /// The browser refused to keep a setting on this device.
    SettingNotKept,
    NotDownloaded(String),
    NotShared(String),
    /// A contact was saved without the position it was asked to carry.
    NoPosition(String),
    /// The office could not list on a route's database who writes which device (its user is
    /// not an admin of it: the server was set up by an older version); sync goes on.
    OwnersNotListed(String),
    /// This device's settings, kept in the browser by an older version, became the
    /// company's (operations that travel); not a failure, said once.
    SettingsMovedIn,
}

impl Alert {
    pub fn detail(&self) -> Option<String> {
        match self {
            Alert::NotSaved(error) => Some(error.to_string()),
            Alert::SettingNotKept | Alert::SettingsMovedIn => None,
            Alert::NotDownloaded(detail)
            | Alert::NotShared(detail)
            | Alert::NoPosition(detail)
            | Alert::OwnersNotListed(detail) => Some(detail.clone()),
        }
    }
}

/// The session's alert, worded, with the browser's words one tap away.
#[component]
pub fn AlertBanner() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    move || {
        session.alert.get().map(|alert| {
            let t = i18n.texts();
            view! {
                <div class="status error" role="alert">
                    <p>{(t.alert)(&alert)}</p>
                    {alert.detail().map(|detail| view! {
                        <details><summary>{t.technical_detail}</summary>{detail}</details>
                    })}
                </div>
            }
        })
    }
}
