//! A device's signing key as the native tests hold it: ECDSA P-256 over SHA-256, signatures
//! as r‖s, which is what WebCrypto makes and checks in the browser. The browser benchmark
//! signs with it too, and checks nothing.
#![allow(dead_code)]

use cobranza::sync::author::Author;
use cobranza::sync::device_key::PublicKey;
use cobranza::sync::op::{Op, OpId};
use cobranza::sync::signed_run::{message, signed, unsigned, SignatureCheck};
use p256::ecdsa::signature::{Signer as _, Verifier as _};
use p256::ecdsa::{Signature, SigningKey, VerifyingKey};

pub struct Signer(SigningKey);

impl Signer {
    /// The same key for the same `seed`, so that a failing case can be run again.
    pub fn new(seed: u8) -> Signer {
        let mut secret = [0x5a; 32];
        secret[0] = seed.max(1);
        Signer(SigningKey::from_slice(&secret).expect("a valid scalar"))
    }

    pub fn public(&self) -> PublicKey {
        PublicKey::from_raw(self.0.verifying_key().to_encoded_point(false).as_bytes())
    }

    /// The signature operations for `ops`, just recorded by `author`.
    pub fn sign(&self, author: &mut Author, ops: &[Op], now_ms: u64) -> Vec<Op> {
        unsigned(author, ops, now_ms)
            .into_iter()
            .map(|op| {
                let signature: Signature = self.0.sign(&message(&op).expect("a signature op"));
                signed(op, &signature.to_bytes())
            })
            .collect()
    }
}

/// The first of `checks` that is not its device's signature, as the browser's check says.
pub fn first_forged(checks: &[SignatureCheck]) -> Option<OpId> {
    checks
        .iter()
        .find(|check| {
            let key = check
                .key
                .raw()
                .and_then(|raw| VerifyingKey::from_sec1_bytes(&raw).ok());
            let signature = Signature::from_slice(&check.signature).ok();
            match (key, signature) {
                (Some(key), Some(signature)) => key.verify(&check.message, &signature).is_err(),
                _ => true,
            }
        })
        .map(|check| check.id.clone())
}
