//! Pasting spreadsheet cells into the rubric grid.
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use rubric_core::edit::{parse_pasted_criteria, KeyGen};

#[test]
fn rows_become_criteria_with_rating_pairs() {
    let text = "Clarity\tClear\t5\tUnclear\t0\r\nEvidence\tStrong\t4,5\tWeak\t1\tNone\t0\n";
    let criteria = parse_pasted_criteria(text, &mut KeyGen::default()).unwrap();
    assert_eq!(criteria.len(), 2);
    assert_eq!(criteria[0].description, "Clarity");
    let ratings: Vec<(&str, &str)> = criteria[1]
        .ratings
        .iter()
        .map(|r| (r.description.as_str(), r.points.as_str()))
        .collect();
    assert_eq!(ratings, [("Strong", "4.5"), ("Weak", "1"), ("None", "0")]);
}

#[test]
fn a_header_line_is_skipped_and_keys_are_fresh() {
    let text = "Criterion\tRating\tPoints\nClarity\tClear\t2.345\n";
    let mut keys = KeyGen::default();
    let criteria = parse_pasted_criteria(text, &mut keys).unwrap();
    assert_eq!(criteria.len(), 1);
    assert_eq!(criteria[0].ratings[0].points, "2.35");
    let mut all: Vec<_> = criteria[0].ratings.iter().map(|r| r.key).collect();
    all.push(criteria[0].key);
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 2);
}

#[test]
fn errors_name_the_line_and_cell() {
    let err = parse_pasted_criteria(
        "Clarity\tClear\t5\nDepth\tDeep\tlots\n",
        &mut KeyGen::default(),
    )
    .unwrap_err();
    assert_eq!(err, "Line 2, cell 3: \"lots\" is not a number of points.");
    let err =
        parse_pasted_criteria("Clarity\tClear\t5\nDepth\n", &mut KeyGen::default()).unwrap_err();
    assert!(err.starts_with("Line 2: \"Depth\" has no ratings"), "{err}");
    let err =
        parse_pasted_criteria("Clarity\tClear\t5\tVague\n", &mut KeyGen::default()).unwrap_err();
    assert_eq!(err, "Line 1, cell 5: rating \"Vague\" has no points.");
    assert!(parse_pasted_criteria("\n\t\n", &mut KeyGen::default()).is_err());
}
