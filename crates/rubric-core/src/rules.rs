//! Canvas's arithmetic on rubrics and assessments, shared so both sides compute alike.
use std::cmp::Ordering;

use crate::ruby::{number_to_input, round_to};
use crate::types::{RubricAssociation, RubricRating};

/// A criterion's points: its highest rating (Canvas ignores the submitted value), 0 without ratings.
pub fn criterion_points(ratings: &[RubricRating]) -> f64 {
    ratings
        .iter()
        .map(|r| r.points)
        .fold(None, |max: Option<f64>, p| {
            Some(max.map_or(p, |m| m.max(p)))
        })
        .unwrap_or(0.0)
}

/// `points_possible`: the sum of the criteria's points, except `ignore_for_scoring` ones,
/// rounded to 4 places as Canvas does.
/// Each item is `(criterion points, ignore_for_scoring)`.
pub fn points_possible(criteria: impl IntoIterator<Item = (f64, bool)>) -> f64 {
    round_to(
        criteria
            .into_iter()
            .filter(|(_, ignored)| !ignored)
            .map(|(points, _)| points)
            .sum(),
        4,
    )
}

/// Canvas's rating order: points descending, then description ascending.
pub fn sort_ratings(ratings: &mut [RubricRating]) {
    ratings.sort_by(|a, b| {
        b.points
            .partial_cmp(&a.points)
            .unwrap_or(Ordering::Equal)
            .then_with(|| a.description.cmp(&b.description))
    });
}

/// An assessment's score: the sum of scored criteria not ignored for scoring, rounded to 4
/// places; `None` when no criterion has points. Each item is `(points, ignore_for_scoring)`.
pub fn assessment_score(items: impl IntoIterator<Item = (Option<f64>, bool)>) -> Option<f64> {
    let mut total = None;
    for (points, ignored) in items {
        if let Some(points) = points {
            let sum = total.unwrap_or(0.0);
            total = Some(if ignored { sum } else { sum + points });
        }
    }
    total.map(|t| round_to(t, 4))
}

/// Rating points keep at most two decimals (Canvas's importer rounds with `.round(2)`; the
/// editor rounds a typed value the same way when the field is left).
pub fn round_points(points: f64) -> f64 {
    round_to(points, 2)
}

/// The range a rating covers when its criterion uses point ranges, by Canvas's rule: from the
/// next lower rating's points (exclusive) up to its own, as "10 to >7 pts"; a rating of 0 or
/// less covers "0 pts". `others` are the points of the criterion's other ratings in any order
/// (a teacher may be typing them), `None` where a value does not read as points.
pub fn range_text(own: Option<f64>, others: &[Option<f64>]) -> String {
    let Some(own) = own else {
        return String::new();
    };
    if own <= 0.0 {
        return "0 pts".into();
    }
    let lower = others
        .iter()
        .flatten()
        .copied()
        .filter(|p| *p < own)
        .fold(None, |max: Option<f64>, p| {
            Some(max.map_or(p, |m| m.max(p)))
        })
        .unwrap_or(0.0);
    format!(
        "{} to >{} pts",
        number_to_input(own),
        number_to_input(lower)
    )
}

/// Whether a rubric hides its points: Canvas keeps the flag on the rubric's bookmark
/// association in its course.
pub fn hides_points<'a>(associations: impl IntoIterator<Item = &'a RubricAssociation>) -> bool {
    associations
        .into_iter()
        .any(|a| a.association_type == "Course" && a.purpose == "bookmark" && a.hide_points)
}

/// The rating a score falls into: the exact match, or for range criteria the covering range.
pub fn rating_for_points(
    ratings: &[RubricRating],
    points: f64,
    use_range: bool,
) -> Option<&RubricRating> {
    const EPSILON: f64 = 1e-9;
    if let Some(exact) = ratings.iter().find(|r| (r.points - points).abs() < EPSILON) {
        return Some(exact);
    }
    if !use_range {
        return None;
    }
    let mut sorted: Vec<&RubricRating> = ratings.iter().collect();
    sorted.sort_by(|a, b| b.points.partial_cmp(&a.points).unwrap_or(Ordering::Equal));
    sorted
        .iter()
        .enumerate()
        .find(|(i, r)| {
            let lower = sorted.get(i + 1).map_or(0.0, |n| n.points);
            points <= r.points && (points > lower || (sorted.get(i + 1).is_none() && points >= 0.0))
        })
        .map(|(_, r)| *r)
}
