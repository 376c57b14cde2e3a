//! Canvas JSON shapes: field names, key order, floats, optional fields.
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use rubric_core::{Proficiency, Rubric, RubricAssessment, RubricCriterion};
use serde_json::json;

fn keys(value: &serde_json::Value) -> Vec<&str> {
    value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn proficiency_serialises_in_canvas_key_order_with_float_points() {
    let json = serde_json::to_string(&Proficiency::canvas_default()).unwrap();
    assert!(json.starts_with(
        r#"{"ratings":[{"description":"Exceeds Mastery","points":4.0,"mastery":false,"color":"008EE2"}"#
    ));
    assert!(json.contains(
        r#"{"description":"No Evidence","points":0.0,"mastery":false,"color":"EE0612"}"#
    ));
}

#[test]
fn canvas_default_scale_has_five_levels_and_mastery_at_three_points() {
    let scale = Proficiency::canvas_default();
    assert_eq!(scale.ratings.len(), 5);
    let mastery = scale.mastery_rating().unwrap();
    assert_eq!(
        (mastery.description.as_str(), mastery.points),
        ("Mastery", 3.0)
    );
    assert_eq!(
        scale
            .ratings
            .iter()
            .map(|r| r.color.as_str())
            .collect::<Vec<_>>(),
        ["008EE2", "00AC18", "FAB901", "D97900", "EE0612"]
    );
}

#[test]
fn proficiency_reads_integer_points_from_canvas_json() {
    let scale: Proficiency = serde_json::from_value(json!({"ratings":[
        {"description":"Good","points":4,"mastery":true,"color":"ff0000"}]}))
    .unwrap();
    assert_eq!(scale.ratings[0].points, 4.0);
    assert_eq!(
        scale.ratings[0].color, "ff0000",
        "colour case is kept as sent"
    );
}

#[test]
fn plain_criterion_uses_canvas_stored_key_order() {
    let criterion: RubricCriterion = serde_json::from_value(json!({
        "id":"c1","description":"Thesis","long_description":"","points":5,"criterion_use_range":false,
        "ratings":[{"id":"r1","description":"Full","long_description":"","points":5,"criterion_id":"c1"}]
    }))
    .unwrap();
    let value = serde_json::to_value(&criterion).unwrap();
    assert_eq!(
        keys(&value),
        [
            "description",
            "long_description",
            "points",
            "id",
            "criterion_use_range",
            "ratings"
        ]
    );
    assert_eq!(
        keys(&value["ratings"][0]),
        [
            "description",
            "long_description",
            "points",
            "criterion_id",
            "id"
        ]
    );
    assert_eq!(value["points"], json!(5.0));
}

#[test]
fn outcome_criterion_uses_its_own_key_order() {
    let criterion: RubricCriterion = serde_json::from_value(json!({
        "id":"c2","description":"Outcome","long_description":"desc","points":3,
        "learning_outcome_id": 7, "mastery_points": 2, "ignore_for_scoring": true, "ratings":[]
    }))
    .unwrap();
    let value = serde_json::to_value(&criterion).unwrap();
    assert_eq!(
        keys(&value),
        [
            "description",
            "points",
            "id",
            "criterion_use_range",
            "long_description",
            "learning_outcome_id",
            "mastery_points",
            "ignore_for_scoring",
            "ratings"
        ]
    );
    assert_eq!(value["mastery_points"], json!(2.0));
}

#[test]
fn rubric_api_json_has_exactly_the_allowed_fields_in_column_order() {
    let rubric: Rubric = serde_json::from_value(json!({
        "id": 1, "title": "Lab", "context_id": 1, "context_type": "Course", "points_possible": 10,
        "reusable": false, "public": false, "read_only": false, "free_form_criterion_comments": false,
        "hide_score_total": false, "data": []
    }))
    .unwrap();
    let value = serde_json::to_value(&rubric).unwrap();
    assert_eq!(
        keys(&value),
        [
            "id",
            "context_id",
            "context_type",
            "data",
            "points_possible",
            "title",
            "reusable",
            "public",
            "read_only",
            "free_form_criterion_comments",
            "hide_score_total"
        ]
    );
}

#[test]
fn assessment_ratings_keep_canvas_order_and_omit_absent_optional_keys() {
    let assessment: RubricAssessment = serde_json::from_value(json!({
        "id": 1, "rubric_id": 2, "rubric_association_id": 3, "score": null, "artifact_type": "Submission",
        "artifact_id": 4, "assessment_type": "grading", "assessor_id": 5,
        "data": [{"id":"r1","criterion_id":"c1","description":"No details","comments_enabled":true,"comments":""}]
    }))
    .unwrap();
    let value = serde_json::to_value(&assessment).unwrap();
    assert_eq!(
        keys(&value["data"][0]),
        [
            "id",
            "criterion_id",
            "learning_outcome_id",
            "description",
            "comments_enabled",
            "comments"
        ]
    );
    assert!(value.get("comments").is_none());
}
