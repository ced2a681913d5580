//! The filters of the papers pages. Their state lives in the URL query, so a filtered list can be
//! linked to and survives a reload.
//!
//! Facets combine with "and". Within one, kinds combine with "any of" (conference or journal
//! papers: a paper has one kind, so "all of" would always be empty) and tags with "all of" (each
//! tag narrows the list, as topics do). Tags compare exactly as written in the data, case
//! included: the facets show them as spelt there, and the URL carries that spelling.

use super::schema::{AuthorPosition, PaperKind, PaperStatus};
use super::search::{BitSet, PaperIndex, Query};
use super::site::Site;
use super::sort::sort_by;
use std::cmp::Reverse;
use std::collections::BTreeMap;

/// The statuses in the order facets list them.
const STATUSES: [PaperStatus; 2] = [PaperStatus::Preprint, PaperStatus::Published];

/// A status's name in URLs, as in the data file.
fn status_name(status: PaperStatus) -> &'static str {
    match status {
        PaperStatus::Preprint => "preprint",
        PaperStatus::Published => "published",
    }
}

/// The filters of a papers list; the defaults filter nothing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PaperFilter {
    /// Text to search for (`q`), matched by [`PaperIndex`].
    pub query: String,
    /// Years from and to, both included, either open (`year=2024-2025`, `2024-`, `-2023`, `2024`).
    /// Kept as given: a range ending before it starts matches nothing.
    pub years: Option<(Option<i32>, Option<i32>)>,
    /// Kinds, any of which a paper may have (`kind=conference,journal`); none filters nothing.
    pub kinds: Vec<PaperKind>,
    /// Preprint or published (`status=preprint`).
    pub status: Option<PaperStatus>,
    /// Tags, all of which a paper must have (`tag=a,b`); none filters nothing.
    pub tags: Vec<String>,
    /// Papers where the highlighted person is first or last author (`position=first`); ignored
    /// where no person is highlighted.
    pub position: Option<AuthorPosition>,
}

impl PaperFilter {
    /// Reads the filters from URL query pairs. Unknown keys and malformed values are ignored;
    /// `kind` and `tag` may also repeat, and their values come out sorted, each once.
    pub fn from_query(pairs: impl IntoIterator<Item = (String, String)>) -> Self {
        let mut filter = Self::default();
        for (key, value) in pairs {
            match key.as_str() {
                "q" => filter.query = value,
                "year" => filter.years = parse_years(&value).or(filter.years),
                "kind" => filter.kinds.extend(value.split(',').filter_map(|name| {
                    PaperKind::ALL
                        .into_iter()
                        .find(|kind| kind.as_str() == name.trim())
                })),
                "status" => {
                    filter.status = STATUSES
                        .into_iter()
                        .find(|&status| status_name(status) == value)
                        .or(filter.status);
                }
                "tag" => filter.tags.extend(
                    value
                        .split(',')
                        .map(str::trim)
                        .filter(|tag| !tag.is_empty())
                        .map(str::to_string),
                ),
                "position" => {
                    filter.position = AuthorPosition::ALL
                        .into_iter()
                        .find(|position| position.as_str() == value)
                        .or(filter.position);
                }
                _ => {}
            }
        }
        filter.kinds.sort_unstable();
        filter.kinds.dedup();
        filter.tags.sort_unstable();
        filter.tags.dedup();
        filter
    }

    /// The URL query pairs of the filters that are set, in the order `q`, `year`, `kind`,
    /// `status`, `tag`, `position`, lists sorted: [`from_query`](Self::from_query) reads them back.
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if !self.query.is_empty() {
            pairs.push(("q", self.query.clone()));
        }
        if let Some((from, to)) = self.years.filter(|&(from, to)| from.or(to).is_some()) {
            let year = |bound: Option<i32>| bound.map(|year| year.to_string()).unwrap_or_default();
            let years = if from == to {
                year(from)
            } else {
                format!("{}-{}", year(from), year(to))
            };
            pairs.push(("year", years));
        }
        if !self.kinds.is_empty() {
            let mut kinds = self.kinds.clone();
            kinds.sort_unstable();
            kinds.dedup();
            let names: Vec<&str> = kinds.into_iter().map(PaperKind::as_str).collect();
            pairs.push(("kind", names.join(",")));
        }
        if let Some(status) = self.status {
            pairs.push(("status", status_name(status).to_string()));
        }
        if !self.tags.is_empty() {
            let mut tags = self.tags.clone();
            tags.sort_unstable();
            tags.dedup();
            pairs.push(("tag", tags.join(",")));
        }
        if let Some(position) = self.position {
            pairs.push(("position", position.as_str().to_string()));
        }
        pairs
    }

    /// Whether no filter is set.
    pub fn is_empty(&self) -> bool {
        self.query.is_empty()
            && self.years.is_none_or(|(from, to)| from.or(to).is_none())
            && self.kinds.is_empty()
            && self.status.is_none()
            && self.tags.is_empty()
            && self.position.is_none()
    }

    /// The `candidates` (paper indices) passing every filter, in their order. `person_cluster` is
    /// the cluster key of the highlighted person, for the position filter.
    pub fn apply(
        &self,
        site: &Site,
        index: &PaperIndex,
        candidates: &[usize],
        person_cluster: Option<&str>,
    ) -> Vec<usize> {
        let checks = Checks::new(self, index, person_cluster);
        candidates
            .iter()
            .copied()
            .filter(|&paper| checks.failed(site, index, paper) == 0)
            .collect()
    }

    /// How many `candidates` each option of each facet would leave: those passing every other
    /// filter and the option. Options leaving none are left out unless selected; positions are
    /// counted only with a highlighted person.
    pub fn facets(
        &self,
        site: &Site,
        index: &PaperIndex,
        candidates: &[usize],
        person_cluster: Option<&str>,
    ) -> Facets {
        let checks = Checks::new(self, index, person_cluster);
        let mut years: BTreeMap<i32, usize> = BTreeMap::new();
        let mut kinds = [0; PaperKind::ALL.len()];
        let mut statuses = [0; STATUSES.len()];
        let mut tags = vec![0; index.tags().len()];
        let mut positions = [0; AuthorPosition::ALL.len()];
        for &paper in candidates {
            let failed = checks.failed(site, index, paper);
            let passes_but = |check: u8| failed & !check == 0;
            if passes_but(YEAR) {
                *years.entry(site.paper_date(paper).year).or_default() += 1;
            }
            // `as usize` is the position in `ALL` and `STATUSES`: both follow declaration order.
            let (kind, status) = index.kind_and_status(paper);
            if passes_but(KIND) {
                kinds[kind as usize] += 1;
            }
            if passes_but(STATUS) {
                statuses[status as usize] += 1;
            }
            if failed == 0 {
                for &tag in index.tags_of(paper) {
                    tags[tag as usize] += 1;
                }
            }
            if let Some(cluster) = person_cluster
                && passes_but(POSITION)
            {
                let (first, last) = positions_of(site, paper, cluster);
                positions[0] += usize::from(first);
                positions[1] += usize::from(last);
            }
        }

        for year in self
            .years
            .into_iter()
            .flat_map(|(from, to)| [from, to])
            .flatten()
        {
            years.entry(year).or_default();
        }
        let mut tag_counts: Vec<(usize, usize)> = tags
            .into_iter()
            .enumerate()
            .filter(|&(tag, count)| count > 0 || self.tags.contains(&index.tags()[tag]))
            .collect();
        sort_by(&mut tag_counts, &|a, b| {
            (Reverse(a.1), a.0).cmp(&(Reverse(b.1), b.0))
        });
        let mut tags: Vec<(String, usize)> = tag_counts
            .into_iter()
            .map(|(tag, count)| (index.tags()[tag].clone(), count))
            .collect();
        for tag in &self.tags {
            if index.tag_id(tag).is_none() {
                tags.push((tag.clone(), 0));
            }
        }
        Facets {
            years: years.into_iter().rev().collect(),
            kinds: PaperKind::ALL
                .into_iter()
                .zip(kinds)
                .filter(|(kind, count)| *count > 0 || self.kinds.contains(kind))
                .collect(),
            statuses: STATUSES
                .into_iter()
                .zip(statuses)
                .filter(|&(status, count)| count > 0 || self.status == Some(status))
                .collect(),
            tags,
            positions: match person_cluster {
                None => Vec::new(),
                Some(_) => AuthorPosition::ALL
                    .into_iter()
                    .zip(positions)
                    .filter(|&(position, count)| count > 0 || self.position == Some(position))
                    .collect(),
            },
        }
    }
}

/// The options of each facet with how many papers choosing them would leave.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Facets {
    /// Years, newest first.
    pub years: Vec<(i32, usize)>,
    /// Kinds, in [`PaperKind::ALL`] order.
    pub kinds: Vec<(PaperKind, usize)>,
    /// Preprint, then published.
    pub statuses: Vec<(PaperStatus, usize)>,
    /// Tags, most common first, then alphabetically ignoring case and accents.
    pub tags: Vec<(String, usize)>,
    /// First, then last author; empty without a highlighted person.
    pub positions: Vec<(AuthorPosition, usize)>,
}

impl Facets {
    /// The options of a sharded corpus with no filter set, from its manifest: tags most common
    /// first, and the site owner's author positions.
    pub fn of_corpus(corpus: &super::shard::Facets) -> Self {
        let mut tags = corpus.tags.clone();
        tags.sort_by_key(|(_, count)| std::cmp::Reverse(*count));
        Self {
            years: corpus.years.clone(),
            kinds: corpus.kinds.clone(),
            statuses: corpus.statuses.clone(),
            tags,
            positions: corpus.positions.clone(),
        }
    }
}

/// Reads `2024`, `2024-2025`, `2024-` or `-2023`.
fn parse_years(text: &str) -> Option<(Option<i32>, Option<i32>)> {
    let year = |text: &str| -> Option<Option<i32>> {
        match text {
            "" => Some(None),
            _ if text.bytes().all(|byte| byte.is_ascii_digit()) => text.parse().ok().map(Some),
            _ => None,
        }
    };
    let (from, to) = match text.split_once('-') {
        Some((from, to)) => (year(from)?, year(to)?),
        None => {
            let only = year(text)?;
            (only, only)
        }
    };
    from.or(to).map(|_| (from, to))
}

/// Bits of [`Checks::failed`], one per filter.
const TEXT: u8 = 1;
const YEAR: u8 = 2;
const KIND: u8 = 4;
const STATUS: u8 = 8;
const TAGS: u8 = 16;
const POSITION: u8 = 32;

/// A filter prepared for checking many papers.
struct Checks<'a> {
    text: Option<BitSet>,
    years: Option<(i32, i32)>,
    /// Bit `kind as usize` set for each accepted kind; 0 accepts all.
    kinds: u16,
    status: Option<PaperStatus>,
    /// The required tags' ids, or `None` when one of them is on no paper.
    tags: Option<Vec<u32>>,
    position: Option<(AuthorPosition, &'a str)>,
}

impl<'a> Checks<'a> {
    fn new(filter: &PaperFilter, index: &PaperIndex, person_cluster: Option<&'a str>) -> Self {
        Self {
            text: index.matches(&Query::parse(&filter.query)),
            years: filter
                .years
                .map(|(from, to)| (from.unwrap_or(i32::MIN), to.unwrap_or(i32::MAX))),
            kinds: filter
                .kinds
                .iter()
                .fold(0, |kinds, &kind| kinds | 1 << kind as u16),
            status: filter.status,
            tags: filter.tags.iter().map(|tag| index.tag_id(tag)).collect(),
            position: filter.position.zip(person_cluster),
        }
    }

    /// The bits of the filters the paper at `paper` fails.
    fn failed(&self, site: &Site, index: &PaperIndex, paper: usize) -> u8 {
        let mut failed = 0;
        if self.text.as_ref().is_some_and(|text| !text.contains(paper)) {
            failed |= TEXT;
        }
        if let Some((from, to)) = self.years
            && !(from..=to).contains(&site.paper_date(paper).year)
        {
            failed |= YEAR;
        }
        let (kind, status) = index.kind_and_status(paper);
        if self.kinds != 0 && self.kinds & 1 << kind as u16 == 0 {
            failed |= KIND;
        }
        if self.status.is_some_and(|wanted| wanted != status) {
            failed |= STATUS;
        }
        let tags = index.tags_of(paper);
        if !self
            .tags
            .as_ref()
            .is_some_and(|required| required.iter().all(|tag| tags.contains(tag)))
        {
            failed |= TAGS;
        }
        if let Some((position, cluster)) = self.position {
            let (first, last) = positions_of(site, paper, cluster);
            if !match position {
                AuthorPosition::First => first,
                AuthorPosition::Last => last,
            } {
                failed |= POSITION;
            }
        }
        failed
    }
}

/// Whether the author cluster `cluster` is the first and whether it is the last author of `paper`.
pub fn positions_of(site: &Site, paper: usize, cluster: &str) -> (bool, bool) {
    let mut rows = site.authors().rows_of_paper(paper);
    let first = rows.next();
    let last = rows.last().or(first);
    let is =
        |row: Option<&super::cluster::AuthorRow>| row.is_some_and(|row| row.cluster == cluster);
    (is(first), is(last))
}
