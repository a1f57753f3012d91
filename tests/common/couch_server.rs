//! A CouchDB-protocol server for the replication tests: pouchdb-server (which `cargo xtask
//! test` installs), in memory, on a free port of 127.0.0.1, started from a folder of its own
//! (it writes its config and log where it starts) and stopped when dropped. To run the same
//! tests against a real CouchDB, set `COBRANZA_COUCH_URL` (e.g. `http://127.0.0.1:5984`) and
//! `COBRANZA_COUCH_ADMIN` (`name:password` of a server admin).
#![allow(dead_code)]

use std::cell::RefCell;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use cobranza::sync::replication::couch::{Method, Request, Response, Transport, NO_REPLY_IN_TIME};
use cobranza::sync::replication::setup::{self, Access};

pub struct CouchServer {
    pub url: String,
    pub admin: (String, String),
    child: Option<Child>,
    folder: Option<PathBuf>,
}

impl CouchServer {
    pub async fn start() -> CouchServer {
        if let Ok(url) = std::env::var("COBRANZA_COUCH_URL") {
            let admin = std::env::var("COBRANZA_COUCH_ADMIN").unwrap_or_default();
            let (name, password) = admin.split_once(':').unwrap_or(("admin", ""));
            return CouchServer {
                url: url.trim_end_matches('/').to_owned(),
                admin: (name.into(), password.into()),
                child: None,
                folder: None,
            };
        }
        // The project's root, or the benchmarks' folder inside it.
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        let installed =
            |root: &Path| root.join(".tools/pouchdb-server/node_modules/.bin/pouchdb-server");
        let program = here
            .ancestors()
            .map(installed)
            .find(|program| program.is_file())
            .unwrap_or_else(|| installed(here));
        assert!(
            program.is_file(),
            "pouchdb-server is not installed: run `cargo xtask test`, which installs it"
        );
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .expect("a free port")
            .port();
        let folder = std::env::temp_dir().join(format!("cobranza-couch-{port}"));
        std::fs::create_dir_all(&folder).expect("a folder for the server");
        let child = Command::new(&program)
            .args([
                "--in-memory",
                "--host",
                "127.0.0.1",
                "--port",
                &port.to_string(),
            ])
            .current_dir(&folder)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("pouchdb-server starts");
        let server = CouchServer {
            url: format!("http://127.0.0.1:{port}"),
            admin: ("admin".into(), "clave-de-prueba".into()),
            child: Some(child),
            folder: Some(folder),
        };
        let anyone = Http::new(&server.url);
        let started = Instant::now();
        while anyone.get("/").await.status != 200 {
            assert!(
                started.elapsed() < Duration::from_secs(30),
                "pouchdb-server did not answer"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        // Out of "admin party": from here on only the admin may create databases and users.
        let body = format!("\"{}\"", server.admin.1);
        let made = anyone
            .ask(Method::Put, "/_config/admins/admin", Some(body))
            .await;
        assert_eq!(made.status, 200, "{}", made.body);
        server
    }

    /// Lets pages of any origin use the server with their session cookie, as an office's
    /// CouchDB lets the app's origin (CORS with credentials: the origin is reflected).
    pub async fn allow_browsers(&self) {
        let admin = self.admin();
        for (key, value) in [
            ("httpd/enable_cors", "true"),
            ("cors/origins", "*"),
            ("cors/credentials", "true"),
            ("cors/methods", "GET, PUT, POST, HEAD, DELETE"),
            (
                "cors/headers",
                "accept, authorization, content-type, origin, referer",
            ),
        ] {
            let set = admin
                .ask(
                    Method::Put,
                    &format!("/_config/{key}"),
                    Some(format!("{value:?}")),
                )
                .await;
            assert_eq!(set.status, 200, "{key}: {}", set.body);
        }
    }

    /// A client logged in as the server's admin.
    pub fn admin(&self) -> Http {
        let http = Http::new(&self.url);
        *http.auth.borrow_mut() = Auth::Basic(self.admin.0.clone(), self.admin.1.clone());
        http
    }

    pub fn anonymous(&self) -> Http {
        Http::new(&self.url)
    }

    /// Sets `db` up as the office does (`sync::replication::setup`), with `members` as the
    /// only users who may open it.
    pub async fn create(&self, db: &str, members: &[&str]) {
        self.create_with(
            db,
            Access {
                admins: &[],
                members,
            },
        )
        .await;
    }

    /// Sets `db` up as the office does, with `access`.
    pub async fn create_with(&self, db: &str, access: Access<'_>) {
        setup::prepare_database(&self.admin(), db, access)
            .await
            .expect("database set up");
    }

    pub async fn add_user(&self, name: &str, password: &str) {
        setup::add_user(&self.admin(), name, password)
            .await
            .expect("user added");
    }
}

impl Drop for CouchServer {
    fn drop(&mut self) {
        if let Some(child) = &mut self.child {
            let _ = child.kill();
            let _ = child.wait();
        }
        if let Some(folder) = &self.folder {
            let _ = std::fs::remove_dir_all(folder);
        }
    }
}

pub enum Auth {
    None,
    Basic(String, String),
    /// What `POST /_session` set, sent back as a browser does.
    Cookie(String),
}

/// Plain HTTP to the test server, keeping the session cookie as a browser would.
pub struct Http {
    client: reqwest::Client,
    base: String,
    pub auth: RefCell<Auth>,
}

impl Http {
    pub fn new(base: &str) -> Http {
        Http {
            client: reqwest::Client::new(),
            base: base.to_owned(),
            auth: RefCell::new(Auth::None),
        }
    }

    pub async fn get(&self, path: &str) -> Response {
        self.ask(Method::Get, path, None).await
    }

    /// Sends a request and gives the reply; a request that gets no reply at all fails the test.
    pub async fn ask(&self, method: Method, path: &str, body: Option<String>) -> Response {
        self.send(Request {
            method,
            path: path.to_owned(),
            body,
            patience_ms: None,
        })
        .await
        .unwrap_or_else(|e| Response { status: 0, body: e })
    }
}

impl Transport for Http {
    async fn send(&self, request: Request) -> Result<Response, String> {
        let method = match request.method {
            Method::Get => reqwest::Method::GET,
            Method::Post => reqwest::Method::POST,
            Method::Put => reqwest::Method::PUT,
            Method::Delete => reqwest::Method::DELETE,
        };
        let mut builder = self
            .client
            .request(method, format!("{}{}", self.base, request.path))
            .header("Accept", "application/json");
        if let Some(body) = request.body {
            builder = builder
                .header("Content-Type", "application/json")
                .body(body);
        }
        if let Some(patience) = request.patience_ms {
            builder = builder.timeout(Duration::from_millis(patience.into()));
        }
        builder = match &*self.auth.borrow() {
            Auth::None => builder,
            Auth::Basic(name, password) => builder.basic_auth(name, Some(password)),
            Auth::Cookie(cookie) => builder.header("Cookie", cookie),
        };
        let reply = match builder.send().await {
            Err(e) if e.is_timeout() => {
                return Ok(Response {
                    status: NO_REPLY_IN_TIME,
                    body: String::new(),
                })
            }
            outcome => outcome.map_err(|e| e.to_string())?,
        };
        let status = reply.status().as_u16();
        if let Some(cookie) = reply
            .headers()
            .get("set-cookie")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
        {
            *self.auth.borrow_mut() = Auth::Cookie(cookie.to_owned());
        }
        match reply.text().await {
            Ok(body) => Ok(Response { status, body }),
            Err(e) if e.is_timeout() => Ok(Response {
                status: NO_REPLY_IN_TIME,
                body: String::new(),
            }),
            Err(e) => Err(e.to_string()),
        }
    }
}
