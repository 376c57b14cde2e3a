//! `RubricsApiController` (index, show, used_locations) and `RubricsController` (create,
//! update, destroy), with Canvas's parsing, copy-on-write and response shapes.
use std::sync::Arc;

use axum::extract::{OriginalUri, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use rubric_core::forms::{read_rubric_form, RubricContext};
use rubric_core::ruby::cast_boolean;
use rubric_core::update::{update_effect, ScoredContent, UpdateEffect};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{json, Map, Value};

use crate::auth::{Caller, User};
use crate::body::Params;
use crate::context::{Context, Found, Permissions};
use crate::db::now;
use crate::error::{ApiError, ApiResult};
use crate::pagination::Page;
use crate::store::{self, AssociationRow, RubricRow};
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
            let caller = caller.resolve(conn)?;
            let user = caller.require()?;
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
    let associations: Vec<&String> = includes
        .iter()
        .filter(|i| i.ends_with("associations"))
        .collect();
    if associations.len() > 1 {
        let list = associations
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        return Err(error(
            "include",
            format!("cannot list multiple association includes. Multiple given: {list}"),
        ));
    }
    let assessments: Vec<&String> = includes
        .iter()
        .filter(|i| i.ends_with("assessments"))
        .collect();
    if assessments.len() > 1 {
        let list = assessments
            .iter()
            .map(|s| s.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        return Err(error(
            "include",
            format!("cannot list multiple assessment includes. Multiple given: {list}"),
        ));
    }
    if style.is_some() && assessments.is_empty() {
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
            let caller = caller.resolve(conn)?;
            let user = caller.require()?;
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
            let caller = caller.resolve(conn)?;
            let user = caller.require()?;
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

/// The object a `rubric_association` names (`Course`, `Assignment` or `Account`), if it exists.
pub fn association_object(
    conn: &Connection,
    params: &Map<String, Value>,
) -> ApiResult<Option<(String, i64, String)>> {
    let kind = params
        .get("association_type")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let id = match params.get("association_id") {
        Some(Value::String(s)) => s.trim().parse::<i64>().ok(),
        Some(Value::Number(n)) => n.as_i64(),
        _ => None,
    };
    let Some(id) = id else { return Ok(None) };
    let table = match kind {
        "Course" => "SELECT name FROM courses WHERE id = ?1",
        "Assignment" => "SELECT title FROM assignments WHERE id = ?1",
        "Account" => "SELECT name FROM accounts WHERE id = ?1",
        _ => return Ok(None),
    };
    let name: Option<String> = conn.query_row(table, [id], |r| r.get(0)).optional()?;
    Ok(name.map(|n| (kind.to_string(), id, n)))
}

/// `RubricAssociation.generate` + `update(params)`: finds or creates the association of the rubric
/// with the object in this context and applies the parameters with Canvas's casts.
pub fn generate_association(
    conn: &Connection,
    rubric_id: i64,
    found: &Found,
    object: &(String, i64, String),
    params: &Map<String, Value>,
    existing: Option<AssociationRow>,
) -> ApiResult<AssociationRow> {
    let stamp = now();
    let reuse = existing.filter(|a| a.association_type == object.0 && a.association_id == object.1);
    let reuse = match reuse {
        Some(a) => Some(a),
        None => store::associations_where(
            conn,
            "rubric_id = ?1 AND association_type = ?2 AND association_id = ?3 AND context_type = ?4 AND context_id = ?5",
            params![rubric_id, object.0, object.1, found.context.type_name(), found.context.id()],
        )?
        .into_iter()
        .next(),
    };
    let flag = |key: &str| params.get(key).and_then(cast_boolean);
    let purpose = params
        .get("purpose")
        .and_then(Value::as_str)
        .map(str::to_string);
    let mut association = reuse.unwrap_or_else(|| AssociationRow {
        id: 0,
        rubric_id,
        association_type: object.0.clone(),
        association_id: object.1,
        context_type: found.context.type_name().into(),
        context_id: found.context.id(),
        use_for_grading: params.get("use_for_grading").and_then(Value::as_str) == Some("1"),
        title: Some(object.2.clone()),
        purpose: purpose.clone().unwrap_or_else(|| "unknown".into()),
        hide_score_total: false,
        // Canvas's column defaults to true: every association, a grading one included,
        // bookmarks the rubric in its context (so `GET courses/:id/rubrics/:id` finds it).
        bookmarked: true,
        hide_points: false,
        hide_outcome_results: false,
        workflow_state: "active".into(),
        created_at: stamp.clone(),
        updated_at: stamp.clone(),
    });
    association.rubric_id = rubric_id;
    association.updated_at = stamp;
    if let Some(p) = purpose {
        association.bookmarked = p == "bookmark" || association.bookmarked;
        association.purpose = p;
    }
    if let Some(title) = params.get("title").and_then(Value::as_str) {
        association.title = Some(title.to_string());
    }
    if let Some(v) = flag("use_for_grading") {
        association.use_for_grading = v;
    }
    if let Some(v) = flag("hide_score_total") {
        association.hide_score_total = v;
    }
    if let Some(v) = flag("hide_points") {
        association.hide_points = v;
    }
    if let Some(v) = flag("hide_outcome_results") {
        association.hide_outcome_results = v;
    }
    if let Some(v) = flag("bookmarked") {
        association.bookmarked = v;
    }
    if params.get("hide_points").and_then(Value::as_str) == Some("1") {
        association.use_for_grading = false;
        association.hide_score_total = false;
    }
    association.id = store::save_association(conn, &association)?;
    if association.association_type == "Assignment" && association.purpose == "grading" {
        conn.execute(
            "DELETE FROM rubric_associations WHERE association_type = 'Assignment' AND association_id = ?1 AND purpose = 'grading' AND id != ?2",
            params![association.association_id, association.id],
        )?;
    }
    Ok(association)
}

/// Appends " (n)" while another live rubric in the context has this title.
fn unique_title(conn: &Connection, rubric: &RubricRow) -> ApiResult<String> {
    let taken = |title: &str| -> ApiResult<bool> {
        Ok(conn
            .query_row(
                "SELECT 1 FROM rubrics WHERE context_type = ?1 AND context_id = ?2 AND title = ?3 AND id != ?4 AND workflow_state != 'deleted'",
                params![rubric.context_type, rubric.context_id, title, rubric.id],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    };
    let mut title = rubric.title.clone();
    let mut counter = 0;
    while taken(&title)? {
        counter += 1;
        title = format!("{} ({counter})", rubric.title);
    }
    Ok(title)
}

/// Saves `rubric[...]` into a rubric (new when `existing` is None) inside the caller's
/// transaction. Returns the row, or Canvas's `{"error":true,"messages":[...]}` for an invalid one.
pub fn save_rubric_params(
    conn: &Connection,
    state: &AppState,
    found: &Found,
    user: &User,
    existing: Option<RubricRow>,
    rubric_params: &Map<String, Value>,
    association_hide_score_total: Option<bool>,
) -> ApiResult<Result<RubricRow, Vec<String>>> {
    let stamp = now();
    let mut row = existing.unwrap_or_else(|| RubricRow {
        id: 0,
        user_id: Some(user.id),
        rubric_id: None,
        context_type: found.context.type_name().into(),
        context_id: found.context.id(),
        title: String::new(),
        data: Vec::new(),
        points_possible: 0.0,
        reusable: false,
        public: false,
        read_only: false,
        free_form_criterion_comments: false,
        hide_score_total: None,
        hide_points: false,
        workflow_state: "active".into(),
        created_at: stamp.clone(),
        updated_at: stamp.clone(),
    });
    if row.id == 0 {
        row.id = store::save_rubric(conn, &row)?;
    }
    let id_prefix = row.rubric_id.unwrap_or(row.id) as u64;
    let mut random = || state.random();
    let no_outcomes = |_: u64| None;
    let input = read_rubric_form(
        rubric_params,
        &mut RubricContext {
            context_name: &found.name,
            rubric_id: id_prefix,
            random: &mut random,
            outcome: &no_outcomes,
        },
    )?;
    if let Some(free_form) = input.free_form_criterion_comments {
        row.free_form_criterion_comments = free_form;
    }
    let hide_score_total = input.hide_score_total.or(association_hide_score_total);
    if row.hide_score_total.is_none() || store::grading_count(conn, row.id)? < 2 {
        if let Some(hide) = hide_score_total {
            row.hide_score_total = Some(hide);
        }
    }
    row.title = input.title;
    row.data = input.criteria;
    row.points_possible = input.points_possible;
    row.hide_points = input.hide_points;
    if let Some(state) = input.workflow_state {
        row.workflow_state = state;
    }
    row.updated_at = stamp;
    row.title = unique_title(conn, &row)?;
    if row.title.chars().count() > rubric_core::validate::TITLE_MAX_CHARS {
        return Ok(Err(vec![
            "Title is too long (maximum is 255 characters)".into()
        ]));
    }
    store::save_rubric(conn, &row)?;
    Ok(Ok(row))
}

/// `POST courses/:course_id/rubrics` (Canvas's create simply calls update).
pub async fn create(
    State(state): State<Arc<AppState>>,
    Path((kind, id)): Path<(String, String)>,
    caller: Caller,
    params: Params,
) -> ApiResult<Response> {
    save(state, kind, id, None, caller, params).await
}

/// `PUT courses/:course_id/rubrics/:id`: a full replacement; copies the rubric when it is used
/// for grading in two or more places.
pub async fn update(
    State(state): State<Arc<AppState>>,
    Path((kind, id, rubric_id)): Path<(String, String, String)>,
    caller: Caller,
    params: Params,
) -> ApiResult<Response> {
    save(state, kind, id, Some(rubric_id), caller, params).await
}

async fn save(
    state: Arc<AppState>,
    kind: String,
    id: String,
    rubric_id: Option<String>,
    caller: Caller,
    params: Params,
) -> ApiResult<Response> {
    if kind != "courses" {
        return Err(ApiError::NotFound);
    }
    state
        .run(move |conn, state| {
            let caller = caller.resolve(conn)?;
            let found = Context::from_path(&kind, &id)?.find(conn)?;
            let user = caller.require()?;
            let association_params = params.hash("rubric_association")?;
            let object = association_object(conn, &association_params)?;
            Permissions::require(Permissions::of(conn, user.id, &found)?.manage_rubrics())?;
            let tx = conn.transaction()?;
            let association = match params
                .text("rubric_association_id")
                .and_then(|a| a.parse::<i64>().ok())
            {
                Some(aid) => store::associations_where(
                    &tx,
                    "id = ?1 AND context_type = ?2 AND context_id = ?3",
                    params![aid, found.context.type_name(), found.context.id()],
                )?
                .into_iter()
                .next(),
                None => None,
            };
            let skip_points = params
                .text("skip_updating_points_possible")
                .is_some_and(|s| s.to_lowercase().contains("true"));
            let wanted: Option<i64> = rubric_id.as_deref().and_then(|r| r.parse().ok());
            let mut rubric = match (&association, wanted) {
                (Some(a), Some(w)) if a.rubric_id == w => store::rubric(&tx, w)?,
                (_, Some(w)) => store::rubric(&tx, w)?.filter(|r| {
                    r.context_type == "Course"
                        && r.context_id == found.context.id()
                        && r.workflow_state != "deleted"
                }),
                _ => None,
            };
            let Some(Value::Object(rubric_params)) = params.0.get("rubric") else {
                if params.0.get("rubric").is_some_and(|v| !v.is_null()) {
                    return Err(ApiError::BadRequest(
                        "rubric must be a hash (rubric[title]=...)".into(),
                    ));
                }
                let mut unsaved = json!({"id": null, "user_id": user.id, "context_id": found.context.id(), "context_type": "Course", "data": null, "points_possible": null, "title": null, "workflow_state": "active"});
                if let Some(r) = &rubric {
                    unsaved = store::full_rubric(&tx, r, true)?;
                }
                return Ok(Json(json!({"rubric": unsaved})).into_response());
            };
            // Copy-on-write: a change to a rubric that grades in two or more places makes a new rubric.
            if let Some(existing) = &rubric {
                let grading_uses = usize::try_from(store::grading_count(&tx, existing.id)?).unwrap_or(0);
                let stored = ScoredContent::of_criteria(&existing.title, &existing.data);
                let update = ScoredContent::of_params(rubric_params);
                if update_effect(&stored, &update, existing.read_only, grading_uses) == UpdateEffect::Copy {
                    let mut copy = existing.clone();
                    copy.id = 0;
                    copy.rubric_id = Some(existing.id);
                    copy.read_only = false;
                    copy.user_id = Some(user.id);
                    copy.created_at = now();
                    copy.id = store::save_rubric(&tx, &copy)?;
                    if let Some(a) = &association {
                        tx.execute(
                            "UPDATE rubric_associations SET rubric_id = ?1 WHERE id = ?2",
                            params![copy.id, a.id],
                        )?;
                    }
                    rubric = Some(copy);
                }
            }
            let hide = association_params
                .get("hide_score_total")
                .and_then(cast_boolean);
            let saved = match save_rubric_params(&tx, state, &found, &user, rubric, rubric_params, hide)? {
                Ok(row) => row,
                Err(messages) => {
                    return Ok(Json(json!({"error": true, "messages": messages})).into_response())
                }
            };
            let association = match &object {
                Some(object) => {
                    let a = generate_association(
                        &tx,
                        saved.id,
                        &found,
                        object,
                        &association_params,
                        association,
                    )?;
                    if a.use_for_grading && a.association_type == "Assignment" && !skip_points {
                        tx.execute(
                            "UPDATE assignments SET points_possible = ?1 WHERE id = ?2",
                            params![saved.points_possible, a.association_id],
                        )?;
                    }
                    Some(a)
                }
                None => association,
            };
            let mut body = json!({ "rubric": store::full_rubric(&tx, &saved, true)? });
            if let Some(a) = &association {
                let mut a_json = store::full_association(a);
                a_json["assessment_requests"] = json!([]);
                a_json["skip_updating_points_possible"] = json!(skip_points);
                body["rubric_association"] = a_json;
            }
            tx.commit()?;
            Ok(Json(body).into_response())
        })
        .await
}

/// `DELETE courses/:course_id/rubrics/:id`: removes the rubric's associations in this course and
/// soft-deletes it when no bookmark remains anywhere; answers `{"rubric":{...}}`.
pub async fn destroy(
    State(state): State<Arc<AppState>>,
    Path((kind, id, rubric_id)): Path<(String, String, String)>,
    caller: Caller,
) -> ApiResult<Json<Value>> {
    state
        .run(move |conn, _| {
            let caller = caller.resolve(conn)?;
            let found = Context::from_path(&kind, &id)?.find(conn)?;
            let user = caller.require()?;
            let rubric_id: i64 = rubric_id.parse().map_err(|_| ApiError::NotFound)?;
            let in_context = store::associations_where(
                conn,
                "rubric_id = ?1 AND context_type = ?2 AND context_id = ?3",
                params![rubric_id, found.context.type_name(), found.context.id()],
            )?;
            if in_context.is_empty() {
                return Err(ApiError::NotFound);
            }
            Permissions::require(Permissions::of(conn, user.id, &found)?.manage_rubrics())?;
            let tx = conn.transaction()?;
            destroy_for(&tx, rubric_id, &found)?;
            let rubric = store::rubric(&tx, rubric_id)?.ok_or(ApiError::NotFound)?;
            let body = json!({ "rubric": store::full_rubric(&tx, &rubric, true)? });
            tx.commit()?;
            Ok(Json(body))
        })
        .await
}

/// Canvas's `Rubric#destroy_for`: removes the rubric's associations in `found`'s context, then
/// soft-deletes the rubric when no bookmarked association remains anywhere.
pub fn destroy_for(conn: &Connection, rubric_id: i64, found: &Found) -> ApiResult<()> {
    conn.execute(
        "UPDATE rubric_associations SET workflow_state = 'deleted', updated_at = ?4 WHERE rubric_id = ?1 AND context_type = ?2 AND context_id = ?3",
        params![rubric_id, found.context.type_name(), found.context.id(), now()],
    )?;
    if store::associations_where(conn, "rubric_id = ?1 AND bookmarked = 1", [rubric_id])?.is_empty()
    {
        if let Some(mut rubric) = store::rubric(conn, rubric_id)? {
            rubric.workflow_state = "deleted".into();
            rubric.updated_at = now();
            store::save_rubric(conn, &rubric)?;
        }
    }
    Ok(())
}
