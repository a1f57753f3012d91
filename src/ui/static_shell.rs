//! index.html's static shell: the header, the five tabs and the shape of Hoy, painted while
//! the WebAssembly downloads and the portfolio opens. The app replaces it in the same turn
//! that it draws its own first screen, so there is no frame with neither and none with both.

/// The shell's element in index.html.
const ID: &str = "static-shell";

/// Takes the static shell off the page; once gone, nothing happens.
pub fn remove() {
    if let Some(shell) = leptos::prelude::document().get_element_by_id(ID) {
        shell.remove();
    }
}
