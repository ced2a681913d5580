//! Author clusters: every paper whose author name matches a given name, grouped as the author page
//! of a bibliographic index groups them, and honest about what the grouping rests on.
//!
//! Each distinct author record (one spelling with its person link and ORCID) is an *author row*.
//! A cluster merges, for certain, the rows that spell its name the same up to case, accents,
//! punctuation and order; the rows linked to its person, or spelling one of the person's aliases;
//! and the rows sharing an ORCID with them. Names that are merely compatible ("A. Mallen" for
//! "Alex Mallen") are listed apart as variants, each with its reasons, and never merged. Curated
//! `distinct` pairs keep compatible names apart, and rows linked to different people never merge.

use super::fast_hash::{FastMap, FastSet};
use super::names::{self, MatchReason, ParsedName};
use super::schema::{NameRules, Paper, Person};
use super::sort::sort_by;
use serde::{Deserialize, Serialize};

/// A distinct author record: one spelling with its person link and ORCID.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthorRow {
    /// The name as displayed (LaTeX decoded, "First Last").
    pub name: String,
    /// The person it is linked to.
    pub person: Option<String>,
    /// The ORCID iD it carries.
    pub orcid: Option<String>,
    /// The key of its spelling ([`names::key`]).
    pub key: String,
    /// The key of the cluster it belongs to (a person's key when linked to one).
    pub cluster: String,
    /// Indices of the papers it appears on, ascending.
    pub papers: Vec<usize>,
    parsed: ParsedName,
}

/// Why a row belongs to a cluster for certain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MergeReason {
    /// The same name up to case, accents, punctuation and order.
    SameName,
    /// Linked to the cluster's person in the data.
    PersonLink,
    /// One of the person's listed aliases.
    Alias,
    /// Carries an ORCID iD of the cluster.
    Orcid(String),
}

/// A row of a cluster, with the reason it was merged.
#[derive(Debug, Clone, PartialEq)]
pub struct MemberRow<'a> {
    /// The author row.
    pub row: &'a AuthorRow,
    /// Why it is in the cluster.
    pub reason: MergeReason,
}

/// A group of rows under another key whose name is compatible with the cluster's name.
#[derive(Debug, Clone, PartialEq)]
pub struct Variant<'a> {
    /// The cluster the variant belongs to, to link to.
    pub cluster: &'a str,
    /// Its name as displayed.
    pub name: &'a str,
    /// Why it might be the same person.
    pub reasons: Vec<MatchReason>,
    /// Its rows.
    pub rows: Vec<&'a AuthorRow>,
    /// Indices of its papers, ascending.
    pub papers: Vec<usize>,
}

/// A co-author of a cluster, with the number of papers shared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coauthor<'a> {
    /// The co-author's cluster key.
    pub cluster: &'a str,
    /// The co-author's display name.
    pub name: &'a str,
    /// Papers shared with the cluster.
    pub papers: usize,
}

/// Everything the author-cluster page shows for one name.
#[derive(Debug, Clone, PartialEq)]
pub struct Cluster<'a> {
    /// The cluster key (`alex-mallen`).
    pub key: &'a str,
    /// The name as displayed.
    pub name: &'a str,
    /// The person in the data this name belongs to.
    pub person: Option<&'a str>,
    /// The rows merged for certain.
    pub rows: Vec<MemberRow<'a>>,
    /// Indices of the cluster's papers, ascending.
    pub papers: Vec<usize>,
    /// Rows with the cluster's exact name that belong to another person.
    pub split: Vec<&'a AuthorRow>,
    /// Compatible names, not merged.
    pub variants: Vec<Variant<'a>>,
    /// Co-authors, most shared papers first.
    pub coauthors: Vec<Coauthor<'a>>,
}

/// An author cluster as its page shows it, owned and self-contained: what [`Cluster`] says, with
/// the papers of its variants named. A sharded index writes it into the cluster's file, so that
/// the page reads the same figures whether it has the whole corpus or that file alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClusterSummary {
    /// The cluster key.
    pub key: String,
    /// The name as displayed.
    pub name: String,
    /// The person in the data this name belongs to.
    pub person: Option<String>,
    /// How many papers the cluster has.
    pub papers: usize,
    /// The rows merged for certain.
    pub rows: Vec<SummaryRow>,
    /// Rows with the cluster's exact name that belong to another person.
    pub split: Vec<SplitRow>,
    /// Compatible names, not merged.
    pub variants: Vec<SummaryVariant>,
    /// The [`COAUTHORS_SHOWN`] most frequent co-authors, most shared papers first.
    pub coauthors: Vec<SummaryCoauthor>,
    /// How many co-authors there are beyond those.
    pub more_coauthors: usize,
}

/// How many co-authors a cluster page names: a prolific name of a large index has thousands.
pub const COAUTHORS_SHOWN: usize = 100;

/// A row of a [`ClusterSummary`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryRow {
    /// The spelling, as displayed.
    pub name: String,
    /// The person it is linked to.
    pub person: Option<String>,
    /// The ORCID iD it carries.
    pub orcid: Option<String>,
    /// Why it is in the cluster.
    pub reason: MergeReason,
    /// How many papers it appears on.
    pub papers: usize,
}

/// A row of the cluster's name that belongs to another person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SplitRow {
    /// The cluster it belongs to.
    pub cluster: String,
    /// The spelling, as displayed.
    pub name: String,
    /// The person it is linked to.
    pub person: Option<String>,
    /// How many papers it appears on.
    pub papers: usize,
}

/// A compatible name of a [`ClusterSummary`], with its newest papers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryVariant {
    /// The cluster the variant belongs to.
    pub cluster: String,
    /// Its name as displayed.
    pub name: String,
    /// Why it might be the same person, as sentences ("initial A. matches Alex").
    pub reasons: Vec<String>,
    /// How many papers it has.
    pub papers: usize,
    /// Its [`VARIANT_PAPERS_SHOWN`] newest papers, newest first.
    pub newest: Vec<PaperMention>,
}

/// How many papers of each compatible name a cluster page names: the variant's own page lists
/// them all, and a common name of a large index has hundreds.
pub const VARIANT_PAPERS_SHOWN: usize = 5;

/// A paper named by a link: id, title and year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PaperMention {
    /// The paper's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its year.
    pub year: i32,
}

/// A co-author of a [`ClusterSummary`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryCoauthor {
    /// The co-author's cluster key.
    pub cluster: String,
    /// The co-author's display name.
    pub name: String,
    /// Papers shared with the cluster.
    pub papers: usize,
}

impl Cluster<'_> {
    /// The cluster as its page shows it; `mention` names a paper by index, and `newest_first`
    /// orders paper indices.
    pub fn summary(
        &self,
        mention: impl Fn(usize) -> PaperMention,
        newest_first: impl Fn(&mut [usize]),
    ) -> ClusterSummary {
        ClusterSummary {
            key: self.key.to_string(),
            name: self.name.to_string(),
            person: self.person.map(str::to_string),
            papers: self.papers.len(),
            rows: self
                .rows
                .iter()
                .map(|member| SummaryRow {
                    name: member.row.name.clone(),
                    person: member.row.person.clone(),
                    orcid: member.row.orcid.clone(),
                    reason: member.reason.clone(),
                    papers: member.row.papers.len(),
                })
                .collect(),
            split: self
                .split
                .iter()
                .map(|row| SplitRow {
                    cluster: row.cluster.clone(),
                    name: row.name.clone(),
                    person: row.person.clone(),
                    papers: row.papers.len(),
                })
                .collect(),
            variants: self
                .variants
                .iter()
                .map(|variant| {
                    let mut papers = variant.papers.clone();
                    newest_first(&mut papers);
                    SummaryVariant {
                        cluster: variant.cluster.to_string(),
                        name: variant.name.to_string(),
                        reasons: variant.reasons.iter().map(ToString::to_string).collect(),
                        papers: papers.len(),
                        newest: papers
                            .into_iter()
                            .take(VARIANT_PAPERS_SHOWN)
                            .map(&mention)
                            .collect(),
                    }
                })
                .collect(),
            more_coauthors: self.coauthors.len().saturating_sub(COAUTHORS_SHOWN),
            coauthors: self
                .coauthors
                .iter()
                .take(COAUTHORS_SHOWN)
                .map(|coauthor| SummaryCoauthor {
                    cluster: coauthor.cluster.to_string(),
                    name: coauthor.name.to_string(),
                    papers: coauthor.papers,
                })
                .collect(),
        }
    }
}

/// One line of the index of all author names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexEntry<'a> {
    /// The cluster key.
    pub key: &'a str,
    /// The name as displayed.
    pub name: &'a str,
    /// Papers in the cluster.
    pub papers: usize,
    /// Whether the name belongs to a person in the data.
    pub is_person: bool,
}

/// The orders the table can be sorted in, as they appear in the URL (`?sort=papers`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum AuthorOrder {
    /// By family name, then given names.
    Name,
    /// By paper count, most first, then by name.
    Papers,
}

impl AuthorOrder {
    /// Every order.
    pub const ALL: [Self; 2] = [Self::Name, Self::Papers];

    /// The order a `sort` value in the URL names; by name unless it names another.
    pub fn from_query(value: Option<String>) -> Self {
        match value.as_deref() {
            Some("papers") => Self::Papers,
            _ => Self::Name,
        }
    }

    /// The `sort` value naming the order in the URL, empty for the default.
    pub fn query_value(self) -> String {
        match self {
            Self::Name => String::new(),
            Self::Papers => "papers".into(),
        }
    }
}

/// Sorts index entries in place by `order`.
pub fn sort_index_entries(entries: &mut [IndexEntry<'_>], order: AuthorOrder) {
    let sort_key = |entry: &IndexEntry<'_>| {
        let parsed = names::parse(entry.name);
        let given: Vec<String> = parsed.given.into_iter().map(|name| name.folded).collect();
        (parsed.family, given)
    };
    let mut keyed: Vec<_> = entries
        .iter()
        .map(|entry| (sort_key(entry), entry.clone()))
        .collect();
    match order {
        AuthorOrder::Name => sort_by(&mut keyed, &|a, b| a.0.cmp(&b.0).then(a.1.key.cmp(b.1.key))),
        AuthorOrder::Papers => sort_by(&mut keyed, &|a, b| {
            b.1.papers
                .cmp(&a.1.papers)
                .then(a.0.cmp(&b.0))
                .then(a.1.key.cmp(b.1.key))
        }),
    }
    for (slot, (_, entry)) in entries.iter_mut().zip(keyed) {
        *slot = entry;
    }
}

/// The author rows of a dataset and the lookups the cluster pages need.
#[derive(Debug, Clone, Default)]
pub struct AuthorIndex {
    rows: Vec<AuthorRow>,
    /// For each paper, the row of each author in order.
    paper_rows: Vec<Vec<usize>>,
    /// Cluster key to its rows.
    clusters: FastMap<String, Vec<usize>>,
    /// Cluster key to the name shown for it.
    cluster_names: FastMap<String, String>,
    /// Cluster key to its person.
    cluster_people: FastMap<String, String>,
    /// Any name or alias key of a person to that person's cluster key.
    claimed: FastMap<String, String>,
    /// Person id to the keys of its aliases.
    alias_keys: FastMap<String, FastSet<String>>,
    /// Rows by the [`block`](ParsedName::block) of their name, for finding variants: a name's
    /// compatible names are all in its block.
    blocks: FastMap<(String, char), Vec<usize>>,
    /// Rows merged into another cluster than the one their own key names, by that key.
    elsewhere: FastMap<String, Vec<usize>>,
    /// Pairs of keys declared to be different people, each pair sorted.
    distinct: FastSet<(String, String)>,
}

impl AuthorIndex {
    /// Indexes the authors of `papers`. People's names, aliases and ORCIDs decide which rows merge;
    /// `rules` lists names that must stay apart. Unknown person ids are treated as unlinked.
    pub fn build(papers: &[Paper], people: &[Person], rules: &NameRules) -> Self {
        Self::build_pinned(papers, people, rules, &[])
    }

    /// [`build`](Self::build), except that the authors of the first papers belong to the
    /// clusters `pinned` gives them (one key per author, paper by paper): those a larger corpus
    /// groups them in, when these papers are only part of it.
    pub fn build_pinned(
        papers: &[Paper],
        people: &[Person],
        rules: &NameRules,
        pinned: &[Vec<String>],
    ) -> Self {
        let mut index = Self::default();
        let mut pinned_rows: FastMap<usize, &str> = FastMap::default();
        let person_keys: FastMap<&str, String> = people
            .iter()
            .map(|person| (person.id.as_str(), names::key(&person.name)))
            .collect();
        for person in people {
            let own = &person_keys[person.id.as_str()];
            index
                .cluster_names
                .insert(own.clone(), names::display_name(&person.name));
            index.cluster_people.insert(own.clone(), person.id.clone());
            index
                .claimed
                .entry(own.clone())
                .or_insert_with(|| own.clone());
            for alias in &person.aliases {
                let alias_key = names::key(alias);
                index
                    .claimed
                    .entry(alias_key.clone())
                    .or_insert_with(|| own.clone());
                index
                    .alias_keys
                    .entry(person.id.clone())
                    .or_default()
                    .insert(alias_key);
            }
        }
        let orcid_people: FastMap<&str, &str> = people
            .iter()
            .filter_map(|person| Some((person.orcid.as_deref()?, person.id.as_str())))
            .collect();

        let mut row_ids: FastMap<(&str, Option<&str>, Option<&str>), usize> = FastMap::default();
        for (paper_index, paper) in papers.iter().enumerate() {
            let mut rows_of_paper = Vec::with_capacity(paper.authors.len());
            for author in &paper.authors {
                let person = author
                    .person
                    .as_deref()
                    .filter(|id| person_keys.contains_key(id));
                let identity = (author.name.as_str(), person, author.orcid.as_deref());
                let row = *row_ids.entry(identity).or_insert_with(|| {
                    let name = names::display_name(&author.name);
                    index.rows.push(AuthorRow {
                        key: names::key_of_display(&name),
                        parsed: names::parse_display(&name),
                        name,
                        person: person.map(str::to_string),
                        orcid: author.orcid.clone(),
                        cluster: String::new(),
                        papers: Vec::new(),
                    });
                    index.rows.len() - 1
                });
                if index.rows[row].papers.last() != Some(&paper_index) {
                    index.rows[row].papers.push(paper_index);
                }
                if let Some(cluster) = pinned
                    .get(paper_index)
                    .and_then(|keys| keys.get(rows_of_paper.len()))
                {
                    pinned_rows.insert(row, cluster);
                }
                rows_of_paper.push(row);
            }
            index.paper_rows.push(rows_of_paper);
        }

        // An ORCID names one person: rows sharing it take the person of any of them.
        let mut orcid_person: FastMap<String, String> = orcid_people
            .iter()
            .map(|(orcid, id)| (orcid.to_string(), id.to_string()))
            .collect();
        for row in &index.rows {
            if let (Some(orcid), Some(person)) = (&row.orcid, &row.person) {
                orcid_person
                    .entry(orcid.clone())
                    .or_insert_with(|| person.clone());
            }
        }
        // Unclaimed ORCIDs group their rows under the spelling seen on most papers.
        let mut orcid_key: FastMap<String, (usize, String)> = FastMap::default();
        for row in &index.rows {
            if let Some(orcid) = &row.orcid {
                let best = orcid_key
                    .entry(orcid.clone())
                    .or_insert((0, row.key.clone()));
                if row.papers.len() > best.0 {
                    *best = (row.papers.len(), row.key.clone());
                }
            }
        }

        for (row_index, row) in index.rows.iter_mut().enumerate() {
            let person = row.person.clone().or_else(|| {
                row.orcid
                    .as_ref()
                    .and_then(|orcid| orcid_person.get(orcid).cloned())
            });
            row.cluster = match person {
                _ if pinned_rows.contains_key(&row_index) => pinned_rows[&row_index].to_string(),
                Some(person) => person_keys[person.as_str()].clone(),
                None => match (index.claimed.get(&row.key), &row.orcid) {
                    (Some(claimed), None) => claimed.clone(),
                    (_, Some(orcid)) => orcid_key[orcid].1.clone(),
                    (None, None) => row.key.clone(),
                },
            };
            index
                .clusters
                .entry(row.cluster.clone())
                .or_default()
                .push(row_index);
            if let Some((family, letter)) = row.parsed.block() {
                index
                    .blocks
                    .entry((family.to_string(), letter))
                    .or_default()
                    .push(row_index);
            }
            if row.cluster != row.key {
                index
                    .elsewhere
                    .entry(row.key.clone())
                    .or_default()
                    .push(row_index);
            }
        }

        // A cluster without a person shows the spelling found on most papers, the first one in
        // the file on a tie.
        for (cluster, rows) in &index.clusters {
            if !index.cluster_names.contains_key(cluster) {
                let best = rows
                    .iter()
                    .max_by_key(|&&row| (index.rows[row].papers.len(), std::cmp::Reverse(row)))
                    .map(|&row| index.rows[row].name.clone())
                    .unwrap_or_default();
                index.cluster_names.insert(cluster.clone(), best);
            }
        }

        index.distinct = rules
            .distinct
            .iter()
            .map(|[left, right]| sorted_pair(names::key(left), names::key(right)))
            .collect();
        index
    }

    /// Every author row.
    pub fn rows(&self) -> &[AuthorRow] {
        &self.rows
    }

    /// The rows of a paper's authors, in author order.
    pub fn rows_of_paper(&self, paper: usize) -> impl Iterator<Item = &AuthorRow> {
        self.paper_rows
            .get(paper)
            .into_iter()
            .flatten()
            .map(|&row| &self.rows[row])
    }

    /// The cluster key a URL key stands for: itself when it names a cluster, else the cluster of
    /// the person whose alias it is, else the cluster its rows were merged into.
    pub fn resolve(&self, key: &str) -> Option<&str> {
        if let Some((cluster, _)) = self.clusters.get_key_value(key) {
            return Some(cluster);
        }
        if let Some(cluster) = self.claimed.get(key) {
            return self
                .clusters
                .get_key_value(cluster)
                .map(|(cluster, _)| cluster.as_str());
        }
        let row = *self.elsewhere.get(key)?.first()?;
        Some(self.rows[row].cluster.as_str())
    }

    /// Every key that stands for another cluster ([`resolve`](Self::resolve)) with that
    /// cluster's key, by key: persons' aliases and spellings merged elsewhere.
    pub fn redirects(&self) -> Vec<(&str, &str)> {
        let mut redirects: Vec<(&str, &str)> = self
            .claimed
            .keys()
            .chain(self.elsewhere.keys())
            .filter(|key| !self.clusters.contains_key(*key))
            .filter_map(|key| Some((key.as_str(), self.resolve(key)?)))
            .collect();
        redirects.sort_unstable();
        redirects.dedup();
        redirects
    }

    /// The display name of a cluster.
    pub fn cluster_name(&self, key: &str) -> Option<&str> {
        self.cluster_names.get(key).map(String::as_str)
    }

    /// Indices of the papers of a person's cluster, ascending.
    pub fn papers_of_person(&self, person: &Person) -> Vec<usize> {
        self.clusters
            .get(&names::key(&person.name))
            .map(|rows| self.papers_of_rows(rows))
            .unwrap_or_default()
    }

    /// Every cluster, with its paper count, ordered by name.
    pub fn entries(&self) -> Vec<IndexEntry<'_>> {
        let mut entries: Vec<IndexEntry<'_>> = self
            .clusters
            .iter()
            .map(|(key, rows)| IndexEntry {
                key,
                name: self
                    .cluster_names
                    .get(key)
                    .map_or(key.as_str(), String::as_str),
                papers: self.papers_of_rows(rows).len(),
                is_person: self.cluster_people.contains_key(key),
            })
            .collect();
        sort_by(&mut entries, &|a, b| a.key.cmp(b.key));
        entries
    }

    /// The cluster with this key (see [`resolve`](Self::resolve) for other keys).
    pub fn cluster(&self, key: &str) -> Option<Cluster<'_>> {
        let (key, member_indices) = self.clusters.get_key_value(key)?;
        let person = self.cluster_people.get(key).map(String::as_str);
        let aliases = person.and_then(|person| self.alias_keys.get(person));
        let cluster_orcids: FastSet<&str> = member_indices
            .iter()
            .filter_map(|&row| self.rows[row].orcid.as_deref())
            .collect();
        let rows: Vec<MemberRow<'_>> = member_indices
            .iter()
            .map(|&row_index| {
                let row = &self.rows[row_index];
                let reason = if row.person.is_some() {
                    MergeReason::PersonLink
                } else if row.key == *key {
                    MergeReason::SameName
                } else if aliases.is_some_and(|aliases| aliases.contains(&row.key)) {
                    MergeReason::Alias
                } else {
                    match &row.orcid {
                        Some(orcid) if cluster_orcids.contains(orcid.as_str()) => {
                            MergeReason::Orcid(orcid.clone())
                        }
                        _ => MergeReason::SameName,
                    }
                };
                MemberRow { row, reason }
            })
            .collect();
        let papers = self.papers_of_rows(member_indices);
        let split = self
            .elsewhere
            .get(key)
            .into_iter()
            .flatten()
            .map(|&row| &self.rows[row])
            .collect();
        let name = self
            .cluster_names
            .get(key)
            .map_or(key.as_str(), String::as_str);
        Some(Cluster {
            key,
            name,
            person,
            variants: self.variants(key, name, person, &rows),
            coauthors: self.coauthors(key, &papers),
            rows,
            papers,
            split,
        })
    }

    fn papers_of_rows(&self, rows: &[usize]) -> Vec<usize> {
        let mut papers: Vec<usize> = rows
            .iter()
            .flat_map(|&row| self.rows[row].papers.iter().copied())
            .collect();
        papers.sort_unstable();
        papers.dedup();
        papers
    }

    fn variants(
        &self,
        key: &str,
        name: &str,
        person: Option<&str>,
        members: &[MemberRow<'_>],
    ) -> Vec<Variant<'_>> {
        let parsed = names::parse(name);
        let member_keys: FastSet<&str> = members
            .iter()
            .map(|member| member.row.key.as_str())
            .chain([key])
            .collect();
        let mut groups: Vec<Variant<'_>> = Vec::new();
        let block = parsed
            .block()
            .and_then(|(family, letter)| self.blocks.get(&(family.to_string(), letter)));
        for &row_index in block.into_iter().flatten() {
            let row = &self.rows[row_index];
            if row.cluster == key || self.is_distinct(&member_keys, &row.key) {
                continue;
            }
            let other_person = self.cluster_people.get(&row.cluster);
            if person.is_some() && other_person.is_some() {
                continue; // two different people in the data
            }
            let Some(reasons) = names::compatible(&parsed, &row.parsed) else {
                continue;
            };
            match groups.iter_mut().find(|group| group.cluster == row.cluster) {
                Some(group) => {
                    group.rows.push(row);
                    group.papers.extend(&row.papers);
                }
                None => groups.push(Variant {
                    cluster: &row.cluster,
                    name: self.cluster_name(&row.cluster).unwrap_or(&row.name),
                    reasons,
                    rows: vec![row],
                    papers: row.papers.clone(),
                }),
            }
        }
        for group in &mut groups {
            group.papers.sort_unstable();
            group.papers.dedup();
        }
        sort_by(&mut groups, &|a, b| {
            b.papers
                .len()
                .cmp(&a.papers.len())
                .then(a.name.cmp(b.name))
                .then(a.cluster.cmp(b.cluster))
        });
        groups
    }

    fn is_distinct(&self, member_keys: &FastSet<&str>, other: &str) -> bool {
        member_keys.iter().any(|member| {
            self.distinct
                .contains(&sorted_pair(member.to_string(), other.to_string()))
        })
    }

    fn coauthors(&self, key: &str, papers: &[usize]) -> Vec<Coauthor<'_>> {
        let mut counts: FastMap<&str, usize> = FastMap::default();
        for &paper in papers {
            let mut seen: FastSet<&str> = FastSet::default();
            for row in self.rows_of_paper(paper) {
                if row.cluster != key && seen.insert(&row.cluster) {
                    *counts.entry(&row.cluster).or_default() += 1;
                }
            }
        }
        let mut coauthors: Vec<Coauthor<'_>> = counts
            .into_iter()
            .map(|(cluster, papers)| Coauthor {
                cluster,
                name: self.cluster_name(cluster).unwrap_or(cluster),
                papers,
            })
            .collect();
        sort_by(&mut coauthors, &|a, b| {
            b.papers
                .cmp(&a.papers)
                .then(a.name.cmp(b.name))
                .then(a.cluster.cmp(b.cluster))
        });
        coauthors
    }
}

fn sorted_pair(left: String, right: String) -> (String, String) {
    if left <= right {
        (left, right)
    } else {
        (right, left)
    }
}
