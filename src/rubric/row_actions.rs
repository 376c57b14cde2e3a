use leptos::prelude::*;
use rubric_core::edit::{CriterionDoc, Key, RubricCommand, TextTarget};

use super::criterion::RowAction;
use super::state::{control_id, field_id, RubricState};
use crate::ui::{focus_by_id, ConfirmDialog, IdPrefix, Status};

/// The grid's row actions: add, insert, duplicate, move, drop, delete (after the dialog
/// confirms) criteria, and add, insert, delete ratings; each announced, with focus where the
/// teacher expects it.
#[derive(Clone)]
pub struct RowActions {
    state: RubricState,
    ids: IdPrefix,
    status: Status,
    /// Ratings shown highest first.
    descending: Signal<bool>,
    /// The criterion whose deletion waits for confirmation.
    pending_delete: RwSignal<Option<Key>>,
}

impl RowActions {
    /// The actions of the grid with `ids`.
    pub fn new(
        state: RubricState,
        ids: IdPrefix,
        status: Status,
        descending: Signal<bool>,
    ) -> Self {
        RowActions {
            state,
            ids,
            status,
            descending,
            pending_delete: RwSignal::new(None),
        }
    }

    fn position(&self, key: Key) -> Option<usize> {
        self.state.peek_facts(|f| f.position(key)).flatten()
    }

    fn count(&self) -> usize {
        self.state.peek(|d| d.criteria.len()).unwrap_or(0)
    }

    /// A new criterion at `index` (Canvas's starter ratings), its description focused.
    pub fn insert_criterion(&self, index: usize) {
        let state = self.state;
        let Some(criterion) = state.with_keys(CriterionDoc::starter) else {
            return;
        };
        let key = criterion.key;
        if state.dispatch(RubricCommand::InsertCriterion { index, criterion }) {
            state.seal();
            self.status.say(format!("Criterion {} added", index + 1));
            focus_by_id(field_id(&self.ids, TextTarget::CriterionDescription(key)));
        }
    }

    /// "Add criterion": a new criterion at the end.
    pub fn add_criterion(&self) {
        self.insert_criterion(self.count());
    }

    /// Runs what a row asked for.
    pub fn run(&self, action: RowAction) {
        match action {
            RowAction::Move(key, delta) => self.move_by(key, delta),
            RowAction::DropOn(key, onto) => self.drop_on(key, onto),
            RowAction::Duplicate(key) => self.duplicate(key),
            RowAction::Delete(key) => self.pending_delete.set(Some(key)),
            RowAction::InsertBefore(key) => {
                if let Some(index) = self.position(key) {
                    self.insert_criterion(index);
                }
            }
            RowAction::AddRating(key) => {
                let len = self
                    .state
                    .peek(|d| d.criterion(key).map(|c| c.ratings.len()))
                    .flatten();
                let descending = self.descending.get_untracked();
                self.insert_rating(key, len.map(|len| if descending { len } else { 0 }));
            }
            RowAction::InsertRating(key, before) => {
                let index = self
                    .state
                    .peek(|d| d.criterion(key)?.rating_index(before))
                    .flatten();
                let descending = self.descending.get_untracked();
                self.insert_rating(key, index.map(|i| if descending { i } else { i + 1 }));
            }
            RowAction::DeleteRating(key, rating) => {
                let state = self.state;
                if state.dispatch(RubricCommand::DeleteRating {
                    criterion: key,
                    rating,
                }) {
                    state.seal();
                    let n = self.position(key).map_or(0, |i| i + 1);
                    self.status
                        .say(format!("Rating deleted from criterion {n}"));
                    focus_by_id(control_id(&self.ids, key, "add-rating"));
                }
            }
        }
    }

    fn move_by(&self, key: Key, delta: isize) {
        let state = self.state;
        let Some(from) = self.position(key) else {
            return;
        };
        let to = (from as isize + delta).max(0) as usize;
        if !state.dispatch(RubricCommand::MoveCriterion { key, to }) {
            return;
        }
        state.seal();
        let (now, count) = (self.position(key).unwrap_or(0), self.count());
        self.status.say(format!(
            "Criterion moved to position {} of {count}",
            now + 1
        ));
        // Focus stays on the button pressed, or its twin when the row reached an edge.
        let at_edge = (delta < 0 && now == 0) || (delta > 0 && now + 1 >= count);
        let button = match (delta < 0, at_edge) {
            (true, false) | (false, true) => "up",
            (false, false) | (true, true) => "down",
        };
        focus_by_id(control_id(&self.ids, key, button));
    }

    fn drop_on(&self, key: Key, onto: Key) {
        let state = self.state;
        let Some(to) = self.position(onto) else {
            return;
        };
        if key != onto && state.dispatch(RubricCommand::MoveCriterion { key, to }) {
            state.seal();
            self.status
                .say(format!("Criterion moved to position {}", to + 1));
            focus_by_id(control_id(&self.ids, key, "handle"));
        }
    }

    fn duplicate(&self, key: Key) {
        let state = self.state;
        let command = state
            .peek(|d| state.with_keys(|k| RubricCommand::duplicate_criterion(d, key, k)))
            .flatten()
            .flatten();
        let Some(command) = command else { return };
        let RubricCommand::InsertCriterion { criterion, index } = &command else {
            return;
        };
        let (copy, index) = (criterion.key, *index);
        if state.dispatch(command) {
            state.seal();
            self.status.say(format!(
                "Criterion {index} duplicated as criterion {}",
                index + 1
            ));
            focus_by_id(field_id(&self.ids, TextTarget::CriterionDescription(copy)));
        }
    }

    /// Inserts a rating at `index` of `criterion` (points between its neighbours) and
    /// focuses it.
    fn insert_rating(&self, criterion: Key, index: Option<usize>) {
        let state = self.state;
        let Some(index) = index else { return };
        let command = state
            .peek(|d| {
                state.with_keys(|k| RubricCommand::insert_rating_between(d, criterion, index, k))
            })
            .flatten()
            .flatten();
        let Some(command) = command else { return };
        let RubricCommand::InsertRating { rating, .. } = &command else {
            return;
        };
        let rating = rating.key;
        if state.dispatch(command) {
            state.seal();
            let n = self.position(criterion).map_or(0, |i| i + 1);
            self.status.say(format!("Rating added to criterion {n}"));
            focus_by_id(field_id(
                &self.ids,
                TextTarget::RatingDescription(criterion, rating),
            ));
        }
    }

    /// Deletes the criterion waiting for confirmation; focus goes to the row above.
    fn delete_confirmed(&self) {
        let state = self.state;
        let Some(key) = self.pending_delete.get_untracked() else {
            return;
        };
        let index = self.position(key).unwrap_or(0);
        if state.dispatch(RubricCommand::DeleteCriterion { key }) {
            state.seal();
            self.status.say(format!("Criterion {} deleted", index + 1));
            let next = state
                .peek(|d| {
                    (!d.criteria.is_empty())
                        .then(|| d.criteria[index.saturating_sub(1).min(d.criteria.len() - 1)].key)
                })
                .flatten();
            focus_by_id(match next {
                Some(next) => control_id(&self.ids, next, "delete"),
                None => self.ids.id("add-criterion"),
            });
        }
        self.pending_delete.set(None);
    }

    fn delete_cancelled(&self) {
        if let Some(key) = self.pending_delete.get_untracked() {
            focus_by_id(control_id(&self.ids, key, "delete"));
        }
        self.pending_delete.set(None);
    }
}

/// "Delete criterion?": asks before a criterion goes (undo can bring it back).
#[component]
pub fn DeleteCriterionDialog(actions: RowActions) -> impl IntoView {
    let (state, pending) = (actions.state, actions.pending_delete);
    let open = RwSignal::new(false);
    Effect::new(move |_| open.set(pending.get().is_some()));
    let text = move || {
        let n = pending
            .get()
            .and_then(|k| state.position(k))
            .map_or(0, |i| i + 1);
        format!("This removes criterion {n} and its ratings from the rubric. You can undo it until you leave the page.")
    };
    let (confirm, cancel) = (actions.clone(), actions);
    view! {
        <ConfirmDialog open title="Delete criterion?".to_string() body=Signal::derive(text)
            confirm_label="Delete"
            on_confirm=Callback::new(move |_| confirm.delete_confirmed())
            on_cancel=Callback::new(move |_| cancel.delete_cancelled()) />
    }
}
