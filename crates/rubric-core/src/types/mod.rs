//! Canvas's JSON shapes, field for field and in Canvas's key order.
mod assessment;
mod association;
mod proficiency;
mod rubric;

pub use assessment::{AssessmentRating, RubricAssessment};
pub use association::RubricAssociation;
pub use proficiency::{Proficiency, ProficiencyRating};
pub use rubric::{Rubric, RubricCriterion, RubricRating};
