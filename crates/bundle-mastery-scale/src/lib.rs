//! The mastery scale editor's bundle. Only what this export reaches is linked, so a page that
//! embeds the mastery scale editor downloads none of the rubric editor.
use wasm_bindgen::prelude::*;

/// Mounts the mastery scale editor into `element`; see `rubric_editor::mount_mastery_scale_editor`.
#[wasm_bindgen(js_name = mountMasteryScaleEditor)]
pub fn mount(
    element: web_sys::HtmlElement,
    options: JsValue,
) -> Result<rubric_editor::EditorHandle, JsValue> {
    rubric_editor::mount_mastery_scale_editor(element, options)
}
