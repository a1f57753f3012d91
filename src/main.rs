#[cfg(target_arch = "wasm32")]
fn main() {
    cobranza::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Cobranza runs in the browser: `cargo xtask serve` builds and serves it.");
}
