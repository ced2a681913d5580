//! `/people/:id/cv/`: the person's CV from their data and papers, to print or save as a PDF and
//! to download as a JSON Resume file.

use crate::components::download::save_file;
use crate::components::email::EmailReveal;
use crate::components::html_block::HtmlBlock;
use crate::context::use_site;
use crate::model::resume::write_resume;
use crate::model::schema::Person;
use crate::render::cv::{cv_header, cv_sections};
use crate::render::pages::about_links;
use leptos::prelude::*;

/// A person's CV, with buttons to print it and to download it as JSON Resume.
#[component]
pub fn CvPage(
    /// Whose CV.
    person: Person,
) -> impl IntoView {
    let site = use_site();
    let status = RwSignal::new(String::new());
    // Printing shows the address, from the button or the browser's own command: a printed CV is
    // for contacting its author.
    let email_shown = RwSignal::new(false);
    Effect::new(move |_| {
        let listener =
            window_event_listener(leptos::ev::beforeprint, move |_| email_shown.set(true));
        on_cleanup(move || listener.remove());
    });
    let print = move |_| {
        email_shown.set(true);
        // After the address is drawn.
        request_animation_frame(move || {
            if window().print().is_err() {
                status.set("Printing failed: use the browser's own print command".into());
            }
        });
    };
    let download = {
        let site = site.clone();
        let person = person.clone();
        move |_| {
            let name = format!("{}-resume.json", person.id);
            let text = write_resume(&site, &person);
            status.set(match save_file(&name, &text, "application/json") {
                Ok(()) => format!("Saved {name}"),
                Err(_) => "The download failed".into(),
            });
        }
    };
    let contact = person.email.clone().map(|email| {
        view! { <EmailReveal email shown=email_shown /> }
    });
    view! {
        <div class="cv-controls needs-js">
            <button type="button" class="button" on:click=print>
                "Print or save as PDF"
            </button>
            <button type="button" class="button" on:click=download>
                "Download as JSON Resume"
            </button>
            <span class="copy-status" role="status">
                // No text rather than an empty one, which a static page writes as a space.
                {move || Some(status.get()).filter(|text| !text.is_empty())}
            </span>
        </div>
        <article class="cv">
            <header class="cv-header">
                <HtmlBlock html=cv_header(&person) />
                {contact}
                <HtmlBlock html=about_links(&person) />
            </header>
            <HtmlBlock html=cv_sections(&site, &person) />
        </article>
    }
}
