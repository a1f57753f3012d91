//! Sealing and opening bundles with a passphrase through the browser's WebCrypto:
//! PBKDF2-SHA-256 with a fresh random salt derives an AES-256-GCM key; each file gets a fresh
//! random IV. GCM's tag makes a wrong passphrase and a tampered file fail alike, and nothing
//! of the plain bundle is ever written when sealing fails.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

use crate::store::error::js_message;
use crate::sync::bundle::problem::BundleProblem;
use crate::sync::bundle::sealed::{SealedBundle, IV_BYTES, MIN_ITERATIONS, SALT_BYTES};

/// Encrypts a plain bundle's text; `Err` says why the browser could not.
pub async fn seal(plain: &str, passphrase: &str) -> Result<SealedBundle, String> {
    let salt = random_bytes::<SALT_BYTES>()?;
    let iv = random_bytes::<IV_BYTES>()?;
    let key = derive_key(passphrase, &salt, MIN_ITERATIONS, "encrypt")
        .await
        .map_err(js_message)?;
    let algorithm = AesGcmParams::new("AES-GCM", &Uint8Array::from(&iv[..]));
    let promise = subtle()?
        .encrypt_with_object_and_u8_array(&algorithm, &key, plain.as_bytes())
        .map_err(js_message)?;
    let ciphertext = JsFuture::from(promise).await.map_err(js_message)?;
    Ok(SealedBundle {
        iterations: MIN_ITERATIONS,
        salt: salt.to_vec(),
        iv: iv.to_vec(),
        ciphertext: Uint8Array::new(&ciphertext).to_vec(),
    })
}

/// The plain bundle's bytes, or `WrongPassphrase` when the key does not open it (a wrong
/// passphrase or a changed byte: GCM cannot tell them apart, and neither should we).
pub async fn open(sealed: &SealedBundle, passphrase: &str) -> Result<Vec<u8>, BundleProblem> {
    let key = derive_key(passphrase, &sealed.salt, sealed.iterations, "decrypt")
        .await
        .map_err(|_| BundleProblem::BadEnvelope)?;
    let algorithm = AesGcmParams::new("AES-GCM", &Uint8Array::from(&sealed.iv[..]));
    let promise = subtle()
        .map_err(|_| BundleProblem::BadEnvelope)?
        .decrypt_with_object_and_u8_array(&algorithm, &key, &sealed.ciphertext)
        .map_err(|_| BundleProblem::BadEnvelope)?;
    let plain = JsFuture::from(promise)
        .await
        .map_err(|_| BundleProblem::WrongPassphrase)?;
    Ok(Uint8Array::new(&plain).to_vec())
}

async fn derive_key(
    passphrase: &str,
    salt: &[u8],
    iterations: u32,
    usage: &str,
) -> Result<CryptoKey, JsValue> {
    let subtle = subtle().map_err(JsValue::from)?;
    let secret = Uint8Array::from(passphrase.as_bytes());
    let base = JsFuture::from(subtle.import_key_with_str(
        "raw",
        &secret,
        "PBKDF2",
        false,
        &Array::of1(&"deriveKey".into()),
    )?)
    .await?;
    let params =
        Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", iterations, &Uint8Array::from(salt));
    let key = JsFuture::from(subtle.derive_key_with_object_and_object(
        &params,
        &base.unchecked_into(),
        &AesDerivedKeyParams::new("AES-GCM", 256),
        false,
        &Array::of1(&usage.into()),
    )?)
    .await?;
    Ok(key.unchecked_into())
}

fn subtle() -> Result<SubtleCrypto, String> {
    let window = web_sys::window().ok_or("no window")?;
    Ok(window.crypto().map_err(js_message)?.subtle())
}

fn random_bytes<const N: usize>() -> Result<[u8; N], String> {
    let mut bytes = [0u8; N];
    web_sys::window()
        .ok_or("no window")?
        .crypto()
        .map_err(js_message)?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(js_message)?;
    Ok(bytes)
}
