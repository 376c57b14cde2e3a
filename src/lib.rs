//! Rubric and mastery-scale editors for Canvas LMS, as Leptos components compiled to
//! WebAssembly. The rules they apply live in `rubric-core`, shared with the local server.
use leptos::mount::mount_to;
use wasm_bindgen::prelude::*;

pub mod api;
pub mod events;
mod mount;
pub mod preview;
pub mod proficiency;
pub mod rubric;
pub mod ui;

pub use mount::{mount_mastery_scale_editor, mount_rubric_editor, EditorHandle};
pub use preview::ScalePreview;

/// Mounts the read-only preview of Canvas's default mastery scale into `element`; the view
/// stays mounted for the life of the page. Called by the demo host page.
#[wasm_bindgen(js_name = mountScalePreview)]
pub fn mount_scale_preview(element: web_sys::HtmlElement) {
    console_error_panic_hook::set_once();
    let scale = rubric_core::Proficiency::canvas_default();
    mount_to(
        element,
        move || leptos::view! { <ScalePreview scale=scale /> },
    )
    .forget();
}
