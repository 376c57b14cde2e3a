use rubric_core::links::{parse_link_header, path_and_query};
use serde::de::DeserializeOwned;

use super::{send, ApiConfig, ApiError, Method};

/// Every item of a paginated collection, following `Link: rel="next"` (by path, so the client's
/// base URL or proxy is kept), at most 100 pages.
pub async fn get_all<T: DeserializeOwned>(
    config: &ApiConfig,
    path: &str,
) -> Result<Vec<T>, ApiError> {
    let mut items = Vec::new();
    let mut next = Some(path.to_string());
    let mut pages = 0;
    while let Some(path) = next.take() {
        let answer = send(config, Method::Get, &path, None).await?;
        items.extend(answer.json::<Vec<T>>()?);
        pages += 1;
        if pages >= 100 {
            break;
        }
        next = answer
            .link
            .as_deref()
            .map(parse_link_header)
            .and_then(|links| links.next)
            .map(|url| path_and_query(&url).to_string());
    }
    Ok(items)
}
