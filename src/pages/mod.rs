//! One view per route, and [`page_view`], which picks the view of a route.

pub mod activity;
pub mod author_cluster;
pub mod authors;
pub mod cv;
pub mod home;
pub mod load_error;
pub mod news;
pub mod not_found;
pub mod paper;
pub mod papers;
pub mod person;
pub mod talks;
pub mod teaching;

use crate::model::route::{Page, Route};
use leptos::prelude::*;

/// The view of the page at `route`; the 404 page for an address that is no route.
pub fn page_view(route: Option<Route>) -> AnyView {
    let Some(Route { page, param }) = route else {
        return view! { <not_found::NotFoundPage /> }.into_any();
    };
    match page {
        Page::Home => view! { <home::HomePage /> }.into_any(),
        Page::Papers => view! { <papers::PapersPage /> }.into_any(),
        Page::Paper => view! { <paper::PaperPage id=param /> }.into_any(),
        Page::News => view! { <news::NewsPage /> }.into_any(),
        Page::Authors => view! { <authors::AuthorsPage /> }.into_any(),
        Page::Author => view! { <author_cluster::AuthorClusterPage key=param /> }.into_any(),
        Page::Person
        | Page::PersonPapers
        | Page::PersonNews
        | Page::PersonActivity
        | Page::PersonCv
        | Page::PersonTalks
        | Page::PersonTeaching => view! { <person::PersonPages id=param page /> }.into_any(),
    }
}
