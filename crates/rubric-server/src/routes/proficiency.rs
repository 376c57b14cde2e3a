//! `OutcomeProficiencyApiController`: `GET`/`POST {accounts|courses}/:id/outcome_proficiency`.
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use rubric_core::forms::read_proficiency_form;
use rubric_core::{Proficiency, ProficiencyRating};
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::json;

use crate::auth::Caller;
use crate::body::Params;
use crate::context::{account_chain, Context, Permissions};
use crate::error::{ApiError, ApiResult};
use crate::AppState;

/// The context's own proficiency and its state, if it has one.
fn own(conn: &Connection, context: Context) -> ApiResult<Option<(Proficiency, String)>> {
    let row: Option<(Vec<ProficiencyRating>, String)> = conn
        .query_row(
            "SELECT ratings, workflow_state FROM proficiencies WHERE context_type = ?1 AND context_id = ?2",
            params![context.type_name(), context.id()],
            |r| Ok((crate::store::parse_column(&r.get::<_, String>(0)?, 0)?, r.get(1)?)),
        )
        .optional()?;
    Ok(row.map(|(ratings, state)| (Proficiency { ratings }, state)))
}

fn store(conn: &Connection, context: Context, scale: &Proficiency) -> ApiResult<()> {
    let ratings =
        serde_json::to_string(&scale.ratings).map_err(|e| ApiError::Internal(e.to_string()))?;
    conn.execute(
        "INSERT INTO proficiencies (context_type, context_id, workflow_state, ratings) VALUES (?1, ?2, 'active', ?3)
         ON CONFLICT (context_type, context_id) DO UPDATE SET workflow_state = 'active', ratings = excluded.ratings",
        params![context.type_name(), context.id(), ratings],
    )?;
    Ok(())
}

/// Canvas's `resolved_outcome_proficiency`: the context's own active scale, else the nearest
/// ancestor account's; on the root, the default scale is created when the setting is on.
fn resolve(
    conn: &Connection,
    context: Context,
    account_id: i64,
    create_default: bool,
) -> ApiResult<Option<Proficiency>> {
    if let Context::Course(_) = context {
        if let Some((scale, state)) = own(conn, context)? {
            if state == "active" {
                return Ok(Some(scale));
            }
        }
    }
    let chain = account_chain(conn, account_id)?;
    for account in &chain {
        if let Some((scale, state)) = own(conn, Context::Account(*account))? {
            if state == "active" {
                return Ok(Some(scale));
            }
        }
    }
    if !create_default {
        return Ok(None);
    }
    let root = *chain.last().unwrap_or(&account_id);
    let scale = Proficiency::canvas_default();
    store(conn, Context::Account(root), &scale)?;
    Ok(Some(scale))
}

/// `GET .../outcome_proficiency`.
pub async fn show(
    State(state): State<Arc<AppState>>,
    Path((kind, id)): Path<(String, String)>,
    caller: Caller,
) -> ApiResult<Json<Proficiency>> {
    state
        .run(move |conn, state| {
            let caller = caller.resolve(conn)?;
            let found = Context::from_path(&kind, &id)?.find(conn)?;
            let user = caller.require()?;
            Permissions::require(Permissions::of(conn, user.id, &found)?.read())?;
            resolve(conn, found.context, found.account_id, state.default_scale)?
                .map(Json)
                .ok_or_else(|| {
                    ApiError::Custom(
                        StatusCode::NOT_FOUND,
                        json!({"message": "ActiveRecord::RecordNotFound"}),
                    )
                })
        })
        .await
}

/// `POST .../outcome_proficiency`: create or replace by position, validated with the core
/// rules; a failure changes nothing.
pub async fn create(
    State(state): State<Arc<AppState>>,
    Path((kind, id)): Path<(String, String)>,
    caller: Caller,
    params: Params,
) -> ApiResult<Json<Proficiency>> {
    state
        .run(move |conn, _| {
            let caller = caller.resolve(conn)?;
            let found = Context::from_path(&kind, &id)?.find(conn)?;
            let user = caller.require()?;
            Permissions::require(
                Permissions::of(conn, user.id, &found)?.manage_proficiency_scales(),
            )?;
            let existing = own(conn, found.context)?
                .map(|(scale, _)| scale.ratings)
                .unwrap_or_default();
            let doc = read_proficiency_form(&params.0, &existing)?;
            let scale = doc.to_proficiency().map_err(|issues| {
                ApiError::Invalid(
                    issues
                        .iter()
                        .map(|i| i.canvas_proficiency_error())
                        .collect(),
                )
            })?;
            let tx = conn.transaction()?;
            store(&tx, found.context, &scale)?;
            tx.commit()?;
            Ok(Json(scale))
        })
        .await
}
