use serde_json::{json, Map, Value};

use super::{association_form, format_message, string, text, AssociationSettings, ParamError};
use crate::edit::RubricDoc;
use crate::params::{index_keyed, indexed_entries};
use crate::ruby::{cast_boolean, number_to_input, str_to_f};
use crate::rules::{criterion_points, points_possible, sort_ratings};
use crate::types::{RubricCriterion, RubricRating};
use crate::validate::parse_points;

/// The `rubric[...]` hash a save sends: title, options as Canvas reads them (`"1"` for
/// free-form comments), and every criterion and rating as index-keyed hashes, since an update
/// replaces the whole rubric.
pub fn rubric_form(doc: &RubricDoc) -> Value {
    let criteria = doc.criteria.iter().map(|c| {
        let ratings = c.ratings.iter().map(|r| {
            let mut rating = json!({
                "description": r.description,
                "long_description": r.long_description,
                "points": parse_points(&r.points).map(number_to_input).unwrap_or_else(|_| r.points.clone()),
            });
            if let Some(id) = &r.id {
                rating["id"] = json!(id);
            }
            rating
        });
        let mut criterion = json!({
            "description": c.description,
            "long_description": c.long_description,
            "criterion_use_range": c.use_range.to_string(),
            "ratings": index_keyed(ratings),
        });
        if let Some(id) = &c.id {
            criterion["id"] = json!(id);
        }
        if let Some(outcome) = c.learning_outcome_id {
            criterion["learning_outcome_id"] = json!(outcome.to_string());
            if let Some(mastery) = c.mastery_points {
                criterion["mastery_points"] = json!(number_to_input(mastery));
            }
            criterion["ignore_for_scoring"] = json!(c.ignore_for_scoring.to_string());
        }
        criterion
    });
    let mut rubric = json!({
        "title": doc.title,
        "free_form_criterion_comments": if doc.free_form_criterion_comments { "1" } else { "0" },
        "hide_score_total": doc.hide_score_total.to_string(),
        "hide_points": doc.hide_points.to_string(),
    });
    if !doc.criteria.is_empty() {
        rubric["criteria"] = index_keyed(criteria);
    }
    rubric
}

/// The whole body of the editor's rubric save (`POST`, or `PUT` for an existing rubric, on
/// `courses/:course/rubrics`): the rubric, made active, and its bookmark in the course, whose
/// hide flags follow the rubric's options as Canvas's own editor sends them.
pub fn rubric_save_form(doc: &RubricDoc, course: u64) -> Map<String, Value> {
    let mut rubric = rubric_form(doc);
    rubric["workflow_state"] = json!("active");
    let bookmark = AssociationSettings {
        hide_score_total: doc.hide_score_total,
        hide_points: doc.hide_points,
        ..AssociationSettings::course_bookmark(course)
    };
    let mut form = Map::new();
    form.insert("rubric".into(), rubric);
    form.insert("rubric_association".into(), association_form(&bookmark));
    form
}

/// A rubric as Canvas's `update_criteria` turns `rubric[...]` into stored data.
#[derive(Clone, Debug, PartialEq)]
pub struct RubricInput {
    /// The title, or `"<context name> Rubric"` when none was sent (before de-duplication).
    pub title: String,
    /// Criteria as stored: ids assigned, points from ratings, ratings sorted.
    pub criteria: Vec<RubricCriterion>,
    /// Sum of criterion points except ignored ones, rounded to 4 places.
    pub points_possible: f64,
    /// `Some(value == "1")` when the parameter was sent.
    pub free_form_criterion_comments: Option<bool>,
    /// Boolean cast of `hide_score_total`, when sent.
    pub hide_score_total: Option<bool>,
    /// Boolean cast of `hide_points` (nil is false).
    pub hide_points: bool,
    /// `workflow_state` when sent (Canvas does not validate it; the CSV import uses `draft`).
    pub workflow_state: Option<String>,
}

/// What the reader needs from the server: the context's name (for the default title), the
/// rubric's id (for generated ids), a source of random numbers below 10 000, and outcome lookup
/// (`(description, mastery_points)` of an outcome id).
pub struct RubricContext<'a> {
    /// The course or account name.
    pub context_name: &'a str,
    /// The rubric id that prefixes generated ids (`"12_4821"`).
    pub rubric_id: u64,
    /// Random numbers in `0..10_000`.
    pub random: &'a mut dyn FnMut() -> u32,
    /// Finds an outcome's description and mastery points.
    pub outcome: &'a dyn Fn(u64) -> Option<(String, f64)>,
}

struct Ids<'a, 'b> {
    used: Vec<String>,
    context: &'a mut RubricContext<'b>,
}

impl Ids<'_, '_> {
    fn unique(&mut self, wanted: Option<String>) -> String {
        let mut id = wanted
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty());
        while id.as_ref().is_none_or(|i| self.used.contains(i)) {
            id = Some(format!(
                "{}_{}",
                self.context.rubric_id,
                (self.context.random)() % 10_000
            ));
        }
        let id = id.unwrap_or_default();
        self.used.push(id.clone());
        id
    }
}

/// Reads the `rubric` hash of a create or update exactly as Canvas's `generate_criteria` does
/// (see the module docs of [`crate::forms`]); shapes Canvas would crash on are errors.
pub fn read_rubric_form(
    rubric: &Map<String, Value>,
    context: &mut RubricContext<'_>,
) -> Result<RubricInput, ParamError> {
    let title = match rubric.get("title") {
        Some(value) => string(Some(value), "rubric[title]")?.unwrap_or_default(),
        None => format!("{} Rubric", context.context_name),
    };
    let criteria_param =
        match rubric.get("criteria") {
            None | Some(Value::Null) => Map::new(),
            Some(Value::Object(map)) => map.clone(),
            Some(Value::String(s)) if s.is_empty() => Map::new(),
            Some(_) => return Err(ParamError::new(
                "rubric[criteria]",
                "must be a hash keyed by index (rubric[criteria][0][description]=...), not a list",
            )),
        };
    let mut ids = Ids {
        used: Vec::new(),
        context,
    };
    let mut criteria = Vec::new();
    for (index, data) in indexed_entries(&criteria_param) {
        let at = |field: &str| format!("rubric[criteria][{index}][{field}]");
        let Value::Object(data) = data else {
            return Err(ParamError::new(
                format!("rubric[criteria][{index}]"),
                "must be a hash of the criterion's fields",
            ));
        };
        let description = string(data.get("description"), &at("description"))?;
        let long_description = string(data.get("long_description"), &at("long_description"))?;
        let wanted_id = string(data.get("id"), &at("id"))?;
        // Canvas reads `(criterion_data[:ratings] || {})`: no ratings is a criterion with none.
        let no_ratings = Map::new();
        let ratings_param = match data.get("ratings") {
            Some(Value::Object(map)) => map,
            None | Some(Value::Null) => &no_ratings,
            Some(_) => {
                return Err(ParamError::new(
                    at("ratings"),
                    "must be a hash keyed by index, not a list",
                ))
            }
        };
        let id = ids.unique(wanted_id);
        let mut criterion = RubricCriterion {
            description: presence_or_default(description),
            long_description: format_message(long_description.unwrap_or_default().trim()),
            points: 0.0,
            id: id.clone(),
            criterion_use_range: matches!(data.get("criterion_use_range"), Some(Value::Bool(true)))
                || matches!(data.get("criterion_use_range"), Some(Value::String(s)) if s == "true"),
            learning_outcome_id: None,
            mastery_points: None,
            ignore_for_scoring: false,
            ratings: Vec::new(),
        };
        if let Some(outcome_text) =
            text(data.get("learning_outcome_id"), &at("learning_outcome_id"))?
                .filter(|s| !s.is_empty())
        {
            let outcome_id = outcome_text.trim().parse::<u64>().ok();
            match outcome_id.and_then(|o| (ids.context.outcome)(o).map(|found| (o, found))) {
                Some((outcome_id, (outcome_description, outcome_mastery))) => {
                    criterion.long_description = outcome_description;
                    criterion.learning_outcome_id = Some(outcome_id);
                    let mastery = text(data.get("mastery_points"), &at("mastery_points"))?;
                    criterion.mastery_points =
                        Some(mastery.map(|m| str_to_f(&m)).unwrap_or(outcome_mastery));
                    criterion.ignore_for_scoring = matches!(
                        data.get("ignore_for_scoring"),
                        Some(Value::Bool(true))
                    ) || matches!(data.get("ignore_for_scoring"), Some(Value::String(s)) if s == "true" || s == "1");
                }
                None => criterion.long_description = String::new(),
            }
        }
        for (r, rating) in indexed_entries(ratings_param) {
            let at = |field: &str| format!("rubric[criteria][{index}][ratings][{r}][{field}]");
            let Value::Object(rating) = rating else {
                return Err(ParamError::new(
                    format!("rubric[criteria][{index}][ratings][{r}]"),
                    "must be a hash of the rating's fields",
                ));
            };
            let points = match rating.get("points") {
                Some(Value::Number(n)) => n.as_f64().unwrap_or(0.0),
                other => text(other, &at("points"))?
                    .map(|p| str_to_f(&p))
                    .unwrap_or(0.0),
            };
            let description = string(rating.get("description"), &at("description"))?;
            let long_description = string(rating.get("long_description"), &at("long_description"))?;
            let wanted = string(rating.get("id"), &at("id"))?;
            criterion.ratings.push(RubricRating {
                description: presence_or_default(description),
                long_description: long_description.unwrap_or_default().trim().to_string(),
                points,
                criterion_id: Some(id.clone()),
                id: ids.unique(wanted),
            });
        }
        sort_ratings(&mut criterion.ratings);
        criterion.points = criterion_points(&criterion.ratings);
        criteria.push(criterion);
    }
    let points_possible =
        points_possible(criteria.iter().map(|c| (c.points, c.ignore_for_scoring)));
    Ok(RubricInput {
        title,
        criteria,
        points_possible,
        free_form_criterion_comments: rubric
            .get("free_form_criterion_comments")
            .map(|v| matches!(v, Value::String(s) if s == "1")),
        hide_score_total: rubric.get("hide_score_total").and_then(cast_boolean),
        hide_points: rubric
            .get("hide_points")
            .and_then(cast_boolean)
            .unwrap_or(false),
        workflow_state: string(rubric.get("workflow_state"), "rubric[workflow_state]")?
            .filter(|s| !s.is_empty()),
    })
}

/// Canvas's `(value.presence || "No Description").strip`.
fn presence_or_default(value: Option<String>) -> String {
    match value {
        Some(v) if !v.trim().is_empty() => v.trim().to_string(),
        _ => "No Description".into(),
    }
}
