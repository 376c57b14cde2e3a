use leptos::prelude::*;
use rubric_core::color::normalize_hex_input;
use rubric_core::edit::{Key, KeyGen, Level, LevelField, ScaleCommand, ScaleDoc};
use rubric_core::ValidationIssue;

use crate::ui::EditState;

/// The mastery scale editor's state: the scale, its saved copy and undo history; a touched
/// field is a level's key and column.
pub type ScaleState = EditState<ScaleCommand, (Key, LevelField)>;

/// The levels with colours normalised the way a save will send them (`#0a1` to `00AA11`).
pub fn normalized(doc: &ScaleDoc) -> ScaleDoc {
    ScaleDoc {
        levels: doc
            .levels
            .iter()
            .map(|l| Level {
                color: normalize_hex_input(&l.color).unwrap_or_else(|_| l.color.clone()),
                ..l.clone()
            })
            .collect(),
    }
}

/// Whether two scales say the same thing (keys aside).
pub fn same_content(a: &ScaleDoc, b: &ScaleDoc) -> bool {
    a.levels.len() == b.levels.len()
        && a.levels.iter().zip(&b.levels).all(|(x, y)| {
            x.description == y.description
                && x.points == y.points
                && x.mastery == y.mastery
                && x.color == y.color
        })
}

impl ScaleState {
    /// State for a loaded scale.
    pub fn for_scale(doc: ScaleDoc) -> Self {
        let keys = KeyGen::after(doc.order());
        EditState::new(doc, keys)
    }

    /// Whether the edits differ from the saved scale.
    pub fn is_dirty(&self) -> bool {
        !self
            .doc
            .with(|d| self.saved.with(|s| same_content(&normalized(d), s)))
    }

    /// Every problem with the scale as it would be sent.
    pub fn issues(&self) -> Vec<ValidationIssue> {
        self.doc.with(|d| normalized(d).validate())
    }

    /// Takes what Canvas stored as the new saved state, keeping keys by position so focus and
    /// rows stay put.
    pub fn accept_saved_scale(&self, stored: ScaleDoc) {
        let current = self.doc.get_untracked();
        let levels: Vec<Level> = stored
            .levels
            .into_iter()
            .enumerate()
            .map(|(i, level)| Level {
                key: current
                    .levels
                    .get(i)
                    .map_or_else(|| self.fresh_key(), |l| l.key),
                ..level
            })
            .collect();
        self.accept_saved(ScaleDoc { levels }, same_content);
    }

    /// Starts over from a loaded scale: `saved` is what Canvas has (empty when it has none).
    pub fn reset_scale(&self, doc: ScaleDoc, saved: ScaleDoc) {
        let keys = KeyGen::after(doc.order().into_iter().chain(saved.order()));
        self.reset(doc, saved, keys);
    }
}
