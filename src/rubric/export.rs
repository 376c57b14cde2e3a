use super::state::RubricState;
use crate::ui::{download_text, file_name, Status};

/// "Export CSV": downloads the rubric as edited, in Canvas's import template format.
pub fn export_csv(state: RubricState, status: Status) {
    let Some(doc) = state.snapshot() else { return };
    let text = rubric_core::csv::write_rubrics(std::slice::from_ref(&doc));
    match download_text(&file_name(&doc.title, "csv"), "text/csv", &text) {
        Ok(()) => status.say("Rubric exported as CSV"),
        Err(message) => status.say(message),
    }
}
