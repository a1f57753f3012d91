//! The IndexedDB database: `ops` holds the operation log keyed by `[device, seq]` and indexed
//! by hybrid clock; `meta` holds this device's record and the peers heard of through bundles;
//! `snapshot` holds a serialized projection and the journal of the operations written since,
//! so that start-up reads one record and a few operations instead of the whole log.
//!
//! The snapshot and the journal together always name exactly the stored operations: a write
//! either journals its operations or replaces the snapshot, in the same transaction.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use indexed_db_futures::typed_array::{Uint8Array, Uint8ArraySlice};
use indexed_db_futures::{KeyPath, KeyRange};

use super::device_record::DeviceRecord;
use super::error::StoreError;
use crate::sync::op::{Op, OpId};
use crate::sync::peer::Peers;
use crate::sync::projection::Projection;
use crate::sync::snapshot;

pub const DATABASE_NAME: &str = "cobranza";
const SCHEMA_VERSION: u32 = 1;

const OPS: &str = "ops";
const META: &str = "meta";
const SNAPSHOT: &str = "snapshot";
const DEVICE_KEY: &str = "device";
const PEERS_KEY: &str = "peers";
const PROJECTION_KEY: &str = "projection";
/// Journal entries are keyed `journal:<device>:<seq>`; `;` follows `:`, closing the range.
const JOURNAL_FROM: &str = "journal:";
const JOURNAL_TO: &str = "journal;";

/// Past this many journaled operations, start-up writes a fresh snapshot.
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
                    let ops = db
                        .create_object_store(OPS)
                        .with_key_path(KeyPath::from(["id.device", "id.seq"]))
                        .build()?;
                    ops.create_index(
                        "hlc",
                        KeyPath::from(["hlc.wall_ms", "hlc.counter", "hlc.device"]),
                    )
                    .build()?;
                    db.create_object_store(META).build()?;
                    db.create_object_store(SNAPSHOT).build()?;
                }
                Ok(())
            })
            .await?;
        Ok(Store { db })
    }

    pub async fn device(&self) -> Result<Option<DeviceRecord>, StoreError> {
        let tx = self.db.transaction(META).build()?;
        let meta = tx.object_store(META)?;
        Ok(meta.get(DEVICE_KEY).serde()?.await?)
    }

    /// The whole operation log.
    pub async fn ops(&self) -> Result<Vec<Op>, StoreError> {
        let tx = self.db.transaction(OPS).build()?;
        let ops = tx.object_store(OPS)?;
        let records = ops.get_all::<Op>().serde()?.await?;
        Ok(records.collect::<Result<Vec<_>, _>>()?)
    }

    /// The projection of every stored operation: the snapshot with the journaled operations
    /// folded in. Without a readable snapshot, or if it and the journal do not account for
    /// every stored operation, the whole log is replayed instead.
    pub async fn projection(&self) -> Result<Opened, StoreError> {
        let tx = self.db.transaction([OPS, SNAPSHOT]).build()?;
        let ops = tx.object_store(OPS)?;
        let snapshots = tx.object_store(SNAPSHOT)?;
        let bytes = snapshots
            .get::<Uint8Array, _, _>(PROJECTION_KEY)
            .primitive()?
            .await?;
        let journal = snapshots
            .get_all::<OpId>()
            .with_query::<&str, _>(journal_range())
            .serde()?
            .await?
            .collect::<Result<Vec<_>, _>>()?;
        let stored = u64::from(ops.count().primitive()?.await?);
        if let Some(mut projection) = bytes.and_then(|bytes| snapshot::decode(&bytes)) {
            for id in &journal {
                let key = KeyRange::Only((id.device.0.as_str(), id.seq));
                if let Some(op) = ops.get::<Op, _, _>(key).serde()?.await? {
                    projection.apply(&op);
                }
            }
            if projection.versions().operation_count() == stored {
                return Ok(Opened {
                    projection,
                    snapshot_stale: journal.len() > JOURNAL_LIMIT,
                });
            }
        }
        let log = ops.get_all::<Op>().serde()?.await?;
        let mut projection = Projection::default();
        for op in log {
            projection.apply(&op?);
        }
        Ok(Opened {
            projection,
            snapshot_stale: true,
        })
    }

    /// Appends new operations, all or none, journaled after the snapshot.
    pub async fn append(&self, new_ops: &[Op]) -> Result<(), StoreError> {
        let tx = self.write([OPS, SNAPSHOT])?;
        add_ops(&tx, new_ops, &|_| ()).await?;
        journal(&tx, new_ops)?;
        Ok(tx.commit().await?)
    }

    /// Replaces the snapshot with `snapshot`, the projection of every stored operation.
    pub async fn save_snapshot(&self, snapshot: &[u8]) -> Result<(), StoreError> {
        let tx = self.write([SNAPSHOT])?;
        put_snapshot(&tx, snapshot)?;
        Ok(tx.commit().await?)
    }

    /// The devices heard of through bundles; none before the first import.
    pub async fn peers(&self) -> Result<Peers, StoreError> {
        let tx = self.db.transaction(META).build()?;
        let meta = tx.object_store(META)?;
        Ok(meta.get(PEERS_KEY).serde()?.await?.unwrap_or_default())
    }

    /// Writes a bundle's new operations and what was learnt about its sender, all or none,
    /// with `snapshot`, the projection once they are folded in (or journaled without one).
    /// `progress` hears how many operations are written so far.
    pub async fn import(
        &self,
        new_ops: &[Op],
        peers: &Peers,
        snapshot: Option<&[u8]>,
        progress: &dyn Fn(usize),
    ) -> Result<(), StoreError> {
        let tx = self.write([OPS, META, SNAPSHOT])?;
        add_ops(&tx, new_ops, progress).await?;
        snapshot_or_journal(&tx, new_ops, snapshot)?;
        tx.object_store(META)?
            .put(peers)
            .with_key(PEERS_KEY)
            .without_key_type()
            .serde()?;
        Ok(tx.commit().await?)
    }

    /// Forgets everything stored and starts over as `device` with `ops` and their snapshot
    /// (or journaled without one), in one transaction: on failure the old data stays.
    /// `progress` hears how many operations are written so far.
    pub async fn start_over(
        &self,
        device: &DeviceRecord,
        ops: &[Op],
        snapshot: Option<&[u8]>,
        progress: &dyn Fn(usize),
    ) -> Result<(), StoreError> {
        let tx = self.write([OPS, META, SNAPSHOT])?;
        for store in [OPS, META, SNAPSHOT] {
            tx.object_store(store)?.clear()?;
        }
        put_device(&tx, device)?;
        add_ops(&tx, ops, progress).await?;
        snapshot_or_journal(&tx, ops, snapshot)?;
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

fn put_device(tx: &Transaction<'_>, device: &DeviceRecord) -> Result<(), StoreError> {
    tx.object_store(META)?
        .put(device)
        .with_key(DEVICE_KEY)
        .without_key_type()
        .serde()?;
    Ok(())
}

fn snapshot_or_journal(
    tx: &Transaction<'_>,
    ops: &[Op],
    snapshot: Option<&[u8]>,
) -> Result<(), StoreError> {
    match snapshot {
        Some(snapshot) => put_snapshot(tx, snapshot),
        None => journal(tx, ops),
    }
}

/// The new snapshot accounts for every operation, so the journal starts empty.
fn put_snapshot(tx: &Transaction<'_>, snapshot: &[u8]) -> Result<(), StoreError> {
    let store = tx.object_store(SNAPSHOT)?;
    store.delete::<&str, _>(journal_range()).primitive()?;
    store
        .put(Uint8ArraySlice::new(snapshot))
        .with_key(PROJECTION_KEY)
        .without_key_type()
        .primitive()?;
    Ok(())
}

fn journal_range() -> KeyRange<&'static str> {
    KeyRange::Bound(JOURNAL_FROM, false, JOURNAL_TO, true)
}

fn journal(tx: &Transaction<'_>, ops: &[Op]) -> Result<(), StoreError> {
    let store = tx.object_store(SNAPSHOT)?;
    for op in ops {
        store
            .put(&op.id)
            .with_key(format!("{JOURNAL_FROM}{}:{}", op.id.device, op.id.seq))
            .without_key_type()
            .serde()?;
    }
    Ok(())
}

/// Operations written between two reports of progress.
const PROGRESS_STEP: usize = 2_000;

/// `add`, not `put`: an operation id is written once, and a second write of the same id means
/// a sequence number was reused, which must fail the whole transaction rather than overwrite.
///
/// Every `PROGRESS_STEP` operations it waits for the last request and tells `progress` how
/// many are written: the page can paint a progress bar in between, and waiting on the
/// transaction's own requests keeps it open.
async fn add_ops(
    tx: &Transaction<'_>,
    ops: &[Op],
    progress: &dyn Fn(usize),
) -> Result<(), StoreError> {
    let store = tx.object_store(OPS)?;
    let mut written = 0;
    for chunk in ops.chunks(PROGRESS_STEP) {
        let mut last = None;
        for op in chunk {
            last = Some(store.add(op).serde()?);
        }
        if let Some(last) = last {
            last.await?;
        }
        written += chunk.len();
        progress(written);
    }
    Ok(())
}
