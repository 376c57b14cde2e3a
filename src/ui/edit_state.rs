use leptos::prelude::*;
use rubric_core::edit::{Command, History, Key, KeyGen};
use rubric_core::validate::CanvasFieldError;

/// What every editor keeps besides its document: the last saved copy, the undo history, fresh
/// keys, which fields were edited (their errors show), whether a save was tried (every error
/// shows) and the errors Canvas answered with. `F` names an editable field.
pub struct EditState<C, F>
where
    C: Command + Send + Sync + 'static,
    C::Doc: Clone + Send + Sync + 'static,
    F: Clone + PartialEq + Send + Sync + 'static,
{
    /// The document as edited.
    pub doc: RwSignal<C::Doc>,
    /// The document as Canvas last returned it.
    pub saved: RwSignal<C::Doc>,
    history: StoredValue<History<C>>,
    keys: StoredValue<KeyGen>,
    /// Whether Undo has something to do.
    pub can_undo: RwSignal<bool>,
    /// Whether Redo has something to do.
    pub can_redo: RwSignal<bool>,
    /// Fields the user has edited, whose errors are shown.
    pub touched: RwSignal<Vec<F>>,
    /// A save was attempted: show every error.
    pub attempted: RwSignal<bool>,
    /// Errors Canvas answered with (422).
    pub server_errors: RwSignal<Vec<CanvasFieldError>>,
}

impl<C, F> Clone for EditState<C, F>
where
    C: Command + Send + Sync + 'static,
    C::Doc: Clone + Send + Sync + 'static,
    F: Clone + PartialEq + Send + Sync + 'static,
{
    fn clone(&self) -> Self {
        *self
    }
}

impl<C, F> Copy for EditState<C, F>
where
    C: Command + Send + Sync + 'static,
    C::Doc: Clone + Send + Sync + 'static,
    F: Clone + PartialEq + Send + Sync + 'static,
{
}

impl<C, F> EditState<C, F>
where
    C: Command + Send + Sync + 'static,
    C::Doc: Clone + Send + Sync + 'static,
    F: Clone + PartialEq + Send + Sync + 'static,
{
    /// State for a loaded document; `keys` hands out keys above every key in it.
    pub fn new(doc: C::Doc, keys: KeyGen) -> Self {
        EditState {
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
    pub fn dispatch(&self, command: C) -> bool {
        let mut applied = false;
        let mut doc = self.doc.get_untracked();
        self.history
            .update_value(|h| applied = h.apply(&mut doc, command));
        if applied {
            self.doc.set(doc);
            if !self.server_errors.with_untracked(Vec::is_empty) {
                self.server_errors.set(Vec::new());
            }
        }
        self.sync_flags();
        applied
    }

    /// Undoes the latest step.
    pub fn undo(&self) -> bool {
        self.step(History::undo)
    }

    /// Redoes the latest undone step.
    pub fn redo(&self) -> bool {
        self.step(History::redo)
    }

    fn step(&self, action: fn(&mut History<C>, &mut C::Doc) -> bool) -> bool {
        let mut doc = self.doc.get_untracked();
        let mut done = false;
        self.history.update_value(|h| done = action(h, &mut doc));
        if done {
            self.doc.set(doc);
        }
        self.sync_flags();
        done
    }

    /// Ends a typing burst (on blur), so the next edit is its own undo step.
    pub fn seal(&self) {
        self.history.update_value(History::seal);
    }

    /// A fresh key for a new row.
    pub fn fresh_key(&self) -> Key {
        let mut key = Key(0);
        self.keys.update_value(|k| key = k.fresh());
        key
    }

    /// Runs `make` with the key generator (for commands that build keyed rows).
    pub fn with_keys<T>(&self, make: impl FnOnce(&mut KeyGen) -> T) -> T {
        let mut out = None;
        self.keys.update_value(|k| out = Some(make(k)));
        out.expect("update_value runs its closure")
    }

    /// Marks a field as edited.
    pub fn touch(&self, field: F) {
        if !self.touched.with_untracked(|t| t.contains(&field)) {
            self.touched.update(|t| t.push(field));
        }
    }

    /// Whether the errors of `field` should show (edited, or a save was tried). Tracked.
    pub fn shows_errors_of(&self, field: &F) -> bool {
        self.attempted.get() || self.touched.with(|t| t.contains(field))
    }

    /// Takes what Canvas stored as the saved state. When it says something else than the
    /// edits, it replaces them and the history starts over.
    pub fn accept_saved(&self, stored: C::Doc, same: impl Fn(&C::Doc, &C::Doc) -> bool) {
        let unchanged = self.doc.with_untracked(|current| same(&stored, current));
        self.saved.set(stored.clone());
        if !unchanged {
            self.history.update_value(History::clear);
            self.doc.set(stored);
        }
        self.attempted.set(false);
        self.server_errors.set(Vec::new());
        self.sync_flags();
    }

    /// Starts over: `doc` to edit, `saved` what Canvas has, `keys` above both.
    pub fn reset(&self, doc: C::Doc, saved: C::Doc, keys: KeyGen) {
        self.keys.set_value(keys);
        self.history.update_value(History::clear);
        self.saved.set(saved);
        self.doc.set(doc);
        self.touched.set(Vec::new());
        self.attempted.set(false);
        self.server_errors.set(Vec::new());
        self.sync_flags();
    }
}
