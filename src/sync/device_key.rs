//! A device's public key: ECDSA P-256, as WebCrypto exports it raw (65 bytes, an
//! uncompressed point), written in base64. Each device publishes its own in an operation, so
//! that every other device learns it the way it learns anything else; the private key never
//! leaves the browser that made it.

use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The length of a raw P-256 public key: a 0x04 byte, then the point's two coordinates.
pub const RAW_BYTES: usize = 65;

/// Bytes of the key's SHA-256 a fingerprint shows: enough for two people to compare aloud.
const FINGERPRINT_BYTES: usize = 8;

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PublicKey(pub String);

impl PublicKey {
    pub fn from_raw(raw: &[u8]) -> PublicKey {
        PublicKey(STANDARD.encode(raw))
    }

    /// The key's raw bytes, if it is a P-256 public key as WebCrypto exports it.
    pub fn raw(&self) -> Option<Vec<u8>> {
        STANDARD
            .decode(&self.0)
            .ok()
            .filter(|raw| raw.len() == RAW_BYTES && raw[0] == 0x04)
    }

    /// «3F9A 1C2B 4D5E 6F70»: the start of the key's SHA-256, which the office can read to a
    /// collector over the phone to know the key it holds is theirs.
    pub fn fingerprint(&self) -> String {
        let digest = Sha256::digest(self.0.as_bytes());
        digest[..FINGERPRINT_BYTES]
            .chunks(2)
            .map(|pair| pair.iter().map(|b| format!("{b:02X}")).collect::<String>())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_an_uncompressed_p256_point_is_a_key() {
        let mut raw = [7u8; RAW_BYTES];
        raw[0] = 0x04;
        let key = PublicKey::from_raw(&raw);
        assert_eq!(key.raw(), Some(raw.to_vec()));
        assert_eq!(key.fingerprint().len(), 19, "four groups of four");
        assert_eq!(PublicKey::from_raw(&raw[..64]).raw(), None);
        raw[0] = 0x02;
        assert_eq!(PublicKey::from_raw(&raw).raw(), None);
        assert_eq!(PublicKey("not base64!".into()).raw(), None);
    }
}
