//! CouchDB's HTTP interface through the browser's `fetch`, to the server the person typed and
//! nowhere else. Credentials are included so that the session cookie CouchDB set at login
//! goes with every request; the password itself is never kept.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use js_sys::JsString;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortSignal, RequestCredentials, RequestInit, RequestMode};

use crate::store::error::js_message;
use crate::sync::replication::couch::{Method, Request, Response, Transport, NO_REPLY_IN_TIME};

pub struct Fetch {
    /// The server's address as typed, without a trailing slash.
    base: String,
    /// `Authorization` for the administrator's setup, kept in memory for that only: it
    /// leaves the device's own session cookie as it was.
    basic: Option<String>,
}

impl Fetch {
    pub fn new(server: &str) -> Fetch {
        Fetch {
            base: server.trim().trim_end_matches('/').to_owned(),
            basic: None,
        }
    }

    pub fn as_administrator(server: &str, name: &str, password: &str) -> Fetch {
        let credentials = STANDARD.encode(format!("{name}:{password}"));
        Fetch {
            basic: Some(format!("Basic {credentials}")),
            ..Fetch::new(server)
        }
    }
}

impl Transport for Fetch {
    async fn send(&self, request: Request) -> Result<Response, String> {
        let init = RequestInit::new();
        init.set_method(match request.method {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Delete => "DELETE",
        });
        init.set_mode(RequestMode::Cors);
        // The administrator's requests carry their own credentials, and must not be taken
        // for the device's session: a server that sees both may go by the cookie.
        init.set_credentials(if self.basic.is_some() {
            RequestCredentials::Omit
        } else {
            RequestCredentials::Include
        });
        if let Some(body) = &request.body {
            init.set_body(&JsValue::from_str(body));
        }
        // A held request (a longpoll) is aborted when its time is up, so that a server that
        // never answers does not keep one of the few connections the browser opens to it.
        let patience = request.patience_ms.map(AbortSignal::timeout_with_u32);
        if let Some(signal) = &patience {
            init.set_signal(Some(signal));
        }
        let gave_up = || patience.as_ref().is_some_and(AbortSignal::aborted);
        let url = format!("{}{}", self.base, request.path);
        let outgoing = web_sys::Request::new_with_str_and_init(&url, &init).map_err(js_message)?;
        let headers = outgoing.headers();
        headers
            .set("Accept", "application/json")
            .map_err(js_message)?;
        if let Some(basic) = &self.basic {
            headers.set("Authorization", basic).map_err(js_message)?;
        }
        if request.body.is_some() {
            headers
                .set("Content-Type", "application/json")
                .map_err(js_message)?;
        }
        let window = web_sys::window().ok_or("no window")?;
        let no_reply = Response {
            status: NO_REPLY_IN_TIME,
            body: String::new(),
        };
        let reply: web_sys::Response =
            match JsFuture::from(window.fetch_with_request(&outgoing)).await {
                Err(_) if gave_up() => return Ok(no_reply),
                outcome => outcome
                    .map_err(js_message)?
                    .dyn_into()
                    .map_err(js_message)?,
            };
        let text = match JsFuture::from(reply.text().map_err(js_message)?).await {
            Err(_) if gave_up() => return Ok(no_reply),
            outcome => outcome.map_err(js_message)?,
        };
        Ok(Response {
            status: reply.status(),
            body: text
                .dyn_into::<JsString>()
                .map(String::from)
                .unwrap_or_default(),
        })
    }
}
