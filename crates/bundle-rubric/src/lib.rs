//! The rubric editor's bundle. Only what this export reaches is linked, so a page that embeds
//! the rubric editor downloads none of the mastery scale editor.
use wasm_bindgen::prelude::*;

/// Mounts the rubric editor into `element`; see `rubric_editor::mount_rubric_editor`.
#[wasm_bindgen(js_name = mountRubricEditor)]
pub fn mount(
    element: web_sys::HtmlElement,
    options: JsValue,
) -> Result<rubric_editor::EditorHandle, JsValue> {
    rubric_editor::mount_rubric_editor(element, options)
}
