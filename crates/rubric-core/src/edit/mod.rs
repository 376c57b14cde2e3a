//! Editable documents and the commands that change them. Every user edit is a command value;
//! applying one returns its inverse, which gives undo and redo (see [`History`]).
mod history;
mod key;
mod paste;
mod rubric_command;
mod rubric_doc;
mod rubric_facts;
mod scale;
mod scale_command;
mod scale_facts;
mod tracked;

pub use history::{Command, History};
pub use key::{Key, KeyGen};
pub use paste::{looks_like_cells, parse_pasted_criteria};
pub use rubric_command::{FlagTarget, RubricCommand, TextTarget};
pub use rubric_doc::{CriterionDoc, RatingDoc, RubricDoc, NEW_CRITERION_POINTS};
pub use rubric_facts::{RubricFacts, RubricPart};
pub use scale::{Level, LevelField, ScaleDoc, NEW_LEVEL_COLOR};
pub use scale_command::ScaleCommand;
pub use scale_facts::{ScaleFacts, ScalePart};
pub use tracked::{Facts, Tracked};

/// Moves the item at `from` to `to` (both clamped), returning the index it ended at.
fn move_item<T>(items: &mut Vec<T>, from: usize, to: usize) -> usize {
    let to = to.min(items.len().saturating_sub(1));
    let item = items.remove(from);
    items.insert(to, item);
    to
}

/// Applies `commands` in order, all or nothing; returns the inverses in undo order.
fn apply_batch<C: Command>(commands: &[C], doc: &mut C::Doc) -> Option<Vec<C>> {
    let mut inverses = Vec::with_capacity(commands.len());
    for command in commands {
        match command.apply(doc) {
            Some(inverse) => inverses.push(inverse),
            None => {
                for inverse in inverses.iter().rev() {
                    inverse.apply(doc);
                }
                return None;
            }
        }
    }
    inverses.reverse();
    Some(inverses)
}
