//! A searchable, filterable, citable list of papers: the body of the papers pages and of author
//! cluster pages. Its state lives in the URL query, so a filtered view can be shared, survives a
//! reload, and back and forward step through it.

use crate::components::citation::CitationExport;
use crate::components::load_more::load_more_button;
use crate::components::paper_list::{ListStyle, PaperList};
use crate::context::{corpus_finder, more_listed, more_of_cluster, use_site_signal};
use crate::model::filter::{Facets, PaperFilter};
use crate::model::schema::{AuthorPosition, PaperStatus};
use crate::model::search::{Query, highlight_ranges};
use crate::model::shard::LIST_PAGE;
use crate::paths;
use crate::render::{plural, unique_id};
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate, use_query_map};
use std::sync::Arc;

/// How long typing pauses before the search text goes to the URL.
const URL_DELAY: std::time::Duration = std::time::Duration::from_millis(400);

/// How many topics show before the rest are folded away.
const TOPICS_SHOWN: usize = 12;

/// An author cluster, with how many papers it has: a sharded site reads them a page at a time.
#[derive(Debug, Clone, PartialEq)]
pub struct ClusterPart {
    /// The cluster key.
    pub key: String,
    /// How many papers the cluster has.
    pub papers: usize,
}

/// Papers with a search box, filters with counts, "N of M papers", and an export of the list as
/// shown.
#[component]
pub fn PaperBrowser(
    /// The papers to browse, newest first.
    #[prop(into)]
    papers: Signal<Vec<usize>>,
    /// The papers are the site's whole newest-first list. On a sharded site that is the part
    /// read so far: counts and filter options are then the corpus's, more is read as the reader
    /// scrolls, and searching or filtering goes through the search shards.
    #[prop(default = false)]
    corpus_list: bool,
    /// The cluster the papers are. While fewer of its papers are read than it has (on a sharded
    /// site), more are read as the reader scrolls, and filtering first reads them all.
    #[prop(default = None)]
    cluster: Option<ClusterPart>,
    /// The cluster key whose authors are highlighted, and whose position the position filter asks.
    #[prop(default = None)]
    highlight: Option<String>,
    /// Base name of the citation download.
    #[prop(into)]
    file_name: String,
    /// Put a heading above each year's papers.
    #[prop(default = true)]
    by_year: bool,
) -> impl IntoView {
    let site = use_site_signal();
    // The part of a sharded corpus read so far, with the corpus's size: `None` once every paper
    // of the list is there.
    let partial = Memo::new(move |_| {
        let corpus = corpus_list.then(|| site.with(|site| site.corpus().cloned()))?;
        corpus.filter(|corpus| corpus.listed < corpus.papers)
    });
    // The size of a cluster of which only part is read.
    let cluster_size = cluster.as_ref().map(|cluster| cluster.papers);
    let cluster_short =
        Memo::new(move |_| cluster_size.filter(|&size| papers.with(Vec::len) < size));
    let total = Memo::new(move |_| match (partial.get(), cluster_short.get()) {
        (Some(corpus), _) => corpus.papers,
        (None, Some(size)) => size,
        (None, None) => papers.with(Vec::len),
    });
    // Asks for the next page of the cluster's papers, or (`true`) every one.
    let more_of_this_cluster = more_of_cluster()
        .zip(cluster.map(|cluster| cluster.key))
        .map(|(more, key)| {
            let key = StoredValue::new(key);
            move |every: bool| more.run((key.get_value(), every))
        });
    let candidates = papers;
    let query = use_query_map();
    let path = use_location().pathname;
    let navigate = use_navigate();

    let in_url = Memo::new(move |_| {
        let pairs = query.read();
        PaperFilter::from_query(
            (&*pairs)
                .into_iter()
                .map(|(key, value)| (key.to_string(), value.to_string())),
        )
    });
    // Text typed but not yet written to the URL: the list follows every keystroke, the address
    // bar and history only a pause in typing (each history update costs the browser
    // milliseconds, and it refuses too many of them).
    let typed = RwSignal::new(None::<String>);
    let filter = Memo::new(move |_| {
        let mut filter = in_url.get();
        if let Some(text) = typed.get() {
            filter.query = text;
        }
        filter
    });
    let person = StoredValue::new(highlight.clone());
    // Part of a corpus is searched through its search shards, from the newest papers on, a page
    // of matches at a time.
    let finder = corpus_finder().filter(|_| corpus_list);
    let by_shards = Memo::new(move |_| {
        finder.is_some() && partial.with(Option::is_some) && !filter.with(PaperFilter::is_empty)
    });
    // Filtering part of a cluster would miss papers: all of them are read first.
    let reading_all = Memo::new(move |_| {
        cluster_short.with(Option::is_some) && !filter.with(PaperFilter::is_empty)
    });
    // Matches asked for beyond the first page, with the filter they were asked for.
    let more_matches = RwSignal::new((PaperFilter::default(), 0usize));
    let wanted = Memo::new(move |_| {
        let filter = filter.get();
        let extra = more_matches.with(|(asked, extra)| if *asked == filter { *extra } else { 0 });
        LIST_PAGE + extra
    });
    Effect::new(move |_| {
        if let Some(finder) = finder
            && by_shards.get()
        {
            finder.find.run((filter.get(), wanted.get()));
        }
    });
    // The matches of the filter on screen; `None` while they are searched for.
    let matches = Memo::new(move |_| {
        let finder = finder.filter(|_| by_shards.get())?;
        finder.matches.with(|answer| {
            let (asked, matches) = answer.as_ref()?;
            filter
                .with(|filter| asked == filter)
                .then(|| matches.clone())
        })
    });
    let searching = Memo::new(move |_| by_shards.get() && matches.with(Option::is_none));
    // The next page of matches: as many more as are wanted now.
    let show_more_matches =
        move || more_matches.set((filter.get_untracked(), wanted.get_untracked()));
    let shown = Memo::new(move |_| {
        let filter = filter.get();
        // Without filters no index is needed: the first screen must not wait for one.
        if filter.is_empty() {
            return candidates.get();
        }
        if by_shards.get() {
            let site = site.get();
            return matches.with(|matches| {
                matches
                    .iter()
                    .flat_map(|matches| &matches.ids)
                    .filter_map(|id| site.paper_index(id))
                    .collect()
            });
        }
        if reading_all.get() {
            return Vec::new();
        }
        let site = site.get();
        person.with_value(|person| {
            candidates.with(|candidates| {
                filter.apply(&site, site.paper_search(), candidates, person.as_deref())
            })
        })
    });
    let facets = Memo::new(move |_| {
        if let Some(corpus) = partial.get() {
            return Facets::of_corpus(&corpus.facets);
        }
        let filter = filter.get();
        let site = site.get();
        person.with_value(|person| {
            candidates.with(|candidates| {
                filter.facets(&site, site.paper_search(), candidates, person.as_deref())
            })
        })
    });
    let more = more_listed().filter(|_| corpus_list);
    // Whether more matches of the shards' search can be shown.
    let has_more_matches = move || {
        matches.with(|matches| {
            matches
                .as_ref()
                .is_some_and(|matches| !matches.done || matches.ids.len() < matches.found)
        })
    };
    // Scrolling to the end of the list as read so far reads more of it.
    let at_end =
        (more.is_some() || finder.is_some() || more_of_this_cluster.is_some()).then(|| {
            Callback::new(move |()| {
                let unfiltered = filter.with_untracked(PaperFilter::is_empty);
                if by_shards.get_untracked() {
                    if has_more_matches() {
                        show_more_matches();
                    }
                } else if partial.with_untracked(Option::is_some)
                    && unfiltered
                    && let Some(more) = more
                {
                    more.run(());
                } else if cluster_short.with_untracked(Option::is_some)
                    && unfiltered
                    && let Some(more) = more_of_this_cluster
                {
                    more(false);
                }
            })
        });
    let load_more = move || {
        if by_shards.get() {
            let matches = matches.get().filter(|_| has_more_matches())?;
            let label = if matches.done {
                let remaining = matches.found - matches.ids.len();
                format!(
                    "Load more matches ({} remaining)",
                    crate::render::grouped(remaining)
                )
            } else {
                "Load more matches".to_string()
            };
            return Some(load_more_button(label, show_more_matches).into_any());
        }
        if !filter.with(PaperFilter::is_empty) {
            return None;
        }
        let label = |remaining: usize| {
            format!(
                "Load more papers ({} remaining)",
                crate::render::grouped(remaining)
            )
        };
        if let Some((size, more)) = cluster_short.get().zip(more_of_this_cluster) {
            let remaining = size - papers.with(Vec::len);
            return Some(load_more_button(label(remaining), move || more(false)).into_any());
        }
        let (corpus, more) = partial.get().zip(more)?;
        let remaining = corpus.papers - corpus.listed;
        Some(load_more_button(label(remaining), move || more.run(())).into_any())
    };
    let query_text = Memo::new(move |_| filter.get().query);
    let style = Memo::new(move |_| {
        let query = Query::parse(&query_text.get());
        let marker: Option<crate::render::SharedMarker> = (!query.is_empty())
            .then(|| Arc::new(move |text: &str| highlight_ranges(text, &query)) as _);
        ListStyle {
            highlight: highlight.clone(),
            by_year,
            marker,
        }
    });

    // Every change goes to the URL: typing replaces the entry it started, other changes add one.
    let apply = move |change: &dyn Fn(&mut PaperFilter), push: bool| {
        let mut next = in_url.get_untracked();
        if let Some(text) = typed.get_untracked() {
            next.query = text;
        }
        change(&mut next);
        let href = paths::with_query(&path.get_untracked(), &next.to_query());
        navigate(&href, paths::navigation(!push, true));
    };
    let apply = StoredValue::new(apply);
    let update = move |change: &dyn Fn(&mut PaperFilter), push: bool| {
        apply.with_value(|apply| apply(change, push))
    };
    let clear = move |_| update(&|filter| *filter = PaperFilter::default(), true);

    // The URL is the truth: when it changes (by this list or by back and forward), typing not
    // yet written is settled.
    let pending_write = StoredValue::new_local(None::<TimeoutHandle>);
    let settle = move || {
        if let Some(handle) = pending_write.try_update_value(Option::take).flatten() {
            handle.clear();
        }
    };
    Effect::new(move |_| {
        in_url.track();
        settle();
        typed.set(None);
    });
    // Writes the typed text to the URL: a new history entry when a search starts, otherwise
    // the entry the search started.
    let write_typed = move || {
        settle();
        if typed.get_untracked().is_some() {
            let starting = in_url.with_untracked(|filter| filter.query.is_empty());
            update(&|_| {}, starting);
        }
    };
    let search_id = unique_id("paper-search");
    let on_input = move |event: leptos::ev::Event| {
        typed.set(Some(event_target_value(&event)));
        settle();
        let handle = set_timeout_with_handle(write_typed, URL_DELAY).ok();
        pending_write.set_value(handle);
    };

    let kinds = move || {
        let selected = filter.get().kinds;
        facets
            .get()
            .kinds
            .into_iter()
            .map(move |(kind, count)| {
                let pressed = selected.contains(&kind);
                facet_button(kind.label(), count, pressed, move || {
                    update(&|filter| toggle(&mut filter.kinds, kind), true)
                })
            })
            .collect_view()
    };
    let statuses = move || {
        let selected = filter.get().status;
        facets
            .get()
            .statuses
            .into_iter()
            .map(move |(status, count)| {
                let label = match status {
                    PaperStatus::Preprint => "Preprints",
                    PaperStatus::Published => "Published",
                };
                let pressed = selected == Some(status);
                facet_button(label, count, pressed, move || {
                    update(&|filter| filter.status = (!pressed).then_some(status), true)
                })
            })
            .collect_view()
    };
    let positions = move || {
        let selected = filter.get().position;
        facets
            .get()
            .positions
            .into_iter()
            .map(move |(position, count)| {
                let label = match position {
                    AuthorPosition::First => "First author",
                    AuthorPosition::Last => "Last author",
                };
                let pressed = selected == Some(position);
                facet_button(label, count, pressed, move || {
                    update(
                        &|filter| filter.position = (!pressed).then_some(position),
                        true,
                    )
                })
            })
            .collect_view()
    };
    let topics = move |range: std::ops::Range<usize>| {
        let selected = filter.get().tags;
        let tags = facets.get().tags;
        tags.into_iter()
            .skip(range.start)
            .take(range.len())
            .map(move |(tag, count)| {
                let pressed = selected.contains(&tag);
                facet_button(tag.clone(), count, pressed, move || {
                    update(&|filter| toggle(&mut filter.tags, tag.clone()), true)
                })
            })
            .collect_view()
    };
    let years = move || facets.get().years;
    let year_select = move |label: &'static str, is_from: bool| {
        let id = unique_id("year");
        let value = move || {
            let (from, to) = filter.get().years.unwrap_or_default();
            (if is_from { from } else { to })
                .map(|year| year.to_string())
                .unwrap_or_default()
        };
        let choose = move |event: leptos::ev::Event| {
            let year = event_target_value(&event).parse::<i32>().ok();
            update(
                &|filter| {
                    let (from, to) = filter.years.unwrap_or_default();
                    filter.years = Some(if is_from { (year, to) } else { (from, year) });
                },
                true,
            );
        };
        view! {
            <label for=id.clone()>{label}</label>
            <select id=id on:change=choose prop:value=value>
                <option value="">"any"</option>
                {move || years().into_iter().map(|(year, count)| view! {
                    <option value=year.to_string() selected=move || value() == year.to_string()>{format!("{year} ({count})")}</option>
                }).collect_view()}
            </select>
        }
    };
    let has_positions = person.with_value(Option::is_some);
    let export_open = RwSignal::new(false);
    // A link with filters set opens with them in view; the reader may fold them afterwards.
    // Facets are only counted while the panel is open.
    let filters_open = RwSignal::new(filter.with_untracked(|filter| {
        !PaperFilter {
            query: String::new(),
            ..filter.clone()
        }
        .is_empty()
    }));
    // Counting the filter options of a cluster needs all its papers, as filtering does.
    Effect::new(move |_| {
        let needed = reading_all.get() || filters_open.get();
        if needed
            && cluster_short.with(Option::is_some)
            && let Some(more) = more_of_this_cluster
        {
            more(true);
        }
    });
    let count = move || {
        let shown = shown.get().len();
        let total = total.get();
        let papers = plural(total, "paper", "papers");
        if filter.get().is_empty() {
            format!("{papers}, newest first")
        } else if reading_all.get() {
            format!("Reading all {papers} to search them…")
        } else if by_shards.get() {
            match matches.get() {
                None => format!("Searching {papers}…"),
                Some(matches) if matches.done => {
                    format!("{} of {papers}", crate::render::grouped(matches.found))
                }
                Some(matches) => format!(
                    "{} found among the newest {} of {papers}",
                    crate::render::grouped(matches.found),
                    crate::render::grouped(matches.searched),
                ),
            }
        } else {
            format!("{shown} of {papers}")
        }
    };

    view! {
        <div class="paper-tools">
            <label class="visually-hidden" for=search_id.clone()>"Search papers"</label>
            <input
                id=search_id
                class="search-box needs-js"
                type="search"
                placeholder="Search titles, authors, venues, abstracts, topics"
                autocomplete="off"
                prop:value=move || filter.get().query
                on:input=on_input
                on:change=move |_| write_typed()
            />
            <details
                class="filters needs-js"
                open=filters_open.get_untracked()
                on:toggle=move |event| filters_open.set(event_target::<web_sys::HtmlDetailsElement>(&event).open())
            >
                <summary>"Filters"</summary>
                <Show
                    when=move || filters_open.get() && cluster_short.with(Option::is_none)
                    fallback=move || filters_open.get().then(|| view! {
                        <p class="facet-note">{move || format!("Reading all {} to count them…", plural(total.get(), "paper", "papers"))}</p>
                    })
                >
                <div class="filter-groups">
                    // The shards count each option over the corpus, not under the other filters.
                    {move || partial.get().filter(|_| !filter.with(PaperFilter::is_empty)).map(|corpus| view! {
                        <p class="facet-note">{format!("Counts are of all {}.", plural(corpus.papers, "paper", "papers"))}</p>
                    })}
                    <fieldset class="facet">
                        <legend>"Years"</legend>
                        {year_select("From", true)}
                        {year_select("to", false)}
                    </fieldset>
                    <fieldset class="facet">
                        <legend>"Kind"</legend>
                        {kinds}
                    </fieldset>
                    <fieldset class="facet">
                        <legend>"Status"</legend>
                        {statuses}
                    </fieldset>
                    {move || (has_positions && facets.with(|facets| !facets.positions.is_empty())).then(|| view! {
                        <fieldset class="facet">
                            <legend>"Author position"</legend>
                            {positions}
                        </fieldset>
                    })}
                    <fieldset class="facet">
                        <legend>"Topics"</legend>
                        {move || topics(0..TOPICS_SHOWN)}
                        {move || (facets.get().tags.len() > TOPICS_SHOWN).then(|| view! {
                            <details class="more-topics">
                                <summary>"More topics"</summary>
                                {move || topics(TOPICS_SHOWN..usize::MAX)}
                            </details>
                        })}
                    </fieldset>
                </div>
                </Show>
            </details>
            <p class="result-count" role="status">
                {count}
                {move || (!filter.get().is_empty()).then(|| view! {
                    " "
                    <button type="button" class="link-like" on:click=clear>"Clear filters"</button>
                })}
            </p>
        </div>
        <Show
            when=move || !shown.get().is_empty() || reading_all.get() || searching.get()
            fallback=move || view! {
                <div class="empty">
                    <p>"No papers match these filters."</p>
                    <button type="button" class="button" on:click=clear>"Clear filters"</button>
                </div>
            }
        >
            <PaperList papers=shown style at_end />
        </Show>
        {load_more}
        <details class="export needs-js" on:toggle=move |event| export_open.set(event_target::<web_sys::HtmlDetailsElement>(&event).open())>
            <summary>
                {move || match shown.get().len() {
                    1 => "Cite this paper".to_string(),
                    count => format!("Cite these {count} papers"),
                }}
            </summary>
            // Formatting thousands of citations takes time: only when the reader asks for them.
            <Show when=move || export_open.get()>
                <CitationExport papers=shown file_name=file_name.clone() />
            </Show>
        </details>
    }
}

/// Adds `item` to `list`, or removes it if it is there.
fn toggle<T: PartialEq>(list: &mut Vec<T>, item: T) {
    match list.iter().position(|present| *present == item) {
        Some(index) => {
            list.remove(index);
        }
        None => list.push(item),
    }
}

/// A filter option: its label, how many papers choosing it leaves, and whether it is chosen.
fn facet_button(
    label: impl Into<String>,
    count: usize,
    pressed: bool,
    choose: impl Fn() + 'static,
) -> impl IntoView {
    let label = label.into();
    view! {
        <button type="button" class="facet-option" aria-pressed=pressed.to_string() on:click=move |_| choose()>
            {label}
            " "
            <span class="facet-count">{count}</span>
        </button>
    }
}
