use rubric_core::edit::RubricDoc;
use rubric_core::forms::{association_form, rubric_form, AssociationSettings};
use rubric_core::params::encode;
use rubric_core::validate::CanvasFieldError;
use rubric_core::{Rubric, RubricAssociation};
use serde::Deserialize;
use serde_json::{json, Value};

use super::{get_all, send, ApiConfig, ApiError, Body, ContextPath, Method};

/// A course where a rubric is used, as `used_locations` lists it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct UsedCourse {
    /// Course id.
    pub id: u64,
    /// Course name.
    pub name: String,
    /// Assignments in that course using the rubric.
    #[serde(default)]
    pub assignments: Vec<UsedAssignment>,
}

/// An assignment that uses a rubric.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct UsedAssignment {
    /// Assignment id.
    pub id: u64,
    /// Assignment title.
    pub title: String,
}

/// An assignment a rubric can be attached to.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Assignment {
    /// Assignment id.
    pub id: u64,
    /// Its name.
    pub name: String,
}

fn form_body(value: &Value) -> Result<Body, ApiError> {
    let map = value
        .as_object()
        .ok_or_else(|| ApiError::Malformed("a form body must be a hash".into()))?;
    encode(map)
        .map(Body::Form)
        .map_err(|e| ApiError::Malformed(e.to_string()))
}

fn course_id(context: &ContextPath) -> Result<u64, ApiError> {
    context.course_id().ok_or_else(|| {
        ApiError::Rejected(
            404,
            "Canvas saves rubrics through a course; open the rubric from a course.".into(),
        )
    })
}

/// Every active rubric the context owns (`GET .../rubrics`, all pages).
pub async fn list_rubrics(
    config: &ApiConfig,
    context: &ContextPath,
) -> Result<Vec<Rubric>, ApiError> {
    get_all(
        config,
        &format!("/api/v1/{}/rubrics?per_page=100", context.as_str()),
    )
    .await
}

/// One rubric with its associations (`GET .../rubrics/:id?include[]=associations`).
pub async fn get_rubric(
    config: &ApiConfig,
    context: &ContextPath,
    id: u64,
) -> Result<Rubric, ApiError> {
    let path = format!(
        "/api/v1/{}/rubrics/{id}?include%5B%5D=associations",
        context.as_str()
    );
    send(config, Method::Get, &path, None).await?.json()
}

/// Where a rubric is used (`GET .../rubrics/:id/used_locations`, all pages).
pub async fn used_locations(
    config: &ApiConfig,
    context: &ContextPath,
    id: u64,
) -> Result<Vec<UsedCourse>, ApiError> {
    get_all(
        config,
        &format!("/api/v1/{}/rubrics/{id}/used_locations", context.as_str()),
    )
    .await
}

/// Canvas's answer to an invalid rubric: HTTP 200 with `{"error":true,"messages":[...]}`, as
/// field errors (the title's messages under `title`).
fn invalid_rubric(json: &Value) -> Option<ApiError> {
    if json["error"] != Value::Bool(true) {
        return None;
    }
    let errors = json["messages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(|message| CanvasFieldError {
            field: if message.starts_with("Title") {
                "title".into()
            } else {
                "base".into()
            },
            message: message.to_string(),
            error_code: message.to_string(),
        })
        .collect();
    Some(ApiError::Invalid(errors))
}

/// Creates (`id` None: `POST`) or replaces (`PUT`, every criterion sent) a course rubric,
/// bookmarked in the course as Canvas's own editor does, and returns the stored rubric as the
/// API shows it. Canvas may answer with a copy (a new id) when the rubric is used for grading
/// in several places.
pub async fn save_rubric(
    config: &ApiConfig,
    context: &ContextPath,
    id: Option<u64>,
    doc: &RubricDoc,
) -> Result<Rubric, ApiError> {
    let course = course_id(context)?;
    let mut rubric = rubric_form(doc);
    rubric["workflow_state"] = json!("active");
    let bookmark = AssociationSettings {
        hide_score_total: doc.hide_score_total,
        hide_points: doc.hide_points,
        ..AssociationSettings::course_bookmark(course)
    };
    let body = json!({ "rubric": rubric, "rubric_association": association_form(&bookmark) });
    let (method, path) = match id {
        Some(id) => (
            Method::Put,
            format!("/api/v1/courses/{course}/rubrics/{id}"),
        ),
        None => (Method::Post, format!("/api/v1/courses/{course}/rubrics")),
    };
    let answer: Value = send(config, method, &path, Some(form_body(&body)?))
        .await?
        .json()?;
    if let Some(error) = invalid_rubric(&answer) {
        return Err(error);
    }
    let saved = answer["rubric"]["id"]
        .as_u64()
        .ok_or_else(|| ApiError::Malformed("the saved rubric has no id".into()))?;
    get_rubric(config, context, saved).await
}

/// Deletes a course rubric (`DELETE courses/:id/rubrics/:id`).
pub async fn delete_rubric(
    config: &ApiConfig,
    context: &ContextPath,
    id: u64,
) -> Result<(), ApiError> {
    let course = course_id(context)?;
    let path = format!("/api/v1/courses/{course}/rubrics/{id}");
    send(config, Method::Delete, &path, None).await.map(|_| ())
}

/// The course's assignments (all pages).
pub async fn list_assignments(
    config: &ApiConfig,
    context: &ContextPath,
) -> Result<Vec<Assignment>, ApiError> {
    let course = course_id(context)?;
    get_all(
        config,
        &format!("/api/v1/courses/{course}/assignments?per_page=100"),
    )
    .await
}

/// Creates (`id` None) or updates an association of `rubric` in the course and returns it.
pub async fn save_association(
    config: &ApiConfig,
    context: &ContextPath,
    rubric: u64,
    id: Option<u64>,
    settings: &AssociationSettings,
) -> Result<RubricAssociation, ApiError> {
    let course = course_id(context)?;
    let mut fields = association_form(settings);
    fields["rubric_id"] = json!(rubric.to_string());
    let body = form_body(&json!({ "rubric_association": fields }))?;
    let (method, path) = match id {
        Some(id) => (
            Method::Put,
            format!("/api/v1/courses/{course}/rubric_associations/{id}"),
        ),
        None => (
            Method::Post,
            format!("/api/v1/courses/{course}/rubric_associations"),
        ),
    };
    let answer: Value = send(config, method, &path, Some(body)).await?.json()?;
    serde_json::from_value(answer["rubric_association"].clone())
        .map_err(|e| ApiError::Malformed(e.to_string()))
}

/// Removes an association (`DELETE courses/:id/rubric_associations/:id`).
pub async fn delete_association(
    config: &ApiConfig,
    context: &ContextPath,
    id: u64,
) -> Result<(), ApiError> {
    let course = course_id(context)?;
    let path = format!("/api/v1/courses/{course}/rubric_associations/{id}");
    send(config, Method::Delete, &path, None).await.map(|_| ())
}
