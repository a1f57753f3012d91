//! The open portfolio of this device: the store, the projection of its operation log, and the
//! commands that append to it. Every command writes first and shows second, so what is on
//! screen is always what is stored; commands wait their turn in one queue, none is dropped.

use std::future::Future;
use std::rc::Rc;

use chrono::{NaiveDate, NaiveDateTime};
use leptos::prelude::*;

use super::alert::Alert;
use super::browser;
use super::session_lock::ReadAhead;
use crate::domain::agenda_owner::AgendaOwner;
use crate::domain::company_settings::CompanySettings;
use crate::domain::outreach::OutreachSettings;
use crate::domain::portfolio::Portfolio;
use crate::domain::standing::OpenAccounts;
use crate::store::data_key::LockRecord;
use crate::store::database::{Store, Stored};
use crate::store::device_record::DeviceRecord;
use crate::store::error::StoreError;
use crate::store::settings;
use crate::store::signing_key::SigningKey;
use crate::store::write_queue::WriteQueue;
use crate::sync::author::Author;
use crate::sync::bundle::import_plan::ImportPlan;
use crate::sync::company_settings::{Company, MovingIn, SettingsPatch};
use crate::sync::demo::demo_ops;
use crate::sync::hlc::DeviceId;
use crate::sync::op::{Event, Op};
use crate::sync::peer::Peers;
use crate::sync::projection::Projection;
use crate::sync::replication::checkpoint::{Checkpoint, Checkpoints};
use crate::sync::restore;
use crate::sync::sample_portfolio::{sample_ops, PortfolioSize};
use crate::sync::signed_run;
use crate::sync::snapshot;

/// Past this many operations shown at once, the whole portfolio is worked out afresh rather
/// than entry by entry: at 100,000 invoices an invoice placed among the others moves those
/// after it (0.15 ms natively), and working everything out with the accounts (0.2 s) costs
/// about as much as 1,300 such moves; 500 leaves room for the browser's slower copies.
const REFRESH_AT_MOST: usize = 500;

/// The seed of the large demonstration portfolios, so that every device generates the same.
const SAMPLE_SEED: u64 = 2026;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Phase {
    Opening,
    /// The stored data could not be opened; nothing was changed.
    Failed(StoreError),
    /// First start: the device has no identity yet.
    Welcome,
    /// The data is sealed and the app waits for the PIN: nothing of the portfolio shows.
    Locked,
    Ready,
}

/// What opening the store found.
enum Opening {
    FirstStart,
    Locked,
    /// Open, and whether the snapshot should be written afresh.
    Open(bool),
}

#[derive(Clone, Copy)]
pub struct Session {
    store: StoredValue<Option<Rc<Store>>, LocalStorage>,
    writes: StoredValue<Rc<WriteQueue>, LocalStorage>,
    /// How many writes are queued or running.
    queued: RwSignal<usize>,
    author: StoredValue<Option<Author>>,
    /// This device's signing key, once read from the store or made.
    signing_key: StoredValue<Option<SigningKey>, LocalStorage>,
    pub phase: RwSignal<Phase>,
    /// The lock guarding the data key, once the data is sealed.
    pub(super) lock: StoredValue<Option<LockRecord>>,
    /// Whether the stored data is sealed under a PIN.
    pub sealed: RwSignal<bool>,
    /// The sealed data, being read while the lock screen waits for the PIN.
    pub(super) read_ahead: StoredValue<Option<ReadAhead>, LocalStorage>,
    /// A PIN is offered once the device has its name; «Ahora no» puts it off.
    pub offer_pin: RwSignal<bool>,
    pub device: RwSignal<Option<DeviceRecord>>,
    /// The devices heard of through bundles.
    pub peers: RwSignal<Peers>,
    /// Where replication stands with each server database.
    checkpoints: StoredValue<Checkpoints>,
    pub projection: RwSignal<Projection>,
    /// The portfolio the projection shows, kept up to date for every page.
    pub portfolio: ReadSignal<Portfolio>,
    write_portfolio: WriteSignal<Portfolio>,
    /// Every customer's standing and open items today, for Hoy, Cartera and Cliente; after a
    /// save only the customers it touched are worked out again.
    pub accounts: ReadSignal<OpenAccounts>,
    write_accounts: WriteSignal<OpenAccounts>,
    pub today: RwSignal<NaiveDate>,
    /// The company's settings and who may change them, as the log says.
    pub company: Memo<Company>,
    /// The company's contact policy, reminder steps and wording.
    pub outreach: Memo<OutreachSettings>,
    /// Settings an older version kept in this browser, which a collector's phone follows
    /// until its office's arrive.
    kept_settings: RwSignal<Option<OutreachSettings>>,
    /// The debtors' local time under the policy's time zone; `None` if the browser does not
    /// know the zone.
    pub debtor_now: Memo<Option<NaiveDateTime>>,
    /// What went wrong where no form could say it; the banner under the header shows it.
    pub alert: RwSignal<Option<Alert>>,
    /// A second version of a held operation was refused; Sincronizar shows it until someone
    /// looks.
    pub integrity: RwSignal<Option<settings::IntegrityAlarm>>,
    /// This device found it was restored from an older copy and took a new id; Sincronizar
    /// says so until someone has read it.
    pub restored: RwSignal<Option<settings::RestoreNotice>>,
    /// While a write is queued or running: the buttons that would ask for the same write
    /// again are off.
    pub busy: Memo<bool>,
    /// Counts this device's own saves, so that whoever sends them on (the server sync) hears
    /// of each.
    pub saves: RwSignal<u64>,
    /// While many operations are written (an import, a sample portfolio): how many are
    /// written of how many.
    pub progress: RwSignal<Option<(usize, usize)>>,
}

impl Session {
    pub fn provide() -> Session {
        let (portfolio, write_portfolio) = signal(Portfolio::default());
        let (accounts, write_accounts) = signal(OpenAccounts::default());
        let today = RwSignal::new(browser::today());
        // This device's clock, moved on every half minute so that what the contact policy
        // allows follows the time of day.
        let now_ms = RwSignal::new(browser::now_ms());
        let queued = RwSignal::new(0);
        let projection = RwSignal::new(Projection::default());
        let kept_settings = RwSignal::new(settings::kept_outreach());
        let company = Memo::new(move |_| {
            projection.with(|p: &Projection| {
                let log = p.company();
                let company = log.resolve(&CompanySettings::default());
                // Until the office's settings arrive, a collector's phone goes on with what
                // it kept; once they have, they are the company's, whole.
                match kept_settings.get() {
                    Some(kept) if company.history.is_empty() => log.resolve(&CompanySettings {
                        outreach: kept,
                        ..CompanySettings::default()
                    }),
                    _ => company,
                }
            })
        });
        let outreach = Memo::new(move |_| company.with(|c| c.settings.outreach.clone()));
        let session = Session {
            store: StoredValue::new_local(None),
            writes: StoredValue::new_local(WriteQueue::new()),
            queued,
            author: StoredValue::new(None),
            signing_key: StoredValue::new_local(None),
            phase: RwSignal::new(Phase::Opening),
            lock: StoredValue::new(None),
            sealed: RwSignal::new(false),
            read_ahead: StoredValue::new_local(None),
            offer_pin: RwSignal::new(false),
            device: RwSignal::new(None),
            peers: RwSignal::new(Peers::default()),
            checkpoints: StoredValue::new(Checkpoints::default()),
            projection,
            portfolio,
            write_portfolio,
            accounts,
            write_accounts,
            today,
            company,
            outreach,
            kept_settings,
            debtor_now: Memo::new(move |_| {
                now_ms.track();
                outreach.with(|o| browser::now_in(&o.policy.time_zone))
            }),
            alert: RwSignal::new(None),
            integrity: RwSignal::new(settings::integrity_alarm()),
            restored: RwSignal::new(settings::restore_notice()),
            busy: Memo::new(move |_| queued.get() > 0),
            saves: RwSignal::new(0),
            progress: RwSignal::new(None),
        };
        // The accounts are today's: a new day settles them afresh.
        Effect::watch(
            move || today.get(),
            move |today, _, _| {
                let accounts = session
                    .portfolio
                    .with_untracked(|p| p.open_accounts(*today));
                session.write_accounts.set(accounts);
            },
            false,
        );
        provide_context(session);
        // Dropping the handle would stop the clock; it lives as long as the page.
        std::mem::forget(set_interval_with_handle(
            move || now_ms.set(browser::now_ms()),
            std::time::Duration::from_secs(30),
        ));
        leptos::task::spawn_local(session.open());
        session
    }

    async fn open(self) {
        match self.load().await {
            Ok(Opening::Open(snapshot_stale)) => self.opened(snapshot_stale).await,
            Ok(Opening::Locked) => self.phase.set(Phase::Locked),
            Ok(Opening::FirstStart) => self.phase.set(Phase::Welcome),
            Err(error) => self.phase.set(Phase::Failed(error)),
        }
    }

    /// The portfolio is on screen: what follows an opening.
    pub(super) async fn opened(self, snapshot_stale: bool) {
        self.phase.set(Phase::Ready);
        browser::persist_storage().await;
        if snapshot_stale {
            self.run(self.save_snapshot());
        }
        self.publish_key();
        self.move_settings_in();
    }

    /// Opens the store and, unless it is a first start or sealed and still locked, shows
    /// what it holds.
    async fn load(self) -> Result<Opening, StoreError> {
        let store = Rc::new(Store::open().await?);
        self.store.set_value(Some(Rc::clone(&store)));
        let Some(device) = store.device().await? else {
            return Ok(Opening::FirstStart);
        };
        if let Some(lock) = store.lock().await? {
            self.lock.set_value(Some(lock));
            self.sealed.set(true);
            self.device.set(Some(device));
            self.read_ahead(store);
            return Ok(Opening::Locked);
        }
        self.read_portfolio(device, None).await.map(Opening::Open)
    }

    /// Reads and shows the stored portfolio of `device`; whether the snapshot should be
    /// written afresh.
    /// `stored` is what was read of it ahead, if still what the store holds.
    pub(super) async fn read_portfolio(
        self,
        device: DeviceRecord,
        stored: Option<Stored>,
    ) -> Result<bool, StoreError> {
        let store = self.store()?;
        self.peers.set(store.peers().await?);
        self.checkpoints.set_value(store.checkpoints().await?);
        let opened = match stored {
            Some(stored) if store.still_holds(&stored).await? => store.open_stored(stored).await?,
            _ => store.projection().await?,
        };
        self.author.set_value(Some(Author::resume_after(
            device.id.clone(),
            &opened.projection,
        )));
        self.show(opened.projection);
        self.device.set(Some(device));
        Ok(opened.snapshot_stale)
    }

    /// First start: gives the device its identity and loads the demonstration portfolio.
    pub fn introduce(self, label: String) {
        self.run(async move {
            let device = DeviceRecord {
                id: browser::new_device_id().map_err(StoreError::Failed)?,
                label,
                demo: true,
            };
            let today = self.today.get_untracked();
            let (author, key, ops) =
                first_ops(&device.id, |author, now| demo_ops(author, today, now)).await?;
            self.start_over(device, author, key, ops).await?;
            self.offer_pin.set(true);
            self.phase.set(Phase::Ready);
            browser::persist_storage().await;
            Ok(())
        });
    }

    /// Replaces the demonstration with a generated portfolio of `size`, to try the app at the
    /// size of a whole company's. Only the demonstration is ever replaced: real data stays.
    pub fn load_sample(self, size: PortfolioSize) {
        if !self
            .device
            .with_untracked(|d| d.as_ref().is_some_and(|d| d.demo))
        {
            return;
        }
        self.run(async move {
            let device = DeviceRecord {
                id: browser::new_device_id().map_err(StoreError::Failed)?,
                label: self.device_label_untracked(),
                demo: true,
            };
            let today = self.today.get_untracked();
            let (author, key, ops) = first_ops(&device.id, |author, now| {
                sample_ops(size, SAMPLE_SEED, today, author, now)
            })
            .await?;
            self.start_over(device, author, key, ops).await
        });
    }

    /// Writes `ops` as everything this device holds, then shows them.
    async fn start_over(
        self,
        device: DeviceRecord,
        author: Author,
        key: SigningKey,
        ops: Vec<Op>,
    ) -> Result<(), StoreError> {
        let projection = Projection::from_ops(&ops);
        let bytes = snapshot::encode(&projection);
        self.store()?
            .start_over(
                &device,
                Some(&key),
                &ops,
                bytes.as_deref(),
                &self.reporting(ops.len()),
            )
            .await?;
        self.signing_key.set_value(Some(key));
        self.peers.set(Peers::default());
        self.checkpoints.set_value(Checkpoints::default());
        self.author.set_value(Some(author));
        self.show(projection);
        self.device.set(Some(device));
        self.publish_key();
        Ok(())
    }

    /// Lets go of this device's portfolio and identity once its store is erased: a first
    /// start follows.
    pub(super) fn forget_all(self) {
        self.author.set_value(None);
        self.signing_key.set_value(None);
        self.peers.set(Peers::default());
        self.checkpoints.set_value(Checkpoints::default());
        self.show(Projection::default());
        self.device.set(None);
        self.lock.set_value(None);
        self.sealed.set(false);
        self.offer_pin.set(false);
        self.phase.set(Phase::Welcome);
    }

    /// Shows `projection` as it is, working out its portfolio and accounts afresh.
    fn show(self, projection: Projection) {
        self.show_portfolio(projection.portfolio());
        self.projection.set(projection);
    }

    fn show_portfolio(self, portfolio: Portfolio) {
        self.write_accounts
            .set(portfolio.open_accounts(self.today.get_untracked()));
        self.write_portfolio.set(portfolio);
    }

    /// Shows what `ops`, already folded into the projection, changed: only the entries and
    /// the accounts they reach are worked out again, unless they are so many (a bundle, a
    /// first pull from the server) that working everything out afresh costs less.
    fn show_folded(self, ops: &[Op]) {
        if ops.len() > REFRESH_AT_MOST {
            self.show_portfolio(self.projection.with_untracked(Projection::portfolio));
            self.projection.notify();
            return;
        }
        let mut touched = Default::default();
        self.write_portfolio.update(|portfolio| {
            touched = self
                .projection
                .with_untracked(|projection| projection.refresh(portfolio, ops));
        });
        let today = self.today.get_untracked();
        self.write_accounts.update(|accounts| {
            self.portfolio
                .with_untracked(|portfolio| accounts.refresh(portfolio, &touched, today));
        });
        self.projection.notify();
    }

    /// Shows what other devices wrote, already stored and folded into the projection: this
    /// device's clock moves past their stamps, then what they changed is worked out again.
    fn show_received(self, ops: &[Op]) {
        self.author.update_value(|author| {
            if let Some(author) = author {
                for op in ops {
                    author.observe(&op.hlc);
                }
            }
        });
        self.show_folded(ops);
    }

    async fn save_snapshot(self) -> Result<(), StoreError> {
        match self.projection.with_untracked(snapshot::encode) {
            Some(bytes) => self.store()?.save_snapshot(&bytes).await,
            None => Ok(()),
        }
    }

    /// Clears the demonstration data. The device takes a new id so that no operation id it
    /// used for the demonstration, which a peer may already hold, is ever reused.
    pub fn start_empty(self) {
        self.run(async move {
            let device = DeviceRecord {
                id: browser::new_device_id().map_err(StoreError::Failed)?,
                label: self.device_label_untracked(),
                demo: false,
            };
            let (author, key, ops) = first_ops(&device.id, |_, _| Vec::new()).await?;
            self.start_over(device, author, key, ops).await
        });
    }

    /// Records what a person did as operations, all in one transaction, after every write
    /// asked for before; the screen changes only once they are stored, and `then` runs in the
    /// same turn, before anything redraws (a form that closes itself must still be there to
    /// do it). The future says whether they were stored, and why not.
    pub fn save(
        self,
        events: Vec<Event>,
        then: impl FnOnce() + 'static,
    ) -> impl Future<Output = Result<(), StoreError>> {
        // A new save by the person is the answer to an earlier failure's banner.
        self.alert.set(None);
        self.queue(async move {
            self.append_own(events).await?;
            then();
            Ok(())
        })
    }

    /// Records `events` as this device's operations in one transaction and shows them; for
    /// a write already queued.
    async fn append_own(self, events: Vec<Event>) -> Result<(), StoreError> {
        let mut author = self
            .author
            .get_value()
            .ok_or_else(|| StoreError::Unavailable("no device".into()))?;
        let now = browser::now_ms();
        let mut ops: Vec<Op> = events
            .into_iter()
            .map(|event| author.record(event, now))
            .collect();
        let publishing = ops
            .iter()
            .any(|op| matches!(op.event, Event::DeviceKeyPublished { .. }));
        if publishing
            || self
                .projection
                .with_untracked(|p| p.key(author.device()).is_some())
        {
            let key = self.signing_key(author.device()).await?;
            let mut signatures = signed_run::unsigned(&mut author, &ops, now);
            key.sign_runs(&mut signatures)
                .await
                .map_err(StoreError::Failed)?;
            ops.extend(signatures);
        }
        self.store()?.append(&ops).await?;
        self.author.set_value(Some(author));
        self.projection.update_untracked(|projection| {
            for op in &ops {
                projection.apply(op);
            }
        });
        self.show_folded(&ops);
        self.saves.update(|n| *n += 1);
        Ok(())
    }

    /// The signing key of `device` (this device's id): the one kept, or, while none is
    /// published, a new one, kept. A published key whose private half is gone cannot sign:
    /// saying so beats signing with a key nobody knows, which every peer would refuse.
    async fn signing_key(self, device: &DeviceId) -> Result<SigningKey, StoreError> {
        if let Some(key) = self
            .signing_key
            .get_value()
            .filter(|key| key.device == *device)
        {
            return Ok(key);
        }
        let store = self.store()?;
        let key = match store.signing_key().await? {
            Some(key) if key.device == *device => key,
            _ if self.projection.with_untracked(|p| p.key(device).is_some()) => {
                return Err(StoreError::Failed(
                    "this device's signing key is no longer stored".into(),
                ))
            }
            _ => {
                let key = SigningKey::generate(device)
                    .await
                    .map_err(StoreError::Failed)?;
                store.keep_signing_key(&key).await?;
                key
            }
        };
        self.signing_key.set_value(Some(key.clone()));
        Ok(key)
    }

    /// Makes this device's signing key when it has none for its id, and publishes the public
    /// half once, as an operation of its own; a failure shows in the banner, and the next
    /// start tries again.
    fn publish_key(self) {
        self.run(async move {
            let Some(device) = self.device.get_untracked() else {
                return Ok(());
            };
            if self
                .projection
                .with_untracked(|p| p.key(&device.id).is_some())
            {
                return Ok(());
            }
            let key = self.signing_key(&device.id).await?;
            self.append_own(vec![Event::DeviceKeyPublished {
                key: key.public,
                signs_from_here: true,
            }])
            .await
        });
    }

    /// Settings an older version kept in this browser become the company's, once: written as
    /// operations where this device may set them (the office, or a device alone); dropped
    /// on a collector's phone once its office's have arrived.
    fn move_settings_in(self) {
        if self.kept_settings.with_untracked(Option::is_none) {
            return;
        }
        let Some(me) = self.device.get_untracked().map(|d| d.id) else {
            return;
        };
        let shows_everyone = settings::agenda_owner() == AgendaOwner::Everyone;
        let forget = move || {
            settings::forget_kept_outreach();
            self.kept_settings.set(None);
        };
        match self
            .company
            .with_untracked(|c| c.moving_in(&me, &self.device_label_untracked(), shows_everyone))
        {
            MovingIn::Drop => forget(),
            MovingIn::Keep => {}
            MovingIn::Write(events) => self.save_then(events, move || {
                forget();
                self.alert.set(Some(Alert::SettingsMovedIn));
            }),
        }
    }

    /// Whether this device may change the company's settings: an office, or, while the
    /// company has none, a device that shows everyone's agenda.
    pub fn may_change_company(self) -> bool {
        let Some(me) = self.device.get_untracked().map(|d| d.id) else {
            return false;
        };
        self.company
            .with(|c| c.may_change(&me, settings::agenda_owner() == AgendaOwner::Everyone))
    }

    /// `events`, which only an office may write, after the mark that makes this device the
    /// company's first office when the company has none and this device may be it.
    pub fn as_office(self, events: Vec<Event>) -> Vec<Event> {
        let founding = self
            .device
            .get_untracked()
            .filter(|_| self.may_change_company())
            .map(|d| {
                self.company
                    .with_untracked(|c| c.as_office(&d.id, &d.label))
            })
            .unwrap_or_default();
        founding.into_iter().chain(events).collect()
    }

    /// Makes this device the company's first office, when the company has none and this
    /// device may be it: before it sends a route or sets up the collectors' server.
    pub async fn become_office(self) -> Result<(), StoreError> {
        let founding = self.as_office(Vec::new());
        if founding.is_empty() {
            return Ok(());
        }
        self.save(founding, || ()).await
    }

    /// Saves a change to the company's settings made on `change`; nothing when it changes
    /// nothing. Worked out in turn with the writes queued before it, so that quick edits of
    /// the same setting (one weekday's hours, then the next) each start from the other's
    /// result and none is lost.
    pub fn change_company(self, change: impl FnOnce(&mut CompanySettings) + 'static) {
        self.alert.set(None);
        self.run(async move {
            let company = self.company.get_untracked();
            let mut next = company.settings.clone();
            change(&mut next);
            let patch = SettingsPatch::between(&company.settings, &next);
            if patch.is_empty() {
                return Ok(());
            }
            let events = self.as_office(vec![Event::CompanySettingsChanged { change: patch }]);
            self.append_own(events).await
        });
    }

    /// Saves `events`, then runs `then`; a failure shows in the banner under the header. For
    /// where the person acted has no place of its own to say it.
    pub fn save_then(self, events: Vec<Event>, then: impl FnOnce() + 'static) {
        let saved = self.save(events, then);
        leptos::task::spawn_local(async move {
            if let Err(error) = saved.await {
                self.alert.set(Some(Alert::NotSaved(error)));
            }
        });
    }

    /// Writes a checked bundle's new operations in one transaction, with what it taught about
    /// its sender and a fresh snapshot; the screen changes only once they are stored, and
    /// `then` gets the plan back in the same turn.
    pub fn import(
        self,
        plan: ImportPlan,
        then: impl FnOnce(ImportPlan) + 'static,
    ) -> impl Future<Output = Result<(), StoreError>> {
        self.queue(async move {
            let mut peers = self.peers.get_untracked();
            peers.record(&plan, browser::now_ms());
            // Folded in place, unseen until stored: a copy of a large projection would double
            // the memory an import needs.
            let bytes = self
                .projection
                .try_update_untracked(|projection| {
                    for (op, hash) in plan.new_ops.iter().zip(&plan.hashes) {
                        projection.apply_hashed(op, hash);
                    }
                    snapshot::encode(projection)
                })
                .flatten();
            let written = self
                .store()?
                .import(
                    &plan.new_ops,
                    &peers,
                    bytes.as_deref(),
                    &self.reporting(plan.new_ops.len()),
                )
                .await;
            if let Err(error) = written {
                // What is on screen must stay what is stored: read it back.
                if let Ok(opened) = self.store()?.projection().await {
                    self.show(opened.projection);
                }
                return Err(error);
            }
            self.show_received(&plan.new_ops);
            self.peers.set(peers);
            then(plan);
            Ok(())
        })
    }

    /// Keeps and shows that a second version of operation `seq` of `device` came through
    /// `door` and was refused.
    pub fn raise_integrity_alarm(
        self,
        device: &DeviceId,
        seq: u64,
        door: settings::Door,
        forged: bool,
    ) {
        let alarm = settings::IntegrityAlarm {
            device: device.0.clone(),
            label: if self
                .device
                .with_untracked(|d| d.as_ref().is_some_and(|d| d.id == *device))
            {
                Some(self.device_label())
            } else {
                self.peers
                    .with_untracked(|p| p.label(device).map(str::to_owned))
            },
            seq,
            door,
            at_ms: browser::now_ms(),
            forged,
        };
        if !settings::set_integrity_alarm(Some(&alarm)) {
            self.alert.set(Some(Alert::SettingNotKept));
        }
        self.integrity.set(Some(alarm));
    }

    /// Someone is looking into the alarm: it is no longer shown.
    pub fn acknowledge_integrity_alarm(self) {
        settings::set_integrity_alarm(None);
        self.integrity.set(None);
    }

    /// This device was restored from an older copy (`restore::judge`, news that came
    /// through `door`): it goes on under a new id, with what it wrote from `from_seq` on
    /// moved over, in one transaction after every write asked for before; then says so.
    pub fn take_new_id(
        self,
        from_seq: u64,
        door: settings::Door,
    ) -> impl Future<Output = Result<(), StoreError>> {
        self.queue(async move {
            let former = self
                .device
                .get_untracked()
                .ok_or_else(|| StoreError::Unavailable("no device".into()))?;
            let device = DeviceRecord {
                id: browser::new_device_id().map_err(StoreError::Failed)?,
                ..former.clone()
            };
            let store = self.store()?;
            // The new id publishes its key first, so that what moves over is signed.
            let key = SigningKey::generate(&device.id)
                .await
                .map_err(StoreError::Failed)?;
            let now = browser::now_ms();
            let published = Author::resume(device.id.clone(), []).record(
                Event::DeviceKeyPublished {
                    key: key.public.clone(),
                    signs_from_here: true,
                },
                now,
            );
            let mut reborn =
                restore::take_new_id(store.ops().await?, &former.id, from_seq, &device.id, 2);
            let at = reborn.ops.len() - reborn.moved;
            let mut written: Vec<Op> = std::iter::once(published)
                .chain(reborn.ops.drain(at..))
                .collect();
            let mut author = Author::resume(device.id.clone(), reborn.ops.iter().chain(&written));
            let mut signatures = signed_run::unsigned(&mut author, &written, now);
            key.sign_runs(&mut signatures)
                .await
                .map_err(StoreError::Failed)?;
            written.extend(signatures);
            reborn.ops.extend(written);
            let projection = Projection::from_ops(&reborn.ops);
            let bytes = snapshot::encode(&projection);
            let mut peers = self.peers.get_untracked();
            peers.0.entry(former.id.clone()).or_default().label = former.label.clone();
            store
                .take_new_id(
                    &device,
                    Some(&key),
                    &reborn.ops,
                    &peers,
                    bytes.as_deref(),
                    &self.reporting(reborn.ops.len()),
                )
                .await?;
            self.author
                .set_value(Some(Author::resume_after(device.id.clone(), &projection)));
            self.signing_key.set_value(Some(key));
            self.peers.set(peers);
            self.show(projection);
            let notice = settings::RestoreNotice {
                former: former.id.0,
                new: device.id.0.clone(),
                from_seq,
                moved: reborn.moved,
                door,
                at_ms: browser::now_ms(),
            };
            self.device.set(Some(device));
            if !settings::set_restore_notice(Some(&notice)) {
                self.alert.set(Some(Alert::SettingNotKept));
            }
            self.restored.set(Some(notice));
            // What moved over is this device's new work, to be sent on.
            self.saves.update(|n| *n += 1);
            self.publish_key();
            Ok(())
        })
    }

    /// Someone has read that this device took a new id: it is no longer shown.
    pub fn acknowledge_restore(self) {
        settings::set_restore_notice(None);
        self.restored.set(None);
    }

    /// Where replication stands with `db`.
    pub fn checkpoint(self, db: &str) -> Checkpoint {
        self.checkpoints
            .with_value(|all| all.get(db).cloned())
            .unwrap_or_default()
    }

    /// Stores operations pulled from a server (already through the intake) with where
    /// replication with `db` now stands, in one transaction, after every write asked for
    /// before; then shows them.
    pub fn receive(
        self,
        db: String,
        new_ops: Vec<Op>,
        hashes: Vec<[u8; 32]>,
        checkpoint: Checkpoint,
    ) -> impl Future<Output = Result<(), StoreError>> {
        self.queue(async move {
            let mut checkpoints = self.checkpoints.get_value();
            checkpoints.insert(db, checkpoint);
            self.store()?.receive(&new_ops, &checkpoints).await?;
            self.checkpoints.set_value(checkpoints);
            if new_ops.is_empty() {
                return Ok(());
            }
            self.projection.update_untracked(|projection| {
                for (op, hash) in new_ops.iter().zip(&hashes) {
                    projection.apply_hashed(op, hash);
                }
            });
            self.show_received(&new_ops);
            Ok(())
        })
    }

    /// The whole operation log, for a bundle.
    pub async fn stored_ops(self) -> Result<Vec<Op>, StoreError> {
        self.store()?.ops().await
    }

    /// This device's label ("Cobrador Juan"), which signs what it sends.
    pub fn device_label(&self) -> String {
        self.device
            .with(|d| d.as_ref().map(|d| d.label.clone()))
            .unwrap_or_default()
    }

    /// This device's id, which numbers what it issues (receipts, collection costs).
    pub fn device_id_untracked(&self) -> String {
        self.device
            .with_untracked(|d| d.as_ref().map(|d| d.id.0.to_string()))
            .unwrap_or_default()
    }

    /// What a person calls `device`: this device's label, a peer's, or the start of its id.
    pub fn label_of(&self, device: &DeviceId) -> String {
        if self
            .device
            .with(|d| d.as_ref().is_some_and(|d| d.id == *device))
        {
            return self.device_label();
        }
        self.peers
            .with(|p| p.label(device).map(str::to_owned))
            .or_else(|| self.company.with(|c| c.labels.get(device).cloned()))
            .unwrap_or_else(|| device.0.chars().take(8).collect())
    }

    fn device_label_untracked(&self) -> String {
        untrack(|| self.device_label())
    }

    pub(super) fn store(&self) -> Result<Rc<Store>, StoreError> {
        self.store
            .get_value()
            .ok_or_else(|| StoreError::Unavailable("not open".into()))
    }

    /// Tells the screen how many of `total` operations are written.
    fn reporting(self, total: usize) -> impl Fn(usize) {
        move |written| self.progress.set(Some((written, total)))
    }

    /// Queues `write` behind every write asked for before it.
    pub(super) fn queue<T: 'static>(
        self,
        write: impl Future<Output = Result<T, StoreError>> + 'static,
    ) -> impl Future<Output = Result<T, StoreError>> {
        self.queued.update(|n| *n += 1);
        self.writes.with_value(|writes| {
            writes.push(async move {
                let outcome = write.await;
                self.progress.set(None);
                self.queued.update(|n| *n -= 1);
                outcome
            })
        })
    }

    /// Queues a write nobody waits on; a failure shows in the banner under the header.
    fn run(self, write: impl Future<Output = Result<(), StoreError>> + 'static) {
        let written = self.queue(write);
        leptos::task::spawn_local(async move {
            if let Err(error) = written.await {
                self.alert.set(Some(Alert::NotSaved(error)));
            }
        });
    }
}

pub fn use_session() -> Session {
    expect_context::<Session>()
}

/// A new id's first operations: the publication of its new key, then what `then` records,
/// all signed; so that nothing it ever writes goes unsigned.
async fn first_ops(
    device: &DeviceId,
    then: impl FnOnce(&mut Author, u64) -> Vec<Op>,
) -> Result<(Author, SigningKey, Vec<Op>), StoreError> {
    let key = SigningKey::generate(device)
        .await
        .map_err(StoreError::Failed)?;
    let now = browser::now_ms();
    let mut author = Author::resume(device.clone(), []);
    let published = author.record(
        Event::DeviceKeyPublished {
            key: key.public.clone(),
            signs_from_here: true,
        },
        now,
    );
    let mut ops = vec![published];
    ops.extend(then(&mut author, now));
    let mut signatures = signed_run::unsigned(&mut author, &ops, now);
    key.sign_runs(&mut signatures)
        .await
        .map_err(StoreError::Failed)?;
    ops.extend(signatures);
    Ok((author, key, ops))
}
