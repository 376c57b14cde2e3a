use rubric_core::edit::RubricDoc;
use rubric_core::forms::{association_save_form, rubric_save_form, AssociationSettings};
use rubric_core::params::{encode, EncodeError};
use rubric_core::validate::CanvasFieldError;
use rubric_core::{Rubric, RubricAssociation};
use serde::Deserialize;
use wasm_bindgen::JsValue;

use crate::json;

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

/// A body the core codec encoded, or why it could not.
fn form_body(encoded: Result<String, EncodeError>) -> Result<Body, ApiError> {
    encoded
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
fn invalid_rubric(answer: &JsValue) -> Option<ApiError> {
    if json::get(answer, "error").as_bool() != Some(true) {
        return None;
    }
    let messages = json::get(answer, "messages");
    let messages = if js_sys::Array::is_array(&messages) {
        js_sys::Array::from(&messages)
    } else {
        js_sys::Array::new()
    };
    let errors = messages
        .iter()
        .filter_map(|message| message.as_string())
        .map(|message| CanvasFieldError {
            field: if message.starts_with("Title") {
                "title".into()
            } else {
                "base".into()
            },
            error_code: message.clone(),
            message,
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
    let body = form_body(encode(&rubric_save_form(doc, course)))?;
    let (method, path) = match id {
        Some(id) => (
            Method::Put,
            format!("/api/v1/courses/{course}/rubrics/{id}"),
        ),
        None => (Method::Post, format!("/api/v1/courses/{course}/rubrics")),
    };
    let answer = send(config, method, &path, Some(body)).await?.js()?;
    if let Some(error) = invalid_rubric(&answer) {
        return Err(error);
    }
    let saved = json::id(&json::get(&json::get(&answer, "rubric"), "id"))
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
    let body = form_body(encode(&association_save_form(settings, rubric)))?;
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
    let answer = send(config, method, &path, Some(body)).await?.js()?;
    json::from_js(json::get(&answer, "rubric_association")).map_err(ApiError::Malformed)
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
