//! `GET courses/:course_id/assignments`: the assignments a rubric can be attached to (a subset
//! of Canvas's assignment JSON: `id`, `name`, `points_possible`, `course_id`), paginated.
use std::sync::Arc;

use axum::extract::{OriginalUri, Path, State};
use axum::http::{header, HeaderMap};
use axum::response::{IntoResponse, Response};
use axum::Json;
use rusqlite::params;
use serde_json::{json, Value};

use crate::auth::Caller;
use crate::context::{Context, Permissions};
use crate::error::ApiResult;
use crate::pagination::Page;
use crate::AppState;

/// Lists the course's assignments by id for anyone who can read the course.
pub async fn index(
    State(state): State<Arc<AppState>>,
    Path(course): Path<String>,
    OriginalUri(uri): OriginalUri,
    headers: HeaderMap,
    caller: Caller,
) -> ApiResult<Response> {
    state
        .run(move |conn, _| {
            let user = caller.resolve(conn)?.require()?;
            let found = Context::from_path("courses", &course)?.find(conn)?;
            Permissions::require(Permissions::of(conn, user.id, &found)?.read())?;
            let page = Page::from_uri(&uri, None)?;
            let id = found.context.id();
            let total: i64 = conn.query_row(
                "SELECT COUNT(*) FROM assignments WHERE course_id = ?1",
                [id],
                |r| r.get(0),
            )?;
            let (limit, offset) = page.limit_offset();
            let mut statement = conn.prepare(
                "SELECT id, title, points_possible FROM assignments WHERE course_id = ?1 ORDER BY id LIMIT ?2 OFFSET ?3",
            )?;
            let body = statement
                .query_map(params![id, limit, offset], |r| {
                    Ok(json!({
                        "id": r.get::<_, i64>(0)?,
                        "name": r.get::<_, String>(1)?,
                        "points_possible": r.get::<_, Option<f64>>(2)?,
                        "course_id": id,
                    }))
                })?
                .collect::<Result<Vec<Value>, _>>()?;
            Ok((
                [(header::LINK, page.link_header(&uri, &headers, total))],
                Json(body),
            )
                .into_response())
        })
        .await
}
