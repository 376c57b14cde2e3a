//! Canvas arithmetic and Ruby spellings.
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use rubric_core::ruby::{cast_boolean, float_to_s, number_to_input, round_to, str_to_i};
use rubric_core::rules::{
    assessment_score, criterion_points, points_possible, rating_for_points, sort_ratings,
};
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
