//! `/authors/:key`: every paper whose author name matches, as an author page of a bibliographic
//! index shows it, with the grouping explained.

use crate::app::use_site;
use crate::components::page_meta::set_page_meta;
use crate::components::paper_list::PaperList;
use crate::model::cluster::{Cluster, MergeReason};
use crate::model::names;
use crate::pages::home::plural;
use crate::pages::not_found::NotFoundPage;
use crate::paths;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::components::{A, Redirect};
use leptos_router::hooks::use_params_map;
use std::cmp::Reverse;

/// The cluster page of the name in the route. A key that is an alias or merged spelling redirects
/// to its cluster's own key; a person with no papers gets an empty page; anything else is a 404.
#[component]
pub fn AuthorClusterPage() -> impl IntoView {
    let site = use_site();
    let params = use_params_map();
    move || {
        let key = params.read().get("key").unwrap_or_default();
        let authors = site.authors();
        match authors.resolve(&key) {
            Some(cluster) if cluster != key => {
                // The href already carries the base path: it must not be resolved again.
                let options = NavigateOptions {
                    resolve: false,
                    replace: true,
                    ..NavigateOptions::default()
                };
                view! { <Redirect path=paths::author(cluster) options /> }.into_any()
            }
            Some(_) => authors
                .cluster(&key)
                .map(|cluster| cluster_view(&site, &cluster))
                .unwrap_or_else(|| view! { <NotFoundPage /> }.into_any()),
            None => match site
                .people()
                .iter()
                .find(|person| names::key(&person.name) == key)
            {
                Some(person) => {
                    set_page_meta(
                        site.title(),
                        Some(&person.name),
                        &format!("Papers by {}.", person.name),
                    );
                    view! {
                        <h1>{person.name.clone()}</h1>
                        <p class="empty">"No paper in this site's data has an author of this name."</p>
                        <p>
                            <A href=paths::about(&person.id, site.owner().map(|owner| owner.id.as_str()))>
                                {format!("{}'s profile →", person.name)}
                            </A>
                        </p>
                    }
                    .into_any()
                }
                None => view! { <NotFoundPage /> }.into_any(),
            },
        }
    }
}

fn cluster_view(site: &crate::model::Site, cluster: &Cluster<'_>) -> AnyView {
    let newest_first = |papers: &[usize]| {
        let mut papers = papers.to_vec();
        papers.sort_by_key(|&paper| (Reverse(site.paper_date(paper)), paper));
        papers
    };
    let summary = format!(
        "{} · {}",
        plural(cluster.papers.len(), "paper", "papers"),
        plural(cluster.rows.len(), "author row", "author rows")
    );
    set_page_meta(
        site.title(),
        Some(cluster.name),
        &format!("{}: {summary} matching this author name.", cluster.name),
    );
    let profile = cluster.person.and_then(|id| site.person(id)).map(|person| {
        let label = format!("{} has a profile on this site →", person.name);
        view! {
            <p class="cluster-profile">
                <A href=paths::about(&person.id, site.owner().map(|owner| owner.id.as_str()))>
                    {label}
                </A>
            </p>
        }
    });
    let rows = cluster
        .rows
        .iter()
        .map(|member| {
            let record = match (&member.row.person, &member.row.orcid) {
                (Some(person), _) => format!("linked to profile \"{person}\""),
                (None, Some(orcid)) => format!("ORCID {orcid}"),
                (None, None) => "name only".to_string(),
            };
            let reason = match &member.reason {
                MergeReason::SameName => "same name".to_string(),
                MergeReason::PersonLink => "linked to this person".to_string(),
                MergeReason::Alias => "an alias of this person".to_string(),
                MergeReason::Orcid(orcid) => format!("shares ORCID {orcid}"),
            };
            view! {
                <tr>
                    <th scope="row">{member.row.name.clone()}</th>
                    <td>{record}</td>
                    <td>{reason}</td>
                    <td class="number">{member.row.papers.len()}</td>
                </tr>
            }
        })
        .collect_view();
    let split = (!cluster.split.is_empty()).then(|| {
        let items = cluster
            .split
            .iter()
            .map(|row| {
                let name = row.name.clone();
                view! {
                    <li>
                        <A href=paths::author(&row.cluster)>{name}</A>
                        {format!(" ({}), on {}", row.person.clone().unwrap_or_default(), plural(row.papers.len(), "paper", "papers"))}
                    </li>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="split-heading">
                <h2 id="split-heading">"Same name, another person"</h2>
                <p>"These authors have this name but are linked to a different person in the data, so they are not counted here."</p>
                <ul>{items}</ul>
            </section>
        }
    });
    let variants = (!cluster.variants.is_empty()).then(|| {
        let items = cluster
            .variants
            .iter()
            .map(|variant| {
                let reasons = variant.reasons.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ");
                let titles = newest_first(&variant.papers)
                    .into_iter()
                    .map(|paper| {
                        let entry = site.paper(paper);
                        let title = entry.title.clone();
                        view! {
                            <li>
                                <A href=paths::paper(&entry.id)>{title}</A>
                                {format!(" ({})", site.paper_date(paper).year)}
                            </li>
                        }
                    })
                    .collect_view();
                let name = variant.name.to_string();
                view! {
                    <li class="variant">
                        <p>
                            <A href=paths::author(variant.cluster)>{name}</A>
                            {format!(" · {} · ", plural(variant.papers.len(), "paper", "papers"))}
                            <span class="variant-reason">{reasons}</span>
                        </p>
                        <ul class="variant-papers">{titles}</ul>
                    </li>
                }
            })
            .collect_view();
        view! {
            <section aria-labelledby="variants-heading">
                <h2 id="variants-heading">"Compatible names, not merged"</h2>
                <p>"These names could belong to the same person, for the reason given, but nothing in the data says so. They are listed for you to judge and are not counted above."</p>
                <ul class="variants">{items}</ul>
            </section>
        }
    });
    let coauthors = if cluster.coauthors.is_empty() {
        view! { <p class="empty">"No co-authors."</p> }.into_any()
    } else {
        let items = cluster
            .coauthors
            .iter()
            .map(|coauthor| {
                let name = coauthor.name.to_string();
                view! {
                    <li>
                        <A href=paths::author(coauthor.cluster)>{name}</A>
                        <span class="coauthor-count">{plural(coauthor.papers, "paper", "papers")}</span>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="coauthors">{items}</ul> }.into_any()
    };
    view! {
        <p class="eyebrow">"Author name"</p>
        <h1>{cluster.name.to_string()}</h1>
        <p class="cluster-summary">{summary}</p>
        <p class="cluster-note">
            {format!(
                "This page groups papers whose author name matches \u{201c}{}\u{201d} ignoring case, accents, punctuation and name order, together with names the data links to the same person. It is not a full identity disambiguation: different people can share a name, and one person can publish under several.",
                cluster.name,
            )}
        </p>
        {profile}
        <section aria-labelledby="rows-heading">
            <h2 id="rows-heading">"Author rows"</h2>
            <table class="rows-table">
                <thead>
                    <tr>
                        <th scope="col">"Spelling"</th>
                        <th scope="col">"Record"</th>
                        <th scope="col">"Merged because"</th>
                        <th scope="col">"Papers"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
        <section aria-labelledby="cluster-papers-heading">
            <h2 id="cluster-papers-heading">"Papers"</h2>
            <PaperList papers=newest_first(&cluster.papers) highlight=Some(cluster.key.to_string()) />
        </section>
        {split}
        {variants}
        <section aria-labelledby="coauthors-heading">
            <h2 id="coauthors-heading">"Frequent co-authors"</h2>
            {coauthors}
        </section>
    }
    .into_any()
}
