//! `vita-check FILE`: checks a site data file before deployment.
//!
//! Exit status: 0 when the file is valid, 1 when it has errors, 2 when it cannot be read.

use std::process::ExitCode;
use vita::model::parse_site_file;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(path), None) = (args.next(), args.next()) else {
        eprintln!("usage: vita-check path/to/site.json");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{path}: cannot be read: {error}");
            return ExitCode::from(2);
        }
    };
    match parse_site_file(&text) {
        Ok(file) => {
            println!("{path}: valid ({} people)", file.people.len());
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("{path}: error: {error}");
            ExitCode::from(1)
        }
    }
}
