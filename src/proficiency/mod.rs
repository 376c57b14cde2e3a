//! The mastery scale (outcome proficiency) editor: levels with description, points, colour and
//! one mastery level, saved to Canvas's `outcome_proficiency` endpoint.
mod color;
mod editor;
mod form;
mod read_only;
mod row;
mod state;

pub use editor::MasteryScaleEditor;
pub use state::ScaleState;
