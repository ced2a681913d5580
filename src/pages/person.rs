//! `/people/:id` and its sub-pages' frame: the person's tabs, and the about page.

use crate::app::use_site;
use crate::components::email::EmailReveal;
use crate::components::external_link::LinkButtons;
use crate::components::news_item::NewsEntry;
use crate::components::page_meta::set_page_meta;
use crate::components::paper_item::PaperItem;
use crate::components::rich_text::{InlineText, RichText};
use crate::model::markdown;
use crate::model::names;
use crate::model::schema::Person;
use crate::pages::not_found::NotFoundPage;
use crate::paths;
use leptos::prelude::*;
use leptos_router::components::{A, Outlet};
use leptos_router::hooks::use_params_map;

/// How many papers and news items the about page shows before linking to the full lists.
const ABOUT_PAPERS: usize = 5;
const ABOUT_NEWS: usize = 3;

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
    let count = |label: &'static str, count: usize| {
        view! {
            {label}
            {(count > 0).then(|| view! { " " <span class="tab-count">{count}</span> })}
        }
    };
    view! {
        <nav class="person-tabs" aria-label=format!("{} pages", person.name)>
            <A href=about exact=true>
                "About"
            </A>
            <A href=paths::person_papers(&person.id)>{count("Papers", counts.papers)}</A>
            <A href=paths::person_news(&person.id)>{count("News", counts.news)}</A>
            <A href=paths::person_activity(&person.id)>{count("Activity", counts.activity)}</A>
        </nav>
    }
}

/// `/people/:id`: the about page of the person in the route.
#[component]
pub fn PersonAboutPage() -> impl IntoView {
    let person = use_route_person();
    move || person.get().map(|person| view! { <PersonAbout person /> })
}

/// A person's about page: name, affiliation, photo, bio, contact, links, highlights, selected
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

    let cluster = names::key(&person.name);
    let all_papers = site.papers_of(&person);
    let selected: Vec<usize> = all_papers
        .iter()
        .copied()
        .filter(|&paper| site.paper(paper).selected)
        .collect();
    let (papers_heading, papers) = if selected.is_empty() {
        (
            "Recent papers",
            all_papers
                .iter()
                .copied()
                .take(ABOUT_PAPERS)
                .collect::<Vec<_>>(),
        )
    } else {
        ("Selected papers", selected)
    };
    let news: Vec<_> = site
        .news_of(&person.id)
        .take(ABOUT_NEWS)
        .map(|(item, date)| (item.clone(), date))
        .collect();
    let news_total = site.news_of(&person.id).count();

    let facts = [person.affiliation.clone(), person.location.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let photo = person.photo.clone().map(|src| {
        view! { <img class="person-photo" src=src alt=format!("Photo of {}", person.name) width="160" height="160" /> }
    });
    let highlights = (!person.highlights.is_empty()).then(|| {
        let items = person
            .highlights
            .iter()
            .map(|line| view! { <li><InlineText source=line.clone() /></li> })
            .collect_view();
        view! {
            <section aria-labelledby="highlights-heading">
                <h2 id="highlights-heading">"Highlights"</h2>
                <ul class="highlights">{items}</ul>
            </section>
        }
    });
    let contact = (person.email.is_some() || !person.links.is_empty()).then(|| {
        view! {
            <section class="contact" aria-labelledby="contact-heading">
                <h2 id="contact-heading">"Contact and links"</h2>
                {person.email.clone().map(|email| view! { <EmailReveal email /> })}
                <LinkButtons links=person.links.clone() />
            </section>
        }
    });
    let paper_list = if papers.is_empty() {
        view! { <p class="empty">"No papers yet."</p> }.into_any()
    } else {
        let items = papers
            .into_iter()
            .map(|paper| view! { <li><PaperItem paper highlight=Some(cluster.clone()) /></li> })
            .collect_view();
        view! { <ul class="paper-list">{items}</ul> }.into_any()
    };
    let news_list = if news.is_empty() {
        view! { <p class="empty">"No news yet."</p> }.into_any()
    } else {
        let items = news
            .into_iter()
            .map(|(item, date)| view! { <li><NewsEntry item date show_person=false /></li> })
            .collect_view();
        view! { <ul class="news-list">{items}</ul> }.into_any()
    };

    view! {
        <article class="about">
            <header class="about-header">
                {photo}
                <div>
                    <h1>{person.name.clone()}</h1>
                    {(!facts.is_empty()).then(|| view! { <p class="person-facts">{facts}</p> })}
                </div>
            </header>
            {(!person.bio.is_empty()).then(|| view! { <RichText source=person.bio.clone() /> })}
            {highlights}
            {contact}
            <section aria-labelledby="papers-heading">
                <h2 id="papers-heading">{papers_heading}</h2>
                {paper_list}
                {(!all_papers.is_empty())
                    .then(|| {
                        view! {
                            <p class="more">
                                <A href=paths::person_papers(&person.id)>
                                    {format!("All {} papers →", all_papers.len())}
                                </A>
                            </p>
                        }
                    })}
            </section>
            <section aria-labelledby="news-heading">
                <h2 id="news-heading">"Latest news"</h2>
                {news_list}
                {(news_total > 0)
                    .then(|| {
                        view! {
                            <p class="more">
                                <A href=paths::person_news(&person.id)>
                                    {format!("All {news_total} news items →")}
                                </A>
                            </p>
                        }
                    })}
            </section>
            {site
                .updated()
                .map(|date| view! { <p class="updated">"Last updated " {date.to_string()} "."</p> })}
        </article>
    }
}

/// The first sentence of a Markdown text, as plain text, for meta descriptions and summaries.
pub fn first_sentence(source: &str) -> Option<String> {
    let text = markdown::to_plain_text(source);
    let sentence = match text.find(". ") {
        Some(end) => &text[..=end],
        None => text.as_str(),
    };
    (!sentence.trim().is_empty()).then(|| sentence.trim().to_string())
}
