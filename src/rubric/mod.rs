//! The rubric editor: the context's rubric list with CSV import, the criteria x ratings grid
//! with its options and live total, associations, and a read-only view; saved through Canvas's
//! `rubrics` and `rubric_associations` endpoints.
mod app;
mod associations;
mod criterion;
mod editor;
mod form;
mod import;
mod list;
mod rating;
mod read_only;
mod state;

pub use app::{RubricApp, Screen};
