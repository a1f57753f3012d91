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
        let subtle = web_sys::window()
            .ok_or("no window")?
            .crypto()
            .map_err(js_message)?
            .subtle();
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
