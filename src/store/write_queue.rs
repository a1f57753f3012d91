//! Writes to the store, one at a time, in the order they were asked for.
//!
//! A write is more than one IndexedDB request: it takes the next sequence numbers from the
//! device's author, stores the operations, then folds them into what the screen shows. Two
//! writes interleaved at their awaits would hand out the same sequence numbers twice, so they
//! must not overlap; and a write asked for while another runs (a second tap, a bundle arriving
//! while a payment is saved, later the server sync) must wait its turn, never be dropped.
//! This is Actual Budget's `sequential`/`runMutator`, for our futures.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use futures_channel::oneshot;

use super::error::StoreError;

type Job = Pin<Box<dyn Future<Output = ()>>>;

#[derive(Default)]
pub struct WriteQueue {
    waiting: RefCell<VecDeque<Job>>,
    running: Cell<bool>,
}

impl WriteQueue {
    pub fn new() -> Rc<WriteQueue> {
        Rc::new(WriteQueue::default())
    }

    /// Queues `write` behind every write queued before it. The returned future resolves with
    /// `write`'s own outcome once it has run; the write runs whether or not anyone awaits it.
    pub fn push<T: 'static>(
        self: &Rc<Self>,
        write: impl Future<Output = Result<T, StoreError>> + 'static,
    ) -> impl Future<Output = Result<T, StoreError>> {
        let (done, outcome) = oneshot::channel();
        self.waiting.borrow_mut().push_back(Box::pin(async move {
            // The caller may have stopped listening (its page was left): the write still
            // counts, only its answer has nobody to go to.
            let _ = done.send(write.await);
        }));
        if !self.running.replace(true) {
            wasm_bindgen_futures::spawn_local(Rc::clone(self).drain());
        }
        async move {
            outcome
                .await
                .unwrap_or_else(|_| Err(StoreError::Failed("the write was abandoned".into())))
        }
    }

    async fn drain(self: Rc<Self>) {
        loop {
            // The borrow ends before the job runs: a job may queue further writes.
            let next = self.waiting.borrow_mut().pop_front();
            match next {
                Some(job) => job.await,
                None => break,
            }
        }
        self.running.set(false);
    }
}
