//! Browser entry point: installs the panic notice, then loads the data and takes over the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    vita::boot::install_panic_notice();
    wasm_bindgen_futures::spawn_local(vita::app::start());
}

/// The app runs in the browser: natively there is only a pointer to the commands that do run.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "vita is the browser app: build the site with `trunk build --release`, render its pages again with `cargo run --release --bin vita-render -- dist`, check data with `vita-check`"
    );
}
