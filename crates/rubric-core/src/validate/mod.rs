//! Validation rules shared by the editors and the server. Each returns every problem at once,
//! each with a stable code, the path of the offending field and Canvas's message.
mod issue;
mod path;
mod points;
mod proficiency;
mod rubric;

pub use issue::{CanvasFieldError, IssueCode, ValidationIssue};
pub use path::{CriterionField, FieldPath, LevelField, RatingField};
pub use points::{parse_points, PointsError};
pub use proficiency::validate_scale;
pub(crate) use proficiency::{check_level, check_scale, order_issue};
pub(crate) use rubric::{check_criterion, check_title};
pub use rubric::{check_rubric_record, validate_rubric, TITLE_MAX_CHARS};

/// Longest description Canvas's database column takes.
pub const DESCRIPTION_MAX_CHARS: usize = 255;
