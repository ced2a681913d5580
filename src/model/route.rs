//! The route table: every kind of page the site has, with its URL pattern. The one table serves
//! the app (matching the address to a page), the links (building addresses) and the build step
//! (writing every page a site's data has, [`Site::routes`](super::Site::routes), as a file).
//!
//! Addresses are relative to the site root and end with a slash (`papers/persian-rug/`), as the
//! folders the build writes (`papers/persian-rug/index.html`) are served by every static host.
//! Paths without the final slash match too.

/// The kinds of page.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    /// `/`: the owner's about page, or the directory of people.
    Home,
    /// Every paper.
    Papers,
    /// One paper, by id.
    Paper,
    /// Everyone's news.
    News,
    /// The index of author names.
    Authors,
    /// The cluster page of an author name, by key.
    Author,
    /// A person's about page, by id.
    Person,
    /// A person's papers.
    PersonPapers,
    /// A person's news.
    PersonNews,
    /// A person's forum activity.
    PersonActivity,
    /// A person's CV.
    PersonCv,
    /// A person's talks.
    PersonTalks,
    /// A person's teaching.
    PersonTeaching,
}

/// Each kind of page with its pattern: segments relative to the site root, `:name` standing for
/// the page's parameter. Listed once, here.
const TABLE: [(Page, &str); 13] = [
    (Page::Home, ""),
    (Page::Papers, "papers"),
    (Page::Paper, "papers/:id"),
    (Page::News, "news"),
    (Page::Authors, "authors"),
    (Page::Author, "authors/:key"),
    (Page::Person, "people/:id"),
    (Page::PersonPapers, "people/:id/papers"),
    (Page::PersonNews, "people/:id/news"),
    (Page::PersonActivity, "people/:id/activity"),
    (Page::PersonCv, "people/:id/cv"),
    (Page::PersonTalks, "people/:id/talks"),
    (Page::PersonTeaching, "people/:id/teaching"),
];

impl Page {
    /// Every kind of page, in the order of the route table.
    pub fn all() -> impl Iterator<Item = Page> {
        TABLE.iter().map(|(page, _)| *page)
    }

    fn pattern(self) -> &'static str {
        TABLE
            .iter()
            .find(|(page, _)| *page == self)
            .map(|(_, pattern)| *pattern)
            .expect("every kind of page is in the route table")
    }

    /// Whether the page's pattern has a parameter.
    pub fn has_param(self) -> bool {
        self.pattern().contains(':')
    }

    /// Whether the page is one of a person's (`people/:id/` and its sub-pages).
    pub fn is_person(self) -> bool {
        match self {
            Self::Person
            | Self::PersonPapers
            | Self::PersonNews
            | Self::PersonActivity
            | Self::PersonCv
            | Self::PersonTalks
            | Self::PersonTeaching => true,
            Self::Home | Self::Papers | Self::Paper | Self::News | Self::Authors | Self::Author => {
                false
            }
        }
    }
}

/// A page of the site: its kind and the value of its parameter (empty when it has none).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Route {
    /// The kind of page.
    pub page: Page,
    /// The id or key in the address, decoded.
    pub param: String,
}

impl Route {
    /// The route of a kind of page without a parameter.
    pub fn of(page: Page) -> Self {
        Self::with(page, "")
    }

    /// The route of a kind of page with its parameter.
    pub fn with(page: Page, param: &str) -> Self {
        Self {
            page,
            param: param.to_string(),
        }
    }

    /// The route a path relative to the site root stands for (`papers/x/`, `/papers/x`), its
    /// parameter percent-decoded; `None` when no pattern matches.
    pub fn parse(path: &str) -> Option<Self> {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let segments: Vec<&str> = path.split('/').filter(|part| !part.is_empty()).collect();
        TABLE.iter().find_map(|&(page, pattern)| {
            let parts: Vec<&str> = pattern.split('/').filter(|part| !part.is_empty()).collect();
            if parts.len() != segments.len() {
                return None;
            }
            let mut param = String::new();
            for (part, segment) in parts.iter().zip(&segments) {
                if part.starts_with(':') {
                    param = decode_component(segment)?;
                    if param.is_empty() {
                        return None;
                    }
                } else if part != segment {
                    return None;
                }
            }
            Some(Self { page, param })
        })
    }

    /// The address relative to the site root: `""` for the home page, else the pattern with its
    /// parameter encoded, and a trailing slash (`papers/persian-rug/`).
    pub fn relative_path(&self) -> String {
        let pattern = self.page.pattern();
        if pattern.is_empty() {
            return String::new();
        }
        let mut path = String::with_capacity(pattern.len() + self.param.len() + 1);
        for part in pattern.split('/') {
            if part.starts_with(':') {
                path.push_str(&encode_component(&self.param));
            } else {
                path.push_str(part);
            }
            path.push('/');
        }
        path
    }

    /// Where the build writes the page, relative to the site folder: the folder of its address
    /// with an `index.html`, so that a static host serves it at that address. `None` for a
    /// parameter that cannot be a file name (empty, `.`, `..`, or holding a separator).
    pub fn file(&self) -> Option<String> {
        let safe = !self.page.has_param()
            || !(self.param.is_empty()
                || self.param == "."
                || self.param == ".."
                || self.param.contains(['/', '\\', '\0']));
        safe.then(|| {
            let mut file = self.relative_path_decoded();
            file.push_str("index.html");
            file
        })
    }

    /// The address with its parameter as written, for file names (hosts decode the address
    /// before looking up the file).
    fn relative_path_decoded(&self) -> String {
        let pattern = self.page.pattern();
        if pattern.is_empty() {
            return String::new();
        }
        pattern
            .split('/')
            .map(|part| {
                if part.starts_with(':') {
                    format!("{}/", self.param)
                } else {
                    format!("{part}/")
                }
            })
            .collect()
    }
}

/// The top-level folders the pages of the table are written in (`papers`, `people`…).
pub fn top_folders() -> Vec<&'static str> {
    let mut folders: Vec<&'static str> = TABLE
        .iter()
        .filter_map(|(_, pattern)| pattern.split('/').next())
        .filter(|folder| !folder.is_empty())
        .collect();
    folders.dedup();
    folders
}

/// Percent-encodes everything but unreserved characters, as `encodeURIComponent` does (author keys
/// of non-Latin names contain letters that must be encoded).
pub fn encode_component(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            encoded.push(char::from(byte));
        } else {
            encoded.push_str(&format!("%{byte:02X}"));
        }
    }
    encoded
}

/// Decodes `%XX` escapes; `None` when an escape is malformed or the bytes are not UTF-8.
pub fn decode_component(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%' {
            let hex = text.get(index + 1..index + 3)?;
            decoded.push(u8::from_str_radix(hex, 16).ok()?);
            index += 3;
        } else {
            decoded.push(bytes[index]);
            index += 1;
        }
    }
    String::from_utf8(decoded).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_page_round_trips_through_its_address() {
        for &(page, _) in &TABLE {
            let route = if page.has_param() {
                Route::with(page, "alex-mallen")
            } else {
                Route::of(page)
            };
            assert_eq!(Route::parse(&route.relative_path()), Some(route));
        }
    }

    #[test]
    fn addresses_end_with_a_slash_and_match_without_one() {
        let route = Route::with(Page::PersonActivity, "mark-xu");
        assert_eq!(route.relative_path(), "people/mark-xu/activity/");
        assert_eq!(
            Route::parse("/people/mark-xu/activity"),
            Some(route.clone())
        );
        assert_eq!(
            Route::parse("people/mark-xu/activity/?shown=20"),
            Some(route)
        );
        assert_eq!(Route::parse(""), Some(Route::of(Page::Home)));
        assert_eq!(Route::parse("/"), Some(Route::of(Page::Home)));
    }

    #[test]
    fn unknown_addresses_match_nothing() {
        assert_eq!(Route::parse("no/such/page"), None);
        assert_eq!(Route::parse("papers/a/b"), None);
        assert_eq!(Route::parse("people/x/cv-typo"), None);
        assert_eq!(Route::parse("people/x/cv/extra"), None);
        assert_eq!(Route::parse("papers/%ZZ"), None);
    }

    #[test]
    fn parameters_of_other_scripts_are_encoded_in_addresses_and_kept_in_file_names() {
        let route = Route::with(Page::Author, "王-小明");
        assert_eq!(
            route.relative_path(),
            "authors/%E7%8E%8B-%E5%B0%8F%E6%98%8E/"
        );
        assert_eq!(Route::parse(&route.relative_path()), Some(route.clone()));
        assert_eq!(route.file().as_deref(), Some("authors/王-小明/index.html"));
    }

    #[test]
    fn files_sit_in_the_folder_of_their_address() {
        assert_eq!(Route::of(Page::Home).file().as_deref(), Some("index.html"));
        assert_eq!(
            Route::with(Page::Paper, "persian-rug").file().as_deref(),
            Some("papers/persian-rug/index.html")
        );
        assert_eq!(Route::with(Page::Paper, "..").file(), None);
        assert_eq!(Route::with(Page::Paper, "a/b").file(), None);
    }

    #[test]
    fn pages_are_written_in_the_folders_of_the_table() {
        assert_eq!(top_folders(), ["papers", "news", "authors", "people"]);
    }

    #[test]
    fn queries_and_fragments_do_not_change_the_page() {
        assert_eq!(
            Route::parse("papers/?q=x#top"),
            Some(Route::of(Page::Papers))
        );
    }
}
