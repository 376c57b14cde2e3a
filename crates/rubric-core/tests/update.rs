//! What an update does to a rubric's uses: Canvas's copy rule (reference §2.3, step 7) and
//! what its `will_change_with_update?` compares, the same for the server and the editor.
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use rubric_core::edit::{CriterionDoc, KeyGen, RatingDoc, RubricDoc};
use rubric_core::params::decode;
use rubric_core::update::{grading_uses, update_effect, ScoredContent, UpdateEffect};
use rubric_core::{RubricAssociation, RubricCriterion};
use serde_json::json;

/// "Essay": Thesis (Full 4, Half 2, None 0) and Style (Good 3, Poor 1).
fn essay() -> RubricDoc {
    let mut keys = KeyGen::default();
    let criterion = |keys: &mut KeyGen, name: &str, ratings: &[(&str, &str)]| {
        let ratings = ratings
            .iter()
            .map(|(n, p)| RatingDoc::new(keys, n, p))
            .collect();
        CriterionDoc::new(keys, name, ratings)
    };
    RubricDoc {
        title: "Essay".into(),
        criteria: vec![
            criterion(
                &mut keys,
                "Thesis",
                &[("Full", "4"), ("Half", "2"), ("None", "0")],
            ),
            criterion(&mut keys, "Style", &[("Good", "3"), ("Poor", "1")]),
        ],
        ..RubricDoc::default()
    }
}

fn effect(edit: impl FnOnce(&mut RubricDoc), read_only: bool, grading: usize) -> UpdateEffect {
    let stored = essay();
    let mut edited = essay();
    edit(&mut edited);
    update_effect(
        &ScoredContent::of_doc(&stored),
        &ScoredContent::of_doc(&edited),
        read_only,
        grading,
    )
}

#[test]
fn a_rubric_that_grades_nowhere_changes_in_place_whatever_changes() {
    assert_eq!(
        effect(|d| d.title = "Essay 2".into(), false, 0),
        UpdateEffect::InPlace
    );
    assert_eq!(
        effect(|d| d.criteria[0].ratings[0].points = "5".into(), false, 0),
        UpdateEffect::InPlace
    );
}

#[test]
fn a_rubric_that_grades_once_warns_of_scores_only_when_scoring_content_changes() {
    assert_eq!(
        effect(|d| d.criteria[0].ratings[0].points = "5".into(), false, 1),
        UpdateEffect::ScoresMayChange
    );
    assert_eq!(
        effect(|d| d.criteria[1].description = "Voice".into(), false, 1),
        UpdateEffect::ScoresMayChange
    );
    assert_eq!(
        effect(
            |d| d.criteria[0].long_description = "Argued".into(),
            false,
            1
        ),
        UpdateEffect::InPlace
    );
}

#[test]
fn grading_in_two_places_copies_on_a_title_description_points_or_criteria_change() {
    assert_eq!(
        effect(|d| d.title = "Essay 2".into(), false, 2),
        UpdateEffect::Copy
    );
    assert_eq!(
        effect(|d| d.criteria[0].description = "Claim".into(), false, 2),
        UpdateEffect::Copy
    );
    assert_eq!(
        effect(|d| d.criteria[1].ratings[1].points = "0".into(), false, 3),
        UpdateEffect::Copy
    );
    assert_eq!(
        effect(
            |d| {
                d.criteria.pop();
            },
            false,
            2
        ),
        UpdateEffect::Copy
    );
}

#[test]
fn long_descriptions_rating_names_options_and_rating_order_update_in_place_even_when_grading_twice()
{
    assert_eq!(
        effect(
            |d| d.criteria[0].long_description = "Argued".into(),
            false,
            2
        ),
        UpdateEffect::InPlace
    );
    assert_eq!(
        effect(
            |d| d.criteria[0].ratings[0].description = "Excellent".into(),
            false,
            2
        ),
        UpdateEffect::InPlace
    );
    assert_eq!(
        effect(
            |d| d.criteria[0].ratings[0].long_description = "All".into(),
            false,
            2
        ),
        UpdateEffect::InPlace
    );
    assert_eq!(
        effect(|d| d.hide_points = true, false, 2),
        UpdateEffect::InPlace
    );
    assert_eq!(
        effect(|d| d.free_form_criterion_comments = true, false, 2),
        UpdateEffect::InPlace
    );
    assert_eq!(
        effect(|d| d.criteria[0].ratings.reverse(), false, 2),
        UpdateEffect::InPlace
    );
    assert_eq!(
        effect(|d| d.criteria[0].description = "  Thesis ".into(), false, 2),
        UpdateEffect::InPlace
    );
    assert_eq!(effect(|_| {}, false, 5), UpdateEffect::InPlace);
}

#[test]
fn a_read_only_rubric_copies_on_a_scoring_change_even_when_it_grades_nowhere() {
    assert_eq!(
        effect(|d| d.criteria[0].ratings[0].points = "5".into(), true, 0),
        UpdateEffect::Copy
    );
    assert_eq!(
        effect(
            |d| d.criteria[0].long_description = "Argued".into(),
            true,
            0
        ),
        UpdateEffect::InPlace
    );
}

/// One stored criterion, "Thesis", with these ratings (highest first).
fn stored_thesis(ratings: &[(&str, f64)]) -> Vec<RubricCriterion> {
    let ratings: Vec<_> = ratings
        .iter()
        .enumerate()
        .map(|(i, (name, points))| {
            json!({"description": name, "long_description": "", "points": points, "id": format!("r{i}")})
        })
        .collect();
    serde_json::from_value(json!([
        {"description": "Thesis", "long_description": "", "points": ratings[0]["points"], "id": "c1",
         "criterion_use_range": false, "ratings": ratings}
    ]))
    .unwrap()
}

#[test]
fn the_stored_rubric_and_its_editable_copy_have_the_same_content() {
    let criteria = stored_thesis(&[("Full", 4.0), ("Half", 2.5)]);
    let rubric: rubric_core::Rubric = serde_json::from_value(json!({
        "id": 5, "title": "Essay", "context_id": 1, "context_type": "Course", "points_possible": 4.0,
        "reusable": false, "public": false, "read_only": false, "free_form_criterion_comments": false,
        "hide_score_total": false, "data": criteria, "criteria": criteria
    }))
    .unwrap();
    let doc = RubricDoc::from_rubric(&rubric, &mut KeyGen::default());
    let stored = ScoredContent::of_criteria("Essay", &criteria);
    assert!(!ScoredContent::of_doc(&doc).changes(&stored));
    assert_eq!(
        update_effect(&stored, &ScoredContent::of_doc(&doc), true, 3),
        UpdateEffect::InPlace
    );
}

#[test]
fn update_parameters_change_only_what_they_send_and_read_points_as_ruby_does() {
    let criteria = stored_thesis(&[("Full", 5.0), ("None", 0.0)]);
    let stored = ScoredContent::of_criteria("Essay", &criteria);
    let params = |body: &str| {
        let decoded = decode(body.as_bytes()).unwrap();
        ScoredContent::of_params(decoded["rubric"].as_object().unwrap())
    };
    // No title, no description: only the points count, and "5abc" reads as 5.
    let same = params(
        "rubric[criteria][0][ratings][0][points]=0&rubric[criteria][0][ratings][1][points]=5abc",
    );
    assert!(!same.changes(&stored));
    let retitled = params("rubric[title]=Essay+2&rubric[criteria][0][ratings][0][points]=5&rubric[criteria][0][ratings][1][points]=0");
    assert!(retitled.changes(&stored));
    let rescored = params("rubric[criteria][0][description]=Thesis&rubric[criteria][0][ratings][0][points]=4&rubric[criteria][0][ratings][1][points]=0");
    assert_eq!(
        update_effect(&stored, &rescored, false, 2),
        UpdateEffect::Copy
    );
    assert_eq!(
        update_effect(&stored, &rescored, false, 1),
        UpdateEffect::ScoresMayChange
    );
}

#[test]
fn only_grading_associations_count_as_grading_uses() {
    let association = |purpose: &str| -> RubricAssociation {
        serde_json::from_value(json!({
            "id": 1, "rubric_id": 5, "association_id": 2, "association_type": "Assignment",
            "use_for_grading": true, "purpose": purpose, "context_id": 1, "context_type": "Course",
            "hide_score_total": false, "bookmarked": true
        }))
        .unwrap()
    };
    assert_eq!(
        grading_uses(&[
            association("grading"),
            association("bookmark"),
            association("grading")
        ]),
        2
    );
    assert_eq!(grading_uses(&[]), 0);
}
