//! What the office's administrator sets up on the server, once, with a login used for that
//! and never stored: the databases, the design document that keeps operations as they were
//! written, who may open each database, and the collectors' users.

use super::couch::{ask, encode, Database, Method, ServerProblem, Transport};
use crate::sync::bundle::export::slug;

/// The design document every database of ours carries. CouchDB runs its
/// `validate_doc_update` on every write, replication's included, so even a user with write
/// access cannot edit or delete an operation, nor store one under another's id.
pub const DESIGN: &str = "cobranza";

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
  var sec = secObj || {};
  var admins = (sec.admins && sec.admins.names) || [];
  if ((userCtx.roles || []).indexOf('_admin') !== -1 || admins.indexOf(userCtx.name) !== -1) { return; }
  var owners = this.owners || {};
  var owner = owners[op.id.device];
  if (typeof owner === 'string' && owner !== userCtx.name) {
    throw({forbidden: 'Cobranza: device ' + op.id.device + ' writes as ' + owner + ', not as ' + userCtx.name});
  }
  var type = op.event && op.event.type;
  var office = this.office || [];
  var company = type === 'company_settings_changed' || type === 'device_role_set';
  if (company && office.length && office.indexOf(userCtx.name) === -1) {
    throw({forbidden: 'Cobranza: only the office changes the company settings and roles'});
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

/// Who may open a database: `admins` also change who may, and write any device's
/// operations; `members` read and write their own devices' (`device_owners`).
#[derive(Clone, Copy, Debug)]
pub struct Access<'a> {
    pub admins: &'a [&'a str],
    pub members: &'a [&'a str],
}

/// Creates `db` if it is missing, with the design document, and gives it `access` (the
/// server's admins can always open it). Running it again changes nothing.
pub async fn prepare_database<T: Transport>(
    transport: &T,
    db: &str,
    access: Access<'_>,
) -> Result<(), ServerProblem> {
    put(transport, format!("/{}", encode(db)), None).await?;
    secure_database(transport, db, access).await
}

/// Gives an existing `db` the design document as this version writes it, keeping the
/// devices' owners it lists, and `access`.
pub async fn secure_database<T: Transport>(
    transport: &T,
    db: &str,
    access: Access<'_>,
) -> Result<(), ServerProblem> {
    let db_path = format!("/{}", encode(db));
    let database = Database::new(transport, db);
    let design = database.design(DESIGN).await?;
    // Who alone may change the company's settings and roles here: the database's admins (a
    // route's office), named where the function reads them, as not every server hands it
    // the security object.
    let office = serde_json::json!(access.admins);
    let current = design
        .get("validate_doc_update")
        .and_then(serde_json::Value::as_str)
        == Some(VALIDATE_DOC_UPDATE)
        && (access.admins.is_empty() || design.get("office") == Some(&office));
    if !current {
        let mut design = design;
        design["validate_doc_update"] = VALIDATE_DOC_UPDATE.into();
        if !access.admins.is_empty() {
            design["office"] = office;
        }
        database.put_design(DESIGN, &design).await?;
    }
    put(
        transport,
        format!("{db_path}/_security"),
        Some(serde_json::json!({
            "admins": {"names": access.admins, "roles": []},
            "members": {"names": access.members, "roles": []},
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
