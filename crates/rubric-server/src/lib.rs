//! A local Canvas-compatible API server: the `outcome_proficiency`, `rubrics`,
//! `rubric_associations` and `rubric_assessments` endpoints over SQLite, answering as Canvas's
//! own code does, and the built editor served beside them.
#![forbid(unsafe_code)]

pub mod auth;
pub mod body;
pub mod context;
pub mod db;
pub mod error;
pub mod pagination;
pub mod routes;
pub mod seed;
pub mod store;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use axum::extract::{DefaultBodyLimit, Request};
use axum::middleware::{self, Next};
use axum::response::Response;
use axum::routing::{get, post, put};
use axum::Router;

use crate::db::Db;
use crate::error::{ApiError, ApiResult};
use crate::routes::{
    assessments, assignments, associations, contexts, imports, proficiency, rubrics, rubrics_api,
};

/// Shared state of the running server.
pub struct AppState {
    /// The database.
    pub db: Db,
    /// Whether a GET with no scale anywhere creates Canvas's default on the root account.
    pub default_scale: bool,
    random: Mutex<u64>,
}

impl AppState {
    /// State over an opened database.
    pub fn new(db: Db, default_scale: bool) -> Self {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0x9E37_79B9, |d| d.as_nanos() as u64)
            | 1;
        AppState {
            db,
            default_scale,
            random: Mutex::new(seed),
        }
    }

    /// Runs one request's database work on tokio's blocking pool, off the async workers, with
    /// the connection to itself: a slow statement never stalls other connections' I/O.
    pub async fn run<T, F>(self: &Arc<Self>, work: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut rusqlite::Connection, &AppState) -> ApiResult<T> + Send + 'static,
    {
        let state = self.clone();
        tokio::task::spawn_blocking(move || work(&mut state.db.lock(), &state))
            .await
            .map_err(|error| ApiError::Internal(format!("the database task failed: {error}")))?
    }

    /// A random number below 10 000 (Canvas's `rand(10000)` for generated ids).
    pub fn random(&self) -> u32 {
        let mut state = self.random.lock().unwrap_or_else(|p| p.into_inner());
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        (*state % 10_000) as u32
    }
}

/// The server's configuration (the command line).
#[derive(Clone, Debug)]
pub struct Config {
    /// Where to listen.
    pub addr: SocketAddr,
    /// SQLite file, or `:memory:`.
    pub db: String,
    /// Seed the demo data into an empty database.
    pub demo: bool,
    /// Serve the built editor from this directory.
    pub dist: Option<PathBuf>,
    /// Create Canvas's default scale on the root account when none exists.
    pub default_scale: bool,
}

async fn log_request(request: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let response = next.run(request).await;
    println!(
        "{method} {path} {} {:.1}ms",
        response.status().as_u16(),
        started.elapsed().as_secs_f64() * 1000.0
    );
    response
}

/// Canvas renders JSON with `escape_html_entities_in_json`: `<`, `>` and `&` as `\u003c`,
/// `\u003e`, `\u0026`. Those bytes only occur inside JSON strings, so a byte rewrite is exact.
async fn escape_html_in_json(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    let is_json = response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !is_json {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, usize::MAX).await else {
        return Response::from_parts(parts, axum::body::Body::empty());
    };
    let mut out = Vec::with_capacity(bytes.len());
    for &b in bytes.iter() {
        match b {
            b'<' => out.extend_from_slice(b"\\u003c"),
            b'>' => out.extend_from_slice(b"\\u003e"),
            b'&' => out.extend_from_slice(b"\\u0026"),
            other => out.push(other),
        }
    }
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    Response::from_parts(parts, axum::body::Body::from(out))
}

/// The API routes and, when `dist` is given, the editor's static files.
pub fn router(state: Arc<AppState>, dist: Option<PathBuf>) -> Router {
    let api = Router::new()
        .route("/api/v1/accounts/{id}", get(contexts::show_account))
        .route("/api/v1/courses/{id}", get(contexts::show_course))
        .route("/api/v1/courses/{id}/assignments", get(assignments::index))
        .route(
            "/api/v1/{kind}/{id}/permissions",
            get(contexts::permissions),
        )
        .route(
            "/api/v1/{kind}/{id}/outcome_proficiency",
            get(proficiency::show).post(proficiency::create),
        )
        .route("/api/v1/rubrics/upload_template", get(imports::template))
        .route(
            "/api/v1/{kind}/{id}/rubrics",
            get(rubrics_api::index).post(rubrics::create),
        )
        .route(
            "/api/v1/{kind}/{id}/rubrics/upload",
            post(imports::upload).layer(DefaultBodyLimit::max(imports::UPLOAD_LIMIT)),
        )
        .route(
            "/api/v1/{kind}/{id}/rubrics/upload/{import}",
            get(imports::status),
        )
        .route(
            "/api/v1/{kind}/{id}/rubrics/upload/{import}/rubrics",
            get(imports::imported),
        )
        .route(
            "/api/v1/{kind}/{id}/rubrics/{rubric}",
            get(rubrics_api::show)
                .put(rubrics::update)
                .delete(rubrics::destroy),
        )
        .route(
            "/api/v1/{kind}/{id}/rubrics/{rubric}/used_locations",
            get(rubrics_api::used_locations),
        )
        .route(
            "/api/v1/courses/{course}/rubric_associations",
            post(associations::create),
        )
        .route(
            "/api/v1/courses/{course}/rubric_associations/{id}",
            put(associations::update).delete(associations::destroy),
        )
        .route(
            "/api/v1/courses/{course}/rubric_associations/{association}/rubric_assessments",
            post(assessments::create),
        )
        .route(
            "/api/v1/courses/{course}/rubric_associations/{association}/rubric_assessments/{id}",
            put(assessments::update).delete(assessments::destroy),
        )
        .with_state(state)
        .layer(middleware::from_fn(escape_html_in_json));
    let app = match dist {
        Some(dir) => api.fallback_service(tower_http::services::ServeDir::new(dir)),
        None => api,
    };
    app.layer(middleware::from_fn(log_request))
}

/// Opens the database, seeds it if asked, binds and serves until the process ends.
pub async fn run(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    let state = Arc::new(AppState::new(Db::open(&config.db)?, config.default_scale));
    if config.demo {
        let mut conn = state.db.lock();
        if seed::is_empty(&conn)? {
            let tx = conn.transaction()?;
            seed::seed(&tx, &state).map_err(|e| format!("seeding the demo data failed: {e:?}"))?;
            tx.commit()?;
        }
    }
    let listener = tokio::net::TcpListener::bind(config.addr).await?;
    let addr = listener.local_addr()?;
    println!("rubric-server listening on http://{addr}/");
    if config.dist.is_some() {
        println!("mastery scale editor: http://{addr}/?editor=mastery-scale&context=accounts/1");
        println!("rubric editor: http://{addr}/?editor=rubric&context=courses/1");
    }
    if config.demo {
        for (id, name, token) in seed::USERS {
            println!("demo user {id} {name}: Authorization: Bearer {token}");
        }
    }
    axum::serve(listener, router(state, config.dist)).await?;
    Ok(())
}
