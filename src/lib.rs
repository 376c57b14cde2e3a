//! Rubric and mastery-scale editors for Canvas LMS, as Leptos components compiled to
//! WebAssembly. The rules they apply live in `rubric-core`, shared with the local server.
pub mod api;
pub mod events;
pub mod json;
mod mount;
pub mod preview;
pub mod proficiency;
pub mod rubric;
pub mod ui;

pub use mount::{mount_mastery_scale_editor, mount_rubric_editor, EditorHandle};
pub use preview::ScalePreview;
