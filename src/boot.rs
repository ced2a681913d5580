//! Fatal errors of the running app.
//!
//! `index.html` reports a module that fails to download or start. Once the app runs, a panic
//! aborts the module and nothing on the page would respond: the page says so instead of freezing
//! silently.

use leptos::prelude::document;

/// Logs panics to the console with their message and location, and tells the reader the page
/// stopped working.
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
