//! Start-up around the app: the static loading notice in `index.html` and fatal errors.
//!
//! `index.html` shows a loading notice before the wasm module arrives, and a script there reports a
//! module that fails to start. Once the app runs it takes over; if it ever panics, the page says so
//! instead of freezing silently.

use leptos::prelude::document;

/// The id of the static loading notice in `index.html`.
const BOOT_NOTICE_ID: &str = "boot";

/// Removes the static loading notice; the app shows its own loading state from here on.
pub fn remove_boot_notice() {
    if let Some(notice) = document().get_element_by_id(BOOT_NOTICE_ID) {
        notice.remove();
    }
}

/// Logs panics to the console with their message and location, and tells the reader the page
/// stopped working (a panic aborts the wasm module, so nothing on the page would respond).
pub fn install_panic_notice() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        let document = document();
        if let (Some(body), Ok(notice)) = (document.body(), document.create_element("p")) {
            notice.set_class_name("fatal-error");
            notice.set_attribute("role", "alert").ok();
            notice.set_text_content(Some(
                "Something went wrong and this page stopped working. Reload the page to try again.",
            ));
            body.prepend_with_node_1(&notice).ok();
        }
    }));
}
