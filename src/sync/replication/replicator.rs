//! One round of replication with one database: pull every change since the checkpoint, page by
//! page, each page through the intake and stored with its checkpoint in one transaction; then
//! push what the server lacks, batch by batch, each batch's checkpoint stored once the server
//! has it. A round cut anywhere loses nothing and doubles nothing: a page is stored whole or
//! not at all, and what was pushed but not checkpointed is found held by `_revs_diff` next time.

use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;

use super::checkpoint::{checkpoint_id, Checkpoint, Since};
use super::couch::{ChangedDoc, Database, ServerProblem, Transport};
use super::doc::{doc_id, from_doc, DocProblem, OpDoc, OP_PREFIX};
use crate::sync::hlc::DeviceId;
use crate::sync::intake::{Admitted, Refused};
use crate::sync::op::{Event, Op, OpId};
use crate::sync::restore::OwnHistory;
use crate::sync::signed_run::SignatureCheck;
use crate::sync::version_vector::VersionVector;

/// How much a round moves at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sizes {
    /// Changes asked for at once: a page is stored in one transaction.
    pub page: usize,
    /// Documents pushed at once, halved whenever the server finds a request too large.
    pub batch: usize,
}

impl Default for Sizes {
    fn default() -> Self {
        Sizes {
            page: 1_000,
            batch: 500,
        }
    }
}

/// This device's side: what it stores and how it stores what comes in. A device may
/// replicate with several databases (the office with its own and each route's), each with
/// its own checkpoint.
pub trait Local {
    type Error;

    fn checkpoint(&self, db: &str) -> Checkpoint;

    /// The stored operations `db` should hold and does not (`on_server`), in the order they
    /// were stored: everything for the office's database, a route's operations for a route's
    /// (`bundle::export::route`).
    fn not_on(
        &self,
        db: &str,
        on_server: &VersionVector,
    ) -> impl Future<Output = Result<Vec<Op>, Self::Error>>;

    /// What the intake makes of pulled operations, against what is stored now.
    fn admit(&self, ops: Vec<Op>) -> Admitted;

    /// Checks the signatures the intake asks for: the first that is not its device's, if
    /// one is not.
    fn verify(
        &self,
        checks: &[SignatureCheck],
    ) -> impl Future<Output = Result<Option<OpId>, Self::Error>>;

    /// What the server's copy of this device's operations (`theirs`, all of them) says of
    /// the ones stored here (`restore::judge`).
    fn own_history(&self, theirs: &[Op]) -> OwnHistory;

    /// How far a pull from `db` has come this round: `done` changes looked at, of about
    /// `total` when the server lets that be known (a first pull, or a server that says how
    /// many are pending).
    fn pulling(&mut self, db: &str, done: u64, total: Option<u64>);

    /// Stores `new_ops` (already admitted, with their `hashes` as the intake worked them
    /// out) and `db`'s `checkpoint` in one transaction.
    fn store(
        &mut self,
        db: &str,
        new_ops: Vec<Op>,
        hashes: Vec<[u8; 32]>,
        checkpoint: Checkpoint,
    ) -> impl Future<Output = Result<(), Self::Error>>;
}

/// Why a round stopped. Nothing of the page or batch it stopped at was stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReplicationProblem<E> {
    Server(ServerProblem),
    /// A document on the server is not an operation as a device writes it.
    BadDocument {
        doc: String,
        why: DocProblem,
    },
    /// A pulled operation breaks one of the rules every operation must keep.
    Refused {
        doc: String,
        why: Refused,
    },
    /// The server holds operations of this device's id that it does not store, or stores
    /// otherwise: it was restored from an older copy, and what it wrote from `from_seq` on
    /// must go over to a new id before anything more is exchanged.
    Restored {
        from_seq: u64,
    },
    /// This device's storage failed.
    Local(E),
}

impl<E> From<ServerProblem> for ReplicationProblem<E> {
    fn from(problem: ServerProblem) -> Self {
        ReplicationProblem::Server(problem)
    }
}

/// What a round moved.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Round {
    pub received: usize,
    pub sent: usize,
}

pub async fn replicate<T: Transport, L: Local>(
    db: &Database<'_, T>,
    local: &mut L,
    me: &DeviceId,
    sizes: Sizes,
) -> Result<Round, ReplicationProblem<L::Error>> {
    let id = checkpoint_id(me);
    let mut checkpoint = local.checkpoint(db.name());
    // A device that has pulled nothing yet starts from the beginning anyway: no need to ask
    // for a copy the server cannot have (a browser logs every 404 as an error).
    let server_copy = if checkpoint.pulled == Since::start() {
        None
    } else {
        db.local(&id).await?
    };
    if !checkpoint.agrees_with(server_copy.as_ref()) {
        checkpoint.pulled = Since::start();
    }
    let mut round = Round {
        received: pull(db, local, me, &mut checkpoint, sizes.page).await?,
        sent: 0,
    };
    round.sent = push(db, local, &mut checkpoint, sizes.batch).await?;
    // A round that found nothing new writes nothing: an open app asks often.
    if !checkpoint.agrees_with(server_copy.as_ref()) {
        let rev = server_copy.and_then(|copy| copy.get("_rev").cloned());
        db.put_local(&id, checkpoint.server_copy(), rev).await?;
    }
    Ok(round)
}

async fn pull<T: Transport, L: Local>(
    db: &Database<'_, T>,
    local: &mut L,
    me: &DeviceId,
    checkpoint: &mut Checkpoint,
    page_size: usize,
) -> Result<usize, ReplicationProblem<L::Error>> {
    let mut received = 0;
    // From the beginning, the database's size says how far there is to go.
    let whole = if checkpoint.pulled == Since::start() {
        Some(db.doc_count().await?)
    } else {
        None
    };
    let mut done = 0;
    loop {
        let page = db.changes(&checkpoint.pulled, page_size).await?;
        let full = page.docs.len() >= page_size;
        done += page.docs.len() as u64;
        let total = match page.pending {
            Some(pending) => Some(done + pending),
            None => whole.map(|whole| whole.max(done)),
        };
        let ops = operations(page.docs)?;
        for op in &ops {
            checkpoint.on_server.observe(&op.id);
        }
        let mut admitted = local.admit(ops.clone());
        if let Some(runs) = missing_runs(db, &admitted, &ops, page_size).await? {
            admitted = local.admit(ops.into_iter().chain(runs).collect());
        }
        let own_elsewhere = admitted.refused.iter().any(|refusal| {
            refusal.id.device == *me
                && matches!(refusal.why, Refused::OwnUnknown | Refused::OtherVersion)
        });
        if own_elsewhere {
            let theirs = operations(db.device_docs(me, 0, page_size, usize::MAX).await?)?;
            if let OwnHistory::Restored { from_seq } = local.own_history(&theirs) {
                return Err(ReplicationProblem::Restored { from_seq });
            }
        }
        if let Some(refusal) = admitted.refused.into_iter().next() {
            return Err(ReplicationProblem::Refused {
                doc: doc_id(&refusal.id),
                why: refusal.why,
            });
        }
        if let Some(forged) = local
            .verify(&admitted.signatures)
            .await
            .map_err(ReplicationProblem::Local)?
        {
            return Err(ReplicationProblem::Refused {
                doc: doc_id(&forged),
                why: Refused::BadSignature,
            });
        }
        checkpoint.pulled = page.last_seq;
        received += admitted.new_ops.len();
        local
            .store(
                db.name(),
                admitted.new_ops,
                admitted.hashes,
                checkpoint.clone(),
            )
            .await
            .map_err(ReplicationProblem::Local)?;
        local.pulling(db.name(), done, total);
        if !full {
            return Ok(received);
        }
    }
}

/// The signature operations a page lacks for its operations that need one: a run is pushed
/// before its signature, which may be on a later page. Read from the server by each
/// device's key range, from its first operation lacking one until every such operation is
/// vouched for or the device's documents end; `None` if nothing is lacking.
async fn missing_runs<T: Transport, E>(
    db: &Database<'_, T>,
    admitted: &Admitted,
    page: &[Op],
    page_size: usize,
) -> Result<Option<Vec<Op>>, ReplicationProblem<E>> {
    let on_page: BTreeSet<&OpId> = page.iter().map(|op| &op.id).collect();
    let mut lacking: BTreeMap<&DeviceId, Vec<u64>> = BTreeMap::new();
    for refusal in &admitted.refused {
        if refusal.why != Refused::Unsigned {
            return Ok(None);
        }
        lacking
            .entry(&refusal.id.device)
            .or_default()
            .push(refusal.id.seq);
    }
    if lacking.is_empty() {
        return Ok(None);
    }
    let mut runs = Vec::new();
    for (device, mut seqs) in lacking {
        seqs.sort_unstable();
        let mut from = seqs[0];
        loop {
            let docs = db.device_docs(device, from, page_size, page_size).await?;
            let exhausted = docs.len() < page_size;
            let read = operations(docs)?;
            from = read.last().map_or(from, |op| op.id.seq + 1);
            for op in read {
                if let Event::OperationsSigned { run } = &op.event {
                    let listed = run.from..run.from.saturating_add(run.length());
                    seqs.retain(|seq| !listed.contains(seq));
                    if !on_page.contains(&op.id) {
                        runs.push(op);
                    }
                }
            }
            if seqs.is_empty() || exhausted {
                break;
            }
        }
    }
    Ok(Some(runs))
}

/// The operations of a page of documents; other documents (design documents) are not ours.
fn operations<E>(docs: Vec<(String, ChangedDoc)>) -> Result<Vec<Op>, ReplicationProblem<E>> {
    let mut ops = Vec::with_capacity(docs.len());
    for (doc, changed) in docs {
        if !doc.starts_with(OP_PREFIX) {
            continue;
        }
        let op = match changed {
            ChangedDoc::Json(json) => from_doc(&json),
            ChangedDoc::Deleted => Err(DocProblem::Deleted),
        }
        .map_err(|why| ReplicationProblem::BadDocument {
            doc: doc.clone(),
            why,
        })?;
        ops.push(op);
    }
    Ok(ops)
}

async fn push<T: Transport, L: Local>(
    db: &Database<'_, T>,
    local: &mut L,
    checkpoint: &mut Checkpoint,
    mut batch: usize,
) -> Result<usize, ReplicationProblem<L::Error>> {
    let ops = local
        .not_on(db.name(), &checkpoint.on_server)
        .await
        .map_err(ReplicationProblem::Local)?;
    let mut sent = 0;
    let mut from = 0;
    while from < ops.len() {
        let chunk = &ops[from..(from + batch).min(ops.len())];
        let docs = chunk
            .iter()
            .map(OpDoc::of)
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| ServerProblem::BadReply(e.to_string()))?;
        let missing = db.missing(&docs).await?;
        let docs: Vec<OpDoc> = docs
            .into_iter()
            .filter(|doc| missing.contains(&doc.id))
            .collect();
        match db.store(&docs).await {
            Err(ServerProblem::TooLarge) if batch > 1 => {
                batch /= 2;
                continue;
            }
            outcome => outcome?,
        }
        sent += docs.len();
        for op in chunk {
            checkpoint.on_server.observe(&op.id);
        }
        local
            .store(db.name(), Vec::new(), Vec::new(), checkpoint.clone())
            .await
            .map_err(ReplicationProblem::Local)?;
        from += chunk.len();
    }
    Ok(sent)
}
