use std::fmt;

use serde::{Deserialize, Serialize};

pub use crate::edit::LevelField;

/// A field of a criterion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum CriterionField {
    /// The criterion itself (its ratings as a whole).
    Ratings,
    /// Its description.
    Description,
    /// Its point-range setting.
    UseRange,
    /// Its stored points.
    Points,
}

/// A field of a rating.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RatingField {
    /// Its description.
    Description,
    /// Its points.
    Points,
}

/// Where a problem is. Indexes are 0-based; [`fmt::Display`] shows them 1-based, as the
/// editors number rows ("level 3, points", "criterion 2, rating 1, points", "title").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldPath {
    /// The mastery scale as a whole.
    Scale,
    /// A field of a mastery level.
    Level {
        /// Level index.
        level: usize,
        /// Which field.
        field: LevelField,
    },
    /// The rubric as a whole.
    Rubric,
    /// The rubric's title.
    Title,
    /// The rubric's stored total.
    PointsPossible,
    /// A field of a criterion.
    Criterion {
        /// Criterion index.
        criterion: usize,
        /// Which field.
        field: CriterionField,
    },
    /// A field of a rating.
    Rating {
        /// Criterion index.
        criterion: usize,
        /// Rating index within the criterion.
        rating: usize,
        /// Which field.
        field: RatingField,
    },
}

fn level_field_name(field: LevelField) -> &'static str {
    match field {
        LevelField::Description => "description",
        LevelField::Points => "points",
        LevelField::Color => "color",
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldPath::Scale => f.write_str("mastery scale"),
            FieldPath::Level { level, field } => {
                write!(f, "level {}, {}", level + 1, level_field_name(*field))
            }
            FieldPath::Rubric => f.write_str("rubric"),
            FieldPath::Title => f.write_str("title"),
            FieldPath::PointsPossible => f.write_str("points possible"),
            FieldPath::Criterion { criterion, field } => {
                let name = match field {
                    CriterionField::Ratings => "ratings",
                    CriterionField::Description => "description",
                    CriterionField::UseRange => "point range",
                    CriterionField::Points => "points",
                };
                write!(f, "criterion {}, {}", criterion + 1, name)
            }
            FieldPath::Rating {
                criterion,
                rating,
                field,
            } => {
                let name = match field {
                    RatingField::Description => "description",
                    RatingField::Points => "points",
                };
                write!(
                    f,
                    "criterion {}, rating {}, {}",
                    criterion + 1,
                    rating + 1,
                    name
                )
            }
        }
    }
}
