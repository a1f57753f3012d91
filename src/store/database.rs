//! The IndexedDB database: `ops` holds the operation log keyed by `[device, seq]` and indexed
//! by hybrid clock; `meta` holds this device's record and the peers heard of through bundles; `snapshot` is reserved for a serialized
//! projection that makes cold start independent of the log's length.

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use indexed_db_futures::KeyPath;

use super::device_record::DeviceRecord;
use super::error::StoreError;
use crate::sync::op::Op;
use crate::sync::peer::Peers;

pub const DATABASE_NAME: &str = "cobranza";
const SCHEMA_VERSION: u32 = 1;

const OPS: &str = "ops";
const META: &str = "meta";
const SNAPSHOT: &str = "snapshot";
const DEVICE_KEY: &str = "device";
const PEERS_KEY: &str = "peers";

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

    /// Appends new operations, all or none.
    pub async fn append(&self, new_ops: &[Op]) -> Result<(), StoreError> {
        let tx = self.write([OPS])?;
        add_ops(&tx, new_ops)?;
        Ok(tx.commit().await?)
    }

    /// The devices heard of through bundles; none before the first import.
    pub async fn peers(&self) -> Result<Peers, StoreError> {
        let tx = self.db.transaction(META).build()?;
        let meta = tx.object_store(META)?;
        Ok(meta.get(PEERS_KEY).serde()?.await?.unwrap_or_default())
    }

    /// Writes a bundle's new operations and what was learnt about its sender, all or none.
    pub async fn import(&self, new_ops: &[Op], peers: &Peers) -> Result<(), StoreError> {
        let tx = self.write([OPS, META])?;
        add_ops(&tx, new_ops)?;
        tx.object_store(META)?
            .put(peers)
            .with_key(PEERS_KEY)
            .without_key_type()
            .serde()?;
        Ok(tx.commit().await?)
    }

    /// Writes this device's record together with the operations it starts with.
    pub async fn introduce(&self, device: &DeviceRecord, ops: &[Op]) -> Result<(), StoreError> {
        let tx = self.write([OPS, META])?;
        put_device(&tx, device)?;
        add_ops(&tx, ops)?;
        Ok(tx.commit().await?)
    }

    /// Forgets every operation and starts over as `device`, in one transaction.
    pub async fn start_over(&self, device: &DeviceRecord) -> Result<(), StoreError> {
        let tx = self.write([OPS, META, SNAPSHOT])?;
        for store in [OPS, META, SNAPSHOT] {
            tx.object_store(store)?.clear()?;
        }
        put_device(&tx, device)?;
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

/// `add`, not `put`: an operation id is written once, and a second write of the same id means
/// a sequence number was reused, which must fail the whole transaction rather than overwrite.
fn add_ops(tx: &Transaction<'_>, ops: &[Op]) -> Result<(), StoreError> {
    let store = tx.object_store(OPS)?;
    for op in ops {
        store.add(op).serde()?;
    }
    Ok(())
}
