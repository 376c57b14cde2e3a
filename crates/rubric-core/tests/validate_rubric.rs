//! Rubric validation and the checks of stored rubric records.
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use rubric_core::edit::{CriterionDoc, KeyGen, RatingDoc, RubricDoc};
use rubric_core::validate::{check_rubric_record, CriterionField, RatingField};
use rubric_core::{FieldPath, IssueCode, Rubric};
use serde_json::json;

fn rubric(criteria: Vec<CriterionDoc>) -> RubricDoc {
    RubricDoc {
        title: "Essay".into(),
        criteria,
        ..RubricDoc::default()
    }
}

fn criterion(keys: &mut KeyGen, name: &str, points: &[&str]) -> CriterionDoc {
    let ratings = points
        .iter()
        .enumerate()
        .map(|(i, p)| RatingDoc::new(keys, &format!("Rating {i}"), p))
        .collect();
    CriterionDoc::new(keys, name, ratings)
}

fn codes(doc: &RubricDoc) -> Vec<IssueCode> {
    doc.validate().iter().map(|i| i.code).collect()
}

#[test]
fn a_well_formed_rubric_is_valid() {
    let keys = &mut KeyGen::default();
    let doc = rubric(vec![
        criterion(keys, "Thesis", &["5", "3", "0"]),
        criterion(keys, "Style", &["2.5", "0"]),
    ]);
    assert!(doc.validate().is_empty());
    assert_eq!(doc.total_points(), 7.5);
}

#[test]
fn titles_over_255_characters_get_canvas_message() {
    let mut doc = rubric(vec![]);
    doc.title = "x".repeat(256);
    let issues = doc.validate();
    assert_eq!(
        issues[0].message,
        "Title is too long (maximum is 255 characters)"
    );
    assert_eq!(issues[0].path, FieldPath::Title);
    doc.title = "x".repeat(255);
    assert!(doc.validate().is_empty());
}

#[test]
fn criteria_need_a_description_and_ratings() {
    let keys = &mut KeyGen::default();
    let doc = rubric(vec![
        criterion(keys, " ", &["1"]),
        criterion(keys, "Empty", &[]),
    ]);
    let issues = doc.validate();
    assert_eq!(issues.len(), 2);
    assert_eq!(
        issues[0].path,
        FieldPath::Criterion {
            criterion: 0,
            field: CriterionField::Description
        }
    );
    assert_eq!(issues[1].code, IssueCode::CriterionWithoutRatings);
    assert_eq!(issues[1].message, "Missing ratings for Empty");
}

#[test]
fn rating_points_must_be_valid_and_unique_within_a_criterion() {
    let keys = &mut KeyGen::default();
    let doc = rubric(vec![
        criterion(keys, "A", &["3", "3.0", "-1", "x"]),
        criterion(keys, "B", &["3", "1"]),
    ]);
    let issues = doc.validate();
    assert_eq!(
        issues.iter().map(|i| i.code).collect::<Vec<_>>(),
        [
            IssueCode::DuplicateRatingPoints,
            IssueCode::PointsNegative,
            IssueCode::PointsNotANumber
        ]
    );
    assert_eq!(
        issues[0].path,
        FieldPath::Rating {
            criterion: 0,
            rating: 1,
            field: RatingField::Points
        }
    );
    assert_eq!(issues[0].path.to_string(), "criterion 1, rating 2, points");
    assert_eq!(
        issues[0].message,
        "Points 3 are already used by rating 1 of this criterion"
    );
}

#[test]
fn rating_descriptions_are_required() {
    let keys = &mut KeyGen::default();
    let mut c = criterion(keys, "A", &["1"]);
    c.ratings[0].description.clear();
    assert_eq!(codes(&rubric(vec![c])), [IssueCode::DescriptionBlank]);
}

#[test]
fn a_point_range_needs_two_ratings() {
    let keys = &mut KeyGen::default();
    let mut c = criterion(keys, "A", &["4"]);
    c.use_range = true;
    assert_eq!(
        codes(&rubric(vec![c.clone()])),
        [IssueCode::RangeNeedsTwoRatings]
    );
    c.ratings.push(RatingDoc::new(keys, "Low", "1"));
    assert!(rubric(vec![c]).validate().is_empty());
}

#[test]
fn total_points_skip_ignored_criteria_and_invalid_points() {
    let keys = &mut KeyGen::default();
    let mut ignored = criterion(keys, "Outcome", &["10"]);
    ignored.ignore_for_scoring = true;
    let doc = rubric(vec![
        criterion(keys, "A", &["x", "2"]),
        ignored,
        criterion(keys, "C", &["1.33333", "0"]),
    ]);
    assert_eq!(doc.total_points(), 3.3333);
}

#[test]
fn stored_records_must_have_consistent_points() {
    let mut record: Rubric = serde_json::from_value(json!({
        "id": 1, "title": "R", "context_id": 1, "context_type": "Course", "points_possible": 8,
        "data": [
          {"id":"a","description":"A","points":5,"ratings":[{"id":"r1","description":"x","points":5},{"id":"r2","description":"y","points":0}]},
          {"id":"b","description":"B","points":3,"ratings":[{"id":"r3","description":"x","points":3}]}
        ]
    }))
    .unwrap();
    assert!(check_rubric_record(&record).is_empty());
    record.data[1].points = 4.0;
    record.points_possible = 10.0;
    let codes: Vec<_> = check_rubric_record(&record)
        .iter()
        .map(|i| i.code)
        .collect();
    assert_eq!(
        codes,
        [
            IssueCode::CriterionPointsMismatch,
            IssueCode::PointsPossibleMismatch
        ]
    );
}

#[test]
fn a_rubric_document_round_trips_through_canvas_json() {
    let record: Rubric = serde_json::from_value(json!({
        "id": 1, "title": "R", "context_id": 1, "context_type": "Course", "points_possible": 5,
        "data": [{"id":"a","description":"A","long_description":"L","points":5,"criterion_use_range":true,
                  "ratings":[{"id":"r1","description":"x","long_description":"lx","points":5},{"id":"r2","description":"y","points":1.5}]}]
    }))
    .unwrap();
    let doc = RubricDoc::from_rubric(&record, &mut KeyGen::default());
    let c = &doc.criteria[0];
    assert_eq!(
        (c.id.as_deref(), c.use_range, c.long_description.as_str()),
        (Some("a"), true, "L")
    );
    assert_eq!(c.ratings[1].points, "1.5");
    assert_eq!(c.ratings[0].id.as_deref(), Some("r1"));
    assert_eq!(doc.total_points(), 5.0);
}
