//! Fetching the data files and turning them into a [`Site`].

use crate::model::validate::has_errors;
use crate::model::{ParseError, Problem, Severity, Site, parse_site_file, validate};
use gloo_net::http::Request;
use std::sync::Arc;
use thiserror::Error;
use web_sys::RequestCache;

/// The data file, relative to the document base so that subpath deployments work.
pub const SITE_FILE: &str = "data/site.json";

/// Why the site data could not be loaded.
#[derive(Debug, Clone, PartialEq, Error)]
pub enum LoadError {
    /// The request failed before any response (offline, blocked, bad URL).
    #[error("{file}: could not be fetched: {reason}")]
    Fetch {
        /// The data file.
        file: String,
        /// The browser's reason.
        reason: String,
    },
    /// The server answered with an error status.
    #[error("{file}: the server answered {status} {status_text}")]
    Status {
        /// The data file.
        file: String,
        /// HTTP status code.
        status: u16,
        /// HTTP status text.
        status_text: String,
    },
    /// The file is not valid site data.
    #[error("{file}: {error}")]
    Parse {
        /// The data file.
        file: String,
        /// Where and why parsing failed.
        error: ParseError,
    },
    /// The file parsed, but its content has errors.
    #[error("{file}: {} error(s), first: {}", problems.len(), problems.first().map(ToString::to_string).unwrap_or_default())]
    Invalid {
        /// The data file.
        file: String,
        /// Every error found, with its JSON path.
        problems: Vec<Problem>,
    },
}

impl LoadError {
    /// One line per problem, each naming the file: every validation error, or the single reason.
    pub fn lines(&self) -> Vec<String> {
        match self {
            Self::Invalid { file, problems } => problems
                .iter()
                .map(|problem| format!("{file}: {problem}"))
                .collect(),
            other => vec![other.to_string()],
        }
    }
}

/// Fetches and parses the site data. Revalidates with the server so edited data shows at once.
pub async fn load_site() -> Result<Arc<Site>, LoadError> {
    let file = SITE_FILE.to_string();
    let fetch_error = |error: gloo_net::Error| LoadError::Fetch {
        file: file.clone(),
        reason: error.to_string(),
    };
    let response = Request::get(SITE_FILE)
        .cache(RequestCache::NoCache)
        .send()
        .await
        .map_err(fetch_error)?;
    if !response.ok() {
        return Err(LoadError::Status {
            file,
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let text = response.text().await.map_err(fetch_error)?;
    let site_file = parse_site_file(&text).map_err(|error| LoadError::Parse {
        file: file.clone(),
        error,
    })?;
    let problems = validate(&site_file);
    if has_errors(&problems) {
        let errors = problems
            .into_iter()
            .filter(|problem| problem.severity == Severity::Error)
            .collect();
        return Err(LoadError::Invalid {
            file,
            problems: errors,
        });
    }
    for warning in &problems {
        leptos::logging::warn!("{file}: warning: {warning}");
    }
    Ok(Arc::new(Site::new(site_file)))
}
