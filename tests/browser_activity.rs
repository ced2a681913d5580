//! The activity page's paging, through the real router: in its own test binary because its
//! router stays active and would intercept other tests' clicks.
#![cfg(target_arch = "wasm32")]

mod browser;

use browser::{all, container, demo_site, one, text, wait_until};
use leptos::prelude::*;
use leptos_router::components::Router;
use vita::app::Shell;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

const ITEMS: &str = "#posts-heading + .activity-list > article";

#[wasm_bindgen_test]
async fn load_more_adds_a_page_at_a_time_and_disappears_at_the_end() {
    window()
        .history()
        .expect("a history")
        .push_state_with_url(&JsValue::NULL, "", Some("/people/mark-xu/activity/"))
        .expect("the URL can change");
    let site = demo_site();
    let root = container();
    leptos::mount::mount_to(
        root.clone(),
        move || view! { <Router><Shell site /></Router> },
    )
    .forget();
    assert!(
        wait_until(|| all(&root, ITEMS).len() == 10).await,
        "the first page: {}",
        text(&root)
    );

    let more = one(&root, ".load-more");
    assert_eq!(text(&more), "Load more (5 remaining)");
    more.click();
    let moved =
        wait_until(|| window().location().search().ok().as_deref() == Some("?shown=15")).await;
    assert!(
        moved,
        "the URL records the count: {:?}",
        window().location().href()
    );
    assert!(
        wait_until(|| all(&root, ITEMS).len() == 15).await,
        "the second page at {:?}: {}",
        window().location().href(),
        text(&root)
    );
    assert!(
        all(&root, ".load-more").is_empty(),
        "no button once everything is shown"
    );
    assert_eq!(text(&one(&root, ".list-status")), "Showing 15 of 15");
    assert_eq!(
        window().location().search().ok().as_deref(),
        Some("?shown=15")
    );
}
