//! What is shown when the site's data cannot be loaded.

use crate::data::LoadError;
use leptos::prelude::*;

/// Names the data file, where it is wrong and why, so the site owner can fix it. Above a
/// prerendered page it is a notice (the page stays readable as it was built); alone, the page.
#[component]
pub fn LoadErrorPage(
    /// What went wrong while loading.
    error: LoadError,
    /// Shown above the page as it was built, rather than as the page.
    #[prop(optional)]
    above_page: bool,
) -> impl IntoView {
    let lines = error_lines(&error);
    let hint = view! {
        <p>
            "If you maintain this site, run "
            <code>"cargo run --release --bin vita-check -- public/data/site.json"</code>
            " to see every problem at once."
        </p>
    };
    if above_page {
        view! {
            <section class="load-error load-error-notice" aria-labelledby="load-error-heading">
                <h2 id="load-error-heading">"The site data could not be loaded"</h2>
                <p>"This page is shown as it was when the site was built. Its data file has a problem, so it cannot be updated until that is fixed:"</p>
                <ul class="error-detail" role="alert">{lines}</ul>
                {hint}
            </section>
        }
        .into_any()
    } else {
        view! {
            <main id="main" class="load-error">
                <h1>"The site data could not be loaded"</h1>
                <p>"The site is online, but its data file has a problem. Nothing is shown until it is fixed:"</p>
                <ul class="error-detail" role="alert">{lines}</ul>
                {hint}
            </main>
        }
        .into_any()
    }
}

/// Shown in place of a page whose files could not be read from a sharded site: which file and
/// why. The rest of the site keeps working.
#[component]
pub fn PageDataError(
    /// What went wrong while reading the page's files.
    error: LoadError,
) -> impl IntoView {
    let lines = error_lines(&error);
    view! {
        <section class="load-error" aria-labelledby="page-error-heading">
            <h1 id="page-error-heading">"This page could not be loaded"</h1>
            <p>"A file this page needs could not be read:"</p>
            <ul class="error-detail" role="alert">{lines}</ul>
            <p>"Reloading the page may help. If you maintain this site, build it again and publish the whole output folder: the files under data/index/ are written together."</p>
        </section>
    }
}

/// One list item per line of `error`: every problem, each naming its file.
fn error_lines(error: &LoadError) -> impl IntoView + use<> {
    error
        .lines()
        .into_iter()
        .map(|line| view! { <li>{line}</li> })
        .collect_view()
}
