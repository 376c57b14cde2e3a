//! `RubricAssociationsController`: attach a rubric to an assignment, the course or an account.
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::Json;
use rusqlite::params;
use serde_json::{json, Value};

use super::rubric_service::{
    association_object, copy_rubric, destroy_for, generate_association, skips_points_update,
    update_assignment_points,
};
use crate::auth::Caller;
use crate::body::Params;
use crate::context::{Context, Found, Permissions};
use crate::db::now;
use crate::error::{ApiError, ApiResult};
use crate::store::{self, AssociationRow};
use crate::AppState;

fn response(conn: &rusqlite::Connection, association: &AssociationRow) -> ApiResult<Value> {
    let rubric = store::rubric(conn, association.rubric_id)?.ok_or(ApiError::NotFound)?;
    let mut a = store::full_association(association);
    a["rubric_assessments"] = json!([]);
    a["assessment_requests"] = json!([]);
    Ok(json!({"rubric": store::full_rubric(conn, &rubric, true)?, "rubric_association": a}))
}

fn in_context(conn: &rusqlite::Connection, found: &Found, id: &str) -> ApiResult<AssociationRow> {
    let id: i64 = id.parse().map_err(|_| ApiError::NotFound)?;
    store::associations_where(
        conn,
        "id = ?1 AND context_type = ?2 AND context_id = ?3",
        params![id, found.context.type_name(), found.context.id()],
    )?
    .into_iter()
    .next()
    .ok_or(ApiError::NotFound)
}

/// `POST courses/:course_id/rubric_associations`. A rubric from another course is copied into
/// this one first; account rubrics are used as they are.
pub async fn create(
    State(state): State<Arc<AppState>>,
    Path(course): Path<String>,
    caller: Caller,
    params: Params,
) -> ApiResult<Json<Value>> {
    state
        .run(move |conn, _| {
            let caller = caller.resolve(conn)?;
            let found = Context::from_path("courses", &course)?.find(conn)?;
            let user = caller.require()?;
            Permissions::require(Permissions::of(conn, user.id, &found)?.manage_rubrics())?;
            let fields = params.hash("rubric_association")?;
            let rubric_id = match fields.get("rubric_id") {
                Some(Value::String(s)) => s.trim().parse::<i64>().ok(),
                Some(Value::Number(n)) => n.as_i64(),
                _ => None,
            }
            .ok_or_else(|| ApiError::BadRequest("rubric_association[rubric_id] is missing".into()))?;
            let mut rubric = store::rubric(conn, rubric_id)?
                .filter(|r| r.workflow_state != "deleted")
                .ok_or(ApiError::NotFound)?;
            let object = association_object(conn, &fields)?.ok_or_else(|| {
                ApiError::BadRequest(
                    "rubric_association[association_type] and [association_id] must name an existing Assignment, Course or Account".into(),
                )
            })?;
            let tx = conn.transaction()?;
            if rubric.context_type == "Course" && rubric.context_id != found.context.id() {
                rubric = copy_rubric(&tx, &rubric, found.context.id(), &user)?;
            }
            let association = generate_association(&tx, rubric.id, &found, &object, &fields, None)?;
            update_assignment_points(
                &tx,
                &association,
                rubric.points_possible,
                skips_points_update(&params),
            )?;
            let body = response(&tx, &association)?;
            tx.commit()?;
            Ok(Json(body))
        })
        .await
}

/// `PUT courses/:course_id/rubric_associations/:id`.
pub async fn update(
    State(state): State<Arc<AppState>>,
    Path((course, id)): Path<(String, String)>,
    caller: Caller,
    params: Params,
) -> ApiResult<Json<Value>> {
    state
        .run(move |conn, _| {
            let caller = caller.resolve(conn)?;
            let found = Context::from_path("courses", &course)?.find(conn)?;
            let user = caller.require()?;
            let existing = in_context(conn, &found, &id)?;
            Permissions::require(Permissions::of(conn, user.id, &found)?.manage_rubrics())?;
            let fields = params.hash("rubric_association")?;
            let object = association_object(conn, &fields)?.unwrap_or((
                existing.association_type.clone(),
                existing.association_id,
                existing.title.clone().unwrap_or_default(),
            ));
            let tx = conn.transaction()?;
            let association = generate_association(
                &tx,
                existing.rubric_id,
                &found,
                &object,
                &fields,
                Some(existing),
            )?;
            let body = response(&tx, &association)?;
            tx.commit()?;
            Ok(Json(body))
        })
        .await
}

/// `DELETE courses/:course_id/rubric_associations/:id`; the rubric goes too when this was its
/// last grading association in the course and no bookmark remains.
pub async fn destroy(
    State(state): State<Arc<AppState>>,
    Path((course, id)): Path<(String, String)>,
    caller: Caller,
) -> ApiResult<Json<Value>> {
    state
        .run(move |conn, _| {
            let caller = caller.resolve(conn)?;
            let found = Context::from_path("courses", &course)?.find(conn)?;
            let user = caller.require()?;
            let mut association = in_context(conn, &found, &id)?;
            Permissions::require(Permissions::of(conn, user.id, &found)?.manage_rubrics())?;
            let tx = conn.transaction()?;
            association.workflow_state = "deleted".into();
            association.updated_at = now();
            store::save_association(&tx, &association)?;
            // Canvas: with no grading use left in this context and no bookmark association anywhere,
            // the rubric leaves the context (`destroy_for`).
            let grading_left = store::associations_where(
                &tx,
                "rubric_id = ?1 AND context_type = ?2 AND context_id = ?3 AND purpose = 'grading'",
                params![
                    association.rubric_id,
                    found.context.type_name(),
                    found.context.id()
                ],
            )?;
            let bookmarks = store::associations_where(
                &tx,
                "rubric_id = ?1 AND purpose = 'bookmark'",
                [association.rubric_id],
            )?;
            if grading_left.is_empty() && bookmarks.is_empty() {
                destroy_for(&tx, association.rubric_id, &found)?;
            }
            let body = json!({"rubric_association": store::full_association(&association)});
            tx.commit()?;
            Ok(Json(body))
        })
        .await
}
