//! The bodies the editors send, read back the way the server reads them.
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use rubric_core::edit::{CriterionDoc, KeyGen, RubricDoc};
use rubric_core::forms::{association_save_form, rubric_save_form, AssociationSettings};
use rubric_core::params::{decode, encode};
use serde_json::{json, Value};

fn sent(form: &serde_json::Map<String, Value>) -> Value {
    Value::Object(decode(encode(form).unwrap().as_bytes()).unwrap())
}

#[test]
fn a_rubric_save_makes_the_rubric_active_and_bookmarks_it_in_the_course_with_its_hide_flags() {
    let mut keys = KeyGen::default();
    let doc = RubricDoc {
        title: "Essay".into(),
        hide_points: true,
        criteria: vec![CriterionDoc::starter(&mut keys, 4.0)],
        ..RubricDoc::default()
    };
    let body = sent(&rubric_save_form(&doc, 7));
    assert_eq!(body["rubric"]["title"], "Essay");
    assert_eq!(body["rubric"]["workflow_state"], "active");
    assert_eq!(
        body["rubric"]["criteria"]["0"]["ratings"]["0"]["points"],
        "4"
    );
    assert_eq!(
        body["rubric_association"],
        json!({
            "association_type": "Course",
            "association_id": "7",
            "purpose": "bookmark",
            "use_for_grading": "0",
            "hide_score_total": "0",
            "hide_points": "1",
            "hide_outcome_results": "0",
            "bookmarked": "1",
        })
    );
}

#[test]
fn an_association_save_names_the_rubric_and_sends_flags_as_canvas_forms_do() {
    let settings = AssociationSettings {
        association_type: "Assignment".into(),
        association_id: 3,
        purpose: "grading".into(),
        use_for_grading: true,
        hide_score_total: false,
        hide_points: false,
        hide_outcome_results: true,
    };
    let body = sent(&association_save_form(&settings, 12));
    assert_eq!(
        body,
        json!({"rubric_association": {
            "association_type": "Assignment",
            "association_id": "3",
            "purpose": "grading",
            "use_for_grading": "1",
            "hide_score_total": "0",
            "hide_points": "0",
            "hide_outcome_results": "1",
            "bookmarked": "0",
            "rubric_id": "12",
        }})
    );
}
