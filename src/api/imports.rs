use rubric_core::csv::CsvIssue;
use rubric_core::Rubric;
use serde::Deserialize;

use super::{send, ApiConfig, ApiError, Body, ContextPath, Method};

/// A CSV rubric import as Canvas reports it (`RubricImport`).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct RubricImport {
    /// Import id.
    pub id: u64,
    /// `created`, `importing`, `succeeded`, `succeeded_with_errors` or `failed`.
    pub workflow_state: String,
    /// Percent done.
    #[serde(default)]
    pub progress: f64,
    /// Problems found, one per row or file: Canvas's message, with the row and column where
    /// the server names them.
    #[serde(default)]
    pub error_data: Vec<CsvIssue>,
}

impl RubricImport {
    /// Whether Canvas has finished with it (either way).
    pub fn finished(&self) -> bool {
        matches!(
            self.workflow_state.as_str(),
            "succeeded" | "succeeded_with_errors" | "failed"
        )
    }
}

/// Uploads a CSV file (`POST .../rubrics/upload`, multipart field `attachment`).
pub async fn upload_csv(
    config: &ApiConfig,
    context: &ContextPath,
    file: &web_sys::File,
) -> Result<RubricImport, ApiError> {
    let form = web_sys::FormData::new().map_err(|_| ApiError::Network("no FormData".into()))?;
    form.append_with_blob_and_filename("attachment", file, &file.name())
        .map_err(|_| ApiError::Network("the file could not be attached".into()))?;
    let path = format!("/api/v1/{}/rubrics/upload", context.as_str());
    send(config, Method::Post, &path, Some(Body::Multipart(form)))
        .await?
        .json()
}

/// The state of an import (`GET .../rubrics/upload/:id`).
pub async fn import_status(
    config: &ApiConfig,
    context: &ContextPath,
    id: u64,
) -> Result<RubricImport, ApiError> {
    let path = format!("/api/v1/{}/rubrics/upload/{id}", context.as_str());
    send(config, Method::Get, &path, None).await?.json()
}

/// The rubrics an import created (`GET .../rubrics/upload/:id/rubrics`).
pub async fn imported_rubrics(
    config: &ApiConfig,
    context: &ContextPath,
    id: u64,
) -> Result<Vec<Rubric>, ApiError> {
    let path = format!("/api/v1/{}/rubrics/upload/{id}/rubrics", context.as_str());
    send(config, Method::Get, &path, None).await?.json()
}

/// Canvas's blank import template (`GET /api/v1/rubrics/upload_template`).
pub async fn upload_template(config: &ApiConfig) -> Result<String, ApiError> {
    Ok(
        send(config, Method::Get, "/api/v1/rubrics/upload_template", None)
            .await?
            .body,
    )
}
