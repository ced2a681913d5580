//! Writing a build so that a failed one leaves the site as it was: every file goes to a staging
//! folder inside the site folder first, and only a complete build replaces what the last one
//! wrote, one top-level file or folder at a time (each replacement a rename).

use super::compress::{Effort, compressible, copies};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

/// The staging folder, inside the site folder (a rename never crosses file systems).
const STAGING: &str = ".vita-staging";

/// Where a folder being replaced waits until its successor is in place.
const REPLACED: &str = ".vita-replaced";

/// Files being written for one build.
pub struct Output {
    dist: PathBuf,
    staging: PathBuf,
    files: AtomicUsize,
    bytes: AtomicU64,
    committed: bool,
    /// Whether each file written gets its precompressed copies.
    with_copies: bool,
}

/// What a build wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Written {
    /// Files written.
    pub files: usize,
    /// Their total size in bytes.
    pub bytes: u64,
}

impl Output {
    /// Starts a build of the site in `dist`, clearing what an interrupted one left.
    pub fn start(dist: &Path) -> io::Result<Self> {
        let staging = dist.join(STAGING);
        remove_if_present(&staging)?;
        fs::create_dir_all(&staging)?;
        Ok(Self {
            dist: dist.to_path_buf(),
            staging,
            files: AtomicUsize::new(0),
            bytes: AtomicU64::new(0),
            committed: false,
            with_copies: false,
        })
    }

    /// Writes the precompressed copies ([`copies`]) of every file of a kind that compresses, as
    /// it is written.
    pub fn with_copies(mut self, with_copies: bool) -> Self {
        self.with_copies = with_copies;
        self
    }

    /// Writes `contents` to `relative` (a `/`-separated path inside the site), with its copies
    /// when the output makes them.
    pub fn write(&self, relative: &str, contents: &[u8]) -> io::Result<()> {
        self.write_file(relative, contents)?;
        if self.with_copies && compressible(relative) {
            for (suffix, copy) in copies(contents, Effort::Quick, &|_| None) {
                self.write_file(&format!("{relative}{suffix}"), &copy)?;
            }
        }
        Ok(())
    }

    /// Writes the precompressed copies of the file `relative`, whose contents are `contents`
    /// (a file of the site the build does not write itself), keeping an earlier build's copies
    /// in the site folder when they hold the same contents.
    pub fn write_copies(&self, relative: &str, contents: &[u8], effort: Effort) -> io::Result<()> {
        let earlier = |suffix: &str| fs::read(self.dist.join(format!("{relative}{suffix}"))).ok();
        for (suffix, copy) in copies(contents, effort, &earlier) {
            self.write_file(&format!("{relative}{suffix}"), &copy)?;
        }
        Ok(())
    }

    fn write_file(&self, relative: &str, contents: &[u8]) -> io::Result<()> {
        let path = self.staging.join(relative);
        if let Some(folder) = path.parent() {
            fs::create_dir_all(folder)?;
        }
        fs::write(&path, contents)?;
        self.files.fetch_add(1, Ordering::Relaxed);
        self.bytes
            .fetch_add(contents.len() as u64, Ordering::Relaxed);
        Ok(())
    }

    /// Copies the files of the folder `from` (and its subfolders) to the folder `relative`.
    pub fn copy_folder(&self, from: &Path, relative: &str) -> io::Result<()> {
        for entry in fs::read_dir(from)? {
            let entry = entry?;
            let name = entry.file_name();
            let name = name.to_string_lossy();
            let inside = format!("{relative}/{name}");
            if entry.file_type()?.is_dir() {
                self.copy_folder(&entry.path(), &inside)?;
            } else {
                self.write(&inside, &fs::read(entry.path())?)?;
            }
        }
        Ok(())
    }

    /// Puts the build in place. Every top-level file and folder written replaces its namesake,
    /// except the folders of `merged`, whose files and folders replace theirs one by one; those
    /// `owned` that this build did not write are removed (an earlier build's), named by their path
    /// (`sitemap-2.xml`, `data/index`).
    pub fn commit(mut self, owned: impl Fn(&str) -> bool, merged: &[&str]) -> io::Result<Written> {
        self.replace_entries(Path::new(""), &owned, merged)?;
        fs::remove_dir_all(&self.staging)?;
        self.committed = true;
        Ok(Written {
            files: self.files.load(Ordering::Relaxed),
            bytes: self.bytes.load(Ordering::Relaxed),
        })
    }

    /// Replaces the entries of the folder `inside` (relative to the site) by the staged ones.
    fn replace_entries(
        &self,
        inside: &Path,
        owned: &impl Fn(&str) -> bool,
        merged: &[&str],
    ) -> io::Result<()> {
        let staged_folder = self.staging.join(inside);
        let target_folder = self.dist.join(inside);
        let mut written = Vec::new();
        for entry in fs::read_dir(&staged_folder)? {
            written.push(entry?.file_name());
        }
        for name in &written {
            let relative = inside.join(name);
            let target = self.dist.join(&relative);
            let staged = self.staging.join(&relative);
            let path = relative.to_string_lossy().replace('\\', "/");
            if merged.contains(&path.as_str()) && target.is_dir() {
                self.replace_entries(&relative, owned, &[])?;
            } else if target.is_dir() {
                let replaced = self.dist.join(REPLACED);
                remove_if_present(&replaced)?;
                fs::rename(&target, &replaced)?;
                fs::rename(&staged, &target)?;
                fs::remove_dir_all(&replaced)?;
            } else {
                fs::rename(&staged, &target)?;
            }
        }
        for entry in fs::read_dir(&target_folder)? {
            let entry = entry?;
            let name = entry.file_name();
            if written.contains(&name) {
                continue;
            }
            let path = inside.join(&name).to_string_lossy().replace('\\', "/");
            if owned(&path) {
                remove_if_present(&entry.path())?;
            } else if merged.contains(&path.as_str()) && entry.file_type()?.is_dir() {
                remove_owned(&path, &entry.path(), owned)?;
            }
        }
        Ok(())
    }
}

/// A build that is not committed leaves nothing behind.
impl Drop for Output {
    fn drop(&mut self) {
        if !self.committed {
            // Nothing else can be done about a staging folder that cannot be removed; the next
            // build clears it.
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

/// Removes the entries of `folder` (at `path` in the site) that `owned` names.
fn remove_owned(path: &str, folder: &Path, owned: &impl Fn(&str) -> bool) -> io::Result<()> {
    for entry in fs::read_dir(folder)? {
        let entry = entry?;
        if owned(&format!("{path}/{}", entry.file_name().to_string_lossy())) {
            remove_if_present(&entry.path())?;
        }
    }
    Ok(())
}

fn remove_if_present(path: &Path) -> io::Result<()> {
    match fs::symlink_metadata(path) {
        Ok(metadata) if metadata.is_dir() => fs::remove_dir_all(path),
        Ok(_) => fs::remove_file(path),
        Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(error) => Err(error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site_folder(name: &str) -> PathBuf {
        let folder =
            std::env::temp_dir().join(format!("vita-output-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&folder);
        fs::create_dir_all(folder.join("papers/old")).unwrap();
        fs::write(folder.join("papers/old/index.html"), "old").unwrap();
        fs::write(folder.join("people.txt"), "not ours").unwrap();
        fs::write(folder.join("sitemap-2.xml"), "stale").unwrap();
        folder
    }

    #[test]
    fn a_committed_build_replaces_what_it_owns_and_keeps_the_rest() {
        let folder = site_folder("commit");
        let output = Output::start(&folder).unwrap();
        output.write("papers/new/index.html", b"new").unwrap();
        output.write("index.html", b"home").unwrap();
        let written = output
            .commit(|name| name == "papers" || name.starts_with("sitemap"), &[])
            .unwrap();
        assert_eq!(written, Written { files: 2, bytes: 7 });
        assert!(
            !folder.join("papers/old").exists(),
            "the old folder is replaced whole"
        );
        assert_eq!(
            fs::read_to_string(folder.join("papers/new/index.html")).unwrap(),
            "new"
        );
        assert!(
            folder.join("people.txt").exists(),
            "files the build does not own stay"
        );
        assert!(
            !folder.join("sitemap-2.xml").exists(),
            "owned files not written are removed"
        );
        assert!(!folder.join(STAGING).exists());
        fs::remove_dir_all(&folder).unwrap();
    }

    #[test]
    fn a_merged_folder_keeps_what_the_build_did_not_write() {
        let folder = site_folder("merge");
        fs::create_dir_all(folder.join("data/index/old")).unwrap();
        fs::write(folder.join("data/site.json"), "{}").unwrap();
        fs::write(folder.join("data/index/old/stale.json"), "[]").unwrap();
        fs::write(folder.join("data/stale.txt"), "x").unwrap();
        let output = Output::start(&folder).unwrap();
        output.write("data/index/manifest.json", b"{}").unwrap();
        output
            .commit(
                |name| name == "data/index" || name == "data/stale.txt",
                &["data"],
            )
            .unwrap();
        assert_eq!(
            fs::read_to_string(folder.join("data/site.json")).unwrap(),
            "{}"
        );
        assert!(folder.join("data/index/manifest.json").exists());
        assert!(
            !folder.join("data/index/old").exists(),
            "the index is replaced whole"
        );
        assert!(!folder.join("data/stale.txt").exists());
        let output = Output::start(&folder).unwrap();
        output.write("index.html", b"home").unwrap();
        output
            .commit(|name| name == "data/index", &["data"])
            .unwrap();
        assert!(
            folder.join("data/site.json").exists() && !folder.join("data/index").exists(),
            "an index not written again is removed"
        );
        fs::remove_dir_all(&folder).unwrap();
    }

    #[test]
    fn a_build_dropped_before_its_commit_changes_nothing() {
        let folder = site_folder("drop");
        let output = Output::start(&folder).unwrap();
        output.write("papers/new/index.html", b"new").unwrap();
        drop(output);
        assert!(folder.join("papers/old/index.html").exists());
        assert!(!folder.join("papers/new").exists());
        assert!(!folder.join(STAGING).exists());
        fs::remove_dir_all(&folder).unwrap();
    }
}
