//! Checking other devices' signatures (`sync::signed_run`) with WebCrypto: each key is
//! imported once, and every signature is asked for at once, so the browser spreads the work
//! over its threads.

use std::collections::BTreeMap;

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::CryptoKey;

use super::error::js_message;
use super::signing_key::{ecdsa, subtle};
use crate::sync::device_key::PublicKey;
use crate::sync::op::OpId;
use crate::sync::signed_run::SignatureCheck;

/// The first of `checks` whose signature is not its key's, if one is not.
pub async fn first_forged(checks: &[SignatureCheck]) -> Result<Option<OpId>, String> {
    if checks.is_empty() {
        return Ok(None);
    }
    let subtle = subtle()?;
    let mut keys: BTreeMap<&PublicKey, Option<CryptoKey>> = BTreeMap::new();
    for check in checks {
        if keys.contains_key(&check.key) {
            continue;
        }
        keys.insert(&check.key, import(&subtle, &check.key).await?);
    }
    let asked = Array::new();
    for check in checks {
        let verdict = match &keys[&check.key] {
            Some(key) => subtle
                .verify_with_object_and_u8_array_and_u8_array(
                    &ecdsa(),
                    key,
                    &check.signature,
                    &check.message,
                )
                .map_err(js_message)?,
            None => Promise::resolve(&JsValue::FALSE),
        };
        asked.push(&verdict);
    }
    let verdicts: Array = JsFuture::from(Promise::all(&asked))
        .await
        .map_err(js_message)?
        .unchecked_into();
    Ok(checks
        .iter()
        .zip(verdicts.iter())
        .find(|(_, verdict)| verdict.as_bool() != Some(true))
        .map(|(check, _)| check.id.clone()))
}

/// The key as WebCrypto checks with it; `None` if it is not a P-256 point.
async fn import(
    subtle: &web_sys::SubtleCrypto,
    key: &PublicKey,
) -> Result<Option<CryptoKey>, String> {
    let Some(raw) = key.raw() else {
        return Ok(None);
    };
    let algorithm = web_sys::EcKeyImportParams::new("ECDSA");
    algorithm.set_named_curve("P-256");
    let usages = Array::of1(&"verify".into());
    let imported = subtle
        .import_key_with_object(
            "raw",
            &Uint8Array::from(raw.as_slice()),
            &algorithm,
            true,
            &usages,
        )
        .map_err(js_message)?;
    match JsFuture::from(imported).await {
        Ok(key) => Ok(Some(key.unchecked_into())),
        // A point off the curve: no signature can be its.
        Err(_) => Ok(None),
    }
}
