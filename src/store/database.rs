//! The IndexedDB database: `log` holds the operation log, one record per write of up to
//! `RECORD_OPS` operations; `meta` holds this device's record, the peers heard of through
//! bundles and which operations are stored; `snapshot` holds a serialized projection and the
//! last log record it accounts for, so that start-up reads it and the records written since
//! instead of the whole log.
//!
//! Version 1 kept one record per operation, and writing each cost about 50 µs of the
//! browser's time: an import of 50,000 operations spent most of its time there. A database
//! of version 1 is moved into `log` on first open, in one transaction.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use indexed_db_futures::typed_array::{Uint8Array, Uint8ArraySlice};
use indexed_db_futures::KeyRange;
use wasm_bindgen::JsValue;

use super::device_record::DeviceRecord;
use super::error::StoreError;
use super::signing_key::SigningKey;
use crate::sync::op::Op;
use crate::sync::peer::Peers;
use crate::sync::projection::Projection;
use crate::sync::replication::checkpoint::Checkpoints;
use crate::sync::snapshot;
use crate::sync::version_vector::VersionVector;

pub const DATABASE_NAME: &str = "cobranza";
const SCHEMA_VERSION: u32 = 2;

/// Version 1's log, one record per operation; emptied into `LOG` on first open.
const OPS: &str = "ops";
const LOG: &str = "log";
const META: &str = "meta";
const SNAPSHOT: &str = "snapshot";
const DEVICE_KEY: &str = "device";
const PEERS_KEY: &str = "peers";
/// Where replication stands with each server database, by database name.
const CHECKPOINTS_KEY: &str = "checkpoints";
/// This device's signing key pair (`signing_key`).
const SIGNING_KEY: &str = "signing-key";
/// The version vector of the stored operations: a write of an operation already stored
/// (a sequence number reused) fails whole instead of overwriting it.
const HELD_KEY: &str = "held";
const PROJECTION_KEY: &str = "projection";
/// The key of the last log record the snapshot accounts for.
const COVERS_KEY: &str = "covers";

/// Operations per log record, and between two reports of progress.
const RECORD_OPS: usize = 2_000;

/// Past this many operations written after the snapshot, start-up writes a fresh one.
const JOURNAL_LIMIT: usize = 500;

/// The projection of the stored log, and whether a fresh snapshot should be written.
pub struct Opened {
    pub projection: Projection,
    pub snapshot_stale: bool,
}

pub struct Store {
    db: Database,
}

impl Store {
    pub async fn open() -> Result<Store, StoreError> {
        Store::open_named(DATABASE_NAME).await
    }

    /// Opens (creating or upgrading) the database with the given name; tests use their own.
    pub async fn open_named(name: &str) -> Result<Store, StoreError> {
        let db = Database::open(name)
            .with_version(SCHEMA_VERSION)
            .with_on_upgrade_needed(|event, db| {
                if event.old_version() < 1.0 {
                    db.create_object_store(META).build()?;
                    db.create_object_store(SNAPSHOT).build()?;
                }
                if event.old_version() < 2.0 {
                    db.create_object_store(LOG)
                        .with_auto_increment(true)
                        .build()?;
                }
                Ok(())
            })
            .await?;
        let store = Store { db };
        store.move_version_1_log().await?;
        Ok(store)
    }

    /// Moves a version 1 log, one record per operation, into `log`. Its snapshot is of an
    /// older format and goes with its journal: the next start replays the log once.
    async fn move_version_1_log(&self) -> Result<(), StoreError> {
        if !self.db.object_store_names().any(|name| name == OPS) {
            return Ok(());
        }
        let tx = self.write([OPS, LOG, META, SNAPSHOT])?;
        let old = tx.object_store(OPS)?;
        if old.count().primitive()?.await? == 0 {
            return Ok(());
        }
        let ops = old
            .get_all::<Op>()
            .serde()?
            .await?
            .collect::<Result<Vec<_>, _>>()?;
        write_ops(&tx, &ops, &|_| ()).await?;
        tx.object_store(SNAPSHOT)?.clear()?;
        old.clear()?;
        Ok(tx.commit().await?)
    }

    pub async fn device(&self) -> Result<Option<DeviceRecord>, StoreError> {
        let tx = self.db.transaction(META).build()?;
        let meta = tx.object_store(META)?;
        Ok(meta.get(DEVICE_KEY).serde()?.await?)
    }

    /// The whole operation log.
    pub async fn ops(&self) -> Result<Vec<Op>, StoreError> {
        let tx = self.db.transaction(LOG).build()?;
        let mut ops = Vec::new();
        for record in tx
            .object_store(LOG)?
            .get_all::<String>()
            .primitive()?
            .await?
        {
            ops.extend(parse_record(&record?)?);
        }
        Ok(ops)
    }

    /// The projection of every stored operation: the snapshot with the log records written
    /// after it folded in. Without a readable snapshot, or if it and those records do not
    /// account for exactly the stored operations, the whole log is replayed instead.
    pub async fn projection(&self) -> Result<Opened, StoreError> {
        let tx = self.db.transaction([LOG, META, SNAPSHOT]).build()?;
        let log = tx.object_store(LOG)?;
        let snapshots = tx.object_store(SNAPSHOT)?;
        let bytes = snapshots
            .get::<Uint8Array, _, _>(PROJECTION_KEY)
            .primitive()?
            .await?;
        let covers = snapshots.get::<u32, _, _>(COVERS_KEY).primitive()?.await?;
        let held = held(&tx).await?;
        if let (Some(mut projection), Some(covers)) =
            (bytes.and_then(|bytes| snapshot::decode(&bytes)), covers)
        {
            let mut journaled = 0;
            let since = log
                .get_all::<String>()
                .with_query::<u32, _>(KeyRange::LowerBound(covers, true))
                .primitive()?
                .await?;
            for record in since {
                let ops = parse_record(&record?)?;
                journaled += ops.len();
                for op in &ops {
                    projection.apply(op);
                }
            }
            if *projection.versions() == held {
                return Ok(Opened {
                    projection,
                    snapshot_stale: journaled > JOURNAL_LIMIT,
                });
            }
        }
        let mut projection = Projection::default();
        for record in log.get_all::<String>().primitive()?.await? {
            for op in &parse_record(&record?)? {
                projection.apply(op);
            }
        }
        Ok(Opened {
            projection,
            snapshot_stale: true,
        })
    }

    /// Appends new operations, all or none, after the snapshot.
    pub async fn append(&self, new_ops: &[Op]) -> Result<(), StoreError> {
        let tx = self.write([LOG, META])?;
        write_ops(&tx, new_ops, &|_| ()).await?;
        Ok(tx.commit().await?)
    }

    /// Replaces the snapshot with `snapshot`, the projection of every stored operation.
    pub async fn save_snapshot(&self, snapshot: &[u8]) -> Result<(), StoreError> {
        let tx = self.write([LOG, SNAPSHOT])?;
        let last = tx
            .object_store(LOG)?
            .get_all_keys::<u32>()
            .primitive()?
            .await?
            .filter_map(Result::ok)
            .max();
        put_snapshot(&tx, snapshot, last.unwrap_or(0))?;
        Ok(tx.commit().await?)
    }

    /// This device's signing key, if one was made.
    pub async fn signing_key(&self) -> Result<Option<SigningKey>, StoreError> {
        let tx = self.db.transaction(META).build()?;
        let record: Option<JsValue> = tx.object_store(META)?.get(SIGNING_KEY).primitive()?.await?;
        Ok(record.as_ref().and_then(SigningKey::from_js))
    }

    /// Keeps `key` as this device's signing key, in place of any other.
    pub async fn keep_signing_key(&self, key: &SigningKey) -> Result<(), StoreError> {
        let tx = self.write([META])?;
        tx.object_store(META)?
            .put(key.to_js().map_err(StoreError::Failed)?)
            .with_key(SIGNING_KEY)
            .without_key_type()
            .primitive()?;
        Ok(tx.commit().await?)
    }

    /// The devices heard of through bundles; none before the first import.
    pub async fn peers(&self) -> Result<Peers, StoreError> {
        let tx = self.db.transaction(META).build()?;
        let meta = tx.object_store(META)?;
        Ok(meta.get(PEERS_KEY).serde()?.await?.unwrap_or_default())
    }

    /// Where replication stands with each database; none before the first sync.
    pub async fn checkpoints(&self) -> Result<Checkpoints, StoreError> {
        let tx = self.db.transaction(META).build()?;
        let meta = tx.object_store(META)?;
        Ok(meta
            .get(CHECKPOINTS_KEY)
            .serde()?
            .await?
            .unwrap_or_default())
    }

    /// Writes operations pulled from a server and where replication now stands, all or
    /// none: a page is never stored without its checkpoint, nor the checkpoint without it.
    pub async fn receive(
        &self,
        new_ops: &[Op],
        checkpoints: &Checkpoints,
    ) -> Result<(), StoreError> {
        let tx = self.write([LOG, META])?;
        write_ops(&tx, new_ops, &|_| ()).await?;
        tx.object_store(META)?
            .put(checkpoints)
            .with_key(CHECKPOINTS_KEY)
            .without_key_type()
            .serde()?;
        Ok(tx.commit().await?)
    }

    /// Writes a bundle's new operations and what was learnt about its sender, all or none,
    /// with `snapshot`, the projection once they are folded in (or after the snapshot
    /// without one). `progress` hears how many operations are written so far.
    pub async fn import(
        &self,
        new_ops: &[Op],
        peers: &Peers,
        snapshot: Option<&[u8]>,
        progress: &dyn Fn(usize),
    ) -> Result<(), StoreError> {
        let tx = self.write([LOG, META, SNAPSHOT])?;
        let last = write_ops(&tx, new_ops, progress).await?;
        if let (Some(snapshot), Some(last)) = (snapshot, last) {
            put_snapshot(&tx, snapshot, last)?;
        }
        tx.object_store(META)?
            .put(peers)
            .with_key(PEERS_KEY)
            .without_key_type()
            .serde()?;
        Ok(tx.commit().await?)
    }

    /// Forgets everything stored and starts over as `device` with `ops` and their snapshot
    /// (or with none), in one transaction: on failure the old data stays. `progress` hears
    /// how many operations are written so far.
    pub async fn start_over(
        &self,
        device: &DeviceRecord,
        key: Option<&SigningKey>,
        ops: &[Op],
        snapshot: Option<&[u8]>,
        progress: &dyn Fn(usize),
    ) -> Result<(), StoreError> {
        let tx = self.write([LOG, META, SNAPSHOT])?;
        tx.object_store(META)?.clear()?;
        replace_log(&tx, device, key, ops, snapshot, progress).await?;
        Ok(tx.commit().await?)
    }

    /// Goes on as `device` with `ops` as the whole log and `peers`, in one transaction,
    /// keeping where replication stands with each server: a restored device taking a new id.
    pub async fn take_new_id(
        &self,
        device: &DeviceRecord,
        key: Option<&SigningKey>,
        ops: &[Op],
        peers: &Peers,
        snapshot: Option<&[u8]>,
        progress: &dyn Fn(usize),
    ) -> Result<(), StoreError> {
        let tx = self.write([LOG, META, SNAPSHOT])?;
        let meta = tx.object_store(META)?;
        meta.delete(HELD_KEY).primitive()?.await?;
        meta.put(peers)
            .with_key(PEERS_KEY)
            .without_key_type()
            .serde()?;
        replace_log(&tx, device, key, ops, snapshot, progress).await?;
        Ok(tx.commit().await?)
    }

    fn write<const N: usize>(&self, stores: [&str; N]) -> Result<Transaction<'_>, StoreError> {
        Ok(self
            .db
            .transaction(stores)
            .with_mode(TransactionMode::Readwrite)
            .build()?)
    }
}

/// Writes `ops` as the whole log of `device`, with its signing key and their snapshot (if
/// given), in `tx`, whose record of held operations must already be cleared.
async fn replace_log(
    tx: &Transaction<'_>,
    device: &DeviceRecord,
    key: Option<&SigningKey>,
    ops: &[Op],
    snapshot: Option<&[u8]>,
    progress: &dyn Fn(usize),
) -> Result<(), StoreError> {
    for store in [LOG, SNAPSHOT] {
        tx.object_store(store)?.clear()?;
    }
    tx.object_store(META)?
        .put(device)
        .with_key(DEVICE_KEY)
        .without_key_type()
        .serde()?;
    if let Some(key) = key {
        tx.object_store(META)?
            .put(key.to_js().map_err(StoreError::Failed)?)
            .with_key(SIGNING_KEY)
            .without_key_type()
            .primitive()?;
    }
    let last = write_ops(tx, ops, progress).await?;
    if let Some(snapshot) = snapshot {
        put_snapshot(tx, snapshot, last.unwrap_or(0))?;
    }
    Ok(())
}

/// Which operations are stored.
async fn held(tx: &Transaction<'_>) -> Result<VersionVector, StoreError> {
    let meta = tx.object_store(META)?;
    Ok(meta.get(HELD_KEY).serde()?.await?.unwrap_or_default())
}

/// Adds `ops` to the log and returns the key of the last record written. An operation
/// already stored, or twice among `ops`, means a sequence number was reused: nothing is
/// written and the transaction must not be committed.
///
/// After each record it waits for the request and tells `progress` how many operations are
/// written: the page can paint a progress bar in between, and waiting on the transaction's
/// own requests keeps it open.
async fn write_ops(
    tx: &Transaction<'_>,
    ops: &[Op],
    progress: &dyn Fn(usize),
) -> Result<Option<u32>, StoreError> {
    let mut held = held(tx).await?;
    for op in ops {
        if held.includes(&op.id) {
            return Err(StoreError::Failed(format!(
                "operation {} is already stored",
                op.id
            )));
        }
        held.observe(&op.id);
    }
    let log = tx.object_store(LOG)?;
    let mut last = None;
    let mut written = 0;
    for record in ops.chunks(RECORD_OPS) {
        let text =
            serde_json::to_string(record).map_err(|error| StoreError::Failed(error.to_string()))?;
        last = Some(log.add(text).with_key_type::<u32>().primitive()?.await?);
        written += record.len();
        progress(written);
    }
    tx.object_store(META)?
        .put(&held)
        .with_key(HELD_KEY)
        .without_key_type()
        .serde()?;
    Ok(last)
}

fn parse_record(record: &str) -> Result<Vec<Op>, StoreError> {
    serde_json::from_str(record)
        .map_err(|error| StoreError::Failed(format!("unreadable log record: {error}")))
}

/// Stores `snapshot`, which accounts for the log up to the record keyed `covers`.
fn put_snapshot(tx: &Transaction<'_>, snapshot: &[u8], covers: u32) -> Result<(), StoreError> {
    let store = tx.object_store(SNAPSHOT)?;
    store
        .put(Uint8ArraySlice::new(snapshot))
        .with_key(PROJECTION_KEY)
        .without_key_type()
        .primitive()?;
    store
        .put(covers)
        .with_key(COVERS_KEY)
        .without_key_type()
        .primitive()?;
    Ok(())
}
