//! The browser's WebCrypto as this app uses it: random bytes, and an AES-256-GCM key derived
//! from a passphrase or PIN with PBKDF2-SHA-256. Bundles and the data key at rest share them.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AesDerivedKeyParams, AesGcmParams, CryptoKey, Pbkdf2Params, SubtleCrypto};

use crate::store::error::js_message;

/// An AES-GCM key derived from `secret` and `salt`, for `usages` ("encrypt", "decrypt").
pub async fn derive_key(
    secret: &str,
    salt: &[u8],
    iterations: u32,
    usages: &[&str],
) -> Result<CryptoKey, JsValue> {
    let subtle = subtle().map_err(JsValue::from)?;
    let raw = Uint8Array::from(secret.as_bytes());
    let base = JsFuture::from(subtle.import_key_with_str(
        "raw",
        &raw,
        "PBKDF2",
        false,
        &Array::of1(&"deriveKey".into()),
    )?)
    .await?;
    let params =
        Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", iterations, &Uint8Array::from(salt));
    let key = JsFuture::from(
        subtle.derive_key_with_object_and_object(
            &params,
            &base.unchecked_into(),
            &AesDerivedKeyParams::new("AES-GCM", 256),
            false,
            &usages
                .iter()
                .map(|u| JsValue::from_str(u))
                .collect::<Array>(),
        )?,
    )
    .await?;
    Ok(key.unchecked_into())
}

/// `plain` encrypted under `key` with `iv`.
pub async fn encrypt(key: &CryptoKey, iv: &[u8], plain: &[u8]) -> Result<Vec<u8>, JsValue> {
    let promise = subtle()
        .map_err(JsValue::from)?
        .encrypt_with_object_and_u8_array(&aes_gcm(iv), key, plain)?;
    bytes_of(promise).await
}

/// `sealed` decrypted under `key` with `iv`; `Err` when the key is wrong or a byte changed
/// (GCM cannot tell them apart).
pub async fn decrypt(key: &CryptoKey, iv: &[u8], sealed: &[u8]) -> Result<Vec<u8>, JsValue> {
    let promise = subtle()
        .map_err(JsValue::from)?
        .decrypt_with_object_and_u8_array(&aes_gcm(iv), key, sealed)?;
    bytes_of(promise).await
}

/// `decrypt` of bytes still in the browser's memory (as IndexedDB gave them), which then
/// never take room in the app's own memory: the plain bytes are the only copy made.
pub async fn decrypt_held(
    key: &CryptoKey,
    iv: &[u8],
    sealed: &Uint8Array,
) -> Result<Vec<u8>, JsValue> {
    let promise = subtle()
        .map_err(JsValue::from)?
        .decrypt_with_object_and_buffer_source(&aes_gcm(iv), key, sealed)?;
    bytes_of(promise).await
}

fn aes_gcm(iv: &[u8]) -> AesGcmParams {
    AesGcmParams::new("AES-GCM", &Uint8Array::from(iv))
}

/// The bytes a WebCrypto promise gives.
async fn bytes_of(promise: js_sys::Promise) -> Result<Vec<u8>, JsValue> {
    Ok(Uint8Array::new(&JsFuture::from(promise).await?).to_vec())
}

pub fn subtle() -> Result<SubtleCrypto, String> {
    let window = web_sys::window().ok_or("no window")?;
    Ok(window.crypto().map_err(js_message)?.subtle())
}

pub fn random_bytes<const N: usize>() -> Result<[u8; N], String> {
    let mut bytes = [0u8; N];
    web_sys::window()
        .ok_or("no window")?
        .crypto()
        .map_err(js_message)?
        .get_random_values_with_u8_array(&mut bytes)
        .map_err(js_message)?;
    Ok(bytes)
}
