use serde_json::{json, Map, Value};

/// Where a rubric is attached and how it is used there: what a `rubric_associations` request
/// (or the association part of a rubric save) says.
#[derive(Clone, Debug, PartialEq)]
pub struct AssociationSettings {
    /// `Assignment`, `Course` or `Account`.
    pub association_type: String,
    /// The assignment, course or account id.
    pub association_id: u64,
    /// `grading` or `bookmark`.
    pub purpose: String,
    /// Scores from the rubric become the assignment's grade.
    pub use_for_grading: bool,
    /// Students do not see the total.
    pub hide_score_total: bool,
    /// Students do not see points (Canvas then turns grading use and the hidden total off).
    pub hide_points: bool,
    /// Outcome results from this rubric stay out of the learning mastery gradebook.
    pub hide_outcome_results: bool,
}

impl AssociationSettings {
    /// A bookmark of the rubric in a course (how Canvas's editor files a rubric it saves).
    pub fn course_bookmark(course: u64) -> Self {
        AssociationSettings {
            association_type: "Course".into(),
            association_id: course,
            purpose: "bookmark".into(),
            use_for_grading: false,
            hide_score_total: false,
            hide_points: false,
            hide_outcome_results: false,
        }
    }
}

/// The whole body of a `rubric_associations` create or update: `rubric_association[...]` with
/// the rubric it attaches (`rubric_id`).
pub fn association_save_form(settings: &AssociationSettings, rubric: u64) -> Map<String, Value> {
    let mut fields = association_form(settings);
    fields["rubric_id"] = json!(rubric.to_string());
    let mut form = Map::new();
    form.insert("rubric_association".into(), fields);
    form
}

/// The `rubric_association[...]` hash, with `"1"`/`"0"` for booleans as Canvas's forms send them
/// and `bookmarked` following the purpose.
pub fn association_form(settings: &AssociationSettings) -> Value {
    let flag = |b: bool| if b { "1" } else { "0" };
    json!({
        "association_type": settings.association_type,
        "association_id": settings.association_id.to_string(),
        "purpose": settings.purpose,
        "use_for_grading": flag(settings.use_for_grading),
        "hide_score_total": flag(settings.hide_score_total),
        "hide_points": flag(settings.hide_points),
        "hide_outcome_results": flag(settings.hide_outcome_results),
        "bookmarked": flag(settings.purpose == "bookmark"),
    })
}
