//! `vita-gen --papers N [--seed S] [--out FILE]`: writes a large, valid, realistic site data file,
//! for benchmarks and load tests. The same arguments always give the same bytes.
//!
//! The file passes `vita-check`: ids are unique slugs, titles are distinct, every author spelled
//! like a person is linked to them, and every paper has a link, DOI or arXiv id. What it holds is
//! shaped like real data: skewed author counts, an author population that grows with the corpus
//! and long-tailed productivity (see `authors`), names with accents, LaTeX accents, "Last, First"
//! forms and initials, Markdown abstracts with math, typed links, tags, venues and dates over
//! fifteen years, plus people, news and forum activity in proportion (up to 5,000 news items and
//! 10,000 activity items).
//!
//! Output is streamed; memory grows by about 120 bytes a paper (a million papers: 75 s and 120 MB
//! on a 2-core machine, a 1.4 GB file).
//!
//! Exit status: 0 on success, 1 when the output cannot be written, 2 on bad arguments.

mod authors;

use authors::AuthorPool;
use std::fs::File;
use std::hash::BuildHasher;
use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use vita::model::fast_hash::FastSet;
use vita::model::names;
use vita::model::schema::{
    ActivityItem, ActivityKind, Author, Email, Link, LinkKind, NewsItem, Paper, PaperKind,
    PaperStatus, Person, SiteInfo,
};

const USAGE: &str = "usage: vita-gen --papers N [--seed S] [--out FILE]";

/// The most news items and forum activity items a site has, whatever its number of papers.
const MOST_NEWS: usize = 5_000;
const MOST_ACTIVITY: usize = 10_000;
/// The newest year of the generated papers; they span the fifteen years up to it.
const LAST_YEAR: i32 = 2025;
const YEARS: usize = 15;

fn main() -> ExitCode {
    let options = match Options::parse(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(message) => {
            eprintln!("vita-gen: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let written = match &options.out {
        Some(path) => File::create(path).and_then(|file| write_site(&options, file)),
        None => write_site(&options, io::stdout().lock()),
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let target = options
                .out
                .as_ref()
                .map_or("standard output".to_string(), |path| {
                    path.display().to_string()
                });
            eprintln!("vita-gen: cannot write {target}: {error}");
            ExitCode::from(1)
        }
    }
}

/// The command-line arguments.
struct Options {
    papers: usize,
    seed: u64,
    out: Option<PathBuf>,
}

impl Options {
    fn parse(mut args: impl Iterator<Item = String>) -> Result<Self, String> {
        let mut papers = None;
        let mut seed = 1;
        let mut out = None;
        while let Some(flag) = args.next() {
            let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
            match flag.as_str() {
                "--papers" => papers = Some(number(&flag, &value()?)?),
                "--seed" => seed = number(&flag, &value()?)?,
                "--out" => out = Some(PathBuf::from(value()?)),
                _ => return Err(format!("unknown argument {flag:?}")),
            }
        }
        let papers = papers.ok_or("--papers is required")?;
        Ok(Self { papers, seed, out })
    }
}

fn number<T: std::str::FromStr>(flag: &str, value: &str) -> Result<T, String> {
    value
        .parse()
        .map_err(|_| format!("{flag} needs a whole number, not {value:?}"))
}

/// Streams the site to `out` as the fields of a `SiteFile`, one paper at a time, so that memory
/// stays small at any size. Each paper goes on a line of its own, for readable diffs and errors.
fn write_site(options: &Options, out: impl Write) -> io::Result<()> {
    let mut generator = Generator::new(options.seed, options.papers);
    let people = generator.people();
    let mut out = BufWriter::with_capacity(1 << 20, out);
    out.write_all(b"{\"site\":")?;
    write_value(&mut out, &generator.site_info(options.papers, &people))?;
    out.write_all(b",\n\"people\":")?;
    write_value(&mut out, &people)?;
    out.write_all(b",\n\"papers\":[")?;
    for index in 0..options.papers {
        let paper = generator.paper(index, &people);
        out.write_all(if index == 0 { b"\n" } else { b",\n" })?;
        write_value(&mut out, &paper)?;
    }
    out.write_all(b"],\n\"news\":")?;
    write_value(
        &mut out,
        &generator.news((options.papers / 20).min(MOST_NEWS), &people),
    )?;
    out.write_all(b",\n\"activity\":")?;
    write_value(
        &mut out,
        &generator.activity((options.papers / 10).min(MOST_ACTIVITY), &people),
    )?;
    out.write_all(b"}\n")?;
    out.flush()
}

/// Writes `value` as compact JSON, as a person would write it: without the members serde writes
/// for absent values, and with plain authors as their names.
fn write_value(out: &mut impl Write, value: &impl serde::Serialize) -> io::Result<()> {
    out.write_all(as_written(&serde_json::to_string(value)?).as_bytes())
}

/// Compact JSON from serde without members whose value is the default (`"volume":null`,
/// `"selected":false`, `"tags":[]`), which hand-written files leave out and which would pad the
/// file by a tenth, and with `{"name":"X"}` written `"X"`, the short form of an author. Outside
/// strings, serde's compact JSON is ASCII and every `"` opens a string, so a byte scan suffices.
fn as_written(json: &str) -> String {
    const PLAIN_AUTHOR: &str = "{\"name\":";
    let bytes = json.as_bytes();
    let mut out = String::with_capacity(json.len());
    let mut at = 0;
    while at < bytes.len() {
        if json[at..].starts_with(PLAIN_AUTHOR) {
            let end = string_end(bytes, at + PLAIN_AUTHOR.len());
            if bytes.get(end) == Some(&b'}') {
                out.push_str(&json[at + PLAIN_AUTHOR.len()..end]);
                at = end + 1;
                continue;
            }
        }
        if bytes[at] != b'"' {
            out.push(bytes[at] as char);
            at += 1;
            continue;
        }
        let end = string_end(bytes, at);
        let is_key = out.ends_with(['{', ',']) && bytes.get(end) == Some(&b':');
        match default_value_end(json, end + 1).filter(|_| is_key) {
            Some(after) if out.ends_with(',') => {
                out.pop();
                at = after;
            }
            Some(after) => at = after + usize::from(bytes.get(after) == Some(&b',')),
            None => {
                out.push_str(&json[at..end]);
                at = end;
            }
        }
    }
    out
}

/// Where the value starting at `start` ends, when it is a default (`null`, `false`, `[]` or `""`)
/// and ends its member.
fn default_value_end(json: &str, start: usize) -> Option<usize> {
    const DEFAULTS: [&str; 4] = ["null", "false", "[]", "\"\""];
    let rest = json.get(start..)?;
    let value = DEFAULTS.iter().find(|value| rest.starts_with(*value))?;
    let end = start + value.len();
    matches!(json.as_bytes().get(end), Some(b',' | b'}')).then_some(end)
}

/// The index just past the end of the JSON string that opens at `start`.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut at = start + 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return at + 1,
            _ => at += 1,
        }
    }
    bytes.len()
}

/// splitmix64: tiny, fast, and good enough to make data that looks random.
struct Rng(u64);

impl Rng {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, probability: f64) -> bool {
        self.unit() < probability
    }

    /// A number in `low..=high`.
    fn between(&mut self, low: usize, high: usize) -> usize {
        low + (self.next_u64() % (high - low + 1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.between(0, items.len() - 1)]
    }

    /// An index below `len` where the first indices are the most likely, as word and author
    /// frequencies are in real text: a few are everywhere, most are rare. The draw is raised to
    /// the power 1.5 with `sqrt`, which IEEE 754 rounds exactly, so that the output is the same on
    /// every platform (`powf` comes from the platform's maths library).
    fn skewed(&mut self, len: usize) -> usize {
        let draw = self.unit();
        ((len as f64 * draw * draw.sqrt()) as usize).min(len - 1)
    }

    /// The index of the bucket a draw falls in, the buckets given by their cumulative shares of 1
    /// (`[0.2, 1.0]`: 0 one time in five, else 1).
    fn weighted(&mut self, cumulative: &[f64]) -> usize {
        let draw = self.unit();
        cumulative
            .iter()
            .position(|&bound| draw < bound)
            .unwrap_or(cumulative.len() - 1)
    }
}

/// Everything the papers, news and activity draw from, and what has been generated so far.
/// What it keeps of each paper is a few hashes (about 60 bytes a paper) and the authors.
struct Generator {
    rng: Rng,
    authors: AuthorPool,
    /// How often a paper is by one of the site's people: a third of a small site's papers, and
    /// about 300 papers each on a large index.
    person_share: f64,
    tags: Vec<String>,
    /// Hashes of the titles' keys so far: a repeated title would be flagged as a duplicate entry.
    title_keys: FastSet<u64>,
    paper_ids: FastSet<u64>,
    /// Hashes of the DOIs and arXiv ids so far: papers sharing one are the same paper, and would
    /// be merged.
    identifiers: FastSet<u64>,
    /// Id, title and date of papers for news items about them: a uniform sample of at most
    /// [`MOST_NEWS`], drawn with a generator of its own so that the papers do not depend on it.
    news_papers: Vec<(String, String, String)>,
    news_rng: Rng,
}

impl Generator {
    fn new(seed: u64, papers: usize) -> Self {
        let mut rng = Rng(seed);
        let tags = QUALIFIERS
            .iter()
            .flat_map(|qualifier| {
                FIELDS
                    .iter()
                    .map(move |field| format!("{qualifier} {field}"))
            })
            .collect::<Vec<_>>();
        let mut tags: Vec<String> = FIELDS
            .iter()
            .map(|field| field.to_string())
            .chain(tags)
            .collect();
        // Shuffled so that the common tags are not all about one field.
        for index in (1..tags.len()).rev() {
            let other = rng.between(0, index);
            tags.swap(index, other);
        }
        Self {
            rng,
            authors: AuthorPool::new(),
            person_share: (PEOPLE.len() as f64 * 300.0 / papers.max(1) as f64).min(0.34),
            tags,
            title_keys: FastSet::default(),
            paper_ids: FastSet::default(),
            identifiers: FastSet::default(),
            news_papers: Vec::new(),
            news_rng: Rng(seed ^ 0x6e65_7773),
        }
    }

    fn site_info(&self, papers: usize, people: &[Person]) -> SiteInfo {
        SiteInfo {
            title: format!("Vita benchmark: {papers} papers"),
            description: "Generated research profiles for benchmarks and load tests.".to_string(),
            owner: Some(people[0].id.clone()),
            updated: Some(format!("{LAST_YEAR}-11-01")),
            base_url: Some("https://example.org/vita/".to_string()),
        }
    }

    /// The people with profiles, from names no pool author shares, so that no unlinked author
    /// is spelled like one of them.
    fn people(&mut self) -> Vec<Person> {
        PEOPLE
            .iter()
            .map(|&(first, family)| self.person(first, family))
            .collect()
    }

    fn person(&mut self, first: &str, family: &str) -> Person {
        let name = format!("{first} {family}");
        let id = slug(&name);
        let initial = first.chars().next().unwrap_or('X');
        let mut aliases = vec![format!("{initial}. {family}")];
        if self.rng.chance(0.3) {
            let middle = (b'A' + self.rng.between(0, 25) as u8) as char;
            aliases.push(format!("{first} {middle}. {family}"));
        }
        let orcid = self.rng.chance(0.5).then(|| random_orcid(&mut self.rng));
        let mut links = vec![
            link(
                LinkKind::Website,
                format!("https://example.org/people/{id}"),
            ),
            link(LinkKind::Github, format!("https://github.com/{id}")),
            link(
                LinkKind::Scholar,
                format!(
                    "https://scholar.google.com/citations?user={}",
                    token(&mut self.rng, 12)
                ),
            ),
        ];
        if self.rng.chance(0.6) {
            links.push(link(
                LinkKind::Twitter,
                format!("https://x.com/{}", id.replace('-', "_")),
            ));
        }
        if let Some(orcid) = &orcid {
            links.push(link(LinkKind::Orcid, format!("https://orcid.org/{orcid}")));
        }
        links.push(link(
            LinkKind::Cv,
            format!("https://example.org/people/{id}/cv.pdf"),
        ));
        let highlights = (0..self.rng.between(0, 3))
            .map(|_| format!("{} for *{}*.", self.rng.pick(AWARDS), self.title()))
            .collect();
        Person {
            email: Some(Email {
                user: id.replace('-', "."),
                domain: "example.org".to_string(),
            }),
            bio: self.bio(&name),
            affiliation: Some(self.rng.pick(AFFILIATIONS).to_string()),
            location: Some(self.rng.pick(LOCATIONS).to_string()),
            photo: None,
            id,
            name,
            aliases,
            orcid,
            links,
            highlights,
            resume: None,
            education: Vec::new(),
            positions: Vec::new(),
            awards: Vec::new(),
            talks: Vec::new(),
            teaching: Vec::new(),
            service: Vec::new(),
            mentoring: Vec::new(),
        }
    }

    fn bio(&mut self, name: &str) -> String {
        let opening = format!(
            "{name} works on **{}** and {}.",
            self.noun_phrase(),
            self.noun_phrase()
        );
        let first = self.paragraph(opening, 50);
        let second = self.paragraph(String::new(), 40);
        format!("{first}\n\n{second}")
    }

    /// The next paper, with a title and id no earlier paper has.
    fn paper(&mut self, position: usize, people: &[Person]) -> Paper {
        let title = self.unique_title();
        let year = LAST_YEAR - self.rng.skewed(YEARS) as i32;
        let date = self.date(year);
        let kind = self.kind();
        let id = self.unique_id(&title, year);
        let mut paper = Paper {
            id: id.clone(),
            title: title.clone(),
            authors: self.paper_authors(position, people),
            date: date.clone(),
            status: self.status(kind),
            kind,
            venue: None,
            venue_short: None,
            volume: None,
            issue: None,
            pages: None,
            publisher: None,
            summary: self.summary(),
            links: Vec::new(),
            tags: self.paper_tags(),
            doi: None,
            arxiv: None,
            awards: Vec::new(),
            note: None,
            selected: false,
        };
        self.venue(&mut paper, year);
        self.identifiers(&mut paper, year);
        self.links(&mut paper);
        if self.rng.chance(0.02) {
            paper.awards.push(self.rng.pick(AWARDS).to_string());
        }
        if self.rng.chance(0.02) {
            paper.note = Some(self.rng.pick(NOTES).to_string());
        }
        paper.selected =
            paper.authors.iter().any(|author| author.person.is_some()) && self.rng.chance(0.05);
        self.sample_for_news(position, (id, title, date));
        paper
    }

    /// Keeps the paper at `position` in the sample news items draw from, with the chance every
    /// paper so far has (reservoir sampling).
    fn sample_for_news(&mut self, position: usize, paper: (String, String, String)) {
        if self.news_papers.len() < MOST_NEWS {
            self.news_papers.push(paper);
        } else {
            let place = self.news_rng.between(0, position);
            if place < MOST_NEWS {
                self.news_papers[place] = paper;
            }
        }
    }

    fn unique_title(&mut self) -> String {
        loop {
            let title = self.title();
            if self.title_keys.insert(hash(&names::key(&title))) {
                return title;
            }
        }
    }

    fn unique_id(&mut self, title: &str, year: i32) -> String {
        let words: Vec<&str> = title
            .split_whitespace()
            .filter(|word| !word.contains('$'))
            .take(4)
            .collect();
        let base = format!("{}-{year}", slug(&words.join(" ")));
        let mut id = base.clone();
        let mut copy = 2;
        while !self.paper_ids.insert(hash(&id)) {
            id = format!("{base}-{copy}");
            copy += 1;
        }
        id
    }

    /// A title of 6 to 14 words: noun phrases joined by connectives, sometimes with math.
    fn title(&mut self) -> String {
        // Phrases are added while two more words fit, so titles end one short of the target or
        // on it.
        let target = self.rng.between(7, 14);
        let mut words: Vec<String> = Vec::new();
        if self.rng.chance(0.15) {
            words.push(self.rng.pick(OPENINGS).to_string());
        }
        let mut math = self.rng.chance(0.05);
        let mut first_phrase = true;
        while words.len() + 2 <= target {
            if !first_phrase {
                words.push(self.rng.pick(CONNECTIVES).to_string());
            }
            first_phrase = false;
            if math && words.len() + 2 <= target {
                words.push(self.rng.pick(TITLE_MATH).to_string());
                math = false;
            }
            let room = target - words.len();
            for word in self.phrase_words(room.min(3)) {
                words.push(title_case(word));
            }
        }
        words.join(" ")
    }

    /// One to `max` words: an optional adjective, a noun, sometimes a second noun.
    fn phrase_words(&mut self, max: usize) -> Vec<&'static str> {
        let mut words = Vec::new();
        if max >= 2 && self.rng.chance(0.6) {
            words.push(ADJECTIVES[self.rng.skewed(ADJECTIVES.len())]);
        }
        if words.len() + 2 <= max && self.rng.chance(0.3) {
            words.push(NOUNS[self.rng.skewed(NOUNS.len())]);
        }
        words.push(NOUNS[self.rng.skewed(NOUNS.len())]);
        words
    }

    fn noun_phrase(&mut self) -> String {
        self.phrase_words(3).join(" ")
    }

    fn date(&mut self, year: i32) -> String {
        let month = self.rng.between(1, 12);
        match self.rng.weighted(&[0.15, 0.6, 1.0]) {
            0 => format!("{year}"),
            1 => format!("{year}-{month:02}"),
            _ => {
                let days = match month {
                    2 => 28,
                    4 | 6 | 9 | 11 => 30,
                    _ => 31,
                };
                format!("{year}-{month:02}-{:02}", self.rng.between(1, days))
            }
        }
    }

    fn kind(&mut self) -> PaperKind {
        const KINDS: [PaperKind; 10] = [
            PaperKind::Conference,
            PaperKind::Journal,
            PaperKind::Preprint,
            PaperKind::Workshop,
            PaperKind::Report,
            PaperKind::Chapter,
            PaperKind::Thesis,
            PaperKind::Book,
            PaperKind::Talk,
            PaperKind::Other,
        ];
        KINDS[self
            .rng
            .weighted(&[0.38, 0.60, 0.78, 0.88, 0.92, 0.95, 0.97, 0.98, 0.99, 1.0])]
    }

    /// Mostly left to the default by kind; sometimes explicit, and a few accepted papers not yet
    /// out.
    fn status(&mut self, kind: PaperKind) -> Option<PaperStatus> {
        match (kind, self.rng.weighted(&[0.85, 0.95, 1.0])) {
            (_, 0) => None,
            (PaperKind::Preprint, _) => Some(PaperStatus::Preprint),
            (_, 1) => Some(PaperStatus::Published),
            _ => Some(PaperStatus::Preprint),
        }
    }

    /// 2 to 30 authors, three to six most often, from the [`AuthorPool`]; some papers are by one
    /// or two of the site's people, linked to them.
    fn paper_authors(&mut self, position: usize, people: &[Person]) -> Vec<Author> {
        let count = match self.rng.weighted(&[0.10, 0.80, 0.95, 1.0]) {
            0 => 2,
            1 => self.rng.between(3, 6),
            2 => self.rng.between(7, 12),
            _ => self.rng.between(13, 30),
        };
        let chosen = self.authors.draw(&mut self.rng, position, count);
        let mut authors: Vec<Author> = chosen
            .into_iter()
            .map(|author| {
                let (name, orcid) = self.authors.spelling(&mut self.rng, author);
                Author {
                    orcid,
                    ..Author::named(name)
                }
            })
            .collect();
        let linked = match (self.rng.chance(self.person_share), self.rng.chance(0.12)) {
            (false, _) => 0,
            (true, false) => 1,
            (true, true) => 2,
        };
        let mut placed: Vec<usize> = Vec::new();
        while placed.len() < linked {
            let person = self.rng.skewed(people.len());
            let position = match self.rng.weighted(&[0.35, 0.65, 1.0]) {
                0 => 0,
                1 => count - 1,
                _ => self.rng.between(0, count - 1),
            };
            if !placed.contains(&position)
                && !authors
                    .iter()
                    .any(|author| author.person.as_deref() == Some(people[person].id.as_str()))
            {
                authors[position] = self.person_author(&people[person]);
                placed.push(position);
            }
        }
        if self.rng.chance(0.08) {
            authors[0].equal = true;
            authors[1].equal = true;
        }
        if self.rng.chance(0.1) {
            authors[count - 1].corresponding = true;
        }
        authors
    }

    fn person_author(&mut self, person: &Person) -> Author {
        let name = if self.rng.chance(0.7) {
            person.name.clone()
        } else {
            self.rng.pick(&person.aliases).clone()
        };
        Author {
            name,
            person: Some(person.id.clone()),
            orcid: person.orcid.clone().filter(|_| self.rng.chance(0.3)),
            equal: false,
            corresponding: false,
        }
    }

    /// An abstract of about 150 words, sometimes in two paragraphs, sometimes with math; one
    /// paper in five has none, as entries copied from BibTeX often do.
    fn summary(&mut self) -> String {
        let words = self.rng.between(90, 160);
        if self.rng.chance(0.2) {
            String::new()
        } else if self.rng.chance(0.2) {
            let first = self.paragraph(String::new(), words / 2);
            let second = self.paragraph(String::new(), words / 2);
            format!("{first}\n\n{second}")
        } else if self.rng.chance(0.03) {
            let first = self.paragraph(String::new(), words / 2);
            let second = self.paragraph(String::new(), words / 2);
            format!("{first}\n\n{}\n\n{second}", self.rng.pick(DISPLAY_MATH))
        } else {
            self.paragraph(String::new(), words)
        }
    }

    /// Sentences appended to `start` until the paragraph has about `words` words.
    fn paragraph(&mut self, start: String, words: usize) -> String {
        let mut count = start.split_whitespace().count();
        let mut text = start;
        while count < words {
            if !text.is_empty() {
                text.push(' ');
            }
            let sentence = self.sentence();
            count += sentence.split_whitespace().count();
            text.push_str(&sentence);
        }
        text
    }

    /// A sentence from a template, its slots filled with noun phrases, verbs, numbers, math.
    fn sentence(&mut self) -> String {
        let template = if self.rng.chance(0.06) {
            *self.rng.pick(MATH_SENTENCES)
        } else {
            *self.rng.pick(SENTENCES)
        };
        let mut sentence = String::new();
        for (index, part) in template.split('{').enumerate() {
            let (slot, rest) = match part.split_once('}') {
                Some((slot, rest)) if index > 0 => (slot, rest),
                _ => ("", part),
            };
            let filled = match slot {
                "np" => {
                    let phrase = self.noun_phrase();
                    self.emphasized(phrase)
                }
                "verb" => VERBS[self.rng.skewed(VERBS.len())].to_string(),
                "n" => self.rng.between(3, 40).to_string(),
                "pct" => format!("{}%", self.rng.between(2, 45)),
                "math" => self.rng.pick(INLINE_MATH).to_string(),
                _ => String::new(),
            };
            sentence.push_str(&filled);
            sentence.push_str(rest);
        }
        let mut chars = sentence.chars();
        match chars.next() {
            Some(first) => first.to_uppercase().chain(chars).collect(),
            None => sentence,
        }
    }

    /// Now and then a phrase in italics or bold, as abstracts stress their key terms.
    fn emphasized(&mut self, phrase: String) -> String {
        match self.rng.weighted(&[0.95, 0.98, 1.0]) {
            1 => format!("*{phrase}*"),
            2 => format!("**{phrase}**"),
            _ => phrase,
        }
    }

    fn paper_tags(&mut self) -> Vec<String> {
        let count = self.rng.weighted(&[0.3, 0.7, 0.9, 1.0]) + 1;
        let mut tags: Vec<String> = Vec::new();
        while tags.len() < count {
            let tag = &self.tags[self.rng.skewed(self.tags.len())];
            if !tags.contains(tag) {
                tags.push(tag.clone());
            }
        }
        tags
    }

    /// Venue, short venue and the citation fields each kind of publication has.
    fn venue(&mut self, paper: &mut Paper, year: i32) {
        match paper.kind {
            PaperKind::Conference => {
                let (full, short) = *self.rng.pick(CONFERENCES);
                paper.venue = Some(if self.rng.chance(0.5) {
                    format!("{short} {year}")
                } else {
                    format!("{full} {year}")
                });
                paper.venue_short = Some(short.to_string());
                paper.pages = self.rng.chance(0.4).then(|| self.pages());
            }
            PaperKind::Journal => {
                paper.venue = Some(self.rng.pick(JOURNALS).to_string());
                paper.volume = Some((year - 1990).to_string());
                paper.issue = self
                    .rng
                    .chance(0.7)
                    .then(|| self.rng.between(1, 12).to_string());
                paper.pages = Some(self.pages());
                paper.publisher = self
                    .rng
                    .chance(0.5)
                    .then(|| self.rng.pick(PUBLISHERS).to_string());
            }
            PaperKind::Workshop => {
                let (_, short) = *self.rng.pick(CONFERENCES);
                let topic = self.rng.pick(WORKSHOPS);
                paper.venue = Some(format!("{topic} Workshop, {short} {year}"));
                paper.venue_short = Some(format!("{short} Workshop"));
            }
            PaperKind::Preprint => {
                paper.venue = self.rng.chance(0.3).then(|| "arXiv".to_string());
            }
            PaperKind::Thesis => {
                paper.publisher = Some(self.rng.pick(UNIVERSITIES).to_string());
                paper.note = Some("PhD thesis".to_string());
            }
            PaperKind::Book | PaperKind::Chapter => {
                paper.publisher = Some(self.rng.pick(PUBLISHERS).to_string());
                if paper.kind == PaperKind::Chapter {
                    paper.venue = Some(format!(
                        "Handbook of {}",
                        title_case(FIELDS[self.rng.skewed(FIELDS.len())])
                    ));
                    paper.pages = Some(self.pages());
                }
            }
            PaperKind::Report => {
                paper.venue = Some("Technical report".to_string());
                paper.publisher = Some(self.rng.pick(UNIVERSITIES).to_string());
            }
            PaperKind::Talk => {
                let (_, short) = *self.rng.pick(CONFERENCES);
                paper.venue = Some(format!("Invited talk, {short} {year}"));
            }
            PaperKind::Other => {
                paper.venue = Some("Blog post".to_string());
            }
        }
    }

    fn pages(&mut self) -> String {
        let first = self.rng.between(1, 900);
        format!("{first}--{}", first + self.rng.between(8, 30))
    }

    /// DOIs for most journal papers and some others; arXiv ids for most preprints and many
    /// conference papers.
    fn identifiers(&mut self, paper: &mut Paper, year: i32) {
        let doi_share = match paper.kind {
            PaperKind::Journal => 0.85,
            PaperKind::Conference | PaperKind::Chapter | PaperKind::Book => 0.3,
            _ => 0.05,
        };
        if self.rng.chance(doi_share) {
            let doi = loop {
                let doi = format!(
                    "10.{}/{}.{year}.{}",
                    self.rng.between(1000, 99999),
                    token(&mut self.rng, 4),
                    self.rng.between(1000, 999_999)
                );
                if self.identifiers.insert(hash(&doi)) {
                    break doi;
                }
            };
            paper.doi = Some(doi);
        }
        let arxiv_share = match paper.kind {
            PaperKind::Preprint => 0.8,
            PaperKind::Conference | PaperKind::Workshop => 0.5,
            _ => 0.15,
        };
        if self.rng.chance(arxiv_share) {
            paper.arxiv = Some(self.arxiv_id(year));
        }
    }

    /// `YYMM.NNNNN`, numbers of four digits before 2015; never one given before.
    fn arxiv_id(&mut self, year: i32) -> String {
        loop {
            let month = self.rng.between(1, 12);
            let prefix = format!("{:02}{month:02}", year % 100);
            let id = if year < 2015 {
                format!("{prefix}.{:04}", self.rng.between(1, 9999))
            } else {
                format!("{prefix}.{:05}", self.rng.between(1, 29999))
            };
            if self.identifiers.insert(hash(&id)) {
                return id;
            }
        }
    }

    /// Zero to four links of distinct kinds; a paper with none gets an arXiv id, so that readers
    /// can always find the full text.
    fn links(&mut self, paper: &mut Paper) {
        const KINDS: [LinkKind; 11] = [
            LinkKind::Pdf,
            LinkKind::Code,
            LinkKind::Arxiv,
            LinkKind::Doi,
            LinkKind::Slides,
            LinkKind::Video,
            LinkKind::Poster,
            LinkKind::Html,
            LinkKind::Data,
            LinkKind::Post,
            LinkKind::Thread,
        ];
        let count = self.rng.weighted(&[0.2, 0.5, 0.75, 0.9, 1.0]);
        while paper.links.len() < count {
            let kind = KINDS[self.rng.skewed(KINDS.len())];
            if !paper.links.iter().any(|link| link.kind == kind) {
                let url = self.link_url(paper, kind);
                paper.links.push(link(kind, url));
            }
        }
        if paper.links.is_empty() && paper.doi.is_none() && paper.arxiv.is_none() {
            let year = paper.date[..4].parse().unwrap_or(LAST_YEAR);
            paper.arxiv = Some(self.arxiv_id(year));
        }
    }

    fn link_url(&mut self, paper: &Paper, kind: LinkKind) -> String {
        let id = &paper.id;
        let year = paper.date[..4].parse().unwrap_or(LAST_YEAR);
        match (kind, &paper.arxiv, &paper.doi) {
            (LinkKind::Pdf, Some(arxiv), _) => format!("https://arxiv.org/pdf/{arxiv}"),
            (LinkKind::Arxiv, Some(arxiv), _) => format!("https://arxiv.org/abs/{arxiv}"),
            (LinkKind::Arxiv, None, _) => format!("https://arxiv.org/abs/{}", self.arxiv_id(year)),
            (LinkKind::Doi, _, Some(doi)) => format!("https://doi.org/{doi}"),
            (LinkKind::Doi, _, None) => {
                format!("https://doi.org/10.5555/{}", token(&mut self.rng, 10))
            }
            (LinkKind::Code, _, _) => {
                format!("https://github.com/{}/{}", token(&mut self.rng, 8), id)
            }
            (LinkKind::Thread, _, _) => format!(
                "https://x.com/{}/status/{}",
                token(&mut self.rng, 8),
                self.rng.next_u64() >> 4
            ),
            _ => format!("https://example.org/papers/{id}/{}", kind.as_str()),
        }
    }

    /// News items, most about a paper, with details and now and then a link.
    fn news(&mut self, count: usize, people: &[Person]) -> Vec<NewsItem> {
        (0..count).map(|_| self.news_item(people)).collect()
    }

    fn news_item(&mut self, people: &[Person]) -> NewsItem {
        let person = self.item_person(people);
        let year = LAST_YEAR - self.rng.skewed(YEARS) as i32;
        let mut item = NewsItem {
            date: self.date(year),
            person,
            text: String::new(),
            details: None,
            paper: None,
            links: Vec::new(),
        };
        match self.rng.weighted(&[0.6, 0.75, 0.85, 1.0]) {
            0 if !self.news_papers.is_empty() => {
                let (id, title, date) =
                    self.news_papers[self.rng.between(0, self.news_papers.len() - 1)].clone();
                item.text = format!("New paper: *{title}*.");
                item.date = date;
                item.paper = Some(id);
            }
            1 => {
                let (_, short) = *self.rng.pick(CONFERENCES);
                item.text = format!("Gave a talk on {} at {short} {year}.", self.noun_phrase());
            }
            2 => {
                item.text = format!(
                    "Received the {} for *{}*.",
                    self.rng.pick(AWARDS),
                    self.title()
                )
            }
            _ => {
                item.text = format!(
                    "Joined {} as a {}.",
                    self.rng.pick(AFFILIATIONS),
                    self.rng.pick(ROLES)
                )
            }
        }
        if self.rng.chance(0.8) {
            let words = self.rng.between(15, 60);
            item.details = Some(self.paragraph(String::new(), words));
        }
        if self.rng.chance(0.3) {
            let kind = *self.rng.pick(&[
                LinkKind::Post,
                LinkKind::Thread,
                LinkKind::Slides,
                LinkKind::Video,
            ]);
            item.links.push(link(
                kind,
                format!(
                    "https://example.org/news/{}/{}",
                    token(&mut self.rng, 10),
                    kind.as_str()
                ),
            ));
        }
        item
    }

    /// Forum posts, comments on posts, and sequences; most dated, a few undated.
    fn activity(&mut self, count: usize, people: &[Person]) -> Vec<ActivityItem> {
        let mut posts: Vec<String> = Vec::new();
        (0..count)
            .map(|_| self.activity_item(people, &mut posts))
            .collect()
    }

    fn activity_item(&mut self, people: &[Person], posts: &mut Vec<String>) -> ActivityItem {
        let kind = [
            ActivityKind::Post,
            ActivityKind::Comment,
            ActivityKind::Sequence,
        ][self.rng.weighted(&[0.4, 0.9, 1.0])];
        let person = self.item_person(people);
        let date = self.rng.chance(0.9).then(|| {
            let year = LAST_YEAR - self.rng.skewed(YEARS) as i32;
            self.date(year)
        });
        let post_id = token(&mut self.rng, 17);
        let mut item = ActivityItem {
            person,
            kind,
            date,
            title: None,
            on: None,
            url: None,
            body: String::new(),
            score: None,
        };
        match kind {
            ActivityKind::Post => {
                let title = self.title();
                item.url = Some(format!(
                    "https://www.lesswrong.com/posts/{post_id}/{}",
                    slug(&title)
                ));
                let paragraphs = self.rng.between(1, 2);
                item.body = (0..paragraphs)
                    .map(|_| {
                        let words = self.rng.between(40, 100);
                        self.paragraph(String::new(), words)
                    })
                    .collect::<Vec<_>>()
                    .join("\n\n");
                posts.push(title.clone());
                item.title = Some(title);
            }
            ActivityKind::Comment => {
                item.on = Some(if posts.is_empty() || self.rng.chance(0.3) {
                    self.title()
                } else {
                    posts[self.rng.between(0, posts.len() - 1)].clone()
                });
                item.url = Some(format!(
                    "https://www.lesswrong.com/posts/{post_id}?commentId={}",
                    token(&mut self.rng, 17)
                ));
                let words = self.rng.between(15, 90);
                item.body = self.paragraph(String::new(), words);
            }
            ActivityKind::Sequence => {
                item.title = Some(self.title());
                item.url = Some(format!("https://www.lesswrong.com/s/{post_id}"));
            }
        }
        item.score = self
            .rng
            .chance(0.85)
            .then(|| self.rng.skewed(400) as i64 - 10);
        item
    }

    /// Whose news or activity an item is: the owner's (left implicit, or named), or another
    /// person's.
    fn item_person(&mut self, people: &[Person]) -> Option<String> {
        let index = self.rng.skewed(people.len());
        (index != 0 || self.rng.chance(0.5)).then(|| people[index].id.clone())
    }
}

/// A stable hash of `text`, for sets that only need to tell whether it was seen.
fn hash(text: &str) -> u64 {
    std::hash::BuildHasherDefault::<vita::model::fast_hash::FxHasher>::default().hash_one(text)
}

/// A random ORCID iD with a correct ISO 7064 11,2 check digit.
fn random_orcid(rng: &mut Rng) -> String {
    let digits: Vec<u32> = "0000000"
        .chars()
        .map(|c| c.to_digit(10).unwrap_or(0))
        .chain((0..8).map(|_| rng.between(0, 9) as u32))
        .collect();
    let total = digits.iter().fold(0, |total, digit| (total + digit) * 2);
    let check = match (12 - total % 11) % 11 {
        10 => 'X',
        digit => char::from_digit(digit, 10).unwrap_or('0'),
    };
    let text: String = digits
        .iter()
        .filter_map(|&digit| char::from_digit(digit, 10))
        .chain([check])
        .collect();
    format!(
        "{}-{}-{}-{}",
        &text[..4],
        &text[4..8],
        &text[8..12],
        &text[12..]
    )
}

/// `len` random lower-case letters and digits, for identifiers in URLs.
fn token(rng: &mut Rng, len: usize) -> String {
    const ALPHABET: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    (0..len).map(|_| *rng.pick(ALPHABET) as char).collect()
}

fn link(kind: LinkKind, url: String) -> Link {
    Link {
        kind,
        url,
        label: None,
    }
}

/// "low-rank" gives "Low-Rank", "machine learning" "Machine Learning".
fn title_case(words: &str) -> String {
    words
        .split(' ')
        .map(capitalize_parts)
        .collect::<Vec<_>>()
        .join(" ")
}

fn capitalize_parts(word: &str) -> String {
    word.split('-')
        .map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join("-")
}

/// A URL slug: the words' letters and digits without accents, lower case, joined by hyphens.
fn slug(text: &str) -> String {
    let mut slug = String::new();
    for c in without_accents(text).chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// Accented letters of the names, with their LaTeX spelling and their ASCII base.
const ACCENTS: &[(char, &str, &str)] = &[
    ('á', "{\\'a}", "a"),
    ('à', "{\\`a}", "a"),
    ('â', "{\\^a}", "a"),
    ('ã', "{\\~a}", "a"),
    ('ä', "{\\\"a}", "a"),
    ('å', "{\\aa}", "a"),
    ('Å', "{\\AA}", "A"),
    ('Á', "{\\'A}", "A"),
    ('ą', "{\\k{a}}", "a"),
    ('ç', "{\\c{c}}", "c"),
    ('Ç', "{\\c{C}}", "C"),
    ('č', "{\\v{c}}", "c"),
    ('Č', "{\\v{C}}", "C"),
    ('ć', "{\\'c}", "c"),
    ('é', "{\\'e}", "e"),
    ('É', "{\\'E}", "E"),
    ('è', "{\\`e}", "e"),
    ('ê', "{\\^e}", "e"),
    ('ë', "{\\\"e}", "e"),
    ('ę', "{\\k{e}}", "e"),
    ('ğ', "{\\u{g}}", "g"),
    ('í', "{\\'i}", "i"),
    ('Í', "{\\'I}", "I"),
    ('ı', "{\\i}", "i"),
    ('î', "{\\^i}", "i"),
    ('ł', "{\\l}", "l"),
    ('Ł', "{\\L}", "L"),
    ('ñ', "{\\~n}", "n"),
    ('ń', "{\\'n}", "n"),
    ('ó', "{\\'o}", "o"),
    ('ö', "{\\\"o}", "o"),
    ('Ö', "{\\\"O}", "O"),
    ('ø', "{\\o}", "o"),
    ('Ø', "{\\O}", "O"),
    ('ř', "{\\v{r}}", "r"),
    ('ś', "{\\'s}", "s"),
    ('ş', "{\\c{s}}", "s"),
    ('Ş', "{\\c{S}}", "S"),
    ('ß', "{\\ss}", "ss"),
    ('ú', "{\\'u}", "u"),
    ('ü', "{\\\"u}", "u"),
    ('ý', "{\\'y}", "y"),
    ('ż', "{\\.z}", "z"),
    ('Ż', "{\\.Z}", "Z"),
    ('æ', "{\\ae}", "ae"),
];

fn has_accents(text: &str) -> bool {
    text.chars()
        .any(|c| ACCENTS.iter().any(|&(letter, _, _)| letter == c))
}

/// `Gödel` gives `G{\"o}del`, as BibTeX files and copied author lists spell it.
fn to_latex(text: &str) -> String {
    replace_accents(text, |&(_, latex, _)| latex)
}

/// `Gödel` gives `Godel`, as ASCII-only sources spell it.
fn without_accents(text: &str) -> String {
    replace_accents(text, |&(_, _, ascii)| ascii)
}

fn replace_accents(
    text: &str,
    with: impl Fn(&(char, &'static str, &'static str)) -> &'static str,
) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match ACCENTS.iter().find(|&&(letter, _, _)| letter == c) {
            Some(accent) => out.push_str(with(accent)),
            None => out.push(c),
        }
    }
    out
}

/// The site's people: family names that no pool author has.
const PEOPLE: &[(&str, &str)] = &[
    ("Zoë", "Halvorsen"),
    ("Łukasz", "Wróblewski"),
    ("François", "Lefebvre-Aubin"),
    ("Søren", "Kjærgaard"),
    ("Núria", "Puigdomènech"),
    ("Jürgen", "Oberhauser"),
    ("Ayşe", "Karaoğlu"),
    ("Tomás", "Ibarrondo"),
    ("Mei", "Takahara"),
    ("Ngozi", "Adeyemi-Cole"),
    ("Rafael", "Albuquerque"),
    ("Ingrid", "Solheimsvik"),
    ("Dmitri", "Varlamov"),
    ("Chloé", "Marchetti"),
    ("Priya", "Venkataraman"),
    ("Gonçalo", "Sarmento"),
    ("Hannah", "Oyelaran"),
    ("Kenji", "Morishita"),
    ("Émile", "Beauregard"),
    ("Agnieszka", "Zawadzka"),
];

// The word lists are laid out as paragraphs: one word per line would make them a thousand lines.
#[rustfmt::skip]
const FIRST_NAMES: &[&str] = &[
    "Alex", "Ana", "Ángel", "Anja", "Arash", "Aylin", "Benoît", "Björn", "Bruno", "Carmen", "Chen",
    "Chloé", "Ciarán", "Daniel", "Dmitri", "Elif", "Elena", "Emma", "Fatima", "Felipe", "François",
    "Gonçalo", "Hana", "Hannah", "Hiroshi", "Ingrid", "Ioana", "Isabel", "Jakub", "Javier",
    "Jiahui", "João", "Jonas", "Jörg", "José", "Julia", "Jürgen", "Kai", "Karim", "Katarzyna",
    "Kenji", "Laura", "Léa", "Lei", "Lars", "Lucía", "Łukasz", "Maja", "Malik", "Marcos", "María",
    "Mateo", "Mei", "Mikael", "Miriam", "Nadia", "Naveen", "Nikolai", "Noémie", "Olga", "Omar",
    "Paweł", "Pedro", "Priya", "Rafael", "Ravi", "Renée", "Rohan", "Rui", "Sakura", "Samuel",
    "Sara", "Siddharth", "Sofía", "Søren", "Stefan", "Tomás", "Tariq", "Thomas", "Valentina", "Wei",
    "Xin", "Yara", "Yusuf", "Zoë", "Zeynep", "Agnieszka", "Çağla", "Bartłomiej", "Dorothée",
    "Émile", "Hélène", "Inés", "Jean-Pierre", "Íñigo", "Øystein", "Åsa", "Gülşen", "Ngozi", "Kwame",
    "Amara", "Tanvir", "Mohammed", "Ayesha", "Hyun-woo", "Thanh", "Linh", "Ananya", "Vikram",
    "Meera", "Beatriz", "Clément", "Dariusz", "Eero", "Fernanda", "Grzegorz", "Henrik", "Irene",
    "Joaquín", "Kaja", "Leif", "Małgorzata", "Nils", "Oskar", "Paula", "Quentin",
];

#[rustfmt::skip]
const FAMILY_NAMES: &[&str] = &[
    "Abadi", "Andersen", "Bauer", "Becker", "Bergström", "Bianchi", "Brown", "Çelik", "Chen",
    "Costa", "Dąbrowski", "Dubois", "Duarte", "Eriksson", "Fernández", "Ferreira", "Fischer",
    "García", "Gödel", "González", "Gupta", "Haddad", "Hansen", "Hoffmann", "Huang", "Ibáñez",
    "Ivanova", "Jensen", "Jørgensen", "Kaczmarek", "Kim", "Kowalski", "Kovačević", "Kumar",
    "Larsen", "Lefèvre", "Li", "Lindqvist", "Liu", "López", "Martínez", "Meyer", "Moreau", "Müller",
    "Nakamura", "Nguyen", "Novák", "Núñez", "O'Brien", "Øksendal", "Okafor", "Oliveira", "Park",
    "Patel", "Pereira", "Petrov", "Quispe", "Rahman", "Ramírez", "Rossi", "Sánchez", "Santos",
    "Schäfer", "Schmidt", "Schröder", "Silva", "Singh", "Søndergaard", "Suzuki", "Tanaka",
    "Thompson", "Tran", "Van Roy", "van der Berg", "de la Cruz", "Vásquez", "Wagner", "Wang",
    "Weiß", "Wiśniewski", "Wójcik", "Wu", "Yamamoto", "Yılmaz", "Zhang", "Zhou", "Zieliński",
    "Ålund", "Bjørnstad", "Brandão", "Castaño", "Doğan", "Mallen", "Infanger", "Xu", "Marklund",
    "Lee", "Paulo", "Turner", "Nowak", "Ahmed", "Okonkwo", "Mensah", "Haraldsson", "Fabre",
    "Gauthier", "Rousseau", "Lambert", "Øverland", "Strøm", "Ruiz", "Peña", "Romero", "Navarro",
    "Ortiz", "Morales", "Kaya", "Şahin", "Arslan", "Öztürk", "Kılıç", "Horváth", "Szabó", "Tóth",
    "Dvořák", "Černý", "Procházka", "Novaković", "Jovanović", "Popescu", "Ionescu", "Constantin",
    "Papadopoulos", "Georgiou", "Ricci", "Esposito", "Romano", "Greco",
];

#[rustfmt::skip]
const ADJECTIVES: &[&str] = &[
    "robust", "scalable", "efficient", "sparse", "adversarial", "causal", "bayesian", "convex",
    "stochastic", "neural", "probabilistic", "federated", "interpretable", "differentiable",
    "hierarchical", "multimodal", "contrastive", "generative", "latent", "recurrent", "graphical",
    "distributed", "online", "offline", "approximate", "exact", "adaptive", "implicit", "explicit",
    "variational", "linear", "nonlinear", "low-rank", "high-dimensional", "self-supervised",
    "semi-supervised", "unsupervised", "few-shot", "zero-shot", "continual", "private", "fair",
    "safe", "verifiable", "provable", "optimal", "regularized", "quantized", "compressed",
    "structured", "dynamic", "mechanistic", "emergent", "temporal", "spatial", "geometric",
    "topological", "spectral", "symbolic", "compositional", "equivariant", "invariant", "discrete",
    "continuous", "randomized", "asynchronous", "decentralized", "hybrid", "modular", "local",
    "global", "noisy", "long-context", "multilingual", "multi-agent", "model-based", "model-free",
    "deep", "sequential", "parallel", "reversible", "tractable", "calibrated",
];

#[rustfmt::skip]
const NOUNS: &[&str] = &[
    "learning", "inference", "optimization", "representations", "transformers", "attention",
    "robustness", "generalization", "regularization", "estimation", "sampling", "planning",
    "control", "reasoning", "retrieval", "compression", "quantization", "pruning", "embeddings",
    "networks", "models", "agents", "policies", "rewards", "gradients", "kernels", "graphs",
    "circuits", "features", "priors", "bounds", "guarantees", "benchmarks", "datasets", "languages",
    "programs", "proofs", "games", "markets", "auctions", "equilibria", "chains", "processes",
    "dynamics", "diffusion", "flows", "operators", "manifolds", "tensors", "matrices", "queries",
    "compilers", "protocols", "consensus", "verification", "synthesis", "translation",
    "summarization", "segmentation", "detection", "distillation", "unlearning", "alignment",
    "interpretability", "tracking", "recognition", "forecasting", "simulation", "calibration",
    "uncertainty", "causality", "fairness", "privacy", "safety", "security", "efficiency",
    "scaling", "memory", "search", "exploration", "imitation", "feedback", "preferences",
    "oversight", "deception", "honesty", "steering", "probing", "activations", "neurons", "heads",
    "layers", "tokens", "prompts", "context", "supervision", "pretraining", "fine-tuning",
    "adaptation", "transfer", "ensembles", "mixtures", "experts", "routing", "sparsity",
    "stability", "convergence", "complexity", "regret", "bandits", "queues", "sensors", "robots",
    "manipulation", "locomotion", "navigation", "vision", "speech", "audio", "video", "code",
    "molecules", "proteins", "materials", "climate", "epidemics", "finance", "healthcare",
    "genomics", "physics", "theorems", "lattices", "hashing", "sketches", "streams", "estimators",
    "objectives", "losses", "metrics", "evaluation", "auditing", "monitoring", "debugging",
];

#[rustfmt::skip]
const VERBS: &[&str] = &[
    "improves", "reduces", "enables", "outperforms", "matches", "explains", "predicts", "recovers",
    "approximates", "controls", "bounds", "characterizes", "accelerates", "stabilizes",
    "generalizes to", "scales to", "transfers to", "preserves", "removes", "identifies",
    "separates", "aligns", "calibrates", "certifies", "compresses",
];

#[rustfmt::skip]
const OPENINGS: &[&str] = &[
    "Towards", "On", "Learning", "Rethinking", "Understanding", "Scaling", "Provably", "Revisiting",
];

#[rustfmt::skip]
const CONNECTIVES: &[&str] = &[
    "for", "of", "with", "via", "in", "under", "and", "from", "without", "beyond", "through",
];

/// Math that titles carry as a word.
#[rustfmt::skip]
const TITLE_MATH: &[&str] = &[
    "$k$-Sparse", "$\\ell_p$-Robust", "$\\epsilon$-Optimal", "$O(1)$-Approximate",
    "$\\mathcal{H}_\\infty$", "$f$-Divergence", "$n$-Player",
];

#[rustfmt::skip]
const INLINE_MATH: &[&str] = &[
    "$O(n \\log n)$", "$\\tilde O(\\sqrt{T})$", "$\\epsilon$", "$\\ell_1$", "\\(k \\ll d\\)",
    "$\\mathbb{E}[X]$", "$1/\\sqrt{n}$", "$\\Theta(d^2)$", "\\(\\lambda_{\\max}\\)",
];

const DISPLAY_MATH: &[&str] = &[
    "$$\\min_{\\theta} \\; \\mathbb{E}_{(x,y) \\sim \\mathcal{D}} \\big[ \\ell(f_\\theta(x), y) \\big]$$",
    "$$\\Pr\\big[|X - \\mu| \\geq t\\big] \\leq 2 e^{-t^2 / 2\\sigma^2}$$",
    "\\[ \\sum_{t=1}^{T} r_t \\leq O\\big(\\sqrt{T \\log K}\\big) \\]",
    "$$\\pi^\\star = \\arg\\max_\\pi \\frac{1}{T} \\sum_{t=1}^{T} \\gamma^t R(s_t, a_t)$$",
];

/// Abstract sentences; slots: `{np}` noun phrase, `{verb}`, `{n}` a count, `{pct}` a percentage.
const SENTENCES: &[&str] = &[
    "we study {np} in the setting of {np}.",
    "existing approaches to {np} rely on {np}, which {verb} {np} only at a high cost.",
    "we propose {np}, a method that {verb} {np} without {np}.",
    "our analysis shows that {np} {verb} {np} under mild assumptions on {np}.",
    "across {n} benchmarks, {np} {verb} strong baselines by {pct} on average.",
    "the key idea is to treat {np} as {np}.",
    "we prove that {np} {verb} {np}, and that this rate is optimal up to logarithmic factors.",
    "experiments on {np} and {np} confirm the theory.",
    "this suggests that {np} is a promising route to {np}.",
    "we release code and data for {np}.",
    "unlike prior work on {np}, we make no assumption about {np}.",
    "finally, we discuss what this means for {np} and {np}.",
    "in practice, {np} {verb} {np} in most of the {n} settings we consider.",
    "a simple example shows that {np} can fail badly when {np} is misspecified.",
];

/// Sentences with inline math (`{math}`).
const MATH_SENTENCES: &[&str] = &[
    "for {np} with {math} parameters, the method runs in {math} time.",
    "the error of {np} decays as {math}, matching the lower bound for {np}.",
    "we show that {np} needs only {math} samples, where {math} is the target accuracy.",
];

#[rustfmt::skip]
const QUALIFIERS: &[&str] = &[
    "robust", "causal", "bayesian", "federated", "interpretable", "efficient", "adversarial",
    "probabilistic", "online", "multi-agent", "geometric", "quantum", "safe", "private",
];

#[rustfmt::skip]
const FIELDS: &[&str] = &[
    "machine learning", "reinforcement learning", "optimization", "inference", "statistics",
    "language models", "computer vision", "robotics", "game theory", "control", "graph learning",
    "representation learning", "unlearning", "distillation", "interpretability", "alignment",
    "simulation", "Markov chains", "queueing", "forecasting", "recommendation",
];

const CONFERENCES: &[(&str, &str)] = &[
    (
        "Advances in Neural Information Processing Systems",
        "NeurIPS",
    ),
    ("International Conference on Machine Learning", "ICML"),
    (
        "International Conference on Learning Representations",
        "ICLR",
    ),
    ("Conference on Learning Theory", "COLT"),
    ("AAAI Conference on Artificial Intelligence", "AAAI"),
    (
        "International Joint Conference on Artificial Intelligence",
        "IJCAI",
    ),
    (
        "Conference on Uncertainty in Artificial Intelligence",
        "UAI",
    ),
    (
        "International Conference on Artificial Intelligence and Statistics",
        "AISTATS",
    ),
    (
        "Annual Meeting of the Association for Computational Linguistics",
        "ACL",
    ),
    (
        "Conference on Empirical Methods in Natural Language Processing",
        "EMNLP",
    ),
    (
        "IEEE/CVF Conference on Computer Vision and Pattern Recognition",
        "CVPR",
    ),
    ("ACM Symposium on Theory of Computing", "STOC"),
    (
        "ACM Conference on Fairness, Accountability, and Transparency",
        "FAccT",
    ),
    ("Conference on Robot Learning", "CoRL"),
    ("ACM Conference on Economics and Computation", "EC"),
    ("Winter Simulation Conference", "WSC"),
];

const WORKSHOPS: &[&str] = &[
    "Mechanistic Interpretability",
    "Socially Responsible Machine Learning",
    "Trustworthy and Reliable Large-Scale Machine Learning Models",
    "Foundation Models for Decision Making",
    "Causal Representation Learning",
    "Efficient Systems for Foundation Models",
];

const JOURNALS: &[&str] = &[
    "Journal of Machine Learning Research",
    "Transactions on Machine Learning Research",
    "Operations Research Letters",
    "Annals of Statistics",
    "Nature Machine Intelligence",
    "Stochastic Systems",
    "Mathematics of Operations Research",
    "SIAM Journal on Optimization",
    "IEEE Transactions on Information Theory",
    "Journal of the ACM",
    "Neural Computation",
    "Queueing Systems",
];

#[rustfmt::skip]
const PUBLISHERS: &[&str] = &[
    "Elsevier", "Springer", "INFORMS", "IEEE", "ACM", "SIAM", "MIT Press",
    "Cambridge University Press", "Oxford University Press",
];

#[rustfmt::skip]
const UNIVERSITIES: &[&str] = &[
    "Stanford University", "ETH Zürich", "Université de Montréal", "University of Toronto",
    "Technische Universität München", "Universitat de Barcelona", "Københavns Universitet",
    "Uniwersytet Warszawski", "University of Cambridge", "Universidade de São Paulo",
    "Kyoto University", "Tsinghua University", "University of Cape Town",
    "École Polytechnique Fédérale de Lausanne",
];

#[rustfmt::skip]
const AFFILIATIONS: &[&str] = &[
    "Independent researcher", "Stanford University", "ETH Zürich", "Université de Montréal",
    "University of Toronto", "Københavns Universitet", "Example Research Lab",
    "Universidade de São Paulo", "Kyoto University", "Uniwersytet Warszawski",
];

#[rustfmt::skip]
const LOCATIONS: &[&str] = &[
    "San Francisco Bay Area", "Zürich, Switzerland", "Montréal, Canada", "Toronto, Canada",
    "København, Denmark", "São Paulo, Brazil", "Kyōto, Japan", "Warszawa, Poland", "London, UK",
    "Kraków, Poland",
];

#[rustfmt::skip]
const ROLES: &[&str] = &[
    "postdoctoral researcher", "research scientist", "PhD student", "visiting researcher",
];

#[rustfmt::skip]
const AWARDS: &[&str] = &[
    "Spotlight", "Oral", "Best Paper Award", "Outstanding Paper Award", "Best Student Paper",
    "Honorable Mention",
];

const NOTES: &[&str] = &[
    "Extended version of the workshop paper.",
    "Invited to a special issue.",
    "Code and data available.",
    "Supersedes the 2019 technical report.",
];
