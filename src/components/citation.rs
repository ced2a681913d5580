//! Citation export of what the reader sees: one paper, or the papers of the current list.

use crate::components::clipboard::copy_text;
use crate::components::download::save_file;
use crate::context::use_site_signal;
use crate::model::cite::{Format, export};
use leptos::prelude::*;

/// The formats offered, in menu order.
const FORMATS: [Format; 5] = [
    Format::Bibtex,
    Format::Ris,
    Format::CslJson,
    Format::Apa,
    Format::CvLine,
];

/// A format menu, the citation text, and buttons to copy it or download it as a file.
#[component]
pub fn CitationExport(
    /// The papers to cite, in display order.
    #[prop(into)]
    papers: Signal<Vec<usize>>,
    /// The download's file name, without extension.
    #[prop(into)]
    file_name: String,
) -> impl IntoView {
    // The papers' indices are those of the site as it is now (a sharded list grows).
    let site = use_site_signal();
    let format = RwSignal::new(Format::Bibtex);
    let text = Memo::new(move |_| {
        let site = site.get();
        let entries = site.citables(&papers.get());
        export(format.get(), &entries)
    });
    let status = RwSignal::new(String::new());
    let menu_id = crate::render::unique_id("citation-format");
    let copy = move |_| {
        let value = text.get_untracked();
        leptos::task::spawn_local(async move {
            status.set(if copy_text(&value).await {
                "Copied to the clipboard".into()
            } else {
                "Copy failed: select the text instead".into()
            });
        });
    };
    let download = move |_| {
        let selected = format.get_untracked();
        let name = format!("{file_name}.{}", selected.file_extension());
        status.set(
            match save_file(&name, &text.get_untracked(), selected.mime_type()) {
                Ok(()) => format!("Saved {name}"),
                Err(_) => "The download failed".into(),
            },
        );
    };
    let options = FORMATS
        .iter()
        .enumerate()
        .map(|(index, option)| {
            view! { <option value=index.to_string() selected=move || format.get() == *option>{option.label()}</option> }
        })
        .collect_view();
    let choose = move |event: leptos::ev::Event| {
        let chosen = event_target_value(&event)
            .parse::<usize>()
            .ok()
            .and_then(|index| FORMATS.get(index));
        if let Some(chosen) = chosen {
            format.set(*chosen);
            status.set(String::new());
        }
    };
    view! {
        <div class="citation-export">
            <div class="citation-controls needs-js">
                <label for=menu_id.clone()>"Format"</label>
                <select id=menu_id on:change=choose>
                    {options}
                </select>
                <button type="button" class="button button-small" on:click=copy>
                    "Copy"
                </button>
                <button type="button" class="button button-small" on:click=download>
                    "Download"
                </button>
                <span class="copy-status" role="status">
                    // No text rather than an empty one, which a static page writes as a space.
                    {move || Some(status.get()).filter(|text| !text.is_empty())}
                </span>
            </div>
            <pre class="citation-text" tabindex="0" aria-label="Citation">
                <code>{move || text.get()}</code>
            </pre>
        </div>
    }
}
