use super::{
    parse_points, FieldPath, IssueCode, LevelField, PointsError, ValidationIssue,
    DESCRIPTION_MAX_CHARS,
};
use crate::color::is_stored_hex;
use crate::edit::Level;
use crate::ruby::float_to_s;

/// Validates a mastery scale as Canvas's `OutcomeProficiency` does, in Canvas's order: level
/// fields first, then "Missing required ratings", the mastery count, then one error per pair
/// of levels whose points do not strictly decrease.
pub fn validate_scale(levels: &[Level]) -> Vec<ValidationIssue> {
    let mut issues = Vec::new();
    for (index, level) in levels.iter().enumerate() {
        check_level(index, level, &mut issues);
    }
    check_scale(
        levels.len(),
        levels.iter().filter(|l| l.mastery).count(),
        &mut issues,
    );
    for (index, pair) in levels.windows(2).enumerate() {
        issues.extend(order_issue(index + 1, &pair[0], &pair[1]));
    }
    issues
}

/// The scale-wide rules, from the number of levels and of mastery levels.
pub(crate) fn check_scale(levels: usize, mastery: usize, issues: &mut Vec<ValidationIssue>) {
    if levels == 0 {
        issues.push(ValidationIssue::new(
            IssueCode::MissingRatings,
            FieldPath::Scale,
            "Missing required ratings",
        ));
    }
    if levels > 0 && mastery != 1 {
        issues.push(ValidationIssue::new(
            IssueCode::MasteryCount,
            FieldPath::Scale,
            "Exactly one rating can have mastery",
        ));
    }
}

/// The order rule between two neighbours: `lower` (at position `index`) must have fewer
/// points than `upper`, the level above it.
pub(crate) fn order_issue(index: usize, upper: &Level, lower: &Level) -> Option<ValidationIssue> {
    let (Ok(high), Ok(low)) = (parse_points(&upper.points), parse_points(&lower.points)) else {
        return None;
    };
    (high <= low).then(|| {
        ValidationIssue::new(
            IssueCode::PointsNotDecreasing,
            FieldPath::Level {
                level: index,
                field: LevelField::Points,
            },
            format!(
                "Points should be strictly decreasing: {} <= {}",
                float_to_s(high),
                float_to_s(low)
            ),
        )
    })
}

/// The rules of one level at position `index`: they read nothing outside it.
pub(crate) fn check_level(index: usize, level: &Level, issues: &mut Vec<ValidationIssue>) {
    let at = |field| FieldPath::Level {
        level: index,
        field,
    };
    if level.description.trim().is_empty() {
        issues.push(ValidationIssue::new(
            IssueCode::DescriptionBlank,
            at(LevelField::Description),
            "Description can't be blank",
        ));
    } else if level.description.chars().count() > DESCRIPTION_MAX_CHARS {
        issues.push(ValidationIssue::new(
            IssueCode::DescriptionTooLong,
            at(LevelField::Description),
            "Description is too long (maximum is 255 characters)",
        ));
    }
    if let Err(error) = parse_points(&level.points) {
        issues.push(points_issue(error, at(LevelField::Points)));
    }
    if level.color.trim().is_empty() {
        issues.push(ValidationIssue::new(
            IssueCode::ColorBlank,
            at(LevelField::Color),
            "Color can't be blank",
        ));
    } else if !is_stored_hex(&level.color) {
        issues.push(ValidationIssue::new(
            IssueCode::ColorInvalid,
            at(LevelField::Color),
            "Color is invalid",
        ));
    }
}

/// The issue for points that failed to parse, at `path`.
pub(super) fn points_issue(error: PointsError, path: FieldPath) -> ValidationIssue {
    match error {
        PointsError::Blank => {
            ValidationIssue::new(IssueCode::PointsBlank, path, "Points can't be blank")
        }
        PointsError::NotANumber => {
            ValidationIssue::new(IssueCode::PointsNotANumber, path, "Points is not a number")
        }
        PointsError::Negative => ValidationIssue::new(
            IssueCode::PointsNegative,
            path,
            "Points must be greater than or equal to 0",
        ),
    }
}
