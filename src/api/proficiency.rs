use rubric_core::forms::proficiency_form;
use rubric_core::params::encode;
use rubric_core::Proficiency;

use crate::json;

use super::{send, ApiConfig, ApiError, Body, ContextPath, Method};

/// The context's resolved mastery scale; `None` when Canvas has none (404).
pub async fn get_proficiency(
    config: &ApiConfig,
    context: &ContextPath,
) -> Result<Option<Proficiency>, ApiError> {
    let path = format!("/api/v1/{}/outcome_proficiency", context.as_str());
    match send(config, Method::Get, &path, None).await {
        Ok(answer) => answer.json().map(Some),
        Err(ApiError::NotFound) => Ok(None),
        Err(other) => Err(other),
    }
}

/// Creates or replaces the context's scale (one POST, form-encoded as Canvas expects) and
/// returns what Canvas stored.
pub async fn save_proficiency(
    config: &ApiConfig,
    context: &ContextPath,
    scale: &Proficiency,
) -> Result<Proficiency, ApiError> {
    let body = encode(&proficiency_form(scale)).map_err(|e| ApiError::Malformed(e.to_string()))?;
    let path = format!("/api/v1/{}/outcome_proficiency", context.as_str());
    send(config, Method::Post, &path, Some(Body::Form(body)))
        .await?
        .json()
}

/// A context's name and parent (the account above an account, or a course's account).
#[derive(Clone, Debug, PartialEq)]
pub struct ContextInfo {
    /// "Demo University".
    pub name: String,
    /// The parent context, if any.
    pub parent: Option<ContextPath>,
}

/// `GET accounts/:id` or `GET courses/:id`.
pub async fn context_info(
    config: &ApiConfig,
    context: &ContextPath,
) -> Result<ContextInfo, ApiError> {
    let answer = send(
        config,
        Method::Get,
        &format!("/api/v1/{}", context.as_str()),
        None,
    )
    .await?
    .js()?;
    let parent = if context.is_account() {
        "parent_account_id"
    } else {
        "account_id"
    };
    Ok(ContextInfo {
        name: json::get(&answer, "name").as_string().unwrap_or_default(),
        parent: json::id(&json::get(&answer, parent))
            .and_then(|id| ContextPath::parse(&format!("accounts/{id}"))),
    })
}

/// Whether the caller has `permission` in the context (`GET .../permissions`).
pub async fn has_permission(
    config: &ApiConfig,
    context: &ContextPath,
    permission: &str,
) -> Result<bool, ApiError> {
    let path = format!(
        "/api/v1/{}/permissions?permissions%5B%5D={permission}",
        context.as_str()
    );
    let answer = send(config, Method::Get, &path, None).await?.js()?;
    Ok(json::get(&answer, permission).as_bool().unwrap_or(false))
}
