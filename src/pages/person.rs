//! `/people/:id` and its sub-pages' frame: the person's tabs, and the about page.

use crate::app::use_site;
use crate::components::email::EmailReveal;
use crate::components::html_block::HtmlBlock;
use crate::components::page_meta::set_page_meta;
use crate::model::schema::Person;
use crate::pages::not_found::NotFoundPage;
use crate::paths;
use crate::render::pages::{about_header, about_links, about_lists, first_sentence};
use leptos::prelude::*;
use leptos_router::components::{A, Outlet};
use leptos_router::hooks::use_params_map;

/// The person named by the route's `:id`, if there is one.
pub fn use_route_person() -> Memo<Option<Person>> {
    let site = use_site();
    let params = use_params_map();
    Memo::new(move |_| {
        let id = params.read().get("id").unwrap_or_default();
        site.person(&id).cloned()
    })
}

/// The frame of a person's pages: their tabs above the page, or the 404 page for an unknown id.
#[component]
pub fn PersonLayout() -> impl IntoView {
    let person = use_route_person();
    move || match person.get() {
        Some(person) => view! {
            <PersonTabs person />
            <Outlet />
        }
        .into_any(),
        None => view! { <NotFoundPage /> }.into_any(),
    }
}

/// Links to a person's about, papers, news and activity pages, with counts.
#[component]
pub fn PersonTabs(
    /// Whose pages.
    person: Person,
) -> impl IntoView {
    let site = use_site();
    let counts = site.counts(&person);
    let about = paths::about(&person.id, site.owner().map(|owner| owner.id.as_str()));
    let tab = |href: String, label: &'static str, count: usize| {
        view! {
            <A href=href>
                {label}
                {(count > 0).then(|| view! { " " <span class="tab-count">{count}</span> })}
            </A>
        }
    };
    view! {
        <nav class="person-tabs" aria-label=format!("{} pages", person.name)>
            <A href=about exact=true>
                "About"
            </A>
            {tab(paths::person_papers(&person.id), "Papers", counts.papers)}
            {tab(paths::person_news(&person.id), "News", counts.news)}
            {tab(paths::person_activity(&person.id), "Activity", counts.activity)}
        </nav>
    }
}

/// `/people/:id`: the about page of the person in the route.
#[component]
pub fn PersonAboutPage() -> impl IntoView {
    let person = use_route_person();
    move || person.get().map(|person| view! { <PersonAbout person /> })
}

/// A person's about page: name, affiliation, photo, bio, highlights, contact, links, selected
/// papers and latest news.
#[component]
pub fn PersonAbout(
    /// Whose page.
    person: Person,
) -> impl IntoView {
    let site = use_site();
    let is_owner = site.owner().is_some_and(|owner| owner.id == person.id);
    let description =
        first_sentence(&person.bio).unwrap_or_else(|| format!("About {}.", person.name));
    set_page_meta(
        site.title(),
        (!is_owner).then_some(person.name.as_str()),
        &description,
    );
    let contact = (person.email.is_some() || !person.links.is_empty()).then(|| {
        view! {
            <section class="contact" aria-labelledby="contact-heading">
                <h2 id="contact-heading">"Contact and links"</h2>
                {person.email.clone().map(|email| view! { <EmailReveal email /> })}
                <HtmlBlock html=about_links(&person) />
            </section>
        }
    });
    view! {
        <article class="about">
            <HtmlBlock html=about_header(&person) />
            {contact}
            <HtmlBlock html=about_lists(&site, &person) />
        </article>
    }
}
