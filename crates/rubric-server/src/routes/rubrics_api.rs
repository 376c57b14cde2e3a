//! `RubricsApiController`: list and show rubrics and where they are used.
use std::sync::Arc;

use axum::extract::{OriginalUri, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use rusqlite::params;
use serde_json::{json, Map, Value};

use crate::auth::Caller;
use crate::body::Params;
use crate::context::{Context, Permissions};
use crate::error::{ApiError, ApiResult};
use crate::pagination::Page;
use crate::store::{self};
use crate::AppState;

const INCLUDES: [&str; 7] = [
    "assessments",
    "graded_assessments",
    "peer_assessments",
    "associations",
    "assignment_associations",
    "course_associations",
    "account_associations",
];

/// `GET {accounts|courses}/:id/rubrics`: active rubrics owned by the context, by id, paginated.
pub async fn index(
    State(state): State<Arc<AppState>>,
    Path((kind, id)): Path<(String, String)>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    caller: Caller,
) -> ApiResult<Response> {
    state
        .run(move |conn, _| {
            let user = caller.resolve(conn)?.require()?;
            let found = Context::from_path(&kind, &id)?.find(conn)?;
            Permissions::require(Permissions::of(conn, user.id, &found)?.manage_rubrics())?;
            let page = Page::from_uri(&uri, None)?;
            let clause = "context_type = ?1 AND context_id = ?2 AND workflow_state NOT IN ('deleted', 'archived', 'draft')";
            let args = params![found.context.type_name(), found.context.id()];
            let total: i64 = conn.query_row(
                &format!("SELECT COUNT(*) FROM rubrics WHERE {clause}"),
                args,
                |r| r.get(0),
            )?;
            let (limit, offset) = page.limit_offset();
            let rows = store::rubrics_where(
                conn,
                &format!("{clause} ORDER BY id LIMIT ?3 OFFSET ?4"),
                params![found.context.type_name(), found.context.id(), limit, offset],
            )?;
            let body: Vec<_> = rows.iter().map(store::api_rubric).collect();
            Ok((
                [(header::LINK, page.link_header(&uri, &headers, total))],
                Json(body),
            )
                .into_response())
        })
        .await
}

/// Canvas's `validate_args` for show: the legacy `{"errors":{"attr":[...]}}` body.
fn validate_args(params: &Params) -> Result<(Vec<String>, Option<String>), Value> {
    let includes: Vec<String> = match params.0.get("include") {
        None | Some(Value::Null) => vec![],
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect(),
        Some(other) => other
            .as_str()
            .map(|s| vec![s.to_string()])
            .unwrap_or_default(),
    };
    let style = params.text("style");
    let error = |attribute: &str, message: String| {
        let mut errors = Map::new();
        errors.insert(
            attribute.into(),
            json!([{"attribute": attribute, "type": message, "message": message}]),
        );
        json!({ "errors": errors })
    };
    if let Some(s) = &style {
        if s != "full" && s != "comments_only" {
            return Err(error(
                "style",
                "invalid style requested. Must be one of the following: full, comments_only".into(),
            ));
        }
    }
    if includes.iter().any(|i| !INCLUDES.contains(&i.as_str())) {
        return Err(error(
            "include",
            format!(
                "invalid include value requested. Must be one of the following: {}",
                INCLUDES.join(", ")
            ),
        ));
    }
    for (suffix, kind) in [
        ("associations", "association"),
        ("assessments", "assessment"),
    ] {
        let given: Vec<&str> = includes
            .iter()
            .filter(|i| i.ends_with(suffix))
            .map(String::as_str)
            .collect();
        if given.len() > 1 {
            return Err(error(
                "include",
                format!(
                    "cannot list multiple {kind} includes. Multiple given: {}",
                    given.join(", ")
                ),
            ));
        }
    }
    if style.is_some() && !includes.iter().any(|i| i.ends_with("assessments")) {
        return Err(error(
            "style",
            "invalid parameters. Style parameter passed without requesting assessments".into(),
        ));
    }
    Ok((includes, style))
}

fn rubric_not_found() -> ApiError {
    ApiError::Custom(
        StatusCode::NOT_FOUND,
        json!({"message": "Rubric not found"}),
    )
}

/// `GET {accounts|courses}/:id/rubrics/:rubric_id`, found through a bookmarked association in
/// the context, with the optional includes.
pub async fn show(
    State(state): State<Arc<AppState>>,
    Path((kind, id, rubric_id)): Path<(String, String, String)>,
    caller: Caller,
    params: Params,
) -> ApiResult<Response> {
    state
        .run(move |conn, _| {
            let user = caller.resolve(conn)?.require()?;
            let found = Context::from_path(&kind, &id)?.find(conn)?;
            Permissions::require(Permissions::of(conn, user.id, &found)?.manage_rubrics())?;
            let rubric_id: i64 = rubric_id.parse().map_err(|_| rubric_not_found())?;
            let bookmarked = store::associations_where(
                conn,
                "rubric_id = ?1 AND context_type = ?2 AND context_id = ?3 AND bookmarked = 1",
                params![rubric_id, found.context.type_name(), found.context.id()],
            )?;
            let rubric = match bookmarked.first() {
                Some(_) => {
                    store::rubric(conn, rubric_id)?.filter(|r| r.workflow_state != "deleted")
                }
                None => None,
            }
            .ok_or_else(rubric_not_found)?;
            let (includes, style) = match validate_args(&params) {
                Ok(ok) => ok,
                Err(body) => return Ok((StatusCode::BAD_REQUEST, Json(body)).into_response()),
            };
            let mut body = store::api_rubric(&rubric);
            for include in &includes {
                if include.ends_with("assessments") {
                    let assessments = super::assessments::for_rubric(
                        conn,
                        &rubric,
                        &found,
                        include,
                        style.as_deref(),
                    )?;
                    body.assessments = Some(assessments);
                } else {
                    let filter = match include.as_str() {
                        "assignment_associations" => "AND association_type = 'Assignment'",
                        "course_associations" => "AND association_type = 'Course'",
                        "account_associations" => "AND association_type = 'Account'",
                        _ => "",
                    };
                    let rows = store::associations_where(
                        conn,
                        &format!("rubric_id = ?1 {filter}"),
                        [rubric.id],
                    )?;
                    body.associations = Some(rows.iter().map(store::api_association).collect());
                }
            }
            Ok(Json(body).into_response())
        })
        .await
}

/// `GET .../rubrics/:id/used_locations`: courses and assignments where the rubric grades,
/// by course name then assignment title; per_page fixed at 100.
pub async fn used_locations(
    State(state): State<Arc<AppState>>,
    Path((kind, id, rubric_id)): Path<(String, String, String)>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    caller: Caller,
) -> ApiResult<Response> {
    state
        .run(move |conn, _| {
            let user = caller.resolve(conn)?.require()?;
            let found = Context::from_path(&kind, &id)?.find(conn)?;
            let rubric_id: i64 = rubric_id.parse().map_err(|_| ApiError::NotFound)?;
            store::rubric(conn, rubric_id)?.ok_or(ApiError::NotFound)?;
            Permissions::require(Permissions::of(conn, user.id, &found)?.manage_rubrics())?;
            let mut statement = conn.prepare(
                "SELECT c.id, c.name, a.id, a.title FROM rubric_associations ra
                 JOIN assignments a ON ra.association_type = 'Assignment' AND a.id = ra.association_id
                 JOIN courses c ON c.id = a.course_id
                 WHERE ra.rubric_id = ?1 AND ra.workflow_state = 'active'
                 ORDER BY c.name, c.id, a.title, a.id",
            )?;
            let rows = statement
                .query_map([rubric_id], |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, i64>(2)?,
                        r.get::<_, String>(3)?,
                    ))
                })?
                .collect::<rusqlite::Result<Vec<_>>>()?;
            let mut courses: Vec<Value> = Vec::new();
            for (course_id, name, assignment_id, title) in rows {
                let assignment = json!({"id": assignment_id, "title": title});
                match courses.last_mut() {
                    Some(last) if last["id"] == json!(course_id) => {
                        if let Some(list) = last["assignments"].as_array_mut() {
                            if !list.contains(&assignment) {
                                list.push(assignment);
                            }
                        }
                    }
                    _ => courses.push(json!({"id": course_id, "name": name, "concluded?": false, "assignments": [assignment]})),
                }
            }
            let page = Page::from_uri(&uri, Some(100))?;
            let total = courses.len() as i64;
            let (limit, offset) = page.limit_offset();
            let slice: Vec<Value> = courses
                .into_iter()
                .skip(offset as usize)
                .take(limit as usize)
                .collect();
            Ok((
                [(header::LINK, page.link_header(&uri, &headers, total))],
                Json(slice),
            )
                .into_response())
        })
        .await
}
