//! `Api.paginate`: `page` and `per_page` (10 by default, clamped to 1..=100) and the `Link`
//! header, with absolute URLs built from the request's host.
use axum::http::{header, HeaderMap, HeaderValue, Uri};
use rubric_core::params::{decode, encode};
use rubric_core::ruby::str_to_i;

use crate::error::{ApiError, ApiResult};

/// One page of a collection.
#[derive(Clone, Copy, Debug)]
pub struct Page {
    /// 1-based page number.
    pub page: i64,
    /// Items per page.
    pub per_page: i64,
}

impl Page {
    /// Reads `page` and `per_page` from the query; `per_page` fixed when `fixed` is given
    /// (used_locations uses 100). A page that is not a positive integer is a 400.
    pub fn from_uri(uri: &Uri, fixed: Option<i64>) -> ApiResult<Page> {
        let params = decode(uri.query().unwrap_or("").as_bytes())
            .map_err(|e| ApiError::BadRequest(format!("Invalid query string: {e}")))?;
        let text = |k: &str| params.get(k).and_then(|v| v.as_str()).map(str::to_string);
        let page = match text("page") {
            None => 1,
            Some(p) => match p.trim().parse::<i64>() {
                Ok(n) if n >= 1 => n,
                _ => {
                    return Err(ApiError::BadRequest(format!(
                        "page must be a positive integer, not {p:?}"
                    )))
                }
            },
        };
        let per_page =
            fixed.unwrap_or_else(|| text("per_page").map_or(10, |p| str_to_i(&p)).clamp(1, 100));
        Ok(Page { page, per_page })
    }

    /// SQL `LIMIT` and `OFFSET`.
    pub fn limit_offset(self) -> (i64, i64) {
        (self.per_page, (self.page - 1).saturating_mul(self.per_page))
    }

    /// The `Link` header for a collection of `total` items: current, next, prev, first, last,
    /// joined with `,` and no space, other query parameters kept (sorted, re-encoded).
    pub fn link_header(self, uri: &Uri, headers: &HeaderMap, total: i64) -> HeaderValue {
        let host = headers
            .get(header::HOST)
            .and_then(|h| h.to_str().ok())
            .unwrap_or("localhost");
        let mut params = decode(uri.query().unwrap_or("").as_bytes()).unwrap_or_default();
        for key in ["page", "per_page", "access_token", "api_key"] {
            params.remove(key);
        }
        let mut kept: Vec<String> = encode(&params)
            .unwrap_or_default()
            .split('&')
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        kept.sort();
        let prefix = kept.iter().map(|p| format!("{p}&")).collect::<String>();
        let last = ((total + self.per_page - 1) / self.per_page).max(1);
        let url = |page: i64| {
            format!(
                "<http://{host}{}?{prefix}page={page}&per_page={}>",
                uri.path(),
                self.per_page
            )
        };
        let mut links = vec![format!("{}; rel=\"current\"", url(self.page))];
        if self.page < last {
            links.push(format!("{}; rel=\"next\"", url(self.page + 1)));
        }
        if self.page > 1 {
            links.push(format!("{}; rel=\"prev\"", url(self.page - 1)));
        }
        links.push(format!("{}; rel=\"first\"", url(1)));
        links.push(format!("{}; rel=\"last\"", url(last)));
        HeaderValue::from_str(&links.join(",")).unwrap_or_else(|_| HeaderValue::from_static(""))
    }
}
