use std::time::Duration;

use futures::future::Either;
use gloo_net::http::{Request, RequestBuilder};
use serde::de::DeserializeOwned;

use super::{ApiConfig, ApiError, Auth};

/// HTTP methods the client uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    /// Read.
    Get,
    /// Create.
    Post,
    /// Replace.
    Put,
    /// Delete.
    Delete,
}

const THROTTLE_RETRIES: u32 = 3;

/// A request body.
#[derive(Clone, Debug)]
pub enum Body {
    /// `application/x-www-form-urlencoded` text (from the core bracket-params encoder).
    Form(String),
    /// `multipart/form-data` (a file upload); the browser writes the boundary.
    Multipart(web_sys::FormData),
}

/// A successful answer: the body and the `Link` header.
pub struct Answer {
    /// Response text.
    pub body: String,
    /// `Link` header, if any.
    pub link: Option<String>,
}

impl Answer {
    /// The body as a JavaScript value, or [`ApiError::Malformed`] when it is not JSON.
    pub fn js(&self) -> Result<wasm_bindgen::JsValue, ApiError> {
        crate::json::parse(&self.body).ok_or_else(|| ApiError::Malformed("not JSON".into()))
    }

    /// The body as JSON of type `T`, or [`ApiError::Malformed`].
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, ApiError> {
        crate::json::from_text(&self.body).map_err(ApiError::Malformed)
    }
}

fn csrf_token() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let cookies = js_sys::Reflect::get(&document, &"cookie".into())
        .ok()?
        .as_string()?;
    cookies.split(';').find_map(|pair| {
        let (name, value) = pair.trim().split_once('=')?;
        (name == "_csrf_token").then(|| {
            js_sys::decode_uri_component(value)
                .ok()
                .and_then(|v| v.as_string())
        })?
    })
}

fn builder(config: &ApiConfig, method: Method, url: &str) -> RequestBuilder {
    let request = match method {
        Method::Get => Request::get(url),
        Method::Post => Request::post(url),
        Method::Put => Request::put(url),
        Method::Delete => Request::delete(url),
    }
    .header("Accept", "application/json");
    match &config.auth {
        Auth::Bearer(token) => request.header("Authorization", &format!("Bearer {token}")),
        Auth::Session => {
            let request = request.credentials(web_sys::RequestCredentials::SameOrigin);
            match (method, csrf_token()) {
                (Method::Get, _) | (_, None) => request,
                (_, Some(token)) => request.header("X-CSRF-Token", &token),
            }
        }
    }
}

/// Whether an answer is Canvas's throttle (`403 Forbidden (Rate Limit Exceeded)`).
fn throttled(status: u16, body: &str) -> bool {
    (status == 403 || status == 429) && body.contains("Rate Limit Exceeded")
}

/// Sends one request to `path` (`/api/v1/...`) with an optional body; retries Canvas's
/// throttling with backoff; gives up after the configured timeout. Never panics on any answer.
pub async fn send(
    config: &ApiConfig,
    method: Method,
    path: &str,
    body: Option<Body>,
) -> Result<Answer, ApiError> {
    let url = format!("{}{}", config.base.trim_end_matches('/'), path);
    let mut attempt = 0;
    loop {
        let controller = web_sys::AbortController::new()
            .map_err(|_| ApiError::Network("no AbortController".into()))?;
        let signal = controller.signal();
        let request = builder(config, method, &url).abort_signal(Some(&signal));
        let request = match &body {
            Some(Body::Form(text)) => request
                .header(
                    "Content-Type",
                    "application/x-www-form-urlencoded; charset=UTF-8",
                )
                .body(text.clone()),
            Some(Body::Multipart(data)) => request.body(data.clone()),
            None => request.build(),
        }
        .map_err(|e| ApiError::Network(e.to_string()))?;
        let answer = request.send();
        let deadline = gloo_timers::future::sleep(config.timeout);
        futures::pin_mut!(answer, deadline);
        let response = match futures::future::select(answer, deadline).await {
            Either::Left((response, _)) => {
                response.map_err(|e| ApiError::Network(e.to_string()))?
            }
            Either::Right(_) => {
                controller.abort();
                let seconds = rubric_core::ruby::number_to_input(config.timeout.as_secs_f64());
                return Err(ApiError::Network(format!(
                    "no answer within {seconds} seconds"
                )));
            }
        };
        let status = response.status();
        let link = response.headers().get("link");
        let text = response
            .text()
            .await
            .map_err(|e| ApiError::Network(e.to_string()))?;
        if (200..300).contains(&status) {
            return Ok(Answer { body: text, link });
        }
        if throttled(status, &text) {
            if attempt >= THROTTLE_RETRIES {
                return Err(ApiError::RateLimited);
            }
            gloo_timers::future::sleep(Duration::from_millis(250 << attempt)).await;
            attempt += 1;
            continue;
        }
        return Err(ApiError::from_response(status, &text));
    }
}
