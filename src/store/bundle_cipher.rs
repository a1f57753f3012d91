//! Sealing and opening bundles with a passphrase through the browser's WebCrypto:
//! PBKDF2-SHA-256 with a fresh random salt derives an AES-256-GCM key; each file gets a fresh
//! random IV. GCM's tag makes a wrong passphrase and a tampered file fail alike, and nothing
//! of the plain bundle is ever written when sealing fails.

use super::web_crypto::{decrypt, derive_key, encrypt, random_bytes};
use crate::store::error::js_message;
use crate::sync::bundle::problem::BundleProblem;
use crate::sync::bundle::sealed::{SealedBundle, IV_BYTES, MIN_ITERATIONS, SALT_BYTES};

/// Encrypts a plain bundle's text; `Err` says why the browser could not.
pub async fn seal(plain: &str, passphrase: &str) -> Result<SealedBundle, String> {
    let salt = random_bytes::<SALT_BYTES>()?;
    let iv = random_bytes::<IV_BYTES>()?;
    let key = derive_key(passphrase, &salt, MIN_ITERATIONS, &["encrypt"])
        .await
        .map_err(js_message)?;
    let ciphertext = encrypt(&key, &iv, plain.as_bytes())
        .await
        .map_err(js_message)?;
    Ok(SealedBundle {
        iterations: MIN_ITERATIONS,
        salt: salt.to_vec(),
        iv: iv.to_vec(),
        ciphertext,
    })
}

/// The plain bundle's bytes, or `WrongPassphrase` when the key does not open it (a wrong
/// passphrase or a changed byte: GCM cannot tell them apart, and neither should we).
pub async fn open(sealed: &SealedBundle, passphrase: &str) -> Result<Vec<u8>, BundleProblem> {
    let key = derive_key(passphrase, &sealed.salt, sealed.iterations, &["decrypt"])
        .await
        .map_err(|_| BundleProblem::BadEnvelope)?;
    decrypt(&key, &sealed.iv, &sealed.ciphertext)
        .await
        .map_err(|_| BundleProblem::WrongPassphrase)
}
