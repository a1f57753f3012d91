//! How an operation carries its author's proof. Checking an ECDSA signature costs about as
//! much as importing a hundred operations, so a device does not sign each one: after each
//! save it writes one more operation, `OperationsSigned`, listing the start of the SHA-256 of
//! every operation of the save (a run of its sequence numbers) and signed with the device's
//! key. A receiver checks one signature per run, and each operation against its line in the
//! list, which needs no other operation of the run: a route, which carries only a part of
//! each device's work, carries the signed runs its operations are in.
//!
//! A device's operations from its earliest signed run on must each be in a signed run, and
//! a signature counts only with the key the device published before it; the operations
//! before were written before the device signed (an older version of the app), are taken as
//! they are, and are shown as unsigned.

use std::collections::{BTreeMap, BTreeSet};

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::{Deserialize, Serialize};

use super::author::Author;
use super::device_key::PublicKey;
use super::device_keys::Signer;
use super::hlc::{DeviceId, Hlc};
use super::op::{Event, Op, OpId};
use super::op_digest::hash;
use super::projection::Projection;

/// Bytes of each operation's SHA-256 a run lists: finding another operation with the same
/// ones takes about 2^128 tries.
pub const HASH_BYTES: usize = 16;
/// An ECDSA P-256 signature as WebCrypto writes it: r, then s.
pub const SIGNATURE_BYTES: usize = 64;
/// Operations one signature lists at most, so that a route carrying one operation of a
/// large import carries a list of 22 KB, not of the whole import.
pub const RUN_LENGTH: usize = 1_000;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedRun {
    /// The run's first operation; it runs on for as many as `hashes` lists, and ends
    /// before the operation that signs it.
    pub from: u64,
    /// `HASH_BYTES` of each operation's hash, in sequence order, in base64.
    pub hashes: String,
    /// Over `message`, in base64; empty until signed.
    pub signature: String,
}

impl SignedRun {
    pub fn hashes(&self) -> Option<Vec<u8>> {
        STANDARD
            .decode(&self.hashes)
            .ok()
            .filter(|raw| !raw.is_empty() && raw.len() % HASH_BYTES == 0)
    }

    /// How many operations it lists.
    pub fn length(&self) -> u64 {
        self.hashes()
            .map_or(0, |hashes| (hashes.len() / HASH_BYTES) as u64)
    }

    pub fn signature(&self) -> Option<Vec<u8>> {
        STANDARD
            .decode(&self.signature)
            .ok()
            .filter(|raw| raw.len() == SIGNATURE_BYTES)
    }
}

/// What a run lists for `op`.
pub fn listed_hash(op: &Op) -> [u8; HASH_BYTES] {
    let mut start = [0; HASH_BYTES];
    start.copy_from_slice(&hash(op)[..HASH_BYTES]);
    start
}

/// The signature operations for `ops` (this device's operations just written, in sequence
/// order), a run of up to `RUN_LENGTH` each, recorded by `author` right after them and still
/// unsigned: sign each one's `message`, then put the signature in with `signed`.
pub fn unsigned(author: &mut Author, ops: &[Op], now_ms: u64) -> Vec<Op> {
    ops.chunks(RUN_LENGTH)
        .map(|run| {
            let hashes: Vec<u8> = run.iter().flat_map(listed_hash).collect();
            author.record(
                Event::OperationsSigned {
                    run: SignedRun {
                        from: run[0].id.seq,
                        hashes: STANDARD.encode(hashes),
                        signature: String::new(),
                    },
                },
                now_ms,
            )
        })
        .collect()
}

pub fn signed(mut op: Op, signature: &[u8]) -> Op {
    if let Event::OperationsSigned { run } = &mut op.event {
        run.signature = STANDARD.encode(signature);
    }
    op
}

/// The bytes a signature operation's signature covers: all of it but the signature, in the
/// snapshot's compact encoding.
pub fn message(op: &Op) -> Option<Vec<u8>> {
    #[derive(Serialize)]
    struct Signed<'a> {
        id: &'a OpId,
        hlc: &'a Hlc,
        from: u64,
        hashes: &'a str,
    }
    let Event::OperationsSigned { run } = &op.event else {
        return None;
    };
    postcard::to_allocvec(&Signed {
        id: &op.id,
        hlc: &op.hlc,
        from: run.from,
        hashes: &run.hashes,
    })
    .ok()
}

/// One signature to check before a batch is stored.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignatureCheck {
    /// The signature operation.
    pub id: OpId,
    pub key: PublicKey,
    pub message: Vec<u8>,
    pub signature: Vec<u8>,
}

/// Checks a batch's new operations (with their `hashes`, `op_digest::hash`) against the
/// signed runs it carries (`carried`: every signature operation in the batch, new or already
/// held). Returns the signatures to check (those not stored yet) and where in `new_ops` are
/// the operations no checked run vouches for.
pub fn vouch(
    new_ops: &[Op],
    hashes: &[[u8; 32]],
    carried: &[Op],
    stored: &Projection,
) -> (Vec<SignatureCheck>, Vec<usize>) {
    let mut keys = stored.device_keys().clone();
    for op in new_ops {
        keys.apply(op);
    }
    // Each device's runs by their first operation.
    let mut runs: BTreeMap<&DeviceId, BTreeMap<u64, Vec<u8>>> = BTreeMap::new();
    for op in carried {
        if let Event::OperationsSigned { run } = &op.event {
            if let Some(hashes) = run.hashes() {
                runs.entry(&op.id.device)
                    .or_default()
                    .insert(run.from, hashes);
            }
        }
    }
    let mut checks = Vec::new();
    let mut unvouched = Vec::new();
    for (at, (op, hash)) in new_ops.iter().zip(hashes).enumerate() {
        let signs = matches!(op.event, Event::OperationsSigned { .. });
        let Some(Signer {
            published_at,
            signs_from,
            key,
            as_accepted,
        }) = keys.signer(&op.id.device)
        else {
            // A signature with no key to check it against: the key's publication was left
            // out or altered to pass the device off as one that never signed.
            if signs {
                unvouched.push(at);
            }
            continue;
        };
        if !as_accepted && op.id.seq >= published_at {
            unvouched.push(at);
            continue;
        }
        if let Event::OperationsSigned { run } = &op.event {
            match (message(op), run.signature()) {
                (Some(message), Some(signature)) if run.from >= published_at => {
                    checks.push(SignatureCheck {
                        id: op.id.clone(),
                        key: key.clone(),
                        message,
                        signature,
                    })
                }
                _ => unvouched.push(at),
            }
            continue;
        }
        if signs_from.is_none_or(|from| op.id.seq < from) {
            // Written before the device signed: taken as it is, shown as unsigned.
            continue;
        }
        let listed = runs
            .get(&op.id.device)
            .and_then(|runs| runs.range(..=op.id.seq).next_back())
            .and_then(|(from, hashes)| {
                let at = usize::try_from(op.id.seq - from).ok()? * HASH_BYTES;
                hashes.get(at..at + HASH_BYTES)
            });
        if listed != Some(&hash[..HASH_BYTES]) {
            unvouched.push(at);
        }
    }
    (checks, unvouched)
}

/// The signature operations of `device` in `log` that vouch for `ops` (its operations, in
/// any order): what a route must carry besides them.
pub fn runs_for<'a>(ops: impl IntoIterator<Item = &'a OpId>, log: &'a [Op]) -> Vec<&'a Op> {
    let mut wanted: BTreeMap<&DeviceId, BTreeSet<u64>> = BTreeMap::new();
    for id in ops {
        wanted.entry(&id.device).or_default().insert(id.seq);
    }
    log.iter()
        .filter(|op| match &op.event {
            Event::OperationsSigned { run } => wanted.get(&op.id.device).is_some_and(|seqs| {
                seqs.range(run.from..run.from.saturating_add(run.length()))
                    .next()
                    .is_some()
            }),
            _ => false,
        })
        .collect()
}
