//! The rubric editor: the context's rubric list with CSV import, the criteria x ratings grid
//! with its options and live total, associations, and a read-only view; saved through Canvas's
//! `rubrics` and `rubric_associations` endpoints.
mod app;
mod associations;
mod criterion;
mod editor;
mod export;
mod form;
mod import;
mod list;
mod paste;
mod rating;
mod read_only;
mod row_actions;
mod save_flow;
mod state;

pub use app::{RubricApp, Screen};
