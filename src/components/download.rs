//! Offering text made in the page as a file download, for the export buttons.

use leptos::prelude::document;
use wasm_bindgen::JsCast;

/// Offers `contents` as a file download named `name`, of type `mime`.
pub fn save_file(name: &str, contents: &str, mime: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    // The router ignores links with a download attribute, so this click reaches the browser.
    link.click();
    web_sys::Url::revoke_object_url(&url)
}
