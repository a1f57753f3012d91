use std::fmt;

/// Why the browser's storage refused a request; the UI words it for people.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// IndexedDB is missing or blocked (some private browsing modes).
    Unavailable(String),
    /// The device is out of space for this site.
    QuotaExceeded,
    /// Anything else the browser reported, kept for the technical details line.
    Failed(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable(detail) => write!(f, "IndexedDB unavailable: {detail}"),
            StoreError::QuotaExceeded => f.write_str("storage quota exceeded"),
            StoreError::Failed(detail) => write!(f, "IndexedDB error: {detail}"),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<indexed_db_futures::error::Error> for StoreError {
    fn from(error: indexed_db_futures::error::Error) -> Self {
        let detail = error.to_string();
        if detail.contains("QuotaExceeded") {
            StoreError::QuotaExceeded
        } else {
            StoreError::Failed(detail)
        }
    }
}

impl From<indexed_db_futures::error::OpenDbError> for StoreError {
    fn from(error: indexed_db_futures::error::OpenDbError) -> Self {
        StoreError::Unavailable(error.to_string())
    }
}

/// The words of an error the browser raised, for the technical detail line.
pub fn js_message(error: wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| format!("{error:?}"))
}
