//! The authors of a generated corpus: a population that grows with it as real ones do, where a
//! few write hundreds of papers, most write one or two, some share a name, and teams publish
//! together again.
//!
//! - **Growth** follows Heaps' law: a corpus of `P` papers has about `AUTHOR_GROWTH · P^0.75`
//!   authors (16,000 at 10,000 papers, 90,000 at 100,000, 506,000 at a million). With the
//!   spellings by initials, which author pages list apart, that is about 18,000, 112,000 and
//!   675,000 names: one for every 1.5 papers at a million, as in DBLP. Each paper's places go to
//!   new authors in proportion to what the corpus lacks of that count.
//! - **Productivity** is long-tailed (Lotka's law): each author is born with the number of papers
//!   they will write, from one to [`MOST_PAPERS`]. Later papers draw their authors in proportion
//!   to what each has left to write, so that prolific authors stand out at any size of corpus.
//! - **Names** come from the listed given and family names (accented, common, often shared) and
//!   from made-up ones of syllables (rarely shared), each drawn with a skew, so that common names
//!   are held by several authors, as "Wei Wang" is in any large index.

use super::{FAMILY_NAMES, FIRST_NAMES, PEOPLE, Rng, random_orcid};
use std::borrow::Cow;
use std::collections::HashSet;
use vita::model::names;

/// `K` in the number of authors `K · P^0.75` of a corpus of `P` papers.
const AUTHOR_GROWTH: f64 = 16.0;
/// The most papers an author writes.
const MOST_PAPERS: u32 = 2_000;
/// The share of authors with a career of papers; the others write one or two. Papers an author
/// writes follow `P(n ≥ k) = (s / k)²` with the scale `s` of [`CAREER_SCALE`] or 1: about 11
/// papers an author on average, one in 150 with 100 or more, one in 15,000 with 1,000 or more.
const CAREER_SHARE: f64 = 0.4;
const CAREER_SCALE: f64 = 13.0;
/// How often a co-author is drawn from the first author's recent co-authors.
const TEAM_SHARE: f64 = 0.4;
/// The recent co-authors kept for each author.
const RECENT: usize = 3;
/// The share of authors with an ORCID iD.
const ORCID_SHARE: f64 = 0.08;
/// No author, in a list of recent co-authors.
const NOBODY: u32 = u32::MAX;

/// Syllables of made-up names.
const STARTS: &[&str] = &[
    "Ba", "Be", "Bo", "Da", "De", "Do", "Fa", "Ga", "Ha", "He", "Ja", "Ka", "Ke", "Ko", "La", "Le",
    "Lo", "Ma", "Me", "Mo", "Na", "Ne", "Pa", "Ra", "Re", "Ro", "Sa", "Se", "So", "Ta", "Te", "To",
    "Va", "Ve", "Wa", "Ya", "Za", "Zo",
];
const FAMILY_MIDDLES: &[&str] = &[
    "", "r", "l", "n", "s", "nd", "rk", "lt", "v", "m", "ri", "lo", "ne", "ta", "ki", "ro", "sa",
    "mi", "do", "ve", "gu", "ha",
];
const FAMILY_JOINS: &[&str] = &["", "b", "d", "g", "k", "l", "m", "n", "r", "t", "z", "st"];
const FAMILY_ENDINGS: &[&str] = &[
    "son", "sen", "ez", "ov", "ova", "ski", "berg", "ini", "ura", "ani", "ell", "ard", "ens",
    "ier", "ato", "ka", "ek", "ia", "man", "ley", "ton", "oglu", "escu", "idis", "aki", "stein",
    "wood", "ella", "etti", "ovic",
];
const FIRST_MIDDLES: &[&str] = &["", "l", "n", "r", "s", "v", "m", "d", "th", "k", "ri", "li"];
const FIRST_ENDINGS: &[&str] = &[
    "a", "o", "an", "el", "in", "ia", "en", "is", "ar", "ey", "ian", "ette", "or", "ik",
];

/// An author of the corpus: the parts of their name, by index into the name lists, and their
/// ORCID iD if they have one.
struct PoolName {
    first: u32,
    middle: Option<char>,
    family: u32,
    orcid: Option<String>,
}

impl PoolName {
    fn first(&self) -> Cow<'static, str> {
        given_name(self.first)
    }

    fn family(&self) -> Cow<'static, str> {
        family_name(self.family)
    }

    /// "Alex D. Mallen".
    fn full(&self) -> String {
        match self.middle {
            Some(middle) => format!("{} {middle}. {}", self.first(), self.family()),
            None => format!("{} {}", self.first(), self.family()),
        }
    }

    /// "A. D. Mallen": the initial variant that author clusters list as compatible.
    fn initials(&self) -> String {
        let initial = self.first().chars().next().unwrap_or('X');
        match self.middle {
            Some(middle) => format!("{initial}. {middle}. {}", self.family()),
            None => format!("{initial}. {}", self.family()),
        }
    }

    /// "Mallen, Alex D.", as BibTeX writes names.
    fn inverted(&self) -> String {
        match self.middle {
            Some(middle) => format!("{}, {} {middle}.", self.family(), self.first()),
            None => format!("{}, {}", self.family(), self.first()),
        }
    }
}

/// The authors drawn so far, and what each has yet to write.
pub struct AuthorPool {
    names: Vec<PoolName>,
    /// How many more papers each author writes.
    remaining: Vec<u32>,
    /// One ticket for each paper an author has left to write, drawn to choose an author of a
    /// paper. Papers written with their team use up no ticket, so an author may hold more than
    /// they have left; the tickets of one who ran out are dropped when drawn.
    tickets: Vec<u32>,
    /// Each author's latest co-authors.
    recent: Vec<[u32; RECENT]>,
    /// Family names of the site's people, which no author of the corpus may have.
    reserved: HashSet<String>,
}

impl AuthorPool {
    /// An empty pool.
    pub fn new() -> Self {
        Self {
            names: Vec::new(),
            remaining: Vec::new(),
            tickets: Vec::new(),
            recent: Vec::new(),
            reserved: PEOPLE
                .iter()
                .map(|(_, family)| names::key(family))
                .collect(),
        }
    }

    /// How many authors a corpus of `papers` papers has: `AUTHOR_GROWTH · papers^0.75`, with
    /// the power taken by square roots, which IEEE 754 rounds exactly on every platform.
    fn expected(papers: usize) -> f64 {
        let papers = papers as f64;
        AUTHOR_GROWTH * papers.sqrt() * papers.sqrt().sqrt()
    }

    /// The distinct authors of the paper at position `paper` of the corpus, `count` of them.
    pub fn draw(&mut self, rng: &mut Rng, paper: usize, count: usize) -> Vec<u32> {
        let lacking = (Self::expected(paper + 1) - self.names.len() as f64).max(0.0);
        let new_share = (lacking / count as f64).min(1.0);
        let mut chosen: Vec<u32> = Vec::with_capacity(count);
        while chosen.len() < count {
            let author = if rng.chance(new_share) {
                None
            } else {
                chosen
                    .first()
                    .filter(|_| rng.chance(TEAM_SHARE))
                    .and_then(|&first| self.teammate(rng, first, &chosen))
                    .or_else(|| self.existing(rng, &chosen))
            };
            chosen.push(author.unwrap_or_else(|| self.create(rng)));
        }
        for (place, &author) in chosen.iter().enumerate() {
            let partner = chosen[(place + 1) % chosen.len()];
            let recent = &mut self.recent[author as usize];
            recent.rotate_right(1);
            recent[0] = partner;
        }
        chosen
    }

    /// One of the spellings a real author list would use of `author`'s name, with their ORCID
    /// iD as most records carry it.
    pub fn spelling(&self, rng: &mut Rng, author: u32) -> (String, Option<String>) {
        let name = &self.names[author as usize];
        let full = name.full();
        let accented = super::has_accents(&full);
        let spelled = match rng.weighted(&[0.66, 0.78, 0.85, 0.94, 1.0]) {
            1 => name.initials(),
            2 => name.inverted(),
            3 if accented => super::to_latex(&full),
            4 if accented => super::without_accents(&full),
            _ => full,
        };
        let orcid = name.orcid.clone().filter(|_| rng.chance(0.6));
        (spelled, orcid)
    }

    /// A recent co-author of `first` with papers to write and not yet on the paper.
    fn teammate(&mut self, rng: &mut Rng, first: u32, chosen: &[u32]) -> Option<u32> {
        let partner = self.recent[first as usize][rng.between(0, RECENT - 1)];
        let fits =
            partner != NOBODY && self.remaining[partner as usize] > 0 && !chosen.contains(&partner);
        fits.then(|| {
            self.remaining[partner as usize] -= 1;
            partner
        })
    }

    /// An author with papers to write, not yet on the paper, chosen in proportion to the papers
    /// they have left; `None` when a few draws find none.
    fn existing(&mut self, rng: &mut Rng, chosen: &[u32]) -> Option<u32> {
        for _ in 0..8 {
            if self.tickets.is_empty() {
                return None;
            }
            let place = rng.between(0, self.tickets.len() - 1);
            let author = self.tickets[place];
            if self.remaining[author as usize] == 0 {
                self.tickets.swap_remove(place);
                continue;
            }
            if chosen.contains(&author) {
                continue;
            }
            self.tickets.swap_remove(place);
            self.remaining[author as usize] -= 1;
            return Some(author);
        }
        None
    }

    /// A new author, with a name, perhaps an ORCID iD, and the papers they will write (this one
    /// counted).
    fn create(&mut self, rng: &mut Rng) -> u32 {
        let first = draw_given(rng);
        let family = loop {
            let family = draw_family(rng);
            if family < FAMILY_NAMES.len() as u32
                || !self.reserved.contains(&names::key(&family_name(family)))
            {
                break family;
            }
        };
        let middle = rng
            .chance(0.15)
            .then(|| (b'A' + rng.between(0, 25) as u8) as char);
        let orcid = rng.chance(ORCID_SHARE).then(|| random_orcid(rng));
        let author = self.names.len() as u32;
        self.names.push(PoolName {
            first,
            middle,
            family,
            orcid,
        });
        let remaining = lifetime_papers(rng) - 1;
        self.remaining.push(remaining);
        self.tickets
            .extend(std::iter::repeat_n(author, remaining as usize));
        self.recent.push([NOBODY; RECENT]);
        author
    }
}

/// The papers an author writes in all: long-tailed, from 1 to [`MOST_PAPERS`].
fn lifetime_papers(rng: &mut Rng) -> u32 {
    let scale = if rng.chance(CAREER_SHARE) {
        CAREER_SCALE
    } else {
        1.0
    };
    let papers = scale / (1.0 - rng.unit()).sqrt();
    (papers.min(f64::from(MOST_PAPERS)) as u32).max(1)
}

/// The syllables of a made-up given name, one from each list.
const GIVEN_PARTS: [&[&str]; 3] = [STARTS, FIRST_MIDDLES, FIRST_ENDINGS];
/// The syllables of a made-up family name, one from each list.
const FAMILY_PARTS: [&[&str]; 4] = [STARTS, FAMILY_MIDDLES, FAMILY_JOINS, FAMILY_ENDINGS];

/// A given name: half the time a listed one, else a made-up one; the first of each the most
/// common.
fn draw_given(rng: &mut Rng) -> u32 {
    draw_name(rng, 0.5, FIRST_NAMES, &GIVEN_PARTS)
}

/// A family name: one time in five a listed one, else a made-up one; the first of each the most
/// common.
fn draw_family(rng: &mut Rng) -> u32 {
    draw_name(rng, 0.2, FAMILY_NAMES, &FAMILY_PARTS)
}

fn given_name(index: u32) -> Cow<'static, str> {
    name_at(index, FIRST_NAMES, &GIVEN_PARTS)
}

fn family_name(index: u32) -> Cow<'static, str> {
    name_at(index, FAMILY_NAMES, &FAMILY_PARTS)
}

/// The index of a name: of a `listed` one with the chance `listed_share`, else of a made-up one
/// of `parts`, each drawn with a skew.
fn draw_name(rng: &mut Rng, listed_share: f64, listed: &[&str], parts: &[&[&str]]) -> u32 {
    let made_up: usize = parts.iter().map(|syllables| syllables.len()).product();
    let index = if rng.chance(listed_share) {
        rng.skewed(listed.len())
    } else {
        listed.len() + rng.skewed(made_up)
    };
    index as u32
}

/// The name at `index`: the `listed` names, then the made-up ones, whose syllables are the digits
/// of the rest of the index, one from each list of `parts`.
fn name_at(index: u32, listed: &[&'static str], parts: &[&[&'static str]]) -> Cow<'static, str> {
    let index = index as usize;
    if let Some(name) = listed.get(index) {
        return Cow::Borrowed(name);
    }
    let mut rest = index - listed.len();
    let mut name = String::new();
    for syllables in parts {
        name.push_str(syllables[rest % syllables.len()]);
        rest /= syllables.len();
    }
    Cow::Owned(name)
}
