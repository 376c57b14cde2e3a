//! Request parameters as Rails sees them: the query string and the body (form-encoded through
//! the core codec, or JSON) merged into one tree, the body winning.
use std::sync::Arc;

use axum::extract::{FromRequest, Request};
use axum::http::header;
use rubric_core::params::decode;
use serde_json::{Map, Value};

use crate::error::ApiError;
use crate::AppState;

/// Largest request body accepted (CSV uploads have their own limit).
pub const BODY_LIMIT: usize = 1 << 20;

/// Reads a request body of at most `limit` bytes. Only a body over the limit is 413; one that
/// cannot be read (the client broke off, a malformed chunk) is a 400 that says so.
pub async fn read_body(
    body: axum::body::Body,
    limit: usize,
) -> Result<axum::body::Bytes, ApiError> {
    axum::body::to_bytes(body, limit).await.map_err(|error| {
        let error = error.into_inner();
        if error.is::<http_body_util::LengthLimitError>() {
            ApiError::TooLarge(limit)
        } else {
            ApiError::BadRequest(format!("The request body could not be read: {error}"))
        }
    })
}

/// The merged parameters of a request.
pub struct Params(pub Map<String, Value>);

impl Params {
    /// A top-level hash parameter (`rubric`, `rubric_association`), empty when absent.
    pub fn hash(&self, key: &str) -> Result<Map<String, Value>, ApiError> {
        match self.0.get(key) {
            None | Some(Value::Null) => Ok(Map::new()),
            Some(Value::Object(map)) => Ok(map.clone()),
            Some(_) => Err(ApiError::BadRequest(format!(
                "{key} must be a hash ({key}[field]=value)"
            ))),
        }
    }

    /// A top-level scalar as text.
    pub fn text(&self, key: &str) -> Option<String> {
        match self.0.get(key)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }
}

impl FromRequest<Arc<AppState>> for Params {
    type Rejection = ApiError;

    async fn from_request(
        request: Request,
        _state: &Arc<AppState>,
    ) -> Result<Self, Self::Rejection> {
        let query = request.uri().query().unwrap_or("").to_string();
        let mut params = decode(query.as_bytes())
            .map_err(|e| ApiError::BadRequest(format!("Invalid query string: {e}")))?;
        let content_type = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_ascii_lowercase();
        let bytes = read_body(request.into_body(), BODY_LIMIT).await?;
        if bytes.is_empty() {
            return Ok(Params(params));
        }
        let body = if content_type.starts_with("application/json") {
            match serde_json::from_slice::<Value>(&bytes) {
                Ok(Value::Object(map)) => map,
                Ok(_) => {
                    return Err(ApiError::BadRequest(
                        "The JSON body must be an object.".into(),
                    ))
                }
                Err(e) => {
                    return Err(ApiError::BadRequest(format!(
                        "The request body is not valid JSON: {e}"
                    )))
                }
            }
        } else if content_type.starts_with("multipart/") {
            Map::new()
        } else {
            decode(&bytes).map_err(|e| ApiError::BadRequest(format!("Invalid form body: {e}")))?
        };
        params.extend(body);
        Ok(Params(params))
    }
}
