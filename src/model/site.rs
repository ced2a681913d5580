//! The site as the views use it: parsed data with lookups.

use super::schema::{Person, SiteFile};

/// The loaded, checked site data.
#[derive(Debug, Clone, PartialEq)]
pub struct Site {
    file: SiteFile,
}

impl Site {
    /// Wraps a parsed data file.
    pub fn new(file: SiteFile) -> Self {
        Self { file }
    }

    /// The site title.
    pub fn title(&self) -> &str {
        &self.file.site.title
    }

    /// The site description.
    pub fn description(&self) -> &str {
        &self.file.site.description
    }

    /// Every person, in file order.
    pub fn people(&self) -> &[Person] {
        &self.file.people
    }

    /// The person with this id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.file.people.iter().find(|person| person.id == id)
    }
}
