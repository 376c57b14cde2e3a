use serde::{Deserialize, Serialize};

/// A rubric attached to an assignment, course or account (`RubricAssociation` columns).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RubricAssociation {
    /// Association id.
    pub id: u64,
    /// The rubric it attaches.
    pub rubric_id: u64,
    /// Id of the assignment, course or account.
    pub association_id: u64,
    /// `Assignment`, `Course` or `Account`.
    pub association_type: String,
    /// Whether the rubric's score feeds the assignment grade.
    pub use_for_grading: bool,
    /// Title shown for the association (usually the object's name).
    #[serde(default)]
    pub title: Option<String>,
    /// Extra data Canvas keeps (saved comments).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary_data: Option<serde_json::Value>,
    /// `grading`, `bookmark`, or whatever the client sent (`unknown` when missing).
    pub purpose: String,
    /// Context that owns the association.
    pub context_id: u64,
    /// `Course` or `Account`.
    pub context_type: String,
    /// Hide the rubric's total score from students.
    pub hide_score_total: bool,
    /// Whether the rubric is listed in the context.
    pub bookmarked: bool,
    /// Hide rating points from students.
    #[serde(default)]
    pub hide_points: bool,
    /// Hide outcome results from students.
    #[serde(default)]
    pub hide_outcome_results: bool,
}
