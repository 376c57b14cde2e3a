use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

use super::{RubricAssessment, RubricAssociation};

/// One rating cell of a criterion, in Canvas's stored key order:
/// `description, long_description, points, criterion_id, id`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RubricRating {
    /// Short name ("Full marks").
    pub description: String,
    /// Longer explanation.
    #[serde(default)]
    pub long_description: String,
    /// Points, a float.
    pub points: f64,
    /// The owning criterion's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criterion_id: Option<String>,
    /// Rating id, unique within the rubric.
    pub id: String,
}

/// One criterion (row) of a rubric. Canvas stores plain and outcome-aligned criteria with
/// different key orders; serialisation reproduces both.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct RubricCriterion {
    /// Short name.
    pub description: String,
    /// Longer explanation (HTML-escaped by Canvas on save).
    #[serde(default)]
    pub long_description: String,
    /// The highest rating's points (Canvas ignores the submitted value).
    pub points: f64,
    /// Criterion id, unique within the rubric.
    pub id: String,
    /// Whether each rating covers a range down to the next lower rating.
    #[serde(default)]
    pub criterion_use_range: bool,
    /// The aligned learning outcome, for outcome criteria.
    #[serde(default)]
    pub learning_outcome_id: Option<u64>,
    /// The outcome's mastery threshold, for outcome criteria.
    #[serde(default)]
    pub mastery_points: Option<f64>,
    /// Outcome criteria only: leave this criterion out of the score.
    #[serde(default)]
    pub ignore_for_scoring: bool,
    /// Ratings, highest points first.
    #[serde(default)]
    pub ratings: Vec<RubricRating>,
}

/// A criterion's points as Canvas writes them: the highest rating's Float, or the Integer `0`
/// of a criterion without ratings (`generate_criteria`).
struct CriterionPoints<'a>(&'a RubricCriterion);

impl Serialize for CriterionPoints<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.0.ratings.is_empty() && self.0.points == 0.0 {
            serializer.serialize_u8(0)
        } else {
            serializer.serialize_f64(self.0.points)
        }
    }
}

impl Serialize for RubricCriterion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let points = CriterionPoints(self);
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("description", &self.description)?;
        match self.learning_outcome_id {
            None => {
                map.serialize_entry("long_description", &self.long_description)?;
                map.serialize_entry("points", &points)?;
                map.serialize_entry("id", &self.id)?;
                map.serialize_entry("criterion_use_range", &self.criterion_use_range)?;
            }
            Some(outcome) => {
                map.serialize_entry("points", &points)?;
                map.serialize_entry("id", &self.id)?;
                map.serialize_entry("criterion_use_range", &self.criterion_use_range)?;
                map.serialize_entry("long_description", &self.long_description)?;
                map.serialize_entry("learning_outcome_id", &outcome)?;
                map.serialize_entry("mastery_points", &self.mastery_points)?;
                map.serialize_entry("ignore_for_scoring", &self.ignore_for_scoring)?;
            }
        }
        map.serialize_entry("ratings", &self.ratings)?;
        map.end()
    }
}

/// A rubric as the rubrics API returns it (`API_ALLOWED_RUBRIC_OUTPUT_FIELDS`, in column
/// order), with the optional `assessments` and `associations` includes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Rubric {
    /// Rubric id.
    pub id: u64,
    /// Owning course or account id.
    pub context_id: u64,
    /// `Course` or `Account`.
    pub context_type: String,
    /// The criteria (Canvas calls the stored column `data`).
    pub data: Vec<RubricCriterion>,
    /// Sum of the criteria's points except ignored ones, rounded to 4 places.
    pub points_possible: f64,
    /// Title, at most 255 characters, unique within the context.
    pub title: String,
    /// Whether other contexts may reuse it.
    #[serde(default)]
    pub reusable: bool,
    /// Whether it is public.
    #[serde(default)]
    pub public: bool,
    /// Read-only (used for grading in several places).
    #[serde(default)]
    pub read_only: bool,
    /// Graders write free-form comments instead of choosing ratings.
    #[serde(default)]
    pub free_form_criterion_comments: bool,
    /// Hide the total score from students; `None` (JSON `null`) until a save sets it, as
    /// Canvas leaves the column.
    #[serde(default)]
    pub hide_score_total: Option<bool>,
    /// Present with an assessment include.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessments: Option<Vec<RubricAssessment>>,
    /// Present with an association include.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub associations: Option<Vec<RubricAssociation>>,
}
