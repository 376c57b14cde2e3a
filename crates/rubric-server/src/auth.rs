//! Who is calling: `Authorization: Bearer <token>` (the word `Bearer` exactly, as Canvas
//! compares it) or the `access_token` query parameter.
use std::sync::Arc;

use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use rusqlite::OptionalExtension;

use crate::error::{ApiError, ApiResult};
use crate::AppState;

/// A seeded user.
#[derive(Clone, Debug)]
pub struct User {
    /// User id.
    pub id: i64,
    /// Display name.
    pub name: String,
}

/// The credentials a request carries, if any. They are looked up with the request's own
/// database work ([`Caller::resolve`], first of all), so a request takes the connection once.
pub struct Caller(Option<String>);

/// The caller, if any credentials were sent.
pub struct Resolved(pub Option<User>);

impl Caller {
    /// The user the token belongs to; a token that matches nobody is refused outright (401
    /// "Invalid access token.").
    pub fn resolve(&self, conn: &rusqlite::Connection) -> ApiResult<Resolved> {
        let Some(token) = &self.0 else {
            return Ok(Resolved(None));
        };
        let user = conn
            .query_row(
                "SELECT id, name FROM users WHERE token = ?1",
                [token],
                |r| {
                    Ok(User {
                        id: r.get(0)?,
                        name: r.get(1)?,
                    })
                },
            )
            .optional()?;
        user.map(|u| Resolved(Some(u)))
            .ok_or(ApiError::InvalidToken)
    }
}

impl Resolved {
    /// The user, or 401 `unauthenticated`.
    pub fn require(self) -> ApiResult<User> {
        self.0.ok_or(ApiError::Unauthenticated)
    }
}

fn token_from(parts: &Parts) -> Option<String> {
    if let Some(value) = parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
    {
        if let Some((scheme, token)) = value.split_once(' ') {
            if scheme == "Bearer" && !token.trim().is_empty() {
                return Some(token.trim().to_string());
            }
        }
    }
    let query = parts.uri.query()?;
    let params = rubric_core::params::decode(query.as_bytes()).ok()?;
    params
        .get("access_token")?
        .as_str()
        .map(str::to_string)
        .filter(|t| !t.is_empty())
}

impl FromRequestParts<Arc<AppState>> for Caller {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        _state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        Ok(Caller(token_from(parts)))
    }
}
