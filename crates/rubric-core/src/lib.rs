//! The single source of truth shared by the rubric editors (wasm) and the local
//! Canvas-compatible server (native): Canvas data types, validation rules, the Rails
//! bracket-parameter codec, rubric CSV, edit commands with undo, and WCAG contrast.
//!
//! Nothing here depends on the web or on a runtime; every rule is a pure function.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

pub mod changes;
pub mod color;
pub mod csv;
pub mod decimal;
pub mod edit;
pub mod forms;
pub mod links;
pub mod params;
pub mod ruby;
pub mod rules;
pub mod types;
pub mod update;
pub mod validate;

pub use color::{
    contrast_ratio, normalize_hex_input, readable_text_color, relative_luminance, Rgb, TextColor,
};
pub use types::*;
pub use validate::{FieldPath, IssueCode, ValidationIssue};
