//! The JavaScript API: mount an editor into any element of the host page.
use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::api::{ApiConfig, Auth, ContextPath, DEFAULT_TIMEOUT};
use crate::proficiency::MasteryScaleEditor;
use crate::rubric::{RubricApp, Screen};

/// Options a host passes to a `mount*` function.
#[derive(serde::Deserialize)]
#[serde(rename_all = "camelCase")]
struct MountOptions {
    /// Canvas origin; empty or absent for same-origin.
    #[serde(default)]
    api_base: String,
    /// `accounts/1` or `courses/1`.
    context: String,
    /// A token for `Authorization: Bearer`; absent means the page's session and CSRF cookie.
    #[serde(default)]
    token: Option<String>,
    /// Request timeout in milliseconds (30 000 by default).
    #[serde(default)]
    timeout_ms: Option<u64>,
    /// Rubric editor only: `"12"` opens rubric 12, `"new"` starts one, absent lists them.
    #[serde(default)]
    rubric: Option<String>,
}

fn read_options(options: JsValue) -> Result<(ApiConfig, ContextPath, Option<String>), JsValue> {
    let options: MountOptions = crate::json::from_js(options)
        .map_err(|e| JsValue::from_str(&format!("invalid options: {e}")))?;
    let context = ContextPath::parse(&options.context).ok_or_else(|| {
        JsValue::from_str("options.context must be accounts/<id> or courses/<id>")
    })?;
    let auth = match options.token {
        Some(token) if !token.is_empty() => Auth::Bearer(token),
        _ => Auth::Session,
    };
    let timeout = options
        .timeout_ms
        .map_or(DEFAULT_TIMEOUT, std::time::Duration::from_millis);
    Ok((
        ApiConfig {
            base: options.api_base,
            auth,
            timeout,
        },
        context,
        options.rubric,
    ))
}

/// A mounted editor; `unmount()` removes it and its listeners. Dropping the handle (the
/// JavaScript garbage collector does) leaves the editor mounted.
#[wasm_bindgen]
pub struct EditorHandle {
    unmount: Option<Box<dyn FnOnce()>>,
}

impl Drop for EditorHandle {
    fn drop(&mut self) {
        if let Some(unmount) = self.unmount.take() {
            // Keep the view: only an explicit unmount() removes it.
            std::mem::forget(unmount);
        }
    }
}

#[wasm_bindgen]
impl EditorHandle {
    /// Removes the editor from the page.
    pub fn unmount(&mut self) {
        if let Some(unmount) = self.unmount.take() {
            unmount();
        }
    }
}

/// Mounts `editor` into `element` under an owner of its own, which `unmount()` cleans up
/// explicitly: every effect, listener and task ends then, even one that still holds a
/// reference to the owner (a task waiting for an answer does).
fn mount_editor(
    element: web_sys::HtmlElement,
    editor: impl FnOnce() -> AnyView + 'static,
) -> EditorHandle {
    let owner = Owner::new();
    let handle = owner.with(|| mount_to(element, editor));
    EditorHandle {
        unmount: Some(Box::new(move || {
            drop(handle);
            owner.cleanup();
        })),
    }
}

/// Mounts the mastery scale editor into `element`. `options`: `{ context: "accounts/1",
/// apiBase?: "https://canvas.example", token?: "...", timeoutMs?: 30000 }`. Events `rubric-editor:change`,
/// `rubric-editor:saved` and `rubric-editor:error` bubble from the editor.
pub fn mount_mastery_scale_editor(
    element: web_sys::HtmlElement,
    options: JsValue,
) -> Result<EditorHandle, JsValue> {
    console_error_panic_hook::set_once();
    let (config, context, _) = read_options(options)?;
    Ok(mount_editor(element, move || {
        view! { <MasteryScaleEditor config context /> }.into_any()
    }))
}

/// Mounts the rubric editor into `element`. `options`: as for the mastery scale editor, plus
/// `rubric?: "12" | "new"` (absent: the context's rubric list). Besides the change, saved and
/// error events, `rubric-editor:navigate` tells the host which rubric is open.
pub fn mount_rubric_editor(
    element: web_sys::HtmlElement,
    options: JsValue,
) -> Result<EditorHandle, JsValue> {
    console_error_panic_hook::set_once();
    let (config, context, rubric) = read_options(options)?;
    let start = Screen::from_param(rubric.as_deref())
        .ok_or_else(|| JsValue::from_str("options.rubric must be a rubric id or \"new\""))?;
    Ok(mount_editor(element, move || {
        view! { <RubricApp config context start /> }.into_any()
    }))
}
