//! dist/ served as a static host should serve it: each file's brotli or gzip copy when the
//! browser accepts one (with `Content-Encoding` and `Vary: Accept-Encoding`, so caches keep
//! the encodings apart), and index.html for any other path, where the app's router takes over.
//! `cargo xtask serve` and the end-to-end tests serve the build through this same function.

use std::path::Path;

use axum::http::header::{HeaderValue, VARY};
use tower_http::services::{ServeDir, ServeFile};
use tower_http::set_header::SetResponseHeaderLayer;

pub fn site(dist: &Path) -> axum::Router {
    let index = ServeFile::new(dist.join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    let files = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index);
    axum::Router::new()
        .fallback_service(files)
        .layer(SetResponseHeaderLayer::if_not_present(
            VARY,
            HeaderValue::from_static("accept-encoding"),
        ))
}
