//! The pure core: the data format, its parsing and validation, names and author clusters, and the
//! text renderers. No DOM, no fetching: everything here is tested natively.

pub mod bibtex;
pub mod cite;
pub mod cluster;
pub mod csl_json;
pub mod cv;
pub mod dataset;
pub mod date;
pub mod dblp;
pub mod escape;
pub mod fast_hash;
pub mod filter;
pub mod fold;
pub mod json_text;
pub mod latex;
pub mod line_counter;
pub mod markdown;
pub mod math;
pub mod merge;
pub mod names;
pub mod openalex;
pub mod parse;
pub mod resume;
pub mod ris;
pub mod route;
pub mod schema;
pub mod search;
pub mod shard;
pub mod sharded;
pub mod site;
pub mod sort;
pub mod validate;

pub use parse::{ParseError, ParsedSite, SiteParseError, parse_site_checked, parse_site_file};
pub use schema::SiteFile;
pub use site::Site;
pub use validate::{Problem, Severity, validate};
