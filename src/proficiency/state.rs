use leptos::prelude::*;
use rubric_core::color::normalize_hex_input;
use rubric_core::edit::{History, Key, KeyGen, Level, LevelField, ScaleCommand, ScaleDoc};
use rubric_core::validate::CanvasFieldError;
use rubric_core::ValidationIssue;

/// The editor's state: the document, the last saved copy, undo history and what to show.
#[derive(Clone, Copy)]
pub struct ScaleState {
    /// The scale as edited.
    pub doc: RwSignal<ScaleDoc>,
    /// The scale as Canvas last returned it.
    pub saved: RwSignal<ScaleDoc>,
    history: StoredValue<History<ScaleCommand>>,
    keys: StoredValue<KeyGen>,
    /// Whether Undo has something to do.
    pub can_undo: RwSignal<bool>,
    /// Whether Redo has something to do.
    pub can_redo: RwSignal<bool>,
    /// Fields the user has edited, whose errors are shown.
    pub touched: RwSignal<Vec<(Key, LevelField)>>,
    /// A save was attempted: show every error.
    pub attempted: RwSignal<bool>,
    /// Errors Canvas answered with (422).
    pub server_errors: RwSignal<Vec<CanvasFieldError>>,
}

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
    pub fn new(doc: ScaleDoc) -> Self {
        let keys = KeyGen::after(doc.order());
        ScaleState {
            doc: RwSignal::new(doc.clone()),
            saved: RwSignal::new(doc),
            history: StoredValue::new(History::default()),
            keys: StoredValue::new(keys),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            touched: RwSignal::new(Vec::new()),
            attempted: RwSignal::new(false),
            server_errors: RwSignal::new(Vec::new()),
        }
    }

    fn sync_flags(&self) {
        self.can_undo
            .set(self.history.with_value(History::can_undo));
        self.can_redo
            .set(self.history.with_value(History::can_redo));
    }

    /// Applies a user edit through the undo history. Returns whether it applied.
    pub fn dispatch(&self, command: ScaleCommand) -> bool {
        let mut applied = false;
        let mut doc = self.doc.get_untracked();
        self.history
            .update_value(|h| applied = h.apply(&mut doc, command));
        if applied {
            self.doc.set(doc);
            self.server_errors.set(Vec::new());
        }
        self.sync_flags();
        applied
    }

    /// Undoes the latest step.
    pub fn undo(&self) -> bool {
        let mut doc = self.doc.get_untracked();
        let mut done = false;
        self.history.update_value(|h| done = h.undo(&mut doc));
        if done {
            self.doc.set(doc);
        }
        self.sync_flags();
        done
    }

    /// Redoes the latest undone step.
    pub fn redo(&self) -> bool {
        let mut doc = self.doc.get_untracked();
        let mut done = false;
        self.history.update_value(|h| done = h.redo(&mut doc));
        if done {
            self.doc.set(doc);
        }
        self.sync_flags();
        done
    }

    /// Ends a typing burst (on blur).
    pub fn seal(&self) {
        self.history.update_value(History::seal);
    }

    /// A fresh key for a new level.
    pub fn fresh_key(&self) -> Key {
        let mut key = Key(0);
        self.keys.update_value(|k| key = k.fresh());
        key
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

    /// Marks a field as edited.
    pub fn touch(&self, key: Key, field: LevelField) {
        if !self.touched.with_untracked(|t| t.contains(&(key, field))) {
            self.touched.update(|t| t.push((key, field)));
        }
    }

    /// Takes what Canvas stored as the new saved state, keeping keys by position so focus and
    /// rows stay put.
    pub fn accept_saved(&self, stored: ScaleDoc) {
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
        let doc = ScaleDoc { levels };
        let unchanged = same_content(&doc, &current);
        self.saved.set(doc.clone());
        if !unchanged {
            self.history.update_value(History::clear);
            self.doc.set(doc);
        }
        self.attempted.set(false);
        self.server_errors.set(Vec::new());
        self.sync_flags();
    }

    /// Starts over from a loaded scale: `saved` is what Canvas has (empty when it has none).
    pub fn reset(&self, doc: ScaleDoc, saved: ScaleDoc) {
        self.keys
            .set_value(KeyGen::after(doc.order().into_iter().chain(saved.order())));
        self.history.update_value(History::clear);
        self.saved.set(saved);
        self.doc.set(doc);
        self.touched.set(Vec::new());
        self.attempted.set(false);
        self.server_errors.set(Vec::new());
        self.sync_flags();
    }
}
