//! The key that encrypts what this device stores, and the lock that guards it. The data key is
//! 256 random bits, used for AES-GCM and never stored as it is: the lock record holds it
//! encrypted under a key derived from the person's PIN or passphrase (PBKDF2-SHA-256), so a
//! changed PIN re-wraps these 32 bytes instead of re-encrypting the data. Unlocked, the key
//! lives only in memory, as a WebCrypto key that cannot be exported.

use js_sys::{Array, Uint8Array};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::CryptoKey;

use super::error::js_message;
use super::web_crypto::{decrypt, decrypt_held, derive_key, encrypt, random_bytes, subtle};
use crate::sync::bundle::sealed::{IV_BYTES, SALT_BYTES};

/// PBKDF2 rounds for a new lock: the same as a sealed bundle's, OWASP's figure for
/// PBKDF2-HMAC-SHA256, which makes each guess cost the phone a noticeable moment.
pub use crate::sync::bundle::sealed::MIN_ITERATIONS as ITERATIONS;
const KEY_BYTES: usize = 32;

/// What `meta` keeps of the lock, in the clear: nothing in it names a customer or an amount,
/// and without the PIN it opens nothing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LockRecord {
    pub iterations: u32,
    #[serde(with = "serde_bytes")]
    pub salt: Vec<u8>,
    #[serde(with = "serde_bytes")]
    pub iv: Vec<u8>,
    /// The data key, encrypted under the key the PIN derives.
    #[serde(with = "serde_bytes")]
    pub wrapped: Vec<u8>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnlockError {
    /// The PIN does not open the lock (or the record was altered: the two look alike).
    WrongSecret,
    /// The browser failed; its words, for the technical detail line.
    Failed(String),
}

/// The unlocked data key.
#[derive(Clone, Debug)]
pub struct DataKey(CryptoKey);

impl DataKey {
    /// A new random data key and its lock under `secret`.
    pub async fn create(secret: &str) -> Result<(DataKey, LockRecord), String> {
        let mut raw = random_bytes::<KEY_BYTES>()?;
        let made = async {
            let lock = wrap(&raw, secret).await?;
            let key = import(&raw).await?;
            Ok((key, lock))
        }
        .await;
        raw.fill(0);
        made
    }

    /// The data key `lock` guards, if `secret` is the one it was locked with.
    pub async fn unlock(lock: &LockRecord, secret: &str) -> Result<DataKey, UnlockError> {
        let mut raw = unwrap(lock, secret).await?;
        let key = import(&raw).await.map_err(UnlockError::Failed);
        raw.fill(0);
        key
    }

    /// The same data key locked under `new_secret`, once `old_secret` has opened `lock`.
    pub async fn relock(
        lock: &LockRecord,
        old_secret: &str,
        new_secret: &str,
    ) -> Result<LockRecord, UnlockError> {
        let mut raw = unwrap(lock, old_secret).await?;
        let relocked = wrap(&raw, new_secret).await.map_err(UnlockError::Failed);
        raw.fill(0);
        relocked
    }

    /// `plain` encrypted with a fresh IV, the IV first.
    pub async fn seal(&self, plain: &[u8]) -> Result<Vec<u8>, String> {
        let iv = random_bytes::<IV_BYTES>()?;
        let sealed = encrypt(&self.0, &iv, plain).await.map_err(js_message)?;
        let mut out = Vec::with_capacity(IV_BYTES + sealed.len());
        out.extend_from_slice(&iv);
        out.extend(sealed);
        Ok(out)
    }

    /// What `seal` sealed; `Err` when this key did not seal it or a byte changed. The bytes
    /// stay where IndexedDB gave them: only the plain bytes are copied into the app.
    pub async fn open(&self, sealed: &Uint8Array) -> Result<Vec<u8>, String> {
        let length = sealed.length();
        let at = IV_BYTES as u32;
        if length < at {
            return Err("sealed record too short".to_owned());
        }
        let iv = sealed.subarray(0, at).to_vec();
        decrypt_held(&self.0, &iv, &sealed.subarray(at, length))
            .await
            .map_err(js_message)
    }
}

async fn wrap(raw: &[u8], secret: &str) -> Result<LockRecord, String> {
    let salt = random_bytes::<SALT_BYTES>()?;
    let iv = random_bytes::<IV_BYTES>()?;
    let guard = derive_key(secret, &salt, ITERATIONS, &["encrypt"])
        .await
        .map_err(js_message)?;
    let wrapped = encrypt(&guard, &iv, raw).await.map_err(js_message)?;
    Ok(LockRecord {
        iterations: ITERATIONS,
        salt: salt.to_vec(),
        iv: iv.to_vec(),
        wrapped,
    })
}

async fn unwrap(lock: &LockRecord, secret: &str) -> Result<Vec<u8>, UnlockError> {
    let guard = derive_key(secret, &lock.salt, lock.iterations, &["decrypt"])
        .await
        .map_err(|e| UnlockError::Failed(js_message(e)))?;
    let raw = decrypt(&guard, &lock.iv, &lock.wrapped)
        .await
        .map_err(|_| UnlockError::WrongSecret)?;
    if raw.len() == KEY_BYTES {
        Ok(raw)
    } else {
        Err(UnlockError::WrongSecret)
    }
}

/// The raw bytes as an AES-GCM key the page can use but never read back.
async fn import(raw: &[u8]) -> Result<DataKey, String> {
    let usages = Array::of2(&"encrypt".into(), &"decrypt".into());
    let promise = subtle()?
        .import_key_with_str("raw", &Uint8Array::from(raw), "AES-GCM", false, &usages)
        .map_err(js_message)?;
    let key = JsFuture::from(promise).await.map_err(js_message)?;
    Ok(DataKey(key.unchecked_into()))
}
