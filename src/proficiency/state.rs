use leptos::prelude::*;
use rubric_core::edit::{Key, KeyGen, Level, LevelField, ScaleCommand, ScaleDoc, ScalePart};
use rubric_core::IssueCode;

use crate::ui::{EditState, IdPrefix};

/// The mastery scale editor's state: the scale (edited in place), its saved copy, undo
/// history and the facts derived from them; see [`EditState`].
pub type ScaleState = EditState<ScaleCommand>;

/// The id of a level's field control (for focus and error links).
pub fn field_id(ids: &IdPrefix, key: Key, field: LevelField) -> String {
    let name = match field {
        LevelField::Description => "description",
        LevelField::Points => "points",
        LevelField::Color => "hex",
    };
    ids.id(&format!("level{}-{name}", key.0))
}

impl ScaleState {
    /// State for a loaded scale.
    pub fn for_scale(doc: ScaleDoc) -> Self {
        let keys = KeyGen::after(doc.order());
        EditState::new(doc, keys)
    }

    /// Takes what Canvas stored as the new saved state, keeping keys by position so focus and
    /// rows stay put.
    pub fn accept_saved_scale(&self, stored: ScaleDoc) {
        let current = self.peek(ScaleDoc::order).unwrap_or_default();
        let levels: Vec<Level> = stored
            .levels
            .into_iter()
            .enumerate()
            .map(|(i, level)| Level {
                key: current
                    .get(i)
                    .copied()
                    .or_else(|| self.fresh_key())
                    .unwrap_or(level.key),
                ..level
            })
            .collect();
        self.accept_saved(ScaleDoc { levels }, ScaleDoc::same_content);
    }

    /// Starts over from a loaded scale: `saved` is what Canvas has (empty when it has none).
    pub fn reset_scale(&self, doc: ScaleDoc, saved: ScaleDoc) {
        let keys = KeyGen::after(doc.order().into_iter().chain(saved.order()));
        self.reset(doc, saved, keys);
    }

    /// A level's field as typed, waking only when that field changes.
    pub fn text(&self, key: Key, field: LevelField) -> Signal<String> {
        let state = *self;
        Signal::derive(move || {
            state
                .read(ScalePart::Text(key, field), |d| {
                    d.index_of(key)
                        .map(|i| d.levels[i].field(field).to_string())
                })
                .flatten()
                .unwrap_or_default()
        })
    }

    /// Whether the level holds mastery (tracked).
    pub fn is_mastery(&self, key: Key) -> bool {
        self.read(ScalePart::Mastery, |d| {
            d.levels.iter().any(|l| l.key == key && l.mastery)
        })
        .unwrap_or(false)
    }

    /// A level's position, 0-based (tracked: wakes when levels are added, removed or moved).
    pub fn position(&self, key: Key) -> Option<usize> {
        self.fact(ScalePart::Levels, |f| f.position(key)).flatten()
    }

    /// The messages to show at a level's field: its problems once edited or after a save was
    /// tried; the points-order problem at once.
    pub fn field_messages(&self, key: Key, field: LevelField) -> Signal<Vec<String>> {
        let state = *self;
        Signal::derive(move || {
            state.messages((key, field), |i| i.code == IssueCode::PointsNotDecreasing)
        })
    }
}
