//! One record per paper: the same paper from two sources, or twice in one, merged.
//!
//! Two papers are the same when they share a DOI, an arXiv identifier, or their folded title with
//! compatible authors (the same family names, in the same order, over the shorter list) and year;
//! a preprint and its published version match on title and authors whatever their years. The
//! papers come in precedence order (the site file's own first, then each bibliography file in the
//! order listed): the first of a group is kept, with its id, and the others fill what it lacks,
//! field by field. Links, tags and awards are united. When one is a preprint and another
//! published, the paper takes the publication's kind, status, date, venue and pages, keeps the
//! preprint's arXiv identifier, and so is listed once, under the year it was published, with both
//! identifiers in its citation.

use super::date::PartialDate;
use super::fast_hash::FastMap;
use super::names;
use super::schema::{Paper, PaperStatus};

/// Why two papers are one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SameBecause {
    /// They share a DOI.
    Doi,
    /// They share an arXiv identifier.
    Arxiv,
    /// Their titles, authors and years agree.
    Title,
    /// One is the preprint of the other: titles and authors agree.
    Preprint,
}

impl SameBecause {
    /// What the check says of the reason.
    pub fn describe(self) -> &'static str {
        match self {
            Self::Doi => "the same DOI",
            Self::Arxiv => "the same arXiv identifier",
            Self::Title => "the same title, authors and year",
            Self::Preprint => "its preprint: the same title and authors",
        }
    }
}

/// A paper merged into an earlier one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merged {
    /// The index, in the papers given, of the paper kept.
    pub kept: usize,
    /// The index of the paper merged into it.
    pub merged: usize,
    /// Why they are one.
    pub because: SameBecause,
}

/// What merging found: the papers left, where each paper given went, what was merged, and the
/// papers whose titles are alike but that are not the same paper.
#[derive(Debug, Clone, Default)]
pub struct MergedPapers {
    /// The papers left, in the order given, each group where its first paper was.
    pub papers: Vec<Paper>,
    /// For each paper given, its index in `papers`.
    pub moved: Vec<usize>,
    /// Each paper merged into another.
    pub merges: Vec<Merged>,
    /// Pairs of indices (the earlier first) of papers given whose folded titles are the same
    /// while their authors or years say they are different papers: worth a look.
    pub alike: Vec<(usize, usize)>,
}

/// Merges papers that are the same, in precedence order.
pub fn merge_papers(papers: Vec<Paper>) -> MergedPapers {
    let keys: Vec<PaperKeys> = papers.iter().map(PaperKeys::of).collect();
    // The group of each paper: the index of the first paper of its group.
    let mut group: Vec<usize> = (0..papers.len()).collect();
    let mut merges = Vec::new();
    let mut alike = Vec::new();
    let mut by_doi: FastMap<&str, usize> = FastMap::default();
    let mut by_arxiv: FastMap<&str, usize> = FastMap::default();
    let mut by_title: FastMap<&str, Vec<usize>> = FastMap::default();
    for (index, key) in keys.iter().enumerate() {
        let found = key
            .doi
            .as_deref()
            .and_then(|doi| by_doi.get(doi))
            .map(|&first| (first, SameBecause::Doi))
            .or_else(|| {
                key.arxiv
                    .as_deref()
                    .and_then(|arxiv| by_arxiv.get(arxiv))
                    .map(|&first| (first, SameBecause::Arxiv))
            })
            .or_else(|| {
                by_title.get(key.title.as_str()).and_then(|candidates| {
                    candidates.iter().find_map(|&first| {
                        same_by_title(&papers[first], &papers[index])
                            .map(|because| (first, because))
                    })
                })
            });
        match found {
            Some((first, because)) => {
                let kept = group[first];
                group[index] = kept;
                merges.push(Merged {
                    kept,
                    merged: index,
                    because,
                });
            }
            None => {
                if !key.title.is_empty() {
                    let candidates = by_title.entry(key.title.as_str()).or_default();
                    if let Some(&first) = candidates.first() {
                        alike.push((first, index));
                    }
                    candidates.push(index);
                }
            }
        }
        let kept = group[index];
        if let Some(doi) = key.doi.as_deref() {
            by_doi.entry(doi).or_insert(kept);
        }
        if let Some(arxiv) = key.arxiv.as_deref() {
            by_arxiv.entry(arxiv).or_insert(kept);
        }
    }
    if merges.is_empty() {
        return MergedPapers {
            moved: (0..papers.len()).collect(),
            papers,
            merges,
            alike,
        };
    }
    let mut slots: Vec<Option<Paper>> = papers.into_iter().map(Some).collect();
    for merge in &merges {
        if let Some(other) = slots[merge.merged].take()
            && let Some(kept) = slots[merge.kept].as_mut()
        {
            absorb(kept, other);
        }
    }
    let mut position = vec![0; slots.len()];
    let mut left = Vec::new();
    for (index, slot) in slots.into_iter().enumerate() {
        if let Some(paper) = slot {
            position[index] = left.len();
            left.push(paper);
        }
    }
    MergedPapers {
        papers: left,
        moved: group.iter().map(|&kept| position[kept]).collect(),
        merges,
        alike,
    }
}

/// What finding a paper's twin looks up, folded once per paper: its identifiers and title.
struct PaperKeys {
    doi: Option<String>,
    arxiv: Option<String>,
    title: String,
}

impl PaperKeys {
    fn of(paper: &Paper) -> Self {
        Self {
            doi: paper.doi.as_deref().map(str::to_ascii_lowercase),
            arxiv: paper.arxiv.clone(),
            title: names::key_of_display(&paper.title),
        }
    }
}

/// Whether two papers of the same folded title are one: their authors agree (the family names
/// of the shorter list, in order) and either their years do or one is the other's preprint.
/// Names are parsed only here, for the few papers whose titles meet.
fn same_by_title(first_paper: &Paper, later_paper: &Paper) -> Option<SameBecause> {
    let families = |paper: &Paper| -> Vec<String> {
        paper
            .authors
            .iter()
            .map(|author| names::parse(&author.name).family)
            .collect()
    };
    let (first, later) = (families(first_paper), families(later_paper));
    let shorter = first.len().min(later.len());
    if shorter == 0 || first[..shorter] != later[..shorter] {
        return None;
    }
    let year = |paper: &Paper| PartialDate::parse(&paper.date).ok().map(|date| date.year);
    if year(first_paper) == year(later_paper) {
        return Some(SameBecause::Title);
    }
    (first_paper.status() != later_paper.status()).then_some(SameBecause::Preprint)
}

/// Fills `kept` from `other`, the same paper from a later source.
fn absorb(kept: &mut Paper, other: Paper) {
    let other_published = other.status() == PaperStatus::Published;
    if kept.status() == PaperStatus::Preprint && other_published {
        // The publication names the paper: its kind, date and venue.
        kept.kind = other.kind;
        kept.status = Some(PaperStatus::Published);
        kept.date = other.date.clone();
        if other.venue.is_some() {
            kept.venue = other.venue.clone();
            kept.venue_short = other.venue_short.clone();
        }
        if other.pages.is_some() {
            kept.pages = other.pages.clone();
        }
        if other.volume.is_some() {
            kept.volume = other.volume.clone();
            kept.issue = other.issue.clone();
        }
    }
    let fill = |mine: &mut Option<String>, theirs: Option<String>| {
        if mine.is_none() {
            *mine = theirs;
        }
    };
    fill(&mut kept.venue, other.venue);
    fill(&mut kept.venue_short, other.venue_short);
    fill(&mut kept.volume, other.volume);
    fill(&mut kept.issue, other.issue);
    fill(&mut kept.pages, other.pages);
    fill(&mut kept.publisher, other.publisher);
    fill(&mut kept.doi, other.doi);
    fill(&mut kept.arxiv, other.arxiv);
    fill(&mut kept.note, other.note);
    if kept.summary.is_empty() {
        kept.summary = other.summary;
    }
    for (mine, theirs) in kept.authors.iter_mut().zip(other.authors) {
        fill(&mut mine.orcid, theirs.orcid);
        fill(&mut mine.person, theirs.person);
    }
    for link in other.links {
        if kept.links.iter().all(|known| known.url != link.url) {
            kept.links.push(link);
        }
    }
    for tag in other.tags {
        if !kept.tags.contains(&tag) {
            kept.tags.push(tag);
        }
    }
    for award in other.awards {
        if !kept.awards.contains(&award) {
            kept.awards.push(award);
        }
    }
    kept.selected |= other.selected;
}
