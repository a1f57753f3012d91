//! The data key and its lock through the browser's WebCrypto, for real, in headless Chromium.
#![cfg(target_arch = "wasm32")]

use cobranza::store::data_key::{DataKey, UnlockError, ITERATIONS};
use js_sys::Uint8Array;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const RECORD: &[u8] = b"{\"customer\":\"Ferreteria El Tornillo\",\"amount\":\"1250000\"}";

fn holds(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[wasm_bindgen_test]
async fn the_right_pin_opens_what_was_sealed_and_a_wrong_one_opens_nothing() {
    let (key, lock) = DataKey::create("482917").await.expect("a lock");
    assert_eq!(lock.iterations, ITERATIONS);
    assert!(
        lock.iterations >= 600_000,
        "OWASP's floor for PBKDF2-SHA-256"
    );
    let sealed = key.seal(RECORD).await.expect("sealed");
    assert!(!holds(&sealed, b"Tornillo") && !holds(&sealed, b"1250000"));
    assert!(!holds(&lock.wrapped, b"Tornillo"));

    let unlocked = DataKey::unlock(&lock, "482917")
        .await
        .expect("the right PIN");
    assert_eq!(
        unlocked
            .open(&Uint8Array::from(&sealed[..]))
            .await
            .expect("opens"),
        RECORD
    );
    assert!(matches!(
        DataKey::unlock(&lock, "482918").await,
        Err(UnlockError::WrongSecret)
    ));

    let mut altered = sealed.clone();
    let last = altered.len() - 1;
    altered[last] ^= 1;
    assert!(
        unlocked
            .open(&Uint8Array::from(&altered[..]))
            .await
            .is_err(),
        "a changed byte opens nothing"
    );
    let (other, _) = DataKey::create("ruta del norte")
        .await
        .expect("another lock");
    assert!(
        other.open(&Uint8Array::from(&sealed[..])).await.is_err(),
        "another device's key opens nothing"
    );
}

#[wasm_bindgen_test]
async fn a_new_pin_keeps_the_data_and_the_old_pin_stops_working() {
    let (key, lock) = DataKey::create("482917").await.expect("a lock");
    let sealed = key.seal(RECORD).await.expect("sealed");
    assert!(matches!(
        DataKey::relock(&lock, "000001", "ruta del norte").await,
        Err(UnlockError::WrongSecret)
    ));
    let relocked = DataKey::relock(&lock, "482917", "ruta del norte")
        .await
        .expect("the old PIN opens it");
    assert_ne!(relocked.salt, lock.salt, "a fresh salt");
    assert!(matches!(
        DataKey::unlock(&relocked, "482917").await,
        Err(UnlockError::WrongSecret)
    ));
    let unlocked = DataKey::unlock(&relocked, "ruta del norte")
        .await
        .expect("the new passphrase");
    assert_eq!(
        unlocked
            .open(&Uint8Array::from(&sealed[..]))
            .await
            .expect("opens"),
        RECORD
    );
}
