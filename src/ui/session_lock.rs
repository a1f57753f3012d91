//! The session's lock: unlocking with the PIN, locking again, and setting or changing the PIN.
//! Sealing the data waits its turn with every other write, so nothing is written while the
//! plain copy is being replaced.

use std::rc::Rc;

use futures_channel::oneshot;
use leptos::prelude::*;

use super::session::{Phase, Session};
use crate::store::data_key::{DataKey, UnlockError};
use crate::store::database::{Store, Stored};
use crate::store::error::StoreError;

/// The sealed snapshot and log records, on their way from IndexedDB.
pub type ReadAhead = oneshot::Receiver<Result<Stored, StoreError>>;

impl Session {
    /// Opens the data with `secret`. On a start, the portfolio is read then; after the app
    /// locked itself, it shows again as it was.
    pub async fn unlock(self, secret: &str) -> Result<(), UnlockError> {
        let lock = self
            .lock
            .get_value()
            .ok_or_else(|| UnlockError::Failed("no lock".to_owned()))?;
        let key = DataKey::unlock(&lock, secret).await?;
        let store = self
            .store()
            .map_err(|error| UnlockError::Failed(error.to_string()))?;
        if store.is_unlocked() {
            self.phase.set(Phase::Ready);
            return Ok(());
        }
        store.unlock(key);
        let Some(device) = self.device.get_untracked() else {
            return Err(UnlockError::Failed("no device".to_owned()));
        };
        let ahead = self.read_ahead.try_update_value(Option::take).flatten();
        let stored = match ahead {
            Some(ahead) => ahead.await.ok().and_then(Result::ok),
            None => None,
        };
        match self.read_portfolio(device, stored).await {
            Ok(snapshot_stale) => self.opened(snapshot_stale).await,
            Err(error) => self.phase.set(Phase::Failed(error)),
        }
        Ok(())
    }

    /// Starts reading the sealed data, which needs no key, so that the time a person takes to
    /// type the PIN, and the PBKDF2 rounds after it, also read the store. A read that fails
    /// is simply done again once unlocked, where its error shows.
    pub(super) fn read_ahead(self, store: Rc<Store>) {
        let (sender, receiver) = oneshot::channel();
        leptos::task::spawn_local(async move {
            // The receiver is gone only if the start was abandoned: nothing to tell.
            let _ = sender.send(store.stored().await);
        });
        self.read_ahead.set_value(Some(receiver));
    }

    /// Hides everything behind the lock screen, when there is a PIN to open it.
    pub fn lock_now(self) {
        if self.sealed.get_untracked() && self.phase.get_untracked() == Phase::Ready {
            self.phase.set(Phase::Locked);
        }
    }

    /// Seals the stored data under `secret` (already checked against the rules).
    pub async fn set_pin(self, secret: String) -> Result<(), StoreError> {
        self.queue(async move {
            let (key, lock) = DataKey::create(&secret).await.map_err(StoreError::Failed)?;
            self.store()?.seal_all(key, &lock).await?;
            self.lock.set_value(Some(lock));
            self.sealed.set(true);
            self.offer_pin.set(false);
            Ok(())
        })
        .await
    }

    /// Locks the same data key under `new_secret`, if `old_secret` is the PIN.
    pub async fn change_pin(
        self,
        old_secret: String,
        new_secret: String,
    ) -> Result<(), UnlockError> {
        let lock = self
            .lock
            .get_value()
            .ok_or_else(|| UnlockError::Failed("no lock".to_owned()))?;
        let relocked = DataKey::relock(&lock, &old_secret, &new_secret).await?;
        let written = self
            .queue({
                let relocked = relocked.clone();
                async move { self.store()?.keep_lock(&relocked).await }
            })
            .await;
        written.map_err(|error| UnlockError::Failed(error.to_string()))?;
        self.lock.set_value(Some(relocked));
        Ok(())
    }

    /// How many of this device's operations exist nowhere else: what «Olvidé mi PIN» would
    /// lose.
    pub async fn unsent(self) -> Result<u64, StoreError> {
        self.store()?.unsent().await
    }

    /// Erases everything this device holds, after a forgotten PIN; the office can fill it
    /// again with a route bundle or from the server.
    pub async fn forget_device(self) -> Result<(), StoreError> {
        self.queue(async move { self.store()?.erase().await })
            .await?;
        self.read_ahead.set_value(None);
        self.forget_all();
        Ok(())
    }
}
