//! `GET accounts/:id`, `GET courses/:id` and `GET {accounts|courses}/:id/permissions`: what the
//! editors need to name where a scale comes from and to know whether they may edit.
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::Json;
use rusqlite::OptionalExtension;
use serde_json::{json, Map, Value};

use crate::auth::Caller;
use crate::body::Params;
use crate::context::{account_chain, Context, Permissions};
use crate::error::{ApiError, ApiResult};
use crate::AppState;

/// `GET accounts/:id`.
pub async fn show_account(
    state: State<Arc<AppState>>,
    Path(id): Path<String>,
    caller: Caller,
) -> ApiResult<Json<Value>> {
    show(state, "accounts", id, caller).await
}

/// `GET courses/:id`.
pub async fn show_course(
    state: State<Arc<AppState>>,
    Path(id): Path<String>,
    caller: Caller,
) -> ApiResult<Json<Value>> {
    show(state, "courses", id, caller).await
}

/// The context as Canvas's accounts and courses APIs show it (readers of the context only).
async fn show(
    State(state): State<Arc<AppState>>,
    kind: &'static str,
    id: String,
    caller: Caller,
) -> ApiResult<Json<Value>> {
    state
        .run(move |conn, _| {
            let caller = caller.resolve(conn)?;
            let found = Context::from_path(kind, &id)?.find(conn)?;
            let user = caller.require()?;
            Permissions::require(Permissions::of(conn, user.id, &found)?.read())?;
            let root = *account_chain(conn, found.account_id)?
                .last()
                .unwrap_or(&found.account_id);
            Ok(Json(match found.context {
                Context::Account(id) => {
                    let parent: Option<i64> = conn
                        .query_row("SELECT parent_id FROM accounts WHERE id = ?1", [id], |r| {
                            r.get(0)
                        })
                        .optional()?
                        .flatten();
                    json!({"id": id, "name": found.name, "parent_account_id": parent, "root_account_id": if parent.is_some() { Some(root) } else { None }, "workflow_state": "active"})
                }
                Context::Course(id) => {
                    json!({"id": id, "name": found.name, "account_id": found.account_id, "root_account_id": root, "workflow_state": "available"})
                }
            }))
        })
        .await
}

/// `GET {accounts|courses}/:id/permissions?permissions[]=...`: each asked permission as a bool.
pub async fn permissions(
    State(state): State<Arc<AppState>>,
    Path((kind, id)): Path<(String, String)>,
    caller: Caller,
    params: Params,
) -> ApiResult<Json<Map<String, Value>>> {
    state
        .run(move |conn, _| {
            let caller = caller.resolve(conn)?;
            let found = Context::from_path(&kind, &id)?.find(conn)?;
            let user = caller.require()?;
            let rights = Permissions::of(conn, user.id, &found)?;
            let asked: Vec<String> = match params.0.get("permissions") {
                Some(Value::Array(items)) => items
                    .iter()
                    .filter_map(|v| v.as_str().map(str::to_string))
                    .collect(),
                Some(Value::String(s)) => vec![s.clone()],
                None => Vec::new(),
                Some(_) => {
                    return Err(ApiError::BadRequest(
                        "permissions must be a list (permissions[]=name)".into(),
                    ))
                }
            };
            Ok(Json(
                asked
                    .into_iter()
                    .map(|name| {
                        let allowed = match name.as_str() {
                            "manage_proficiency_scales" => rights.manage_proficiency_scales(),
                            "manage_rubrics" => rights.manage_rubrics(),
                            "manage_grades" => rights.manage_grades(),
                            "read" => rights.read(),
                            _ => false,
                        };
                        (name, Value::Bool(allowed))
                    })
                    .collect(),
            ))
        })
        .await
}
