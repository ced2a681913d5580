//! The sources fixture (`tests/fixtures/sources`): a site file and one bibliography file per
//! reader, sharing papers, shared by the readers' and the merge's tests.

/// The text of the fixture file `name` of the sources fixture.
pub fn source(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/sources/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{path}: {error}"))
}

/// The ids of `papers`, in order.
pub fn ids_of(papers: &[vita::model::schema::Paper]) -> Vec<&str> {
    papers.iter().map(|paper| paper.id.as_str()).collect()
}
