//! The pure core: the data format, its parsing and validation. No DOM, no fetching.

pub mod markdown;
pub mod math;
pub mod parse;
pub mod schema;
pub mod site;

pub use parse::{ParseError, parse_site_file};
pub use schema::SiteFile;
pub use site::Site;
