//! Precompressed copies of a build's files, for hosts that serve them in place of the file when
//! the browser accepts their encoding (nginx `gzip_static` and `brotli_static`, Caddy's
//! `precompressed`): `name.gz` (gzip, level 9) and `name.br` (brotli) beside `name`. The app's
//! files, few and fetched by every visitor, get brotli's best (quality 11, about 1 MB/s); pages
//! and data, many and written again at every build, quality 5 (about 45 MB/s, some 12 % larger).
//! Hosts that compress as they serve (GitHub Pages, Netlify, Cloudflare Pages, CloudFront) ignore
//! them.

use brotli::enc::BrotliEncoderParams;
use flate2::{Compression, GzBuilder};
use std::io::{Read, Write};

/// Which files a build writes precompressed copies of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Precompress {
    /// The module, its JavaScript and the styles: the largest files of a first visit, whose
    /// names carry a hash of their contents, so that a copy never goes stale.
    #[default]
    App,
    /// Those, and every page, feed, sitemap and data file. A data file edited on the host needs
    /// the build step run again: a host would otherwise serve the old copies.
    All,
    /// None.
    None,
}

impl Precompress {
    /// The choice named `name` (`app`, `all`, `none`).
    pub fn named(name: &str) -> Option<Self> {
        match name {
            "app" => Some(Self::App),
            "all" => Some(Self::All),
            "none" => Some(Self::None),
            _ => None,
        }
    }

    /// Whether the build's own files (pages, feeds, sitemaps, data) get copies.
    pub fn covers_written(self) -> bool {
        self == Self::All
    }

    /// Whether the app's files (trunk's module, JavaScript and styles) get copies.
    pub fn covers_app(self) -> bool {
        self != Self::None
    }
}

/// Files smaller than this are not worth a copy: the headers of a response weigh about as much.
const SMALLEST: usize = 1_024;

/// Whether a file named `path` is text or wasm, which compress well (images and fonts already
/// are compressed).
pub fn compressible(path: &str) -> bool {
    let extension = path.rsplit_once('.').map_or("", |(_, extension)| extension);
    matches!(
        extension,
        "html" | "css" | "js" | "mjs" | "wasm" | "json" | "xml" | "txt" | "svg" | "bib" | "ris"
    )
}

/// The app's files at the top of a built site: trunk's module, JavaScript and styles.
pub fn is_app_file(name: &str) -> bool {
    !name.contains('/')
        && [".wasm", ".js", ".css"]
            .iter()
            .any(|end| name.ends_with(end))
}

/// Whether `name` is a precompressed copy the build writes.
pub fn is_copy(name: &str) -> bool {
    name.ends_with(".gz") || name.ends_with(".br")
}

/// How hard brotli works on a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effort {
    /// Brotli's best, for the app's files.
    Best,
    /// Quick, for pages and data.
    Quick,
}

/// The gzip and brotli copies of `bytes`, each with its file name suffix; none for a small file,
/// and only those smaller than the file. The same bytes always give the same copies (no time or
/// name in the gzip header). `earlier` gives the copy an earlier build wrote, by suffix: kept
/// when it holds `bytes`, as rendering a site again from edited data finds the module's.
pub fn copies(
    bytes: &[u8],
    effort: Effort,
    earlier: &dyn Fn(&str) -> Option<Vec<u8>>,
) -> Vec<(&'static str, Vec<u8>)> {
    if bytes.len() < SMALLEST {
        return Vec::new();
    }
    let copy = |suffix: &'static str, encode: &dyn Fn() -> Vec<u8>| {
        let kept = earlier(suffix).filter(|copy| decoded(suffix, copy).as_deref() == Some(bytes));
        (suffix, kept.unwrap_or_else(encode))
    };
    [
        copy(".gz", &|| gzip(bytes)),
        copy(".br", &|| brotli(bytes, effort)),
    ]
    .into_iter()
    .filter(|(_, copy)| copy.len() < bytes.len())
    .collect()
}

/// What the copy with `suffix` holds; `None` when it does not decode.
fn decoded(suffix: &str, copy: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    match suffix {
        ".gz" => flate2::read::GzDecoder::new(copy)
            .read_to_end(&mut out)
            .ok()?,
        _ => {
            brotli::BrotliDecompress(&mut &copy[..], &mut out).ok()?;
            0
        }
    };
    Some(out)
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = GzBuilder::new()
        .mtime(0)
        .write(Vec::new(), Compression::best());
    encoder
        .write_all(bytes)
        .expect("writing to memory cannot fail");
    encoder.finish().expect("writing to memory cannot fail")
}

fn brotli(bytes: &[u8], effort: Effort) -> Vec<u8> {
    let params = BrotliEncoderParams {
        quality: match effort {
            Effort::Best => 11,
            Effort::Quick => 5,
        },
        lgwin: 22,
        ..BrotliEncoderParams::default()
    };
    let mut out = Vec::new();
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .expect("compressing in memory cannot fail");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copies_read_back_as_the_file_and_are_the_same_bytes_every_time() {
        let text = "<p>Vita</p>\n".repeat(500);
        let copies = copies(text.as_bytes(), Effort::Quick, &|_| None);
        assert_eq!(copies.len(), 2);
        let (_, gzipped) = &copies[0];
        let mut read = String::new();
        flate2::read::GzDecoder::new(&gzipped[..])
            .read_to_string(&mut read)
            .unwrap();
        assert_eq!(read, text);
        let (_, brotlied) = &copies[1];
        let mut read = Vec::new();
        brotli::BrotliDecompress(&mut &brotlied[..], &mut read).unwrap();
        assert_eq!(read, text.as_bytes());
        assert_eq!(
            super::copies(text.as_bytes(), Effort::Quick, &|_| None),
            copies,
            "deterministic"
        );
        // An earlier copy of the same bytes is kept (brotli's best would give other bytes); a
        // copy of other bytes is made again.
        let none = |_: &str| None;
        let by_suffix = |copies: Vec<(&'static str, Vec<u8>)>| {
            move |suffix: &str| {
                copies
                    .iter()
                    .find(|(found, _)| *found == suffix)
                    .map(|(_, copy)| copy.clone())
            }
        };
        assert_ne!(super::copies(text.as_bytes(), Effort::Best, &none), copies);
        let earlier = by_suffix(copies.clone());
        assert_eq!(
            super::copies(text.as_bytes(), Effort::Best, &earlier),
            copies
        );
        let old = "<p>Old</p>\n".repeat(500);
        let stale = by_suffix(super::copies(old.as_bytes(), Effort::Quick, &none));
        assert_eq!(
            super::copies(text.as_bytes(), Effort::Quick, &stale),
            copies,
            "a stale copy is made again"
        );
    }

    #[test]
    fn small_files_and_others_get_no_copy() {
        assert!(copies(b"{}", Effort::Best, &|_| None).is_empty());
        assert!(compressible("data/index/list/0.json") && compressible("vita-1a2b_bg.wasm"));
        assert!(!compressible("public/photo.jpg") && !compressible("site.json.gz"));
        assert!(is_app_file("vita-1a2b_bg.wasm") && is_app_file("base-9f.css"));
        assert!(!is_app_file("data/site.json") && !is_app_file("index.html"));
    }
}
