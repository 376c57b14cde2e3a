//! `RubricsController`: create, update (copying a rubric in use where Canvas does) and delete.
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::response::{IntoResponse, Response};
use axum::Json;
use rubric_core::ruby::cast_boolean;
use rubric_core::update::{update_effect, ScoredContent, UpdateEffect};
use rusqlite::params;
use serde_json::{json, Value};

use crate::auth::Caller;
use crate::body::Params;
use crate::context::{Context, Permissions};
use crate::error::{ApiError, ApiResult};
use crate::store::{self};
use crate::AppState;

use super::rubric_service::{
    association_object, copy_rubric, destroy_for, generate_association, save_rubric_params,
    skips_points_update, update_assignment_points,
};

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
            let skip_points = skips_points_update(&params);
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
                    let copy = copy_rubric(&tx, existing, existing.context_id, &user)?;
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
                    update_assignment_points(&tx, &a, saved.points_possible, skip_points)?;
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
