//! The Canvas REST client: configuration and authentication, one error type the UI can show,
//! and the endpoints the editors use.
mod error;
mod http;
mod imports;
mod pagination;
mod proficiency;
mod rubrics;

pub use error::ApiError;
pub use http::{send, Body, Method};
pub use imports::{import_status, imported_rubrics, upload_csv, upload_template, RubricImport};
pub use pagination::get_all;
pub use proficiency::{
    context_info, get_proficiency, has_permission, save_proficiency, ContextInfo,
};
pub use rubrics::{
    delete_association, delete_rubric, get_rubric, list_assignments, list_rubrics,
    save_association, save_rubric, used_locations, Assignment, UsedAssignment, UsedCourse,
};

/// How requests prove who is asking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Auth {
    /// `Authorization: Bearer <token>` (standalone and development).
    Bearer(String),
    /// The LMS page's session cookie, with the `X-CSRF-Token` header read from the
    /// `_csrf_token` cookie on writes (embedded in Canvas).
    Session,
}

/// Where the API is and how to reach it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiConfig {
    /// Origin (and optional path prefix) of the Canvas instance; empty for same-origin.
    pub base: String,
    /// Credentials.
    pub auth: Auth,
    /// How long to wait for an answer before giving up.
    pub timeout: std::time::Duration,
}

/// The default request timeout.
pub const DEFAULT_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);

/// A Canvas context path: `accounts/1` or `courses/1`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ContextPath(String);

impl ContextPath {
    /// Accepts `accounts/N` and `courses/N` only.
    pub fn parse(text: &str) -> Option<ContextPath> {
        let (kind, id) = text.trim_matches('/').split_once('/')?;
        let valid = matches!(kind, "accounts" | "courses")
            && !id.is_empty()
            && id.bytes().all(|b| b.is_ascii_digit());
        valid.then(|| ContextPath(format!("{kind}/{id}")))
    }

    /// `accounts/1`.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The course id, when this is a course.
    pub fn course_id(&self) -> Option<u64> {
        self.0.strip_prefix("courses/")?.parse().ok()
    }

    /// The account id, when this is an account.
    pub fn account_id(&self) -> Option<u64> {
        self.0.strip_prefix("accounts/")?.parse().ok()
    }

    /// Whether this is an account (else a course).
    pub fn is_account(&self) -> bool {
        self.0.starts_with("accounts/")
    }
}
