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
        criteria: vec![CriterionDoc::starter(&mut keys)],
        ..RubricDoc::default()
    };
    let body = sent(&rubric_save_form(&doc, 7));
    assert_eq!(body["rubric"]["title"], "Essay");
    assert_eq!(body["rubric"]["workflow_state"], "active");
    assert_eq!(
        body["rubric"]["criteria"]["0"]["ratings"]["0"]["points"],
        "5"
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

#[test]
fn what_the_editor_sends_is_read_back_as_the_rubric_it_typed() {
    use rubric_core::edit::RatingDoc;
    use rubric_core::forms::{read_rubric_form, rubric_form, RubricContext};
    let mut keys = KeyGen::default();
    let ratings = vec![
        RatingDoc::new(&mut keys, "Partial", "2.5"),
        RatingDoc::new(&mut keys, "Full", "4"),
    ];
    let mut thesis = CriterionDoc::new(&mut keys, "Thesis", ratings);
    thesis.long_description = "A <clear> claim".into();
    thesis.use_range = true;
    let doc = RubricDoc {
        title: "Essay".into(),
        free_form_criterion_comments: true,
        criteria: vec![thesis, CriterionDoc::starter(&mut keys)],
        ..RubricDoc::default()
    };
    let mut form = serde_json::Map::new();
    form.insert("rubric".into(), rubric_form(&doc));
    let body = sent(&form);
    let mut next = 0;
    let mut random = || {
        next += 1;
        next
    };
    let mut context = RubricContext {
        context_name: "Biology",
        rubric_id: 9,
        random: &mut random,
        outcome: &|_| None,
    };
    let read = read_rubric_form(body["rubric"].as_object().unwrap(), &mut context).unwrap();
    assert_eq!(read.title, "Essay");
    assert_eq!(read.free_form_criterion_comments, Some(true));
    assert_eq!(read.points_possible, 9.0);
    /// Description, long description, points, range, and (rating, points) per criterion.
    type Row<'a> = (&'a str, &'a str, f64, bool, Vec<(&'a str, f64)>);
    let criteria: Vec<Row> = read
        .criteria
        .iter()
        .map(|c| {
            (
                c.description.as_str(),
                c.long_description.as_str(),
                c.points,
                c.criterion_use_range,
                c.ratings
                    .iter()
                    .map(|r| (r.description.as_str(), r.points))
                    .collect(),
            )
        })
        .collect();
    assert_eq!(
        criteria,
        [
            (
                "Thesis",
                "A &lt;clear&gt; claim",
                4.0,
                true,
                vec![("Full", 4.0), ("Partial", 2.5)]
            ),
            (
                "No Description",
                "",
                5.0,
                false,
                vec![("Full Marks", 5.0), ("No Marks", 0.0)]
            ),
        ],
        "Canvas's rules applied: ratings sorted, points from ratings, HTML escaped, blank named"
    );
}
