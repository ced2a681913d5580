//! `/people/:id/` and its sub-pages' frame: the person's tabs, and the about page.

use crate::components::email::EmailReveal;
use crate::components::html_block::HtmlBlock;
use crate::context::use_site;
use crate::model::route::Page;
use crate::model::schema::Person;
use crate::pages::activity::ActivityPage;
use crate::pages::news::PersonNewsPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::papers::PersonPapersPage;
use crate::paths;
use crate::render::pages::{about_header, about_links, about_lists};
use leptos::prelude::*;
use leptos_router::components::A;

/// A person's pages, by id: their tabs above the page of the route (about, papers, news or
/// activity), or the 404 page for an unknown id.
#[component]
pub fn PersonPages(
    /// The person's id.
    id: String,
    /// Which of their pages.
    page: Page,
) -> impl IntoView {
    let site = use_site();
    let Some(person) = site.person(&id).cloned() else {
        return view! { <NotFoundPage /> }.into_any();
    };
    let body = match page {
        Page::PersonPapers => view! { <PersonPapersPage person=person.clone() /> }.into_any(),
        Page::PersonNews => view! { <PersonNewsPage person=person.clone() /> }.into_any(),
        Page::PersonActivity => view! { <ActivityPage person=person.clone() /> }.into_any(),
        _ => view! { <PersonAbout person=person.clone() /> }.into_any(),
    };
    view! {
        <PersonTabs person />
        {body}
    }
    .into_any()
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

/// A person's about page: name, affiliation, photo, bio, highlights, contact, links, selected
/// papers and latest news.
#[component]
pub fn PersonAbout(
    /// Whose page.
    person: Person,
) -> impl IntoView {
    let site = use_site();
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
