//! Cobranza: an offline-first collections app. Layers point down only:
//! `ui` → `store` → `sync` → `domain`.

pub mod domain;
pub mod sync;

#[cfg(target_arch = "wasm32")]
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod ui;
