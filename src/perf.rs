//! Performance marks (`performance.mark`), which the benchmark reads to time loading and
//! rendering from inside the page. Cheap enough to leave in: a mark is a timestamp.

/// Records a mark named `name` in the page's performance timeline.
pub fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|window| window.performance()) {
        performance.mark(name).ok();
    }
}
