//! The data file format (`public/data/site.json`), as serde types.
//!
//! Every struct rejects unknown fields, so a misspelt key is reported instead of ignored.

use serde::{Deserialize, Serialize};

/// The whole data file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteFile {
    /// Site-wide settings.
    pub site: SiteInfo,
    /// The people the site presents.
    #[serde(default)]
    pub people: Vec<Person>,
}

/// Site-wide settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SiteInfo {
    /// Shown in the header and in every page title.
    pub title: String,
    /// One sentence for search engines and link previews.
    #[serde(default)]
    pub description: String,
}

/// A person with a profile on the site.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// URL slug, unique within the file (`alex-infanger`).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Institution or "Independent researcher".
    #[serde(default)]
    pub affiliation: Option<String>,
}
