//! What the office's administrator sets up on the server, once, with a login used for that
//! and never stored: the databases, the design document that keeps operations as they were
//! written, who may open each database, and the collectors' users.

use super::couch::{ask, encode, Method, ServerProblem, Transport};
use crate::sync::bundle::export::slug;

/// The design document every database of ours carries. CouchDB runs its
/// `validate_doc_update` on every write, replication's included, so even a user with write
/// access cannot edit or delete an operation, nor store one under another's id.
pub const DESIGN_ID: &str = "_design/cobranza";

pub const VALIDATE_DOC_UPDATE: &str = r#"function (newDoc, oldDoc, userCtx, secObj) {
  if (newDoc._id.indexOf('_design/') === 0) { return; }
  if (oldDoc) { throw({forbidden: 'Cobranza: an operation is never edited'}); }
  if (newDoc._deleted) { throw({forbidden: 'Cobranza: an operation is never deleted'}); }
  var op = newDoc.op;
  if (!op || !op.id || typeof op.id.device !== 'string' || typeof op.id.seq !== 'number') {
    throw({forbidden: 'Cobranza: not an operation'});
  }
  var seq = '00000000000000000000' + op.id.seq;
  if (newDoc._id !== 'op:' + op.id.device + ':' + seq.slice(seq.length - 20)) {
    throw({forbidden: 'Cobranza: the id does not name its operation'});
  }
  if (newDoc._rev && newDoc._rev.indexOf('1-') !== 0) {
    throw({forbidden: 'Cobranza: an operation has one revision'});
  }
}"#;

/// The office's database, which holds everything.
pub const OFFICE_DATABASE: &str = "cobranza-oficina";

/// The database of one collector's route, from the collector's user name.
pub fn route_database(user: &str) -> String {
    format!("cobranza-ruta-{user}")
}

/// The server user of a collector, from the name customers are assigned to: «Juan Pérez» is
/// `juan-perez`, and their route's database `cobranza-ruta-juan-perez`.
pub fn collector_user(collector: &str) -> String {
    slug(collector)
}

/// Each collector of the portfolio with the database of their route.
pub fn routes(collectors: &[String]) -> Vec<(String, String)> {
    collectors
        .iter()
        .map(|name| (name.clone(), route_database(&collector_user(name))))
        .filter(|(_, db)| db.len() > "cobranza-ruta-".len())
        .collect()
}

/// Writes what setup writes; 409 and 412 say it is there already, from an earlier setup.
async fn put<T: Transport>(
    transport: &T,
    path: String,
    body: Option<serde_json::Value>,
) -> Result<(), ServerProblem> {
    match ask(transport, Method::Put, path, body.map(|b| b.to_string())).await {
        Ok(_)
        | Err(ServerProblem::Refused {
            status: 409 | 412, ..
        }) => Ok(()),
        Err(problem) => Err(problem),
    }
}

/// Creates `db` if it is missing, with the design document, and lets only `members` (and
/// the server's admins) open it. Running it again changes nothing.
pub async fn prepare_database<T: Transport>(
    transport: &T,
    db: &str,
    members: &[&str],
) -> Result<(), ServerProblem> {
    put(transport, format!("/{}", encode(db)), None).await?;
    secure_database(transport, db, members).await
}

/// Gives an existing `db` the design document, if it lacks it, and lets only `members` (and
/// the server's admins) open it.
pub async fn secure_database<T: Transport>(
    transport: &T,
    db: &str,
    members: &[&str],
) -> Result<(), ServerProblem> {
    let path = format!("/{}", encode(db));
    // Through `_bulk_docs`, a design document already there is a line in the reply, not a
    // 409 that a browser would log as an error.
    let design = serde_json::json!({
        "docs": [{ "_id": DESIGN_ID, "validate_doc_update": VALIDATE_DOC_UPDATE }],
    });
    ask(
        transport,
        Method::Post,
        format!("{path}/_bulk_docs"),
        Some(design.to_string()),
    )
    .await?;
    put(
        transport,
        format!("{path}/_security"),
        Some(serde_json::json!({
            "admins": {"names": [], "roles": []},
            "members": {"names": members, "roles": []},
        })),
    )
    .await
}

/// Creates a collector's user, or gives an existing one `password`: running the setup again
/// with a new password is how the office resets a forgotten one.
pub async fn add_user<T: Transport>(
    transport: &T,
    name: &str,
    password: &str,
) -> Result<(), ServerProblem> {
    let path = format!("/_users/{}", encode(&format!("org.couchdb.user:{name}")));
    let user = serde_json::json!({"name": name, "password": password, "roles": [], "type": "user"});
    match ask(transport, Method::Put, path.clone(), Some(user.to_string())).await {
        Err(ServerProblem::Refused { status: 409, .. }) => {
            let known = ask(transport, Method::Get, path.clone(), None).await?;
            let mut known: serde_json::Value =
                serde_json::from_str(&known).map_err(|e| ServerProblem::BadReply(e.to_string()))?;
            // Over its revision, with its roles as they are: CouchDB hashes the new password.
            let fields = known
                .as_object_mut()
                .ok_or_else(|| ServerProblem::BadReply("a user that is not an object".into()))?;
            fields.insert("password".into(), password.into());
            ask(transport, Method::Put, path, Some(known.to_string()))
                .await
                .map(drop)
        }
        outcome => outcome.map(drop),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_collectors_user_and_route_are_named_from_their_name() {
        assert_eq!(collector_user("José Peña"), "jose-pena");
        assert_eq!(
            routes(&["Juan Pérez".into(), "¿?".into()]),
            [(
                "Juan Pérez".to_owned(),
                "cobranza-ruta-juan-perez".to_owned()
            )],
            "a name with no letters gets no route"
        );
    }
}
