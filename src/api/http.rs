use std::time::Duration;

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

/// The request's headers and credentials for `config`'s authentication.
fn request_init(
    config: &ApiConfig,
    method: Method,
    body: Option<&Body>,
) -> Result<web_sys::RequestInit, ApiError> {
    let headers = web_sys::Headers::new().map_err(|_| ApiError::Network("no Headers".into()))?;
    let _ = headers.set("Accept", "application/json");
    let init = web_sys::RequestInit::new();
    init.set_method(match method {
        Method::Get => "GET",
        Method::Post => "POST",
        Method::Put => "PUT",
        Method::Delete => "DELETE",
    });
    match &config.auth {
        Auth::Bearer(token) => {
            let _ = headers.set("Authorization", &format!("Bearer {token}"));
        }
        Auth::Session => {
            init.set_credentials(web_sys::RequestCredentials::SameOrigin);
            if let (false, Some(token)) = (method == Method::Get, csrf_token()) {
                let _ = headers.set("X-CSRF-Token", &token);
            }
        }
    }
    match body {
        Some(Body::Form(text)) => {
            let _ = headers.set(
                "Content-Type",
                "application/x-www-form-urlencoded; charset=UTF-8",
            );
            init.set_body(&text.into());
        }
        Some(Body::Multipart(data)) => init.set_body(data),
        None => {}
    }
    init.set_headers(&headers);
    Ok(init)
}

/// The message of a rejected `fetch` or body read ("Failed to fetch").
fn failure(error: wasm_bindgen::JsValue) -> ApiError {
    let message = js_sys::Reflect::get(&error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| "the request failed".into());
    ApiError::Network(message)
}

/// Fetches `url` with `init`, aborting when no answer came within `timeout`: the status, the
/// `Link` header and the body text.
async fn fetch(
    url: &str,
    init: &web_sys::RequestInit,
    timeout: Duration,
) -> Result<(u16, Option<String>, String), ApiError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let window = web_sys::window().ok_or_else(|| ApiError::Network("no window".into()))?;
    let controller = web_sys::AbortController::new()
        .map_err(|_| ApiError::Network("no AbortController".into()))?;
    let signal = controller.signal();
    init.set_signal(Some(&signal));
    let _timer = gloo_timers::callback::Timeout::new(
        timeout.as_millis().try_into().unwrap_or(u32::MAX),
        move || controller.abort(),
    );
    let timed_out = || {
        let seconds = rubric_core::ruby::number_to_input(timeout.as_secs_f64());
        ApiError::Network(format!("no answer within {seconds} seconds"))
    };
    let read = async {
        let response: web_sys::Response = JsFuture::from(window.fetch_with_str_and_init(url, init))
            .await?
            .unchecked_into();
        let link = response.headers().get("link").ok().flatten();
        let text = JsFuture::from(response.text()?).await?;
        Ok::<_, wasm_bindgen::JsValue>((
            response.status(),
            link,
            text.as_string().unwrap_or_default(),
        ))
    };
    read.await.map_err(|error| {
        if signal.aborted() {
            timed_out()
        } else {
            failure(error)
        }
    })
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
        let init = request_init(config, method, body.as_ref())?;
        let (status, link, text) = fetch(&url, &init, config.timeout).await?;
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
