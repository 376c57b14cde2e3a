//! What another teacher changed, in lines a teacher reads before choosing whose version to keep.
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use rubric_core::changes::{rubric_changes, scale_changes};
use rubric_core::edit::{CriterionDoc, KeyGen, Level, RatingDoc, RubricDoc, ScaleDoc};

fn rating(keys: &mut KeyGen, id: &str, description: &str, points: &str) -> RatingDoc {
    let mut rating = RatingDoc::new(keys, description, points);
    rating.id = Some(id.into());
    rating
}

/// A stored rubric: Thesis (c1: Full 5 / None 0) and Style (c2: Good 3 / Weak 1).
fn stored() -> RubricDoc {
    let keys = &mut KeyGen::default();
    let thesis = vec![
        rating(keys, "r1", "Full", "5"),
        rating(keys, "r2", "None", "0"),
    ];
    let style = vec![
        rating(keys, "r3", "Good", "3"),
        rating(keys, "r4", "Weak", "1"),
    ];
    let mut c1 = CriterionDoc::new(keys, "Thesis", thesis);
    c1.id = Some("c1".into());
    let mut c2 = CriterionDoc::new(keys, "Style", style);
    c2.id = Some("c2".into());
    RubricDoc {
        title: "Essay".into(),
        criteria: vec![c1, c2],
        ..RubricDoc::default()
    }
}

#[test]
fn the_same_rubric_has_no_changes() {
    assert_eq!(rubric_changes(&stored(), &stored()), Vec::<String>::new());
}

#[test]
fn changes_are_named_by_criterion_and_rating() {
    let before = stored();
    let mut after = stored();
    after.title = "Essay v2".into();
    after.hide_score_total = true;
    after.criteria[0].description = "Claim".into();
    after.criteria[0].ratings[0].points = "6".into();
    after.criteria[1].ratings.remove(1);
    after.criteria[1].use_range = true;
    assert_eq!(
        rubric_changes(&before, &after),
        [
            "Title: \u{201c}Essay\u{201d} \u{2192} \u{201c}Essay v2\u{201d}",
            "Hide score total: turned on",
            "Criterion \u{201c}Thesis\u{201d}: \u{201c}Thesis\u{201d} \u{2192} \u{201c}Claim\u{201d}",
            "Criterion \u{201c}Claim\u{201d}, rating \u{201c}Full\u{201d}: points 5 \u{2192} 6",
            "Criterion \u{201c}Style\u{201d}: point range turned on",
            "Criterion \u{201c}Style\u{201d}: rating \u{201c}Weak\u{201d} (1 pts) removed",
        ]
    );
}

#[test]
fn added_removed_and_reordered_criteria_are_found_by_canvas_id() {
    let before = stored();
    let mut after = stored();
    after.criteria.swap(0, 1);
    let keys = &mut KeyGen::default();
    let clear = vec![rating(keys, "r9", "Clear", "2")];
    let mut voice = CriterionDoc::new(keys, "Voice", clear);
    voice.id = Some("c9".into());
    after.criteria.push(voice);
    after.criteria.retain(|c| c.id.as_deref() != Some("c1"));
    assert_eq!(
        rubric_changes(&before, &after),
        [
            "Criterion \u{201c}Thesis\u{201d} removed",
            "Criterion \u{201c}Voice\u{201d} added, with 1 ratings",
        ],
        "Style moved up only because Thesis went: not a reorder"
    );
    let mut swapped = stored();
    swapped.criteria.swap(0, 1);
    assert_eq!(rubric_changes(&before, &swapped), ["Criteria reordered"]);
}

#[test]
fn a_difference_no_line_names_still_counts() {
    let before = stored();
    let mut after = stored();
    after.criteria[0].mastery_points = Some(3.0);
    assert_eq!(rubric_changes(&before, &after), ["Other details changed"]);
}

fn level(keys: &mut KeyGen, description: &str, points: &str, mastery: bool, color: &str) -> Level {
    Level {
        key: keys.fresh(),
        description: description.into(),
        points: points.into(),
        mastery,
        color: color.into(),
    }
}

#[test]
fn scale_changes_are_named_by_level() {
    let keys = &mut KeyGen::default();
    let before = ScaleDoc {
        levels: vec![
            level(keys, "Exceeds", "4", false, "008EE2"),
            level(keys, "Meets", "3", true, "00AC18"),
            level(keys, "Below", "1", false, "D97900"),
        ],
    };
    let mut after = before.clone();
    after.levels[0].description = "Exemplary".into();
    after.levels[1].mastery = false;
    after.levels[0].mastery = true;
    after.levels[2].color = "EE0612".into();
    after.levels.push(level(keys, "None", "0", false, "000000"));
    assert_eq!(
        scale_changes(&before, &after),
        [
            "Level 1: \u{201c}Exceeds\u{201d} \u{2192} \u{201c}Exemplary\u{201d}",
            "Level 3: colour #D97900 \u{2192} #EE0612",
            "Level 4 \u{201c}None\u{201d} added (0 pts)",
            "Mastery level: level 2 \u{2192} level 1",
        ]
    );
    assert_eq!(scale_changes(&before, &before), Vec::<String>::new());
}
