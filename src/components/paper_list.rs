//! Long lists of papers, rendered a screenful at a time as the reader scrolls.

use crate::components::html_block::toggle_from_click;
use crate::context::{STATIC_LIST_LIMIT, STATIC_RENDER, use_site_signal};
use crate::model::Site;
use crate::render::entries::{EntryOptions, paper_abstract, paper_entry};
use crate::render::{Html, Marker, SharedMarker, grouped};
use leptos::ev::MouseEvent;
use leptos::html::Div;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use std::sync::atomic::{AtomicUsize, Ordering};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Papers rendered at once when the list is shown or changes: more than a screenful on any
/// device, and little enough to parse in about a millisecond, so the list follows every
/// keystroke of a search. The rest follows as it nears the screen.
pub const FIRST_SCREEN: usize = 10;

/// Papers added each time the reader nears the end of what is rendered.
pub const CHUNK: usize = 30;

/// How many papers the next list draws at first, when more than [`FIRST_SCREEN`]: set as the app
/// takes over a static page whose reader had scrolled down its list, so that the entries they
/// were reading exist in the app's list too.
static FIRST_DRAW: AtomicUsize = AtomicUsize::new(0);

/// Makes the next list drawn start with at least `count` papers.
pub fn draw_at_least_once(count: usize) {
    FIRST_DRAW.store(count, Ordering::Relaxed);
}

/// How papers are shown.
#[derive(Clone, Default)]
pub struct ListStyle {
    /// The cluster key whose authors are highlighted.
    pub highlight: Option<String>,
    /// Insert a heading whenever the year changes (papers must be ordered by date).
    pub by_year: bool,
    /// Marks search matches in titles, authors, venues and abstracts.
    pub marker: Option<SharedMarker>,
}

/// Styles are equal when they would render the same: markers compare by identity.
impl PartialEq for ListStyle {
    fn eq(&self, other: &Self) -> bool {
        let same_marker = match (&self.marker, &other.marker) {
            (None, None) => true,
            (Some(mine), Some(theirs)) => std::sync::Arc::ptr_eq(mine, theirs),
            _ => false,
        };
        self.highlight == other.highlight && self.by_year == other.by_year && same_marker
    }
}

/// What a list last drew, to tell a list that only grew from one to start over.
struct Drawn {
    site: std::sync::Arc<Site>,
    papers: Vec<usize>,
    style: ListStyle,
}

fn marker_of(style: &ListStyle) -> Option<Marker<'_>> {
    style.marker.as_deref().map(|marker| marker as Marker<'_>)
}

/// Renders `papers[start..end]` as entries; `previous_year` is the year of the entry before
/// `start`, so year headings continue across chunks.
pub fn render_chunk(
    site: &Site,
    papers: &[usize],
    start: usize,
    end: usize,
    style: &ListStyle,
) -> String {
    let mut html = Html::new();
    let options = EntryOptions {
        highlight: style.highlight.as_deref(),
        marker: marker_of(style),
        ..EntryOptions::default()
    };
    let mut previous_year = start
        .checked_sub(1)
        .map(|before| site.paper_date(papers[before]).year);
    for (position, &paper) in papers[start..end.min(papers.len())].iter().enumerate() {
        let year = site.paper_date(paper).year;
        if style.by_year && previous_year != Some(year) {
            html.markup("<h2 class=\"year-heading\">")
                .text(&year.to_string())
                .markup("</h2>");
        }
        previous_year = Some(year);
        paper_entry(&mut html, site, paper, start + position, options);
    }
    html.finish()
}

/// A list of papers that renders the first [`FIRST_SCREEN`] at once and the rest, [`CHUNK`] at a
/// time, as the reader scrolls towards them (or prints the page). Re-renders from the top
/// whenever `papers` or `style` change, except when papers are only added at the end. A static
/// page holds the whole list, up to [`STATIC_LIST_LIMIT`] papers.
#[component]
pub fn PaperList(
    /// Paper indices, in display order.
    #[prop(into)]
    papers: Signal<Vec<usize>>,
    /// Highlighting, year headings and search marks.
    #[prop(into)]
    style: Signal<ListStyle>,
    /// Called when the reader nears the end of the whole list, for a list read a page at a time.
    #[prop(default = None)]
    at_end: Option<Callback<()>>,
) -> impl IntoView {
    // The list follows the site: a sharded site's list grows as its pages are read.
    let site = use_site_signal();
    let list = NodeRef::<Div>::new();
    let sentinel = NodeRef::<Div>::new();
    let rendered = StoredValue::new(0usize);
    // Watches the sentinel; set once the list is in the page.
    let watcher = StoredValue::new_local(None::<web_sys::IntersectionObserver>);
    // An observer reports changes only: one that was near before more entries came, and still
    // is, would say nothing. Watching anew makes it report where the sentinel is now.
    let watch_again = move || {
        if let Some(target) = sentinel.get_untracked() {
            watcher.with_value(|watcher| {
                if let Some(observer) = watcher {
                    observer.unobserve(&target);
                    observer.observe(&target);
                }
            });
        }
    };

    let render_more = {
        move |count: usize| {
            let Some(list) = list.get_untracked() else {
                return;
            };
            let site = site.get_untracked();
            papers.with_untracked(|papers| {
                let start = rendered.get_value();
                let end = (start + count).min(papers.len());
                if start == papers.len() {
                    if let Some(at_end) = at_end {
                        at_end.run(());
                    }
                } else if start < end {
                    let html = style
                        .with_untracked(|style| render_chunk(&site, papers, start, end, style));
                    if start == 0 {
                        list.set_inner_html(&html);
                    } else {
                        list.insert_adjacent_html("beforeend", &html).ok();
                    }
                    rendered.set_value(end);
                    watch_again();
                }
            });
        }
    };

    // Start over whenever the list or its style changes, unless papers were only added at its
    // end: the reader keeps what they were reading.
    let drawn = StoredValue::new(None::<Drawn>);
    Effect::new({
        move |first: Option<()>| {
            let now = Drawn {
                site: site.get(),
                papers: papers.get(),
                style: style.get(),
            };
            if list.get().is_some() {
                let extends = drawn.with_value(|before| {
                    before.as_ref().is_some_and(|before| {
                        let kept = rendered.get_value();
                        std::sync::Arc::ptr_eq(&before.site, &now.site)
                            && before.style == now.style
                            && now.papers.get(..kept) == before.papers.get(..kept)
                    })
                });
                if extends {
                    watch_again();
                } else {
                    rendered.set_value(0);
                    render_more(FIRST_SCREEN.max(FIRST_DRAW.swap(0, Ordering::Relaxed)));
                }
                drawn.set_value(Some(now));
                if first.is_none() {
                    crate::perf::mark("vita:list-rendered");
                }
            }
        }
    });

    // Render further chunks when the sentinel below the list comes within two screens: right
    // after the first screen is drawn (so that short lists are whole, for find-in-page), and then
    // ahead of the reader's scrolling.
    Effect::new({
        move |_| {
            let Some(target) = sentinel.get() else { return };
            let callback =
                Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
                    let near = entries
                        .iter()
                        .filter_map(|entry| {
                            entry.dyn_into::<web_sys::IntersectionObserverEntry>().ok()
                        })
                        .any(|entry| entry.is_intersecting());
                    if near {
                        render_more(CHUNK);
                    }
                });
            let options = web_sys::IntersectionObserverInit::new();
            options.set_root_margin("200% 0px");
            if let Ok(observer) = web_sys::IntersectionObserver::new_with_options(
                callback.as_ref().unchecked_ref(),
                &options,
            ) {
                observer.observe(&target);
                watcher.set_value(Some(observer.clone()));
                // Both live until the list goes away; cleanups must be Send, these are not.
                let resources = SendWrapper::new((observer, callback));
                on_cleanup(move || resources.take().0.disconnect());
            }
        }
    });

    // Printing shows the whole list.
    if !STATIC_RENDER {
        let render_all = render_more;
        let print_all =
            window_event_listener_untyped("beforeprint", move |_| render_all(usize::MAX));
        on_cleanup(move || print_all.remove());
    }
    let whole = STATIC_RENDER.then(|| {
        let site = site.get_untracked();
        papers.with_untracked(|papers| {
            let end = papers.len().min(STATIC_LIST_LIMIT);
            style.with_untracked(|style| render_chunk(&site, papers, 0, end, style))
        })
    });
    let beyond_limit = papers.with_untracked(|papers| {
        (STATIC_RENDER && papers.len() > STATIC_LIST_LIMIT).then(|| {
            format!(
                "The first {} of {} papers are listed here. Each paper has a page of its own, linked from its authors' pages; with JavaScript on, this list holds them all.",
                grouped(STATIC_LIST_LIMIT),
                grouped(papers.len())
            )
        })
    });

    let on_click = move |event: MouseEvent| {
        let site = site.get_untracked();
        let marker = style.with_untracked(|style| style.marker.clone());
        toggle_from_click(&event, &site, &|paper| {
            let marker = marker.as_deref().map(|marker| marker as Marker<'_>);
            paper_abstract(&site, paper, marker)
        });
    };
    view! {
        <div class="paper-list" node_ref=list on:click=on_click inner_html=whole></div>
        {beyond_limit.map(|note| view! { <p class="list-limit without-js">{note}</p> })}
        <div class="list-sentinel" node_ref=sentinel aria-hidden="true"></div>
    }
}
