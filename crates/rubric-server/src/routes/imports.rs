//! CSV rubric import (`RubricImport`): upload, status, the imported rubrics, and the template.
use std::sync::Arc;

use axum::extract::{Multipart, OriginalUri, Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use rubric_core::csv::{parse_rubrics, CsvIssue, TEMPLATE};
use rubric_core::edit::KeyGen;
use rubric_core::forms::rubric_form;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{json, Value};

use super::rubric_service::{generate_association, save_rubric_params};
use crate::auth::{Caller, User};
use crate::context::{Context, Found, Permissions};
use crate::db::now;
use crate::error::{ApiError, ApiResult};
use crate::store;
use crate::AppState;

/// Largest CSV file accepted.
pub const UPLOAD_LIMIT: usize = 1 << 20;

/// `GET rubrics/upload_template`: Canvas's template as a CSV download.
pub async fn template(State(state): State<Arc<AppState>>, caller: Caller) -> ApiResult<Response> {
    state
        .run(move |conn, _| caller.resolve(conn)?.require())
        .await?;
    Ok((
        [
            (header::CONTENT_TYPE, "text/csv"),
            (
                header::CONTENT_DISPOSITION,
                "attachment; filename=\"import_rubric_template.csv\"; filename*=UTF-8''import_rubric_template.csv",
            ),
        ],
        TEMPLATE,
    )
        .into_response())
}

fn import_json(conn: &Connection, id: i64, user: &User) -> ApiResult<Value> {
    conn.query_row(
        "SELECT id, workflow_state, progress, error_count, error_data, context_type, context_id, user_id, filename, size, created_at, updated_at FROM rubric_imports WHERE id = ?1",
        [id],
        |r| {
            let context_type: String = r.get(5)?;
            let context_key = if context_type == "Account" { "account_id" } else { "course_id" };
            let error_data: String = r.get(4)?;
            let mut body = json!({
                "id": r.get::<_, i64>(0)?, "workflow_state": r.get::<_, String>(1)?, "progress": r.get::<_, i64>(2)?,
                "error_count": r.get::<_, i64>(3)?,
                "error_data": store::parse_column::<Value>(&error_data, 4)?,
            });
            body[context_key] = json!(r.get::<_, i64>(6)?);
            body["attachment_id"] = json!(r.get::<_, i64>(0)?);
            body["root_account_id"] = json!(1);
            body["user_id"] = json!(r.get::<_, i64>(7)?);
            body["created_at"] = json!(r.get::<_, String>(10)?);
            body["updated_at"] = json!(r.get::<_, String>(11)?);
            body["user"] = json!({"id": user.id, "name": user.name});
            body["attachment"] = json!({"id": r.get::<_, i64>(0)?, "filename": r.get::<_, String>(8)?, "size": r.get::<_, i64>(9)?});
            Ok(body)
        },
    )
    .map_err(Into::into)
}

fn not_found() -> ApiError {
    ApiError::Custom(
        StatusCode::NOT_FOUND,
        json!({"message": "ActiveRecord::RecordNotFound"}),
    )
}

/// `POST {accounts|courses}/:id/rubrics/upload` (multipart `attachment`): records the import,
/// answers with it as created, then imports each rubric as a draft bookmarked in the context.
pub async fn upload(
    State(state): State<Arc<AppState>>,
    Path((kind, id)): Path<(String, String)>,
    caller: Caller,
    mut multipart: Multipart,
) -> ApiResult<Json<Value>> {
    // Who may upload is known before the file is read.
    let (user, found) = state
        .run(move |conn, _| {
            let user = caller.resolve(conn)?.require()?;
            let found = Context::from_path(&kind, &id)?.find(conn)?;
            Permissions::require(Permissions::of(conn, user.id, &found)?.manage_rubrics())?;
            Ok((user, found))
        })
        .await?;
    let mut file: Option<(String, Vec<u8>)> = None;
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|e| ApiError::BadRequest(format!("The upload is not valid multipart data: {e}")))?
    {
        if field.name() == Some("attachment") {
            let name = field.file_name().unwrap_or("rubrics.csv").to_string();
            let bytes = field.bytes().await.map_err(|error| {
                if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
                    ApiError::TooLarge(UPLOAD_LIMIT)
                } else {
                    ApiError::BadRequest(format!("The upload could not be read: {error}"))
                }
            })?;
            file = Some((name, bytes.to_vec()));
        }
    }
    let Some((filename, bytes)) = file else {
        return Err(ApiError::Custom(
            StatusCode::BAD_REQUEST,
            json!({"message": "No file attached"}),
        ));
    };
    state
        .run(move |conn, state| {
            let stamp = now();
            // The import row and its rubrics land together or not at all: a failure leaves no import
            // that stays "created" forever.
            let tx = conn.transaction()?;
            tx.execute(
                "INSERT INTO rubric_imports (context_type, context_id, user_id, workflow_state, progress, error_count, error_data, filename, size, created_at, updated_at) VALUES (?1, ?2, ?3, 'created', 0, 0, '[]', ?4, ?5, ?6, ?6)",
                params![found.context.type_name(), found.context.id(), user.id, filename, bytes.len() as i64, stamp],
            )?;
            let import_id = tx.last_insert_rowid();
            let created = import_json(&tx, import_id, &user)?;
            run_import(&tx, state, &found, &user, import_id, &bytes)?;
            tx.commit()?;
            Ok(Json(created))
        })
        .await
}

fn run_import(
    conn: &Connection,
    state: &AppState,
    found: &Found,
    user: &User,
    import_id: i64,
    bytes: &[u8],
) -> ApiResult<()> {
    let finish = |workflow: &str, errors: &[Value], rubric_ids: &[i64]| -> ApiResult<()> {
        conn.execute(
            "UPDATE rubric_imports SET workflow_state = ?2, progress = 100, error_count = ?3, error_data = ?4, rubric_ids = ?5, updated_at = ?6 WHERE id = ?1",
            params![import_id, workflow, errors.len() as i64, json!(errors).to_string(), json!(rubric_ids).to_string(), now()],
        )?;
        Ok(())
    };
    let import = match parse_rubrics(bytes, &mut KeyGen::default()) {
        Ok(import) => import,
        Err(error) => return finish("failed", &entries(&error.issues()), &[]),
    };
    let mut rubric_ids = Vec::new();
    for doc in &import.rubrics {
        let mut form = rubric_form(doc);
        form["workflow_state"] = json!("draft");
        let form = form.as_object().cloned().unwrap_or_default();
        let row = match save_rubric_params(conn, state, found, user, None, &form, None)? {
            Ok(row) => row,
            Err(messages) => {
                return finish(
                    "failed",
                    &[json!({"message": messages.join(" ")})],
                    &rubric_ids,
                )
            }
        };
        let object = (
            found.context.type_name().to_string(),
            found.context.id(),
            found.name.clone(),
        );
        let purpose = json!({"purpose": "bookmark"});
        generate_association(
            conn,
            row.id,
            found,
            &object,
            purpose.as_object().unwrap_or(&Default::default()),
            None,
        )?;
        rubric_ids.push(row.id);
    }
    let errors = entries(&import.issues);
    let workflow = if errors.is_empty() {
        "succeeded"
    } else {
        "succeeded_with_errors"
    };
    finish(workflow, &errors, &rubric_ids)
}

fn find_import(conn: &Connection, found: &Found, id: &str) -> ApiResult<i64> {
    let clause = "context_type = ?1 AND context_id = ?2";
    let row: Option<i64> = if id == "latest" {
        conn.query_row(
            &format!("SELECT id FROM rubric_imports WHERE {clause} ORDER BY id DESC LIMIT 1"),
            params![found.context.type_name(), found.context.id()],
            |r| r.get(0),
        )
        .optional()?
    } else {
        let id: i64 = id.parse().map_err(|_| not_found())?;
        conn.query_row(
            &format!("SELECT id FROM rubric_imports WHERE {clause} AND id = ?3"),
            params![found.context.type_name(), found.context.id(), id],
            |r| r.get(0),
        )
        .optional()?
    };
    row.ok_or_else(not_found)
}

/// `GET .../rubrics/upload/:id` (or `latest`): the import's state, progress and errors.
pub async fn status(
    State(state): State<Arc<AppState>>,
    Path((kind, id, import)): Path<(String, String, String)>,
    caller: Caller,
) -> ApiResult<Json<Value>> {
    state
        .run(move |conn, _| {
            let user = caller.resolve(conn)?.require()?;
            let found = Context::from_path(&kind, &id)?.find(conn)?;
            Permissions::require(Permissions::of(conn, user.id, &found)?.manage_rubrics())?;
            let import_id = find_import(conn, &found, &import)?;
            Ok(Json(import_json(conn, import_id, &user)?))
        })
        .await
}

/// `GET .../rubrics/upload/:id/rubrics`: the rubrics an import created.
pub async fn imported(
    State(state): State<Arc<AppState>>,
    Path((kind, id, import)): Path<(String, String, String)>,
    OriginalUri(_uri): OriginalUri,
    caller: Caller,
) -> ApiResult<Json<Value>> {
    state
        .run(move |conn, _| {
            let user = caller.resolve(conn)?.require()?;
            let found = Context::from_path(&kind, &id)?.find(conn)?;
            Permissions::require(Permissions::of(conn, user.id, &found)?.manage_rubrics())?;
            let import_id = find_import(conn, &found, &import)?;
            let ids: Vec<i64> = conn.query_row(
                "SELECT rubric_ids FROM rubric_imports WHERE id = ?1",
                [import_id],
                |r| store::parse_column(&r.get::<_, String>(0)?, 0),
            )?;
            let mut rubrics = Vec::new();
            for id in ids {
                if let Some(r) = store::rubric(conn, id)? {
                    rubrics.push(json!(store::api_rubric(&r)));
                }
            }
            Ok(Json(json!(rubrics)))
        })
        .await
}

/// `error_data` entries: Canvas's `message`, with `row` and `column` where they are known.
fn entries(issues: &[CsvIssue]) -> Vec<Value> {
    issues.iter().map(|i| json!(i)).collect()
}
