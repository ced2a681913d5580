//! What static hosts accept: the size of a built site and of its largest file against the limits
//! of the common hosts, so that a build too large for one says so before a deploy fails.

use std::io;
use std::path::{Path, PathBuf};

/// The size of a built site.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SiteSize {
    /// Files in the site.
    pub files: u64,
    /// Their total size in bytes.
    pub bytes: u64,
    /// The largest file, relative to the site, and its size.
    pub largest: Option<(PathBuf, u64)>,
}

/// A host's published limits.
struct HostLimits {
    host: &'static str,
    site_bytes: Option<u64>,
    file_bytes: u64,
    files: Option<u64>,
}

/// GitHub Pages publishes sites up to 1 GB, from a repository that refuses files over 100 MB;
/// Cloudflare Pages takes up to 20,000 files of up to 25 MiB each.
const HOSTS: [HostLimits; 2] = [
    HostLimits {
        host: "GitHub Pages",
        site_bytes: Some(1_000_000_000),
        file_bytes: 100_000_000,
        files: None,
    },
    HostLimits {
        host: "Cloudflare Pages",
        site_bytes: None,
        file_bytes: 25 * 1024 * 1024,
        files: Some(20_000),
    },
];

/// Measures every file under `dist`.
pub fn measure(dist: &Path) -> io::Result<SiteSize> {
    let mut size = SiteSize::default();
    let mut folders = vec![dist.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let entry = entry?;
            let kind = entry.file_type()?;
            if kind.is_dir() {
                folders.push(entry.path());
            } else if kind.is_file() {
                let bytes = entry.metadata()?.len();
                size.files += 1;
                size.bytes += bytes;
                if size.largest.as_ref().is_none_or(|(_, most)| bytes > *most) {
                    let path = entry.path();
                    let relative = path.strip_prefix(dist).unwrap_or(&path).to_path_buf();
                    size.largest = Some((relative, bytes));
                }
            }
        }
    }
    Ok(size)
}

/// One sentence for each host limit the site passes.
pub fn limits_passed(size: &SiteSize) -> Vec<String> {
    let mut passed = Vec::new();
    for limits in &HOSTS {
        if let Some(most) = limits.site_bytes.filter(|&most| size.bytes > most) {
            passed.push(format!(
                "the site is {}, more than the {} {} publishes",
                megabytes(size.bytes),
                megabytes(most),
                limits.host
            ));
        }
        if let Some(most) = limits.files.filter(|&most| size.files > most) {
            passed.push(format!(
                "the site has {} files, more than the {most} {} takes",
                size.files, limits.host
            ));
        }
        if let Some((path, bytes)) = &size.largest
            && *bytes > limits.file_bytes
        {
            passed.push(format!(
                "{} is {}, more than the {} a file may have on {}",
                path.display(),
                megabytes(*bytes),
                megabytes(limits.file_bytes),
                limits.host
            ));
        }
    }
    passed
}

fn megabytes(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(files: u64, bytes: u64, largest: u64) -> SiteSize {
        SiteSize {
            files,
            bytes,
            largest: Some((PathBuf::from("data/site.json"), largest)),
        }
    }

    #[test]
    fn a_small_site_passes_no_limit() {
        assert!(limits_passed(&site(300, 20_000_000, 2_000_000)).is_empty());
    }

    #[test]
    fn each_limit_passed_is_named_with_its_host() {
        let passed = limits_passed(&site(2_000_000, 30_000_000_000, 1_400_000_000));
        assert_eq!(
            passed,
            [
                "the site is 30000.0 MB, more than the 1000.0 MB GitHub Pages publishes",
                "data/site.json is 1400.0 MB, more than the 100.0 MB a file may have on GitHub Pages",
                "the site has 2000000 files, more than the 20000 Cloudflare Pages takes",
                "data/site.json is 1400.0 MB, more than the 26.2 MB a file may have on Cloudflare Pages",
            ]
        );
    }
}
