use std::fmt;

use rubric_core::validate::CanvasFieldError;

use crate::json;

/// Everything that can go wrong talking to Canvas, in words a teacher can act on.
#[derive(Clone, Debug, PartialEq)]
pub enum ApiError {
    /// The request never got an answer (offline, refused, timed out).
    Network(String),
    /// 401 or 403 for a user who is signed in but may not do this.
    NotAllowed(String),
    /// 401 for a sign-in Canvas no longer accepts (an expired or revoked token, an ended
    /// session): signing in again and retrying works, so the edits stay editable.
    SignedOut(String),
    /// Canvas's throttle kept refusing after retries.
    RateLimited,
    /// 404.
    NotFound,
    /// 422 with field errors.
    Invalid(Vec<CanvasFieldError>),
    /// Another 4xx, with Canvas's message.
    Rejected(u16, String),
    /// 5xx.
    Server(u16),
    /// A 2xx body that is not what Canvas sends.
    Malformed(String),
}

impl ApiError {
    /// Maps a non-2xx answer to an error, reading Canvas's error body shapes.
    pub fn from_response(status: u16, body: &str) -> ApiError {
        let answer = json::parse(body).unwrap_or(wasm_bindgen::JsValue::UNDEFINED);
        let errors = json::get(&answer, "errors");
        let first_message = || {
            let first = js_sys::Reflect::get_u32(&errors, 0).unwrap_or_default();
            json::get(&first, "message")
                .as_string()
                .or_else(|| json::get(&answer, "message").as_string())
                .unwrap_or_else(|| body.chars().take(200).collect())
        };
        // Canvas says `"status": "unauthorized"` only for a missing permission; an invalid
        // token ("Invalid access token.") or no sign-in ("unauthenticated") is a sign-in problem.
        let permission =
            json::get(&answer, "status").as_string().as_deref() == Some("unauthorized");
        match status {
            401 if !permission => ApiError::SignedOut(first_message()),
            401 | 403 => ApiError::NotAllowed(first_message()),
            404 => ApiError::NotFound,
            422 => {
                let errors =
                    json::from_js::<Vec<CanvasFieldError>>(errors.clone()).unwrap_or_default();
                if errors.is_empty() {
                    ApiError::Rejected(422, first_message())
                } else {
                    ApiError::Invalid(errors)
                }
            }
            500..=599 => ApiError::Server(status),
            _ => ApiError::Rejected(status, first_message()),
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::Network(detail) => write!(
                f,
                "Could not reach Canvas ({detail}). Check your connection and try again."
            ),
            ApiError::NotAllowed(message) => {
                write!(f, "You are not allowed to do this ({message}).")
            }
            ApiError::SignedOut(message) => write!(
                f,
                "Canvas no longer accepts your sign-in ({message}). Sign in to Canvas again, then try again; your changes are kept here."
            ),
            ApiError::RateLimited => {
                f.write_str("Canvas is limiting requests right now. Wait a moment and try again.")
            }
            ApiError::NotFound => f.write_str("Canvas could not find this item."),
            ApiError::Invalid(errors) => {
                let list: Vec<String> = errors.iter().map(|e| e.message.clone()).collect();
                write!(f, "Canvas did not accept the changes: {}", list.join("; "))
            }
            ApiError::Rejected(status, message) => {
                write!(f, "Canvas refused the request ({status}): {message}")
            }
            ApiError::Server(status) => write!(
                f,
                "Canvas had a problem ({status}). Your changes are kept; try again."
            ),
            ApiError::Malformed(detail) => write!(
                f,
                "Canvas sent an answer the editor cannot read ({detail})."
            ),
        }
    }
}

impl std::error::Error for ApiError {}
