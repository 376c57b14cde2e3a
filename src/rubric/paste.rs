use leptos::prelude::*;
use rubric_core::edit::{looks_like_cells, parse_pasted_criteria, Key, RubricCommand};
use wasm_bindgen::JsCast;

use super::state::RubricState;
use crate::ui::{IdPrefix, Status};

/// Spreadsheet paste: cells copied from a spreadsheet (one row per criterion: its description,
/// then rating name and points pairs) become criteria below a row, or at the end, in one
/// undo step; a cell that is not a number is named by line and cell.
#[derive(Clone, Copy)]
pub struct Paste {
    state: RubricState,
    status: Status,
    /// Why the last paste failed, shown under the grid.
    error: RwSignal<Option<String>>,
}

/// The criterion row a DOM event happened in, if any.
fn row_of(target: Option<web_sys::EventTarget>) -> Option<Key> {
    let element = target?.dyn_into::<web_sys::Element>().ok()?;
    let row = element.closest("tr[data-criterion]").ok()??;
    row.get_attribute("data-criterion")?.parse().ok().map(Key)
}

/// The plain text a paste carries.
fn pasted_text(ev: &web_sys::ClipboardEvent) -> String {
    ev.clipboard_data()
        .and_then(|d| d.get_data("text/plain").ok())
        .unwrap_or_default()
}

impl Paste {
    /// Paste into the rubric of `state`.
    pub fn new(state: RubricState, status: Status) -> Self {
        Paste {
            state,
            status,
            error: RwSignal::new(None),
        }
    }

    /// Inserts the criteria in `text` below `after` (or at the end). Returns whether `text`
    /// looked like spreadsheet cells (so the paste was taken).
    fn insert(&self, text: &str, after: Option<Key>) -> bool {
        let (state, status) = (self.state, self.status);
        if !looks_like_cells(text) {
            return false;
        }
        match state.with_keys(|k| parse_pasted_criteria(text, k)) {
            Some(Ok(criteria)) if !criteria.is_empty() => {
                let start = after
                    .and_then(|k| state.peek_facts(|f| f.position(k)).flatten())
                    .map_or_else(|| state.peek(|d| d.criteria.len()).unwrap_or(0), |i| i + 1);
                let count = criteria.len();
                let commands = criteria
                    .into_iter()
                    .enumerate()
                    .map(|(i, criterion)| RubricCommand::InsertCriterion {
                        index: start + i,
                        criterion,
                    })
                    .collect();
                state.dispatch(RubricCommand::Batch(commands));
                state.seal();
                self.error.set(None);
                status.say(format!(
                    "{count} criteria pasted from the spreadsheet, starting at criterion {}",
                    start + 1
                ));
            }
            Some(Ok(_)) => self
                .error
                .set(Some("The pasted cells hold no criteria.".into())),
            Some(Err(message)) => {
                self.error.set(Some(format!(
                    "The pasted cells could not be read. {message}"
                )));
                status.say("Paste failed; see the message under the grid");
            }
            None => {}
        }
        true
    }

    /// A paste anywhere in the grid: criteria go below the row it happened in.
    pub fn on_grid(&self, ev: web_sys::ClipboardEvent) {
        if self.insert(&pasted_text(&ev), row_of(ev.target())) {
            ev.prevent_default();
        }
    }
}

/// The paste box under the grid, with its hint and error.
#[component]
pub fn PasteBox(paste: Paste, ids: IdPrefix) -> impl IntoView {
    let id = ids.id("paste");
    let hint = format!("{id}-hint");
    let error = paste.error;
    view! {
        <div class="rbe-paste">
            <label for=id.clone()>"Paste criteria from a spreadsheet"</label>
            <p class="rbe-hint" id=hint.clone()>"One row per criterion: its description, then rating name and points pairs. Paste here or into any row of the grid; the criteria are added below that row."</p>
            <textarea id=id class="rbe-input rbe-textarea" rows="2" aria-describedby=hint
                prop:value=""
                on:paste=move |ev: web_sys::ClipboardEvent| {
                    ev.prevent_default();
                    if !paste.insert(&pasted_text(&ev), None) {
                        error.set(Some("Paste cells copied from a spreadsheet: columns separated by tabs.".into()));
                    }
                }></textarea>
            <Show when=move || error.get().is_some()>
                <p class="rbe-field-error" role="alert">{move || error.get().unwrap_or_default()}</p>
            </Show>
        </div>
    }
}
