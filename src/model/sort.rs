//! Sorting through one copy of the sorting code per item type: `sort_unstable_by` compiles a
//! copy for each comparison closure, kilobytes of wasm each (13 KB raw, 3 KB gzip, for the ten
//! sorts that go through here: bench/module.md).

use std::cmp::Ordering;

/// Sorts `items` by `compare`, not keeping the order of equal items. Use it for every sort by a
/// comparison or key in code the browser runs that may reorder equal items (a sort that must keep
/// them, as the manifest's tags do, stays `sort_by_key`).
pub fn sort_by<T>(items: &mut [T], compare: &dyn Fn(&T, &T) -> Ordering) {
    items.sort_unstable_by(|a, b| compare(a, b));
}
