//! The part of CouchDB's HTTP interface replication uses, over any way of sending a request:
//! the browser's `fetch` in the app, a plain HTTP client in the native tests. Requests and
//! replies are worked out here, so both speak the protocol the same way.

use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;

use super::checkpoint::Since;
use super::doc::{doc_id, OpDoc, OP_PREFIX};
use crate::sync::hlc::DeviceId;
use crate::sync::op::OpId;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Delete,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Request {
    pub method: Method,
    /// From the server's root, starting with `/`.
    pub path: String,
    /// JSON, when there is a body.
    pub body: Option<String>,
    /// How long to wait for the reply, when it may be held on purpose (a longpoll): once it
    /// is up the transport gives up and answers `408` itself. Without it, as long as the
    /// platform waits.
    pub patience_ms: Option<u32>,
}

/// The status a transport answers with when the request's patience ran out.
pub const NO_REPLY_IN_TIME: u16 = 408;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub body: String,
}

/// Sends requests to one server and brings back its replies; `Err` when no reply came at
/// all, with the browser's or the client's own words.
pub trait Transport {
    fn send(&self, request: Request) -> impl Future<Output = Result<Response, String>>;
}

/// Why the server did not do what was asked. Each is worded for people in `ui::i18n`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ServerProblem {
    /// No reply: no network, a wrong address, TLS refused, or CORS not allowed for this
    /// origin (a browser cannot tell these apart from the page).
    Unreachable(String),
    /// 401: not logged in, or the session expired.
    Unauthorized,
    /// 403: logged in, but this user may not do this here.
    Forbidden(String),
    /// 404: the database does not exist.
    NoDatabase,
    /// 404: the document does not exist.
    Missing,
    /// 413: the request was larger than the server takes.
    TooLarge,
    /// Any other refusal, with the server's reason.
    Refused { status: u16, reason: String },
    /// A reply that is not what CouchDB sends.
    BadReply(String),
    /// A CouchDB older than 2.0, whose replication this app does not speak.
    TooOld(String),
    /// The page may not connect to this origin: whoever hosts the app must allow it.
    OriginNotAllowed(String),
}

/// CouchDB's error body.
#[derive(Deserialize)]
struct ErrorBody {
    #[serde(default)]
    error: String,
    #[serde(default)]
    reason: String,
}

/// One database on the server.
pub struct Database<'t, T> {
    transport: &'t T,
    name: String,
    /// `/` and the name, URL-encoded.
    path: String,
}

/// One change of `_changes`, with its document.
#[derive(Deserialize)]
struct Change<'a> {
    id: String,
    #[serde(default)]
    deleted: bool,
    #[serde(borrow)]
    doc: Option<&'a RawValue>,
}

#[derive(Deserialize)]
struct ChangesReply<'a> {
    #[serde(borrow)]
    results: Vec<Change<'a>>,
    last_seq: Value,
    #[serde(default)]
    pending: Option<u64>,
}

/// A page of `_all_docs` with `include_docs`: a row whose document is missing or deleted
/// has none.
#[derive(Deserialize)]
struct AllDocs<'a> {
    #[serde(borrow)]
    rows: Vec<AllDocsRow<'a>>,
}

#[derive(Deserialize)]
struct AllDocsRow<'a> {
    #[serde(default)]
    id: String,
    #[serde(default, borrow)]
    doc: Option<&'a RawValue>,
}

/// What a wait on `_changes` heard.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Heard {
    Nothing,
    /// An operation was stored.
    Operations,
    /// Only a document that is not an operation changed (the office listing who writes
    /// which device): worth no round; wait again from `since`.
    Other(Since),
}

/// A page of `_changes`: the documents (as JSON) in the order the server gave them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChangesPage {
    pub docs: Vec<(String, ChangedDoc)>,
    pub last_seq: Since,
    /// How many changes are left after this page, when the server says.
    pub pending: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChangedDoc {
    Json(String),
    Deleted,
}

/// What `_bulk_docs` said of one document it did not store.
#[derive(Deserialize)]
struct DocError {
    #[serde(default)]
    id: String,
    #[serde(default)]
    error: String,
    #[serde(default)]
    reason: String,
}

impl<'t, T: Transport> Database<'t, T> {
    pub fn new(transport: &'t T, name: &str) -> Database<'t, T> {
        Database {
            transport,
            name: name.to_owned(),
            path: format!("/{}", encode(name)),
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    async fn ask(
        &self,
        method: Method,
        path: String,
        body: Option<String>,
    ) -> Result<String, ServerProblem> {
        ask(self.transport, method, path, body).await
    }

    /// The ids of the documents among `docs` the server does not hold.
    pub async fn missing(&self, docs: &[OpDoc]) -> Result<BTreeSet<String>, ServerProblem> {
        let asked: BTreeMap<&str, [&str; 1]> = docs
            .iter()
            .map(|doc| (doc.id.as_str(), [doc.rev.as_str()]))
            .collect();
        let body = json(&asked)?;
        let reply = self
            .ask(
                Method::Post,
                format!("{}/_revs_diff", self.path),
                Some(body),
            )
            .await?;
        let diff: BTreeMap<String, Value> = parse(&reply)?;
        Ok(diff.into_keys().collect())
    }

    /// Stores `docs` with their own revisions (`new_edits: false`), as replication does.
    /// A document the server refuses (its `validate_doc_update`, or access) comes back as
    /// `Forbidden` naming it.
    pub async fn store(&self, docs: &[OpDoc]) -> Result<(), ServerProblem> {
        #[derive(serde::Serialize)]
        struct Bulk<'a> {
            docs: &'a [OpDoc],
            new_edits: bool,
        }
        let body = json(&Bulk {
            docs,
            new_edits: false,
        })?;
        let reply = self
            .ask(
                Method::Post,
                format!("{}/_bulk_docs", self.path),
                Some(body),
            )
            .await?;
        // With `new_edits: false` CouchDB lists only what it did not store.
        let said: Vec<Value> = parse(&reply)?;
        for entry in said {
            if let Ok(error) = serde_json::from_value::<DocError>(entry) {
                if !error.error.is_empty() {
                    return Err(ServerProblem::Forbidden(format!(
                        "{}: {} {}",
                        error.id, error.error, error.reason
                    )));
                }
            }
        }
        Ok(())
    }

    /// The changes after `since`, at most `limit`, with their documents.
    pub async fn changes(&self, since: &Since, limit: usize) -> Result<ChangesPage, ServerProblem> {
        let path = format!(
            "{}/_changes?include_docs=true&style=main_only&limit={limit}&since={}",
            self.path,
            encode(since.as_param())
        );
        let reply = self.ask(Method::Get, path, None).await?;
        let page: ChangesReply<'_> = parse(&reply)?;
        Ok(ChangesPage {
            docs: page
                .results
                .into_iter()
                .map(|change| {
                    let doc = match change.doc {
                        Some(doc) if !change.deleted => ChangedDoc::Json(doc.get().to_owned()),
                        _ => ChangedDoc::Deleted,
                    };
                    (change.id, doc)
                })
                .collect(),
            last_seq: Since::from_server(&page.last_seq),
            pending: page.pending,
        })
    }

    /// The documents of `device`'s operations from `from_seq` on, in sequence order, `page`
    /// at a time, up to `most` of them: one key range of `_all_docs`, since a device's
    /// documents sort together.
    pub async fn device_docs(
        &self,
        device: &DeviceId,
        from_seq: u64,
        page: usize,
        most: usize,
    ) -> Result<Vec<(String, ChangedDoc)>, ServerProblem> {
        let first = doc_id(&OpId {
            device: device.clone(),
            seq: from_seq,
        });
        let last = doc_id(&OpId {
            device: device.clone(),
            seq: u64::MAX,
        });
        let mut docs: Vec<(String, ChangedDoc)> = Vec::new();
        loop {
            // Each page after the first starts past the last document of the one before.
            let from = match docs.last() {
                Some((id, _)) => format!("startkey={}&skip=1", encode(&json(id)?)),
                None => format!("startkey={}", encode(&json(&first)?)),
            };
            let path = format!(
                "{}/_all_docs?include_docs=true&limit={page}&{from}&endkey={}",
                self.path,
                encode(&json(&last)?),
            );
            let reply = self.ask(Method::Get, path, None).await?;
            let listing: AllDocs<'_> = parse(&reply)?;
            let full = listing.rows.len() >= page;
            docs.extend(listing.rows.into_iter().map(|row| {
                let doc = match row.doc {
                    Some(doc) => ChangedDoc::Json(doc.get().to_owned()),
                    None => ChangedDoc::Deleted,
                };
                (row.id, doc)
            }));
            if !full || page == 0 || docs.len() >= most {
                return Ok(docs);
            }
        }
    }

    /// Waits until the database changes after `since` (`feed=longpoll`), at most about
    /// `wait_ms`, and says what changed. A server that holds the request longer (some ignore
    /// `timeout`) is given up on a little after, as no change.
    pub async fn wait_for_change(
        &self,
        since: &Since,
        wait_ms: u32,
    ) -> Result<Heard, ServerProblem> {
        let request = Request {
            method: Method::Get,
            path: format!(
                "{}/_changes?feed=longpoll&limit=1&timeout={wait_ms}&since={}",
                self.path,
                encode(since.as_param())
            ),
            body: None,
            // Half as long again, and a second for the network.
            patience_ms: Some(wait_ms.saturating_add(wait_ms / 2).saturating_add(1_000)),
        };
        let reply = match send(self.transport, request).await {
            Ok(reply) => reply,
            Err(ServerProblem::Refused {
                status: NO_REPLY_IN_TIME,
                ..
            }) => return Ok(Heard::Nothing),
            Err(problem) => return Err(problem),
        };
        let changes: ChangesReply<'_> = parse(&reply)?;
        Ok(if changes.results.is_empty() {
            Heard::Nothing
        } else if changes.results.iter().any(|c| c.id.starts_with(OP_PREFIX)) {
            Heard::Operations
        } else {
            Heard::Other(Since::from_server(&changes.last_seq))
        })
    }

    /// How many documents the database holds (its design document among them): what a first
    /// pull has ahead of it, when the server does not say how many changes are pending.
    pub async fn doc_count(&self) -> Result<u64, ServerProblem> {
        #[derive(Deserialize)]
        struct Info {
            doc_count: u64,
        }
        let info: Info = parse(&self.ask(Method::Get, self.path.clone(), None).await?)?;
        Ok(info.doc_count)
    }

    /// The design document `name` as stored, or an empty one when there is none. Asked of
    /// `_all_docs`, where a missing document is no 404 (a browser logs every 404 as an error).
    pub async fn design(&self, name: &str) -> Result<Value, ServerProblem> {
        let path = format!(
            "{}/_all_docs?include_docs=true&key={}",
            self.path,
            encode(&json(&format!("_design/{name}"))?)
        );
        let reply = self.ask(Method::Get, path, None).await?;
        let listing: AllDocs<'_> = parse(&reply)?;
        match listing.rows.into_iter().find_map(|row| row.doc) {
            Some(doc) => match parse(doc.get())? {
                design @ Value::Object(_) => Ok(design),
                _ => Err(ServerProblem::BadReply(
                    "a design document that is not an object".into(),
                )),
            },
            None => Ok(Value::Object(Default::default())),
        }
    }

    /// Writes the design document `name` over the revision `design` carries (none for a new
    /// one); only the database's admins may.
    pub async fn put_design(&self, name: &str, design: &Value) -> Result<(), ServerProblem> {
        let path = format!("{}/_design/{}", self.path, encode(name));
        self.ask(Method::Put, path, Some(json(design)?))
            .await
            .map(drop)
    }

    /// A `_local` document (never replicated, not in `_changes`), if there is one.
    pub async fn local(&self, id: &str) -> Result<Option<Value>, ServerProblem> {
        match self
            .ask(
                Method::Get,
                format!("{}/_local/{}", self.path, encode(id)),
                None,
            )
            .await
        {
            Ok(body) => parse(&body).map(Some),
            Err(ServerProblem::Missing) => Ok(None),
            Err(problem) => Err(problem),
        }
    }

    /// Writes a `_local` document over `rev`, the revision last read of it (none when it
    /// was not read); when that is not the server's, over whatever revision the server has.
    pub async fn put_local(
        &self,
        id: &str,
        body: Value,
        rev: Option<Value>,
    ) -> Result<(), ServerProblem> {
        let path = format!("{}/_local/{}", self.path, encode(id));
        let with_rev = |rev: Option<Value>| {
            let mut body = body.clone();
            if let (Some(rev), Some(fields)) = (rev, body.as_object_mut()) {
                fields.insert("_rev".into(), rev);
            }
            json(&body)
        };
        match self
            .ask(Method::Put, path.clone(), Some(with_rev(rev)?))
            .await
        {
            Err(ServerProblem::Refused { status: 409, .. }) => {
                let rev = self
                    .local(id)
                    .await?
                    .and_then(|old| old.get("_rev").cloned());
                self.ask(Method::Put, path, Some(with_rev(rev)?))
                    .await
                    .map(drop)
            }
            outcome => outcome.map(drop),
        }
    }
}

/// What the server's root says of it.
#[derive(Deserialize)]
struct Welcome {
    #[serde(default)]
    couchdb: Option<String>,
    #[serde(default)]
    version: String,
}

/// Checks that the server speaks a CouchDB this app can sync with (2.0 or later, or a
/// PouchDB server), and that the logged-in user may read `db`.
pub async fn probe<T: Transport>(transport: &T, db: &str) -> Result<(), ServerProblem> {
    let welcome: Welcome = parse(&ask(transport, Method::Get, "/".into(), None).await?)?;
    let major: u32 = welcome
        .version
        .split('.')
        .next()
        .and_then(|m| m.parse().ok())
        .unwrap_or(0);
    if welcome.couchdb.is_some() && major < 2 {
        return Err(ServerProblem::TooOld(welcome.version));
    }
    Database::new(transport, db)
        .changes(&Since::start(), 1)
        .await
        .map(drop)
}

/// Opens a cookie session for `name` (`POST /_session`); the transport keeps the cookie, as
/// a browser does, and the password is kept nowhere. A wrong name or password is
/// `Unauthorized`.
pub async fn log_in<T: Transport>(
    transport: &T,
    name: &str,
    password: &str,
) -> Result<(), ServerProblem> {
    let body = json(&serde_json::json!({ "name": name, "password": password }))?;
    ask(transport, Method::Post, "/_session".into(), Some(body))
        .await
        .map(drop)
}

pub(super) async fn ask<T: Transport>(
    transport: &T,
    method: Method,
    path: String,
    body: Option<String>,
) -> Result<String, ServerProblem> {
    send(
        transport,
        Request {
            method,
            path,
            body,
            patience_ms: None,
        },
    )
    .await
}

async fn send<T: Transport>(transport: &T, request: Request) -> Result<String, ServerProblem> {
    let reply = transport
        .send(request)
        .await
        .map_err(ServerProblem::Unreachable)?;
    if (200..300).contains(&reply.status) {
        return Ok(reply.body);
    }
    let said: ErrorBody = serde_json::from_str(&reply.body).unwrap_or(ErrorBody {
        error: String::new(),
        reason: String::new(),
    });
    Err(match reply.status {
        401 => ServerProblem::Unauthorized,
        403 => ServerProblem::Forbidden(said.reason),
        404 if said.reason.contains("Database does not exist") || said.reason == "no_db_file" => {
            ServerProblem::NoDatabase
        }
        404 => ServerProblem::Missing,
        413 => ServerProblem::TooLarge,
        status => ServerProblem::Refused {
            status,
            reason: if said.reason.is_empty() {
                said.error
            } else {
                said.reason
            },
        },
    })
}

fn json(value: &impl serde::Serialize) -> Result<String, ServerProblem> {
    serde_json::to_string(value).map_err(|e| ServerProblem::BadReply(e.to_string()))
}

fn parse<'a, V: Deserialize<'a>>(body: &'a str) -> Result<V, ServerProblem> {
    serde_json::from_str(body).map_err(|e| ServerProblem::BadReply(e.to_string()))
}

/// What stays as it is in a URL's path segment or query value: RFC 3986's unreserved.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes what goes in a URL's path segment or query value.
pub fn encode(text: &str) -> String {
    utf8_percent_encode(text, UNRESERVED).to_string()
}
