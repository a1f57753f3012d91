//! The IndexedDB database: `log` holds the operation log, one record per write of up to
//! `RECORD_OPS` operations; `meta` holds this device's record, the peers heard of through
//! bundles and which operations are stored; `snapshot` holds a serialized projection and the
//! last log record it accounts for, so that start-up reads it and the records written since
//! instead of the whole log.
//!
//! Version 1 kept one record per operation, and writing each cost about 50 µs of the
//! browser's time: an import of 50,000 operations spent most of its time there. A database
//! of version 1 is moved into `log` on first open, in one transaction.
//!
//! Once the app is locked with a PIN, `meta` holds the lock (`data_key::LockRecord`) and every
//! log record, the snapshot and the peers are stored sealed with the data key: nothing that
//! names a customer or an amount is readable without the PIN. WebCrypto cannot run inside an
//! IndexedDB transaction (it would commit while waiting), so records are sealed before a
//! write's transaction opens and opened after a read's has delivered them.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use indexed_db_futures::typed_array::{Uint8Array, Uint8ArraySlice};
use indexed_db_futures::KeyRange;
use wasm_bindgen::{JsCast, JsValue};

use std::cell::RefCell;

use super::data_key::{DataKey, LockRecord};
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
/// What other devices and servers are known to hold (their bundles' and the servers'
/// version vectors, merged), kept plain so that a locked device can still say how much of
/// its work exists nowhere else.
const ACKNOWLEDGED_KEY: &str = "acknowledged";
/// The lock guarding the data key; its presence means the data is sealed.
const LOCK_KEY: &str = "lock";
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

/// The snapshot and the log records written after it as IndexedDB gave them (sealed or not,
/// still in the browser's memory), and which operations were stored when they were read.
pub struct Stored {
    snapshot: Option<js_sys::Uint8Array>,
    since: Option<Vec<JsValue>>,
    held: VersionVector,
}

pub struct Store {
    db: Database,
    /// The data key, once unlocked; `None` while the data is plain or still locked.
    key: RefCell<Option<DataKey>>,
}

/// The plain data sealed, ready to take its place (`Store::switch_to_sealed`).
pub struct SealedCopy {
    /// Each log record's key with the record sealed.
    records: Vec<(u32, Vec<u8>)>,
    snapshot: Option<Vec<u8>>,
    peers: Peers,
    sealed_peers: Vec<u8>,
}

/// A log record as IndexedDB holds it: the operations' JSON, or that sealed.
enum Record {
    Plain(String),
    Sealed(Vec<u8>),
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
        let store = Store {
            db,
            key: RefCell::new(None),
        };
        store.move_version_1_log().await?;
        Ok(store)
    }

    /// Moves a version 1 log, one record per operation, into `log`. Its snapshot is of an
    /// older format and goes with its journal: the next start replays the log once. Version 1
    /// predates the lock, so its records are plain.
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
        let records = encode_plain(&ops)?;
        write_ops(&tx, &ops, records, &|_| ()).await?;
        tx.object_store(SNAPSHOT)?.clear()?;
        old.clear()?;
        Ok(tx.commit().await?)
    }

    /// The lock, when the data is sealed; `None` while it is plain.
    pub async fn lock(&self) -> Result<Option<LockRecord>, StoreError> {
        let tx = self.db.transaction(META).build()?;
        Ok(tx.object_store(META)?.get(LOCK_KEY).serde()?.await?)
    }

    /// Reads and writes from now on with `key`, which the lock gave for the right PIN.
    pub fn unlock(&self, key: DataKey) {
        self.key.replace(Some(key));
    }

    /// Whether the data key is in memory (or the data is plain).
    pub fn is_unlocked(&self) -> bool {
        self.key.borrow().is_some()
    }

    fn key(&self) -> Option<DataKey> {
        self.key.borrow().clone()
    }

    pub async fn device(&self) -> Result<Option<DeviceRecord>, StoreError> {
        let tx = self.db.transaction(META).build()?;
        let meta = tx.object_store(META)?;
        Ok(meta.get(DEVICE_KEY).serde()?.await?)
    }

    /// The whole operation log.
    pub async fn ops(&self) -> Result<Vec<Op>, StoreError> {
        let tx = self.db.transaction(LOG).build()?;
        let records = stored_records(&tx, None).await?;
        drop(tx);
        let mut ops = Vec::new();
        for record in records {
            ops.extend(self.decode(record).await?);
        }
        Ok(ops)
    }

    /// The projection of every stored operation: the snapshot with the log records written
    /// after it folded in. Without a readable snapshot, or if it and those records do not
    /// account for exactly the stored operations, the whole log is replayed instead.
    pub async fn projection(&self) -> Result<Opened, StoreError> {
        let stored = self.stored().await?;
        self.open_stored(stored).await
    }

    /// What `projection` reads, as stored: it needs no key, so a sealed start reads it while
    /// the PIN is typed and derived.
    pub async fn stored(&self) -> Result<Stored, StoreError> {
        let tx = self.db.transaction([LOG, META, SNAPSHOT]).build()?;
        let snapshots = tx.object_store(SNAPSHOT)?;
        let snapshot = snapshots
            .get::<JsValue, _, _>(PROJECTION_KEY)
            .primitive()?
            .await?
            .and_then(|bytes| bytes.dyn_into::<js_sys::Uint8Array>().ok());
        let covers = snapshots.get::<u32, _, _>(COVERS_KEY).primitive()?.await?;
        let held = held(&tx).await?;
        let since = match covers {
            Some(covers) => Some(stored_records(&tx, Some(covers)).await?),
            None => None,
        };
        Ok(Stored {
            snapshot,
            since,
            held,
        })
    }

    /// Whether `stored` is still what the store holds: nothing written since it was read.
    pub async fn still_holds(&self, stored: &Stored) -> Result<bool, StoreError> {
        let tx = self.db.transaction(META).build()?;
        Ok(held(&tx).await? == stored.held)
    }

    /// The projection `stored` gives (see `projection`).
    pub async fn open_stored(&self, stored: Stored) -> Result<Opened, StoreError> {
        let Stored {
            snapshot,
            since,
            held,
        } = stored;
        let snapshot = match snapshot {
            Some(bytes) => Some(self.open_held(&bytes).await?),
            None => None,
        };
        if let (Some(mut projection), Some(since)) =
            (snapshot.and_then(|bytes| snapshot::decode(&bytes)), since)
        {
            let mut journaled = 0;
            for record in since {
                let ops = self.decode(record).await?;
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
        for op in &self.ops().await? {
            projection.apply(op);
        }
        Ok(Opened {
            projection,
            snapshot_stale: true,
        })
    }

    /// Appends new operations, all or none, after the snapshot.
    pub async fn append(&self, new_ops: &[Op]) -> Result<(), StoreError> {
        let records = self.encode(new_ops).await?;
        let tx = self.write([LOG, META])?;
        write_ops(&tx, new_ops, records, &|_| ()).await?;
        Ok(tx.commit().await?)
    }

    /// Replaces the snapshot with `snapshot`, the projection of every stored operation.
    pub async fn save_snapshot(&self, snapshot: &[u8]) -> Result<(), StoreError> {
        let snapshot = self.seal_bytes(snapshot).await?;
        let tx = self.write([LOG, SNAPSHOT])?;
        let last = tx
            .object_store(LOG)?
            .get_all_keys::<u32>()
            .primitive()?
            .await?
            .filter_map(Result::ok)
            .max();
        put_snapshot(&tx, &snapshot, last.unwrap_or(0))?;
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
        if self.key().is_none() {
            return Ok(meta.get(PEERS_KEY).serde()?.await?.unwrap_or_default());
        }
        let sealed = meta.get::<JsValue, _, _>(PEERS_KEY).primitive()?.await?;
        drop(tx);
        let Some(sealed) = sealed else {
            return Ok(Peers::default());
        };
        let sealed = sealed
            .dyn_into::<js_sys::Uint8Array>()
            .map_err(|_| StoreError::Failed("unreadable peers: not sealed".to_owned()))?;
        let plain = self.open_held(&sealed).await?;
        serde_json::from_slice(&plain)
            .map_err(|error| StoreError::Failed(format!("unreadable peers: {error}")))
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
        let records = self.encode(new_ops).await?;
        let tx = self.write([LOG, META])?;
        write_ops(&tx, new_ops, records, &|_| ()).await?;
        tx.object_store(META)?
            .put(checkpoints)
            .with_key(CHECKPOINTS_KEY)
            .without_key_type()
            .serde()?;
        acknowledge(&tx, checkpoints.values().map(|c| &c.on_server)).await?;
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
        let records = self.encode(new_ops).await?;
        let snapshot = self.seal_snapshot(snapshot).await?;
        let sealed_peers = self.seal_peers(peers).await?;
        let tx = self.write([LOG, META, SNAPSHOT])?;
        let last = write_ops(&tx, new_ops, records, progress).await?;
        if let (Some(snapshot), Some(last)) = (snapshot, last) {
            put_snapshot(&tx, &snapshot, last)?;
        }
        put_peers(&tx, peers, sealed_peers.as_deref())?;
        acknowledge(&tx, peers_holdings(peers)).await?;
        Ok(tx.commit().await?)
    }

    /// Forgets everything stored and starts over as `device` with `ops` and their snapshot
    /// (or with none), in one transaction: on failure the old data stays. A sealed device
    /// stays sealed under the same lock. `progress` hears how many operations are written so
    /// far.
    pub async fn start_over(
        &self,
        device: &DeviceRecord,
        key: Option<&SigningKey>,
        ops: &[Op],
        snapshot: Option<&[u8]>,
        progress: &dyn Fn(usize),
    ) -> Result<(), StoreError> {
        let records = self.encode(ops).await?;
        let snapshot = self.seal_snapshot(snapshot).await?;
        let tx = self.write([LOG, META, SNAPSHOT])?;
        let meta = tx.object_store(META)?;
        let lock: Option<JsValue> = meta.get(LOCK_KEY).primitive()?.await?;
        meta.clear()?;
        if let Some(lock) = lock.filter(|_| self.key().is_some()) {
            meta.put(lock)
                .with_key(LOCK_KEY)
                .without_key_type()
                .primitive()?;
        }
        replace_log(
            &tx,
            device,
            key,
            ops,
            records,
            snapshot.as_deref(),
            progress,
        )
        .await?;
        Ok(tx.commit().await?)
    }

    /// Goes on as `device` with `ops` as the whole log and `peers`, in one transaction,
    /// keeping where replication stands with each server (and the lock): a restored device
    /// taking a new id.
    pub async fn take_new_id(
        &self,
        device: &DeviceRecord,
        key: Option<&SigningKey>,
        ops: &[Op],
        peers: &Peers,
        snapshot: Option<&[u8]>,
        progress: &dyn Fn(usize),
    ) -> Result<(), StoreError> {
        let records = self.encode(ops).await?;
        let snapshot = self.seal_snapshot(snapshot).await?;
        let sealed_peers = self.seal_peers(peers).await?;
        let tx = self.write([LOG, META, SNAPSHOT])?;
        let meta = tx.object_store(META)?;
        meta.delete(HELD_KEY).primitive()?.await?;
        put_peers(&tx, peers, sealed_peers.as_deref())?;
        acknowledge(&tx, peers_holdings(peers)).await?;
        replace_log(
            &tx,
            device,
            key,
            ops,
            records,
            snapshot.as_deref(),
            progress,
        )
        .await?;
        Ok(tx.commit().await?)
    }

    /// Seals everything stored that names a customer or an amount with `key` and keeps
    /// `lock`: a sealed copy first, then the switch to it in one transaction. The plain data
    /// stays readable until that commits, and a crash before leaves it as it was.
    pub async fn seal_all(&self, key: DataKey, lock: &LockRecord) -> Result<(), StoreError> {
        let copy = self.sealed_copy(&key).await?;
        self.switch_to_sealed(copy, key, lock).await
    }

    /// The log, snapshot and peers as they are now, sealed with `key`; nothing is written.
    pub async fn sealed_copy(&self, key: &DataKey) -> Result<SealedCopy, StoreError> {
        if self.lock().await?.is_some() {
            return Err(StoreError::Failed("the data is already sealed".to_owned()));
        }
        let tx = self.db.transaction([LOG, META, SNAPSHOT]).build()?;
        let log = tx.object_store(LOG)?;
        let keys: Vec<u32> = log
            .get_all_keys::<u32>()
            .primitive()?
            .await?
            .collect::<Result<_, _>>()?;
        let texts: Vec<String> = log
            .get_all::<String>()
            .primitive()?
            .await?
            .collect::<Result<_, _>>()?;
        let snapshot = tx
            .object_store(SNAPSHOT)?
            .get::<Uint8Array, _, _>(PROJECTION_KEY)
            .primitive()?
            .await?;
        let peers: Peers = tx
            .object_store(META)?
            .get(PEERS_KEY)
            .serde()?
            .await?
            .unwrap_or_default();
        drop(tx);
        let mut records = Vec::with_capacity(texts.len());
        for (record_key, text) in keys.into_iter().zip(&texts) {
            records.push((record_key, seal(key, text.as_bytes()).await?));
        }
        let snapshot = match snapshot {
            Some(bytes) => Some(seal(key, bytes.as_ref()).await?),
            None => None,
        };
        let sealed_peers = seal(key, &peers_json(&peers)?).await?;
        Ok(SealedCopy {
            records,
            snapshot,
            peers,
            sealed_peers,
        })
    }

    /// Puts `copy` in place of the plain data and keeps `lock`, all or none. Refused, with
    /// nothing changed, when something was written since the copy was taken: the caller
    /// takes a new one.
    pub async fn switch_to_sealed(
        &self,
        copy: SealedCopy,
        key: DataKey,
        lock: &LockRecord,
    ) -> Result<(), StoreError> {
        let tx = self.write([LOG, META, SNAPSHOT])?;
        let log = tx.object_store(LOG)?;
        let now: Vec<u32> = log
            .get_all_keys::<u32>()
            .primitive()?
            .await?
            .collect::<Result<_, _>>()?;
        let copied: Vec<u32> = copy.records.iter().map(|(k, _)| *k).collect();
        if now != copied {
            return Err(StoreError::Failed(
                "the log changed while it was being sealed".to_owned(),
            ));
        }
        for (record_key, bytes) in &copy.records {
            log.put(Uint8ArraySlice::new(bytes))
                .with_key(*record_key)
                .primitive()?;
        }
        if let Some(snapshot) = &copy.snapshot {
            tx.object_store(SNAPSHOT)?
                .put(Uint8ArraySlice::new(snapshot))
                .with_key(PROJECTION_KEY)
                .without_key_type()
                .primitive()?;
        }
        put_peers(&tx, &copy.peers, Some(&copy.sealed_peers))?;
        tx.object_store(META)?
            .put(lock)
            .with_key(LOCK_KEY)
            .without_key_type()
            .serde()?;
        tx.commit().await?;
        self.key.replace(Some(key));
        Ok(())
    }

    /// How many of this device's own operations no other device or server is known to hold:
    /// what forgetting this device would lose. Readable while locked.
    pub async fn unsent(&self) -> Result<u64, StoreError> {
        let tx = self.db.transaction(META).build()?;
        let meta = tx.object_store(META)?;
        let Some(device) = meta.get::<DeviceRecord, _, _>(DEVICE_KEY).serde()?.await? else {
            return Ok(0);
        };
        let acknowledged: VersionVector = meta
            .get(ACKNOWLEDGED_KEY)
            .serde()?
            .await?
            .unwrap_or_default();
        Ok(held(&tx)
            .await?
            .missing_from(&acknowledged, &device.id)
            .iter()
            .map(|[first, last]| last - first + 1)
            .sum())
    }

    /// Forgets everything this device holds, lock included: what a forgotten PIN leaves.
    pub async fn erase(&self) -> Result<(), StoreError> {
        let tx = self.write([LOG, META, SNAPSHOT])?;
        for store in [LOG, META, SNAPSHOT] {
            tx.object_store(store)?.clear()?;
        }
        tx.commit().await?;
        self.key.replace(None);
        Ok(())
    }

    /// Keeps `lock` in place of the one stored: the same data key under a new PIN.
    pub async fn keep_lock(&self, lock: &LockRecord) -> Result<(), StoreError> {
        let tx = self.write([META])?;
        tx.object_store(META)?
            .put(lock)
            .with_key(LOCK_KEY)
            .without_key_type()
            .serde()?;
        Ok(tx.commit().await?)
    }

    /// `ops` as log records, sealed when the data is.
    async fn encode(&self, ops: &[Op]) -> Result<Vec<Record>, StoreError> {
        let Some(key) = self.key() else {
            return encode_plain(ops);
        };
        let mut records = Vec::new();
        for chunk in ops.chunks(RECORD_OPS) {
            let json =
                serde_json::to_vec(chunk).map_err(|error| StoreError::Failed(error.to_string()))?;
            records.push(Record::Sealed(seal(&key, &json).await?));
        }
        Ok(records)
    }

    /// A log record as stored: plain JSON text, or sealed bytes once the data is sealed.
    async fn decode(&self, record: JsValue) -> Result<Vec<Op>, StoreError> {
        let json = match (record.as_string(), record.dyn_ref::<js_sys::Uint8Array>()) {
            (Some(text), _) if self.key().is_none() => text.into_bytes(),
            (_, Some(bytes)) if self.key().is_some() => self.open_held(bytes).await?,
            _ => {
                return Err(StoreError::Failed(
                    "a log record is not stored as the rest of the data is".to_owned(),
                ))
            }
        };
        serde_json::from_slice(&json)
            .map_err(|error| StoreError::Failed(format!("unreadable log record: {error}")))
    }

    /// Bytes as IndexedDB gave them, opened when the data is sealed.
    async fn open_held(&self, stored: &js_sys::Uint8Array) -> Result<Vec<u8>, StoreError> {
        match self.key() {
            None => Ok(stored.to_vec()),
            Some(key) => key.open(stored).await.map_err(|detail| {
                StoreError::Failed(format!("a sealed record does not open: {detail}"))
            }),
        }
    }

    /// `peers` sealed, when the data is.
    async fn seal_peers(&self, peers: &Peers) -> Result<Option<Vec<u8>>, StoreError> {
        match self.key() {
            Some(key) => Ok(Some(seal(&key, &peers_json(peers)?).await?)),
            None => Ok(None),
        }
    }

    async fn seal_bytes(&self, plain: &[u8]) -> Result<Vec<u8>, StoreError> {
        match self.key() {
            Some(key) => seal(&key, plain).await,
            None => Ok(plain.to_vec()),
        }
    }

    async fn seal_snapshot(&self, snapshot: Option<&[u8]>) -> Result<Option<Vec<u8>>, StoreError> {
        match snapshot {
            Some(bytes) => Ok(Some(self.seal_bytes(bytes).await?)),
            None => Ok(None),
        }
    }

    fn write<const N: usize>(&self, stores: [&str; N]) -> Result<Transaction<'_>, StoreError> {
        Ok(self
            .db
            .transaction(stores)
            .with_mode(TransactionMode::Readwrite)
            .build()?)
    }
}

async fn seal(key: &DataKey, plain: &[u8]) -> Result<Vec<u8>, StoreError> {
    key.seal(plain).await.map_err(StoreError::Failed)
}

fn encode_plain(ops: &[Op]) -> Result<Vec<Record>, StoreError> {
    ops.chunks(RECORD_OPS)
        .map(|chunk| {
            serde_json::to_string(chunk)
                .map(Record::Plain)
                .map_err(|error| StoreError::Failed(error.to_string()))
        })
        .collect()
}

fn peers_json(peers: &Peers) -> Result<Vec<u8>, StoreError> {
    serde_json::to_vec(peers).map_err(|error| StoreError::Failed(error.to_string()))
}

/// Keeps `peers`, or `sealed`, what they are sealed, when the data is sealed.
fn put_peers(tx: &Transaction<'_>, peers: &Peers, sealed: Option<&[u8]>) -> Result<(), StoreError> {
    let meta = tx.object_store(META)?;
    match sealed {
        Some(bytes) => meta
            .put(Uint8ArraySlice::new(bytes))
            .with_key(PEERS_KEY)
            .without_key_type()
            .primitive()?,
        None => meta
            .put(peers)
            .with_key(PEERS_KEY)
            .without_key_type()
            .serde()?,
    };
    Ok(())
}

/// Writes `ops` (encoded as `records`) as the whole log of `device`, with its signing key and
/// their snapshot (if given), in `tx`, whose record of held operations must already be
/// cleared.
async fn replace_log(
    tx: &Transaction<'_>,
    device: &DeviceRecord,
    key: Option<&SigningKey>,
    ops: &[Op],
    records: Vec<Record>,
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
    let last = write_ops(tx, ops, records, progress).await?;
    if let Some(snapshot) = snapshot {
        put_snapshot(tx, snapshot, last.unwrap_or(0))?;
    }
    Ok(())
}

/// The version vectors of the last bundle from each peer.
fn peers_holdings(peers: &Peers) -> impl Iterator<Item = &VersionVector> {
    peers
        .0
        .values()
        .filter_map(|peer| peer.last_bundle.as_ref().map(|bundle| &bundle.holds))
}

/// Adds what `elsewhere` holds to what other devices and servers are known to hold.
async fn acknowledge<'v>(
    tx: &Transaction<'_>,
    elsewhere: impl Iterator<Item = &'v VersionVector>,
) -> Result<(), StoreError> {
    let meta = tx.object_store(META)?;
    let mut known: VersionVector = meta
        .get(ACKNOWLEDGED_KEY)
        .serde()?
        .await?
        .unwrap_or_default();
    for holds in elsewhere {
        known.merge(holds);
    }
    meta.put(&known)
        .with_key(ACKNOWLEDGED_KEY)
        .without_key_type()
        .serde()?;
    Ok(())
}

/// The log records after the one keyed `after` (all without it), as stored: text while the
/// data is plain, bytes once it is sealed.
async fn stored_records(
    tx: &Transaction<'_>,
    after: Option<u32>,
) -> Result<Vec<JsValue>, StoreError> {
    let log = tx.object_store(LOG)?;
    let request = log.get_all::<JsValue>();
    let found = match after {
        Some(after) => {
            request
                .with_query::<u32, _>(KeyRange::LowerBound(after, true))
                .primitive()?
                .await?
        }
        None => request.primitive()?.await?,
    };
    Ok(found.collect::<Result<_, _>>()?)
}

/// Which operations are stored.
async fn held(tx: &Transaction<'_>) -> Result<VersionVector, StoreError> {
    let meta = tx.object_store(META)?;
    Ok(meta.get(HELD_KEY).serde()?.await?.unwrap_or_default())
}

/// Adds `ops`, encoded as `records` (one per `RECORD_OPS` of them), to the log and returns
/// the key of the last record written. An operation already stored, or twice among `ops`,
/// means a sequence number was reused: nothing is written and the transaction must not be
/// committed.
///
/// After each record it waits for the request and tells `progress` how many operations are
/// written: the page can paint a progress bar in between, and waiting on the transaction's
/// own requests keeps it open.
async fn write_ops(
    tx: &Transaction<'_>,
    ops: &[Op],
    records: Vec<Record>,
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
    for (record, chunk) in records.into_iter().zip(ops.chunks(RECORD_OPS)) {
        let added = match record {
            Record::Plain(text) => log.add(text).with_key_type::<u32>().primitive()?.await?,
            Record::Sealed(bytes) => {
                log.add(Uint8ArraySlice::new(&bytes))
                    .with_key_type::<u32>()
                    .primitive()?
                    .await?
            }
        };
        last = Some(added);
        written += chunk.len();
        progress(written);
    }
    tx.object_store(META)?
        .put(&held)
        .with_key(HELD_KEY)
        .without_key_type()
        .serde()?;
    Ok(last)
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
