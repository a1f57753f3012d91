//! This device's signing key pair, made once per device id by WebCrypto (ECDSA P-256) and
//! kept in IndexedDB beside the log. The browser keeps the private key as an object the page
//! can sign with but never read (not extractable): it cannot be copied out, not even by the
//! app. The public key is published as an operation (`sync::device_key`).

use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{CryptoKey, CryptoKeyPair, EcKeyGenParams};

use crate::store::error::js_message;
use crate::sync::device_key::PublicKey;
use crate::sync::hlc::DeviceId;
use crate::sync::op::{Event, Op};
use crate::sync::signed_run::{message, signed};

#[derive(Clone, Debug)]
pub struct SigningKey {
    /// The device id the key belongs to: a device that takes a new id makes a new key.
    pub device: DeviceId,
    pub private: CryptoKey,
    pub public: PublicKey,
}

impl SigningKey {
    /// A new key pair for `device`.
    pub async fn generate(device: &DeviceId) -> Result<SigningKey, String> {
        let subtle = subtle()?;
        let algorithm = EcKeyGenParams::new("ECDSA", "P-256");
        let usages = Array::of2(&"sign".into(), &"verify".into());
        let pair: CryptoKeyPair = JsFuture::from(
            subtle
                .generate_key_with_object(&algorithm, false, &usages)
                .map_err(js_message)?,
        )
        .await
        .map_err(js_message)?
        .unchecked_into();
        // WebCrypto always lets the public half out, whatever `extractable` says.
        let raw = JsFuture::from(
            subtle
                .export_key("raw", &pair.get_public_key())
                .map_err(js_message)?,
        )
        .await
        .map_err(js_message)?;
        Ok(SigningKey {
            device: device.clone(),
            private: pair.get_private_key(),
            public: PublicKey::from_raw(&Uint8Array::new(&raw).to_vec()),
        })
    }

    /// An ECDSA P-256 signature over SHA-256 of `message`: r, then s.
    pub async fn sign(&self, message: &[u8]) -> Result<Vec<u8>, String> {
        let signature = JsFuture::from(
            subtle()?
                .sign_with_object_and_u8_array(&ecdsa(), &self.private, message)
                .map_err(js_message)?,
        )
        .await
        .map_err(js_message)?;
        Ok(Uint8Array::new(&signature).to_vec())
    }

    /// Signs the signature operations among `ops` that are not signed yet.
    pub async fn sign_runs(&self, ops: &mut [Op]) -> Result<(), String> {
        for op in ops.iter_mut() {
            let Some(message) = unsigned_message(op) else {
                continue;
            };
            let signature = self.sign(&message).await?;
            *op = signed(op.clone(), &signature);
        }
        Ok(())
    }

    /// As IndexedDB keeps it: the key object itself, by the structured clone.
    pub fn to_js(&self) -> Result<JsValue, String> {
        let record = Object::new();
        for (field, value) in [
            ("device", JsValue::from_str(&self.device.0)),
            ("private", self.private.clone().into()),
            ("public", JsValue::from_str(&self.public.0)),
        ] {
            Reflect::set(&record, &field.into(), &value).map_err(js_message)?;
        }
        Ok(record.into())
    }

    pub fn from_js(record: &JsValue) -> Option<SigningKey> {
        let field = |name: &str| Reflect::get(record, &name.into()).ok();
        Some(SigningKey {
            device: DeviceId(field("device")?.as_string()?),
            private: field("private")?.dyn_into().ok()?,
            public: PublicKey(field("public")?.as_string()?),
        })
    }
}

pub(super) fn subtle() -> Result<web_sys::SubtleCrypto, String> {
    Ok(web_sys::window()
        .ok_or("no window")?
        .crypto()
        .map_err(js_message)?
        .subtle())
}

/// ECDSA with SHA-256, the one way this app signs.
pub(super) fn ecdsa() -> Object {
    let algorithm = Object::new();
    // Setting a field of a fresh plain object cannot fail.
    let _ = Reflect::set(&algorithm, &"name".into(), &"ECDSA".into());
    let _ = Reflect::set(&algorithm, &"hash".into(), &"SHA-256".into());
    algorithm
}

/// What to sign for `op`, if it is a signature operation not signed yet.
fn unsigned_message(op: &Op) -> Option<Vec<u8>> {
    match &op.event {
        Event::OperationsSigned { run } if run.signature.is_empty() => message(op),
        _ => None,
    }
}
