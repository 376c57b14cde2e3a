//! Canvas arithmetic and Ruby spellings.
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use proptest::prelude::*;
use rubric_core::decimal::fixed;
use rubric_core::edit::{CriterionDoc, KeyGen, Level, ScaleDoc, NEW_LEVEL_COLOR};
use rubric_core::ruby::{cast_boolean, float_to_s, number_to_input, round_to, str_to_f, str_to_i};
use rubric_core::rules::{
    assessment_score, criterion_points, hides_points, points_possible, range_text,
    rating_for_points, round_points, sort_ratings,
};
use rubric_core::validate::parse_points;
use rubric_core::RubricAssociation;
use rubric_core::RubricRating;
use serde_json::json;

fn rating(description: &str, points: f64) -> RubricRating {
    RubricRating {
        description: description.into(),
        long_description: String::new(),
        points,
        criterion_id: None,
        id: description.into(),
    }
}

#[test]
fn ruby_float_to_s_matches_ruby() {
    assert_eq!(float_to_s(1.0), "1.0");
    assert_eq!(float_to_s(2.5), "2.5");
    assert_eq!(float_to_s(0.6667), "0.6667");
    assert_eq!(float_to_s(1e16), "1.0e+16");
    assert_eq!(float_to_s(0.00001), "1.0e-05");
    assert_eq!(float_to_s(0.0), "0.0");
}

#[test]
fn numbers_for_inputs_drop_a_trailing_point_zero() {
    assert_eq!(number_to_input(4.0), "4");
    assert_eq!(number_to_input(2.25), "2.25");
}

#[test]
fn string_to_i_orders_index_keys_like_ruby() {
    assert_eq!(str_to_i("10"), 10);
    assert_eq!(str_to_i("fred"), 0);
    assert_eq!(str_to_i("-3x"), -3);
    assert_eq!(str_to_i(""), 0);
}

#[test]
fn rounding_is_half_away_from_zero() {
    assert_eq!(round_to(2.0 / 3.0, 4), 0.6667);
    assert_eq!(round_to(2.345, 2), 2.35, "Ruby corrects 234.49999999999997");
    assert_eq!(round_to(-2.5, 0), -3.0);
}

#[test]
fn active_model_boolean_cast_treats_unknown_strings_as_true() {
    assert_eq!(cast_boolean(&json!("false")), Some(false));
    assert_eq!(cast_boolean(&json!("0")), Some(false));
    assert_eq!(cast_boolean(&json!("off")), Some(false));
    assert_eq!(cast_boolean(&json!("no")), Some(true));
    assert_eq!(cast_boolean(&json!("False")), Some(true));
    assert_eq!(cast_boolean(&json!("")), None);
    assert_eq!(cast_boolean(&json!(null)), None);
    assert_eq!(cast_boolean(&json!(0)), Some(false));
}

#[test]
fn criterion_points_are_the_highest_rating_or_zero() {
    assert_eq!(criterion_points(&[rating("a", 2.0), rating("b", 5.0)]), 5.0);
    assert_eq!(criterion_points(&[]), 0.0);
}

#[test]
fn points_possible_skips_ignored_criteria_and_rounds_to_four_places() {
    assert_eq!(
        points_possible([(1.0 / 3.0, false), (1.0 / 3.0, false)]),
        0.6667
    );
    assert_eq!(points_possible([(5.0, false), (3.0, true)]), 5.0);
    assert_eq!(points_possible([]), 0.0);
}

#[test]
fn ratings_sort_by_points_descending_then_description() {
    let mut ratings = vec![rating("b", 1.0), rating("z", 3.0), rating("a", 1.0)];
    sort_ratings(&mut ratings);
    let order: Vec<&str> = ratings.iter().map(|r| r.description.as_str()).collect();
    assert_eq!(order, ["z", "a", "b"]);
}

#[test]
fn assessment_score_is_none_without_points_and_rounds_sums() {
    assert_eq!(assessment_score([(None, false), (None, false)]), None);
    assert_eq!(
        assessment_score([
            (Some(1.2), false),
            (Some(1.2), false),
            (Some(1.2), false),
            (Some(0.4), false)
        ]),
        Some(4.0)
    );
    assert_eq!(
        assessment_score([(Some(2.0), false), (Some(5.0), true)]),
        Some(2.0)
    );
    assert_eq!(assessment_score([(Some(5.0), true)]), Some(0.0));
}

#[test]
fn range_criteria_find_the_covering_rating() {
    let ratings = [rating("high", 10.0), rating("mid", 6.0), rating("low", 2.0)];
    let find = |p, range| rating_for_points(&ratings, p, range).map(|r| r.description.as_str());
    assert_eq!(find(6.0, false), Some("mid"));
    assert_eq!(find(7.5, false), None);
    assert_eq!(find(7.5, true), Some("high"));
    assert_eq!(find(6.0, true), Some("mid"));
    assert_eq!(find(1.0, true), Some("low"));
    assert_eq!(find(11.0, true), None);
}

#[test]
fn a_range_rating_runs_from_the_next_lower_rating_exclusive_to_its_own_points() {
    assert_eq!(
        range_text(Some(10.0), &[Some(7.0), Some(0.0)]),
        "10 to >7 pts"
    );
    assert_eq!(
        range_text(Some(7.0), &[Some(10.0), Some(0.0), Some(3.5)]),
        "7 to >3.5 pts",
        "ratings in any order, as typed"
    );
    assert_eq!(
        range_text(Some(3.5), &[Some(10.0), None]),
        "3.5 to >0 pts",
        "the lowest"
    );
    assert_eq!(range_text(Some(0.0), &[Some(10.0)]), "0 pts");
    assert_eq!(
        range_text(None, &[Some(10.0)]),
        "",
        "points that do not read"
    );
}

#[test]
fn points_round_to_two_places_half_away_from_zero() {
    assert_eq!(round_points(3.333), 3.33);
    assert_eq!(
        round_points(2.675),
        2.68,
        "the decimal 2.675, not its binary neighbour"
    );
    assert_eq!(round_points(4.0), 4.0);
}

#[test]
fn a_new_level_is_blank_one_point_below_the_last_in_canvas_red() {
    let mut keys = KeyGen::default();
    let level = |points: &str, keys: &mut KeyGen| Level {
        key: keys.fresh(),
        description: "L".into(),
        points: points.into(),
        mastery: false,
        color: "000000".into(),
    };
    let scale = ScaleDoc {
        levels: vec![level("3", &mut keys), level("2.5", &mut keys)],
    };
    let key = keys.fresh();
    let added = scale.new_level(key);
    assert_eq!(
        (
            added.key,
            added.description.as_str(),
            added.points.as_str(),
            added.mastery,
            added.color.as_str()
        ),
        (key, "", "1.5", false, NEW_LEVEL_COLOR)
    );
    let bottom = ScaleDoc {
        levels: vec![level("0.5", &mut keys)],
    };
    assert_eq!(bottom.new_level(keys.fresh()).points, "0", "never below 0");
    assert_eq!(ScaleDoc::default().new_level(keys.fresh()).points, "0");
}

#[test]
fn a_new_criterion_starts_with_full_marks_at_five_and_no_marks() {
    let criterion = CriterionDoc::starter(&mut KeyGen::default());
    let ratings: Vec<(&str, &str)> = criterion
        .ratings
        .iter()
        .map(|r| (r.description.as_str(), r.points.as_str()))
        .collect();
    assert_eq!(ratings, [("Full Marks", "5"), ("No Marks", "0")]);
    assert_eq!(criterion.description, "");
}

#[test]
fn points_are_hidden_only_by_the_course_bookmark_association() {
    let association = |association_type: &str, purpose: &str, hide_points: bool| {
        serde_json::from_value::<RubricAssociation>(json!({
            "id": 1, "rubric_id": 1, "association_id": 1, "association_type": association_type,
            "use_for_grading": false, "purpose": purpose, "context_id": 1, "context_type": "Course",
            "hide_score_total": false, "bookmarked": true, "hide_points": hide_points
        }))
        .unwrap()
    };
    assert!(hides_points(&[association("Course", "bookmark", true)]));
    assert!(!hides_points(&[association("Assignment", "grading", true)]));
    assert!(!hides_points(&[association("Course", "bookmark", false)]));
    assert!(!hides_points(&[]));
}

/// Ruby's `Float#to_s` spelled with Rust's own float formatting, the reference that the core's
/// formatting (JavaScript's digits in wasm) must match.
fn float_to_s_by_rust(value: f64) -> String {
    let abs = value.abs();
    if abs != 0.0 && !(1e-4..1e16).contains(&abs) {
        let text = format!("{value:e}");
        let (mantissa, exponent) = text.split_once('e').unwrap();
        let mantissa = if mantissa.contains('.') {
            mantissa.to_string()
        } else {
            format!("{mantissa}.0")
        };
        let exponent: i32 = exponent.parse().unwrap();
        let sign = if exponent < 0 { '-' } else { '+' };
        return format!("{mantissa}e{sign}{:02}", exponent.abs());
    }
    format!("{value:?}")
}

#[test]
fn float_to_s_spells_edge_values_as_ruby_does() {
    assert_eq!(float_to_s(-0.0), "-0.0");
    assert_eq!(float_to_s(100.0), "100.0");
    assert_eq!(float_to_s(0.0001), "0.0001");
    assert_eq!(float_to_s(-2.5e-7), "-2.5e-07");
    assert_eq!(float_to_s(1.5e300), "1.5e+300");
    assert_eq!(float_to_s(9.999999999999998e15), "9999999999999998.0");
    assert_eq!(float_to_s(1e21), "1.0e+21");
    assert_eq!(float_to_s(0.1 + 0.2), "0.30000000000000004");
    assert_eq!(
        // 185851967509747.125 exactly, halfway between ...747.12 and ...747.13.
        float_to_s(f64::from_bits(4820295264619372132)),
        "185851967509747.12",
        "exactly halfway: the even digit, as Ruby and JavaScript spell it"
    );
}

#[test]
fn fixed_places_round_half_away_from_zero() {
    assert_eq!(fixed(4.48, 1), "4.5");
    assert_eq!(fixed(21.0, 1), "21.0");
    assert_eq!(fixed(1.04, 1), "1.0");
    assert_eq!(fixed(-0.04, 1), "0.0");
    assert_eq!(fixed(-2.25, 1), "-2.3");
    assert_eq!(fixed(7.0, 0), "7");
}

proptest! {
    #[test]
    fn float_to_s_matches_rusts_own_formatting_for_any_finite_value(bits in any::<u64>()) {
        let value = f64::from_bits(bits);
        prop_assume!(value.is_finite());
        let (ours, rusts) = (float_to_s(value), float_to_s_by_rust(value));
        if ours != rusts {
            // Only an exact tie between two shortest spellings may differ: Ruby's dtoa (and
            // JavaScript) take the even last digit where Rust takes the upper one.
            prop_assert_eq!(ours.len(), rusts.len(), "{} / {}", ours, rusts);
            prop_assert_eq!(ours.parse::<f64>().ok(), Some(value));
            let mantissa = ours.split('e').next().unwrap().trim_end_matches('0');
            let last = mantissa.bytes().last().unwrap();
            prop_assert!((last - b'0').is_multiple_of(2), "{} / {}", ours, rusts);
        }
    }

    #[test]
    fn points_parse_to_the_nearest_f64_as_rust_parses_them(
        whole in "[0-9]{0,12}", fraction in "[0-9]{0,12}", exponent in proptest::option::of(-30i32..30)
    ) {
        prop_assume!(!(whole.is_empty() && fraction.is_empty()));
        let mut text = if fraction.is_empty() { whole.clone() } else { format!("{whole}.{fraction}") };
        if let Some(e) = exponent {
            text = format!("{text}e{e}");
        }
        let reference: f64 = text.parse().unwrap();
        prop_assert_eq!(parse_points(&text), Ok(reference));
        if !whole.is_empty() {
            prop_assert_eq!(str_to_f(&format!("{text}abc")), reference);
        }
    }
}
