//! Copying text to the system clipboard, for the copy buttons.

/// Writes `text` to the clipboard; whether the browser allowed it.
pub async fn copy_text(text: &str) -> bool {
    let promise = leptos::prelude::window()
        .navigator()
        .clipboard()
        .write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
