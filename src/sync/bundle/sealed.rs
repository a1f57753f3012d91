//! An encrypted bundle: the plain bundle's bytes under AES-256-GCM, with the key derived from
//! a passphrase by PBKDF2-SHA-256. This is only the envelope; the cryptography itself runs in
//! the browser's WebCrypto.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::{Deserialize, Serialize};

use super::problem::BundleProblem;

pub const SEALED_FORMAT: &str = "cobranza-bundle-sealed";
pub const SEALED_VERSION: u64 = 1;
/// OWASP's 2023 figure for PBKDF2-HMAC-SHA256.
pub const MIN_ITERATIONS: u32 = 600_000;
/// A file asking for more would keep a phone busy for minutes before failing.
pub const MAX_ITERATIONS: u32 = 10_000_000;
pub const SALT_BYTES: usize = 16;
/// GCM's standard nonce size.
pub const IV_BYTES: usize = 12;
/// Shorter passphrases fall to guessing even behind 600,000 rounds of PBKDF2: the app lock's
/// rule too.
pub use crate::domain::app_lock::MIN_PASSPHRASE_CHARS;

/// Why a passphrase chosen to seal a bundle is not taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PassphraseProblem {
    TooShort,
    /// The two typings differ.
    Differ,
}

/// Checks a passphrase typed twice; an empty one leaves the bundle unsealed.
pub fn check_passphrase(secret: &str, again: &str) -> Result<(), PassphraseProblem> {
    if !secret.is_empty() && secret.chars().count() < MIN_PASSPHRASE_CHARS {
        Err(PassphraseProblem::TooShort)
    } else if secret != again {
        Err(PassphraseProblem::Differ)
    } else {
        Ok(())
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SealedBundle {
    pub iterations: u32,
    pub salt: Vec<u8>,
    pub iv: Vec<u8>,
    /// The ciphertext followed by GCM's 16-byte tag, as WebCrypto produces it.
    pub ciphertext: Vec<u8>,
}

#[derive(Serialize, Deserialize)]
struct Kdf {
    name: String,
    hash: String,
    iterations: u32,
    salt: String,
}

#[derive(Serialize, Deserialize)]
struct Cipher {
    name: String,
    length: u32,
    iv: String,
}

#[derive(Serialize, Deserialize)]
struct Envelope {
    format: String,
    version: u64,
    kdf: Kdf,
    cipher: Cipher,
    ciphertext: String,
}

impl SealedBundle {
    pub fn to_json(&self) -> String {
        let envelope = Envelope {
            format: SEALED_FORMAT.into(),
            version: SEALED_VERSION,
            kdf: Kdf {
                name: "PBKDF2".into(),
                hash: "SHA-256".into(),
                iterations: self.iterations,
                salt: STANDARD.encode(&self.salt),
            },
            cipher: Cipher {
                name: "AES-GCM".into(),
                length: 256,
                iv: STANDARD.encode(&self.iv),
            },
            ciphertext: STANDARD.encode(&self.ciphertext),
        };
        serde_json::to_string(&envelope).unwrap_or_default()
    }

    pub(super) fn read(bytes: &[u8]) -> Result<SealedBundle, BundleProblem> {
        let envelope: Envelope =
            serde_json::from_slice(bytes).map_err(|_| BundleProblem::BadEnvelope)?;
        if envelope.version > SEALED_VERSION {
            return Err(BundleProblem::TooNew {
                version: envelope.version,
            });
        }
        let decode = |text: &str| {
            STANDARD
                .decode(text)
                .map_err(|_| BundleProblem::BadEnvelope)
        };
        let sealed = SealedBundle {
            iterations: envelope.kdf.iterations,
            salt: decode(&envelope.kdf.salt)?,
            iv: decode(&envelope.cipher.iv)?,
            ciphertext: decode(&envelope.ciphertext)?,
        };
        let understood = envelope.version == SEALED_VERSION
            && envelope.kdf.name == "PBKDF2"
            && envelope.kdf.hash == "SHA-256"
            && envelope.cipher.name == "AES-GCM"
            && envelope.cipher.length == 256
            && (MIN_ITERATIONS..=MAX_ITERATIONS).contains(&sealed.iterations)
            && sealed.salt.len() == SALT_BYTES
            && sealed.iv.len() == IV_BYTES
            // The tag alone is 16 bytes.
            && sealed.ciphertext.len() > 16;
        if understood {
            Ok(sealed)
        } else {
            Err(BundleProblem::BadEnvelope)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::bundle::read::{read, Incoming};

    fn sealed() -> SealedBundle {
        SealedBundle {
            iterations: MIN_ITERATIONS,
            salt: vec![7; SALT_BYTES],
            iv: vec![9; IV_BYTES],
            ciphertext: vec![1; 40],
        }
    }

    #[test]
    fn a_passphrase_is_long_enough_and_typed_the_same_twice_or_empty() {
        assert_eq!(check_passphrase("", ""), Ok(()));
        assert_eq!(check_passphrase("ñandú-42", "ñandú-42"), Ok(()));
        assert_eq!(
            check_passphrase("corta12", "corta12"),
            Err(PassphraseProblem::TooShort)
        );
        assert_eq!(
            check_passphrase("larga-1234", "larga-1243"),
            Err(PassphraseProblem::Differ)
        );
        assert_eq!(check_passphrase("", "x"), Err(PassphraseProblem::Differ));
    }

    #[test]
    fn an_envelope_reads_back_as_written() {
        let json = sealed().to_json();
        assert_eq!(read(json.as_bytes()), Ok(Incoming::Sealed(sealed())));
    }

    #[test]
    fn weak_or_damaged_envelopes_are_refused() {
        let weak = SealedBundle {
            iterations: 1000,
            ..sealed()
        };
        assert_eq!(
            read(weak.to_json().as_bytes()),
            Err(BundleProblem::BadEnvelope)
        );
        let damaged = sealed().to_json().replace("\"iv\":\"", "\"iv\":\"%");
        assert_eq!(read(damaged.as_bytes()), Err(BundleProblem::BadEnvelope));
    }
}
