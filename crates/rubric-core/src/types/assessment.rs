use serde::ser::SerializeMap;
use serde::{Deserialize, Serialize, Serializer};

/// One criterion's grade inside an assessment, in Canvas's key order:
/// `id, points?, criterion_id, learning_outcome_id, ignore_for_scoring?, description,
/// comments_enabled, comments, above_threshold?, comments_html?`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct AssessmentRating {
    /// The chosen rating's id (not validated by Canvas).
    #[serde(default)]
    pub id: Option<String>,
    /// Points given; absent when the grader gave none.
    #[serde(default)]
    pub points: Option<f64>,
    /// The criterion graded.
    pub criterion_id: String,
    /// The criterion's outcome, if aligned.
    #[serde(default)]
    pub learning_outcome_id: Option<u64>,
    /// Present (true) only for criteria that do not count toward the score.
    #[serde(default)]
    pub ignore_for_scoring: Option<bool>,
    /// The rating's description, or "No details".
    #[serde(default)]
    pub description: Option<String>,
    /// Always true for API assessments.
    #[serde(default)]
    pub comments_enabled: bool,
    /// Free-text comment.
    #[serde(default)]
    pub comments: Option<String>,
    /// Only for criteria with mastery points: whether the points reach them.
    #[serde(default)]
    pub above_threshold: Option<bool>,
    /// Comments rendered as HTML, when there are comments.
    #[serde(default)]
    pub comments_html: Option<String>,
}

impl Serialize for AssessmentRating {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("id", &self.id)?;
        if let Some(points) = self.points {
            map.serialize_entry("points", &points)?;
        }
        map.serialize_entry("criterion_id", &self.criterion_id)?;
        map.serialize_entry("learning_outcome_id", &self.learning_outcome_id)?;
        if let Some(ignore) = self.ignore_for_scoring {
            map.serialize_entry("ignore_for_scoring", &ignore)?;
        }
        map.serialize_entry("description", &self.description)?;
        map.serialize_entry("comments_enabled", &self.comments_enabled)?;
        map.serialize_entry("comments", &self.comments)?;
        if let Some(above) = self.above_threshold {
            map.serialize_entry("above_threshold", &above)?;
        }
        if let Some(html) = &self.comments_html {
            map.serialize_entry("comments_html", html)?;
        }
        map.end()
    }
}

/// A rubric assessment as the rubrics API includes it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RubricAssessment {
    /// Assessment id.
    pub id: u64,
    /// The rubric assessed with.
    pub rubric_id: u64,
    /// The association it was made through.
    pub rubric_association_id: Option<u64>,
    /// Sum of scored criteria, rounded to 4 places; null when nothing was scored.
    pub score: Option<f64>,
    /// `Submission` for assignment grading.
    pub artifact_type: String,
    /// The submission's id.
    pub artifact_id: u64,
    /// The submission attempt assessed.
    #[serde(default)]
    pub artifact_attempt: Option<u64>,
    /// `grading`, `peer_review`, `self_assessment` (any string is accepted by Canvas).
    pub assessment_type: String,
    /// Who assessed.
    pub assessor_id: u64,
    /// Per-criterion grades (`style=full`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<Vec<AssessmentRating>>,
    /// Per-criterion comments only (`style=comments_only`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comments: Option<Vec<Option<String>>>,
}
