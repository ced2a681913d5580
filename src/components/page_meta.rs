//! The document head of the page on screen, kept in step with the route.

use crate::model::Site;
use crate::render::head::{PageHead, head_html};
use crate::render::markers::{HEAD_END, HEAD_START};
use leptos::prelude::document;
use wasm_bindgen::JsCast;

/// Writes `head` into the document: its title, and the tags between the head markers, replaced
/// whole. Without the markers (a document the build step did not write), the title and the meta
/// description.
pub fn apply_head(site: &Site, head: &PageHead) {
    let document = document();
    if document.title() != head.title {
        document.set_title(&head.title);
    }
    let Some(markers) = head_markers(&document) else {
        if let Ok(Some(meta)) = document.query_selector("meta[name=description]") {
            meta.set_attribute("content", &head.description).ok();
        }
        return;
    };
    let (start, end) = markers;
    let html = head_html(site, head);
    while let Some(node) = start.next_sibling() {
        if node.is_same_node(Some(&end)) {
            break;
        }
        node.parent_node().map(|parent| parent.remove_child(&node));
    }
    let Ok(template) = document.create_element("template") else {
        return;
    };
    template.set_inner_html(&html);
    let template: web_sys::HtmlTemplateElement = template.unchecked_into();
    if let Some(parent) = end.parent_node() {
        parent.insert_before(&template.content(), Some(&end)).ok();
    }
}

/// The comments around the page's part of `<head>`.
fn head_markers(document: &web_sys::Document) -> Option<(web_sys::Node, web_sys::Node)> {
    let head = document.head()?;
    let children = head.child_nodes();
    let mut start = None;
    for index in 0..children.length() {
        let node = children.item(index)?;
        if node.node_type() != web_sys::Node::COMMENT_NODE {
            continue;
        }
        match node.node_value().as_deref().map(str::trim) {
            Some(HEAD_START) => start = Some(node),
            Some(HEAD_END) => return start.map(|start| (start, node)),
            _ => {}
        }
    }
    None
}
