//! `/people/:id/` and its sub-pages' frame: the person's tabs, and the about page.

use crate::components::email::EmailReveal;
use crate::components::html_block::HtmlBlock;
use crate::context::use_site;
use crate::model::route::Page;
use crate::model::schema::Person;
use crate::pages::activity::ActivityPage;
use crate::pages::cv::CvPage;
use crate::pages::news::PersonNewsPage;
use crate::pages::not_found::NotFoundPage;
use crate::pages::papers::PersonPapersPage;
use crate::pages::talks::TalksPage;
use crate::pages::teaching::TeachingPage;
use crate::paths;
use crate::render::pages::{about_header, about_links, about_lists};
use leptos::prelude::*;
use leptos_router::components::A;

/// A person's pages, by id: their tabs above the page of the route (about, CV, papers, talks,
/// teaching, news or activity), or the 404 page for an unknown id or a page they do not have.
#[component]
pub fn PersonPages(
    /// The person's id.
    id: String,
    /// Which of their pages.
    page: Page,
) -> impl IntoView {
    let site = use_site();
    let Some(person) = site
        .person(&id)
        .filter(|person| site.has_page(person, page))
        .cloned()
    else {
        return view! { <NotFoundPage /> }.into_any();
    };
    let body = match page {
        Page::PersonPapers => view! { <PersonPapersPage person=person.clone() /> }.into_any(),
        Page::PersonNews => view! { <PersonNewsPage person=person.clone() /> }.into_any(),
        Page::PersonActivity => view! { <ActivityPage person=person.clone() /> }.into_any(),
        Page::PersonCv => view! { <CvPage person=person.clone() /> }.into_any(),
        Page::PersonTalks => view! { <TalksPage person=person.clone() /> }.into_any(),
        Page::PersonTeaching => view! { <TeachingPage person=person.clone() /> }.into_any(),
        _ => view! { <PersonAbout person=person.clone() /> }.into_any(),
    };
    view! {
        <PersonTabs person />
        {body}
    }
    .into_any()
}

/// Links to those of a person's pages that have content (the about page always), with counts.
#[component]
pub fn PersonTabs(
    /// Whose pages.
    person: Person,
) -> impl IntoView {
    let site = use_site();
    let counts = site.counts(&person);
    let about = paths::about(&person.id, site.owner().map(|owner| owner.id.as_str()));
    let tab = |href: String, label: &'static str, count: usize| {
        (count > 0).then(|| {
            view! {
                <A href=href>
                    {label}
                    " "
                    <span class="tab-count">{count}</span>
                </A>
            }
        })
    };
    let cv = site.has_page(&person, Page::PersonCv).then(|| {
        view! { <A href=paths::person_cv(&person.id)>"CV"</A> }
    });
    view! {
        <nav class="person-tabs" aria-label=format!("{} pages", person.name)>
            <A href=about exact=true>
                "About"
            </A>
            {cv}
            {tab(paths::person_papers(&person.id), "Papers", counts.papers)}
            {tab(paths::person_talks(&person.id), "Talks", person.talks.len())}
            {tab(paths::person_teaching(&person.id), "Teaching", person.teaching.len())}
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
    let cv = site.has_page(&person, Page::PersonCv).then(|| {
        view! {
            <p class="about-cv">
                <A href=paths::person_cv(&person.id)>"Curriculum vitae"</A>
                " (printable, and as JSON Resume)"
            </p>
        }
    });
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
            {cv}
            {contact}
            <HtmlBlock html=about_lists(&site, &person) />
        </article>
    }
}
