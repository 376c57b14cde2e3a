use leptos::prelude::*;
use rubric_core::edit::{
    FlagTarget, Key, KeyGen, RubricCommand, RubricDoc, RubricPart, TextTarget,
};
use rubric_core::IssueCode;

use crate::ui::{EditState, IdPrefix};

/// The rubric editor's state: the rubric (edited in place), its saved copy, undo history and
/// the facts derived from them; see [`EditState`].
pub type RubricState = EditState<RubricCommand>;

/// Gives `stored` the keys of `current` where both have the same criteria and rating counts.
fn adopt_keys(stored: &mut RubricDoc, current: &RubricDoc) {
    let same_shape = stored.criteria.len() == current.criteria.len()
        && stored
            .criteria
            .iter()
            .zip(&current.criteria)
            .all(|(s, c)| s.ratings.len() == c.ratings.len());
    if !same_shape {
        return;
    }
    for (s, c) in stored.criteria.iter_mut().zip(&current.criteria) {
        s.key = c.key;
        // Canvas sorts ratings by points, highest first; pair them by id, then by points.
        let mut used = vec![false; c.ratings.len()];
        for r in &mut s.ratings {
            let found = c.ratings.iter().enumerate().position(|(i, cr)| {
                !used[i]
                    && (cr.id.is_some() && cr.id == r.id
                        || cr.id.is_none() && cr.points_value() == r.points_value())
            });
            if let Some(i) = found {
                used[i] = true;
                r.key = c.ratings[i].key;
            }
        }
    }
}

impl RubricState {
    /// State for a loaded rubric.
    pub fn for_rubric(doc: RubricDoc) -> Self {
        let keys = KeyGen::after(doc.keys());
        EditState::new(doc, keys)
    }

    /// Takes what Canvas stored after a save. Rows keep their keys when the shape is the same
    /// (so focus and undo survive) and gain Canvas's ids; anything else replaces the edits.
    pub fn accept_saved_rubric(&self, rubric: &rubric_core::Rubric) {
        let Some(mut stored) = self.with_keys(|keys| RubricDoc::from_rubric(rubric, keys)) else {
            return;
        };
        self.peek(|current| adopt_keys(&mut stored, current));
        let same = self.peek(|c| stored.same_content(c)).unwrap_or(false);
        self.accept_saved(stored.clone(), RubricDoc::same_content);
        if same {
            self.replace_doc(stored);
        }
    }

    /// Starts over from a loaded rubric (`saved` is what Canvas has).
    pub fn reset_rubric(&self, doc: RubricDoc, saved: RubricDoc) {
        let keys = KeyGen::after(doc.keys().chain(saved.keys()));
        self.reset(doc, saved, keys);
    }

    /// The text of a field, as a signal that wakes only when that field changes.
    pub fn text(&self, target: TextTarget) -> Signal<String> {
        let state = *self;
        Signal::derive(move || {
            state
                .read(RubricPart::Text(target), |d| {
                    d.text(target).map(str::to_string)
                })
                .flatten()
                .unwrap_or_default()
        })
    }

    /// A setting, as a signal that wakes only when it changes.
    pub fn flag(&self, target: FlagTarget) -> Signal<bool> {
        let state = *self;
        Signal::derive(move || {
            state
                .read(RubricPart::Flag(target), |d| d.flag(target))
                .flatten()
                .unwrap_or(false)
        })
    }

    /// A criterion's position, 0-based (tracked: wakes when criteria are added, removed or
    /// moved).
    pub fn position(&self, criterion: Key) -> Option<usize> {
        self.fact(RubricPart::Criteria, |f| f.position(criterion))
            .flatten()
    }

    /// The messages to show at a field: its problems once it was edited or a save was tried,
    /// relational problems (duplicate points, a criterion without ratings) at once; on the
    /// title, Canvas's errors too. Wakes only when this field's messages may have changed.
    pub fn field_messages(&self, target: TextTarget) -> Signal<Vec<String>> {
        let state = *self;
        Signal::derive(move || {
            let mut messages = state.messages(target, |i| {
                matches!(
                    i.code,
                    IssueCode::DuplicateRatingPoints
                        | IssueCode::CriterionWithoutRatings
                        | IssueCode::RangeNeedsTwoRatings
                )
            });
            if target == TextTarget::Title {
                state.server_errors.with(|errors| {
                    messages.extend(
                        errors
                            .iter()
                            .filter(|e| e.field == "title")
                            .map(|e| format!("Canvas: {}", e.message)),
                    )
                });
            }
            messages
        })
    }
}

/// The id of the control that edits `target`.
pub fn field_id(ids: &IdPrefix, target: TextTarget) -> String {
    ids.id(&match target {
        TextTarget::Title => "title".to_string(),
        TextTarget::CriterionDescription(c) => format!("c{}-description", c.0),
        TextTarget::CriterionLongDescription(c) => format!("c{}-long", c.0),
        TextTarget::RatingDescription(c, r) => format!("c{}-r{}-description", c.0, r.0),
        TextTarget::RatingLongDescription(c, r) => format!("c{}-r{}-long", c.0, r.0),
        TextTarget::RatingPoints(c, r) => format!("c{}-r{}-points", c.0, r.0),
    })
}

/// The id of a criterion's control (`"up"`, `"down"`, `"delete"`, `"add-rating"`, ...).
pub fn control_id(ids: &IdPrefix, criterion: Key, control: &str) -> String {
    ids.id(&format!("c{}-{control}", criterion.0))
}
