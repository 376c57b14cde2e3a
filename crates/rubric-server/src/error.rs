//! Every error the API answers with, in Canvas's body shapes.
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use rubric_core::forms::ParamError;
use rubric_core::validate::CanvasFieldError;
use serde_json::{json, Value};

/// An error response.
#[derive(Debug)]
pub enum ApiError {
    /// No user (no or empty credentials): 401 `unauthenticated` with `WWW-Authenticate`.
    Unauthenticated,
    /// A token that matches no user: 401 "Invalid access token.".
    InvalidToken,
    /// A user without the permission: 401 `unauthorized`.
    Unauthorized,
    /// A record that does not exist: 404 "The specified resource does not exist.".
    NotFound,
    /// A controller's own body with its status (`{"message":"Rubric not found"}`, ...).
    Custom(StatusCode, Value),
    /// Validation failures: 422 `{"errors":[{"field","message","error_code"}]}`.
    Invalid(Vec<CanvasFieldError>),
    /// A malformed request (where Canvas would crash): 400 naming the parameter.
    BadRequest(String),
    /// The body is larger than the server accepts.
    TooLarge(usize),
    /// A database failure: 500, the request changed nothing.
    Internal(String),
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ApiError::Unauthenticated => f.write_str("user authorization required"),
            ApiError::InvalidToken => f.write_str("Invalid access token."),
            ApiError::Unauthorized => f.write_str("user not authorized to perform that action"),
            ApiError::NotFound => f.write_str("The specified resource does not exist."),
            ApiError::Custom(status, body) => write!(f, "{status}: {body}"),
            ApiError::Invalid(errors) => {
                let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
                write!(f, "invalid: {}", messages.join("; "))
            }
            ApiError::BadRequest(message) => f.write_str(message),
            ApiError::TooLarge(limit) => {
                write!(f, "The request body is larger than {limit} bytes.")
            }
            ApiError::Internal(detail) => write!(f, "internal error: {detail}"),
        }
    }
}

impl std::error::Error for ApiError {}

impl From<ParamError> for ApiError {
    fn from(error: ParamError) -> Self {
        ApiError::BadRequest(error.to_string())
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(error: rusqlite::Error) -> Self {
        match error {
            rusqlite::Error::QueryReturnedNoRows => ApiError::NotFound,
            other => ApiError::Internal(other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, body) = match self {
            ApiError::Unauthenticated => (
                StatusCode::UNAUTHORIZED,
                json!({"status": "unauthenticated", "errors": [{"message": "user authorization required"}]}),
            ),
            ApiError::InvalidToken => (
                StatusCode::UNAUTHORIZED,
                json!({"errors": [{"message": "Invalid access token."}]}),
            ),
            ApiError::Unauthorized => (
                StatusCode::UNAUTHORIZED,
                json!({"status": "unauthorized", "errors": [{"message": "user not authorized to perform that action"}]}),
            ),
            ApiError::NotFound => (
                StatusCode::NOT_FOUND,
                json!({"errors": [{"message": "The specified resource does not exist."}]}),
            ),
            ApiError::Custom(status, body) => (status, body),
            ApiError::Invalid(errors) => (
                StatusCode::UNPROCESSABLE_ENTITY,
                json!({ "errors": errors }),
            ),
            ApiError::BadRequest(message) => (
                StatusCode::BAD_REQUEST,
                json!({"errors": [{"message": message}]}),
            ),
            ApiError::TooLarge(_) => (
                StatusCode::PAYLOAD_TOO_LARGE,
                json!({"errors": [{"message": self.to_string()}]}),
            ),
            ApiError::Internal(_) => {
                eprintln!("{self}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    json!({"errors": [{"message": "An error occurred.", "error_code": "internal_server_error"}]}),
                )
            }
        };
        let close = status == StatusCode::PAYLOAD_TOO_LARGE;
        let challenge = status == StatusCode::UNAUTHORIZED
            && body.get("status").is_none_or(|s| s == "unauthenticated");
        let mut response = (status, axum::Json(body)).into_response();
        if challenge {
            response.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"canvas-lms\""),
            );
        }
        if close {
            // The rest of the body is left unread: tell the client not to reuse the connection.
            response
                .headers_mut()
                .insert(header::CONNECTION, HeaderValue::from_static("close"));
        }
        response
    }
}

/// The result of a handler.
pub type ApiResult<T> = Result<T, ApiError>;
