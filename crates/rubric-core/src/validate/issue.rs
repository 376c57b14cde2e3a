use std::fmt;

use serde::{Deserialize, Serialize};

use super::FieldPath;

/// What is wrong, as a stable code that tests, the server and the editors match on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IssueCode {
    /// A mastery scale has no levels.
    MissingRatings,
    /// A mastery scale has no or several mastery levels.
    MasteryCount,
    /// Level points do not decrease strictly from top to bottom.
    PointsNotDecreasing,
    /// A description is empty.
    DescriptionBlank,
    /// A description is longer than Canvas stores.
    DescriptionTooLong,
    /// Points are empty.
    PointsBlank,
    /// Points are not a number.
    PointsNotANumber,
    /// Points are below zero.
    PointsNegative,
    /// A colour is empty.
    ColorBlank,
    /// A colour is not six hex digits.
    ColorInvalid,
    /// A rubric title is longer than 255 characters.
    TitleTooLong,
    /// A criterion has no ratings.
    CriterionWithoutRatings,
    /// Two ratings of one criterion have the same points.
    DuplicateRatingPoints,
    /// A point-range criterion has fewer than two ratings.
    RangeNeedsTwoRatings,
    /// A stored criterion's points are not its highest rating.
    CriterionPointsMismatch,
    /// A stored rubric's `points_possible` is not the sum of its criteria.
    PointsPossibleMismatch,
}

impl IssueCode {
    /// The code as text (`points_not_decreasing`).
    pub fn as_str(self) -> &'static str {
        match self {
            IssueCode::MissingRatings => "missing_ratings",
            IssueCode::MasteryCount => "mastery_count",
            IssueCode::PointsNotDecreasing => "points_not_decreasing",
            IssueCode::DescriptionBlank => "description_blank",
            IssueCode::DescriptionTooLong => "description_too_long",
            IssueCode::PointsBlank => "points_blank",
            IssueCode::PointsNotANumber => "points_not_a_number",
            IssueCode::PointsNegative => "points_negative",
            IssueCode::ColorBlank => "color_blank",
            IssueCode::ColorInvalid => "color_invalid",
            IssueCode::TitleTooLong => "title_too_long",
            IssueCode::CriterionWithoutRatings => "criterion_without_ratings",
            IssueCode::DuplicateRatingPoints => "duplicate_rating_points",
            IssueCode::RangeNeedsTwoRatings => "range_needs_two_ratings",
            IssueCode::CriterionPointsMismatch => "criterion_points_mismatch",
            IssueCode::PointsPossibleMismatch => "points_possible_mismatch",
        }
    }

    /// The `error_code` Canvas puts in a 422 body for this problem (the ActiveModel error
    /// type, or the message itself for Canvas's custom messages).
    pub fn canvas_error_code(self) -> &'static str {
        match self {
            IssueCode::MissingRatings
            | IssueCode::DescriptionBlank
            | IssueCode::PointsBlank
            | IssueCode::ColorBlank => "blank",
            IssueCode::DescriptionTooLong | IssueCode::TitleTooLong => "too_long",
            IssueCode::PointsNotANumber => "not_a_number",
            IssueCode::PointsNegative => "greater_than_or_equal_to",
            IssueCode::ColorInvalid => "invalid",
            _ => "invalid",
        }
    }

    /// How to fix it, in a sentence a teacher understands.
    pub fn help(self) -> &'static str {
        match self {
            IssueCode::MissingRatings => "Add at least one level.",
            IssueCode::MasteryCount => "Choose exactly one level as the mastery level.",
            IssueCode::PointsNotDecreasing => {
                "Give each level fewer points than the one above it, or use Sort by points."
            }
            IssueCode::DescriptionBlank => "Enter a description.",
            IssueCode::DescriptionTooLong => "Shorten the description to 255 characters or fewer.",
            IssueCode::PointsBlank => "Enter points, for example 3.",
            IssueCode::PointsNotANumber => "Enter points as a number, for example 2.5.",
            IssueCode::PointsNegative => "Enter zero or more points.",
            IssueCode::ColorBlank => "Choose a colour or enter six hex digits.",
            IssueCode::ColorInvalid => "Enter six hex digits such as 00AC18.",
            IssueCode::TitleTooLong => "Shorten the title to 255 characters or fewer.",
            IssueCode::CriterionWithoutRatings => "Add at least one rating to the criterion.",
            IssueCode::DuplicateRatingPoints => "Give each rating of a criterion different points.",
            IssueCode::RangeNeedsTwoRatings => "Add a second rating or turn off the point range.",
            IssueCode::CriterionPointsMismatch => {
                "Set the criterion's points to its highest rating."
            }
            IssueCode::PointsPossibleMismatch => "Recompute the total from the criteria.",
        }
    }
}

impl fmt::Display for IssueCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One problem: what (code), where (path) and Canvas's words for it (message).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ValidationIssue {
    /// Stable code.
    pub code: IssueCode,
    /// The offending field.
    pub path: FieldPath,
    /// The message, in Canvas's words where Canvas has them.
    pub message: String,
}

impl ValidationIssue {
    pub(crate) fn new(code: IssueCode, path: FieldPath, message: impl Into<String>) -> Self {
        ValidationIssue {
            code,
            path,
            message: message.into(),
        }
    }

    /// How to fix it.
    pub fn help(&self) -> &'static str {
        self.code.help()
    }
}

impl fmt::Display for ValidationIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {} {}", self.path, self.message, self.help())
    }
}

/// One entry of a Canvas 422 body: `{"field","message","error_code"}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CanvasFieldError {
    /// The attribute (`outcome_proficiency_ratings.color`).
    pub field: String,
    /// Canvas's message for the attribute (`is invalid`).
    pub message: String,
    /// The ActiveModel error type, or the message itself for custom messages.
    pub error_code: String,
}

impl ValidationIssue {
    /// The issue as `OutcomeProficiency` reports it in a 422 body: nested rating errors under
    /// `outcome_proficiency_ratings.<attribute>` with the bare message ("can't be blank"),
    /// scale errors under `outcome_proficiency_ratings` with the message as error code.
    pub fn canvas_proficiency_error(&self) -> CanvasFieldError {
        let scale_wide = matches!(
            self.code,
            IssueCode::MasteryCount | IssueCode::PointsNotDecreasing | IssueCode::MissingRatings
        );
        let attribute = match self.path {
            FieldPath::Level { field, .. } if !scale_wide => match field {
                super::LevelField::Description => "outcome_proficiency_ratings.description",
                super::LevelField::Points => "outcome_proficiency_ratings.points",
                super::LevelField::Color => "outcome_proficiency_ratings.color",
            },
            _ => "outcome_proficiency_ratings",
        };
        let (message, code) = match self.code {
            IssueCode::MasteryCount | IssueCode::PointsNotDecreasing => {
                (self.message.clone(), self.message.clone())
            }
            IssueCode::MissingRatings => (self.message.clone(), "blank".into()),
            code => {
                let bare = self
                    .message
                    .split_once(' ')
                    .map_or(self.message.as_str(), |(_, rest)| rest)
                    .to_string();
                (bare, code.canvas_error_code().into())
            }
        };
        CanvasFieldError {
            field: attribute.into(),
            message,
            error_code: code,
        }
    }
}
