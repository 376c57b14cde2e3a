use super::proficiency::points_issue;
use super::{parse_points, CriterionField, FieldPath, IssueCode, RatingField, ValidationIssue};
use crate::edit::{CriterionDoc, RubricDoc};
use crate::ruby::number_to_input;
use crate::rules::{criterion_points, points_possible};
use crate::types::Rubric;

/// Longest rubric title Canvas accepts.
pub const TITLE_MAX_CHARS: usize = 255;

/// Validates a rubric: title length, and for every criterion a description, at least one
/// rating (two for a point range), and ratings with descriptions and valid, distinct points.
pub fn validate_rubric(doc: &RubricDoc) -> Vec<ValidationIssue> {
    let mut issues = Vec::new();
    check_title(&doc.title, &mut issues);
    for (index, criterion) in doc.criteria.iter().enumerate() {
        check_criterion(index, criterion, &mut issues);
    }
    issues
}

/// The rubric-wide rule: the title's length.
pub(crate) fn check_title(title: &str, issues: &mut Vec<ValidationIssue>) {
    if title.chars().count() > TITLE_MAX_CHARS {
        issues.push(ValidationIssue::new(
            IssueCode::TitleTooLong,
            FieldPath::Title,
            "Title is too long (maximum is 255 characters)",
        ));
    }
}

/// The rules of one criterion at position `index`: they read nothing outside it.
pub(crate) fn check_criterion(
    index: usize,
    criterion: &CriterionDoc,
    issues: &mut Vec<ValidationIssue>,
) {
    let at = |field| FieldPath::Criterion {
        criterion: index,
        field,
    };
    if criterion.description.trim().is_empty() {
        issues.push(ValidationIssue::new(
            IssueCode::DescriptionBlank,
            at(CriterionField::Description),
            "Criterion description can't be blank",
        ));
    }
    if criterion.ratings.is_empty() {
        issues.push(ValidationIssue::new(
            IssueCode::CriterionWithoutRatings,
            at(CriterionField::Ratings),
            format!("Missing ratings for {}", criterion_name(index, criterion)),
        ));
    } else if criterion.use_range && criterion.ratings.len() < 2 {
        issues.push(ValidationIssue::new(
            IssueCode::RangeNeedsTwoRatings,
            at(CriterionField::UseRange),
            "A point range needs at least two ratings",
        ));
    }
    let mut seen: Vec<(f64, usize)> = Vec::new();
    for (r, rating) in criterion.ratings.iter().enumerate() {
        let at = |field| FieldPath::Rating {
            criterion: index,
            rating: r,
            field,
        };
        if rating.description.trim().is_empty() {
            issues.push(ValidationIssue::new(
                IssueCode::DescriptionBlank,
                at(RatingField::Description),
                "Rating description can't be blank",
            ));
        }
        match parse_points(&rating.points) {
            Err(error) => issues.push(points_issue(error, at(RatingField::Points))),
            Ok(points) => match seen.iter().find(|(p, _)| *p == points) {
                Some((_, first)) => issues.push(ValidationIssue::new(
                    IssueCode::DuplicateRatingPoints,
                    at(RatingField::Points),
                    format!(
                        "Points {} are already used by rating {} of this criterion",
                        number_to_input(points),
                        first + 1
                    ),
                )),
                None => seen.push((points, r)),
            },
        }
    }
}

fn criterion_name(index: usize, criterion: &CriterionDoc) -> String {
    match criterion.description.trim() {
        "" => format!("criterion {}", index + 1),
        name => name.to_string(),
    }
}

/// Checks the computed fields of a stored or received rubric: each criterion's points are its
/// highest rating, and `points_possible` is their sum except ignored criteria, rounded to 4
/// places.
pub fn check_rubric_record(rubric: &Rubric) -> Vec<ValidationIssue> {
    let mut issues = Vec::new();
    for (index, criterion) in rubric.data.iter().enumerate() {
        let expected = criterion_points(&criterion.ratings);
        if (criterion.points - expected).abs() > 1e-9 {
            issues.push(ValidationIssue::new(
                IssueCode::CriterionPointsMismatch,
                FieldPath::Criterion {
                    criterion: index,
                    field: CriterionField::Points,
                },
                format!(
                    "Criterion points are {} but its highest rating is {}",
                    number_to_input(criterion.points),
                    number_to_input(expected)
                ),
            ));
        }
    }
    let expected = points_possible(rubric.data.iter().map(|c| (c.points, c.ignore_for_scoring)));
    if (rubric.points_possible - expected).abs() > 1e-9 {
        issues.push(ValidationIssue::new(
            IssueCode::PointsPossibleMismatch,
            FieldPath::PointsPossible,
            format!(
                "Points possible are {} but the criteria add up to {}",
                number_to_input(rubric.points_possible),
                number_to_input(expected)
            ),
        ));
    }
    issues
}
