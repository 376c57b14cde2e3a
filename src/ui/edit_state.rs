use std::collections::{HashMap, HashSet};

use leptos::prelude::*;
use rubric_core::edit::{Facts, History, Key, KeyGen, Tracked};
use rubric_core::validate::CanvasFieldError;
use rubric_core::ValidationIssue;

use super::issue_text;

/// The editing state every editor uses: the document (edited in place), its last saved copy,
/// the undo history, the facts derived from both (validation by field, points, dirty), fresh
/// keys, which fields were edited (their errors show), whether a save was tried (every error
/// shows) and the errors Canvas answered with.
///
/// Nothing reads the document wholesale: a reader [`watch`](Self::watch)es the parts it shows
/// (a field, a row's list, a derived fact) and an edit wakes only the readers of the parts it
/// changed, so a keystroke costs one field, its row's facts and the total.
pub struct EditState<C: Tracked + Send + Sync + 'static>
where
    C::Doc: Clone + Send + Sync + 'static,
{
    doc: StoredValue<C::Doc>,
    saved: StoredValue<C::Doc>,
    facts: StoredValue<C::Facts>,
    watchers: StoredValue<HashMap<C::Part, ArcTrigger>>,
    history: StoredValue<History<C>>,
    keys: StoredValue<KeyGen>,
    touched: StoredValue<HashSet<C::Field>>,
    edited: Trigger,
    revision: StoredValue<u64>,
    replaced: Trigger,
    /// Whether Undo has something to do.
    pub can_undo: RwSignal<bool>,
    /// Whether Redo has something to do.
    pub can_redo: RwSignal<bool>,
    /// Whether the document differs from the saved copy (changes only when that flips).
    pub dirty: RwSignal<bool>,
    /// A save was attempted: show every error. Fields do not subscribe to it (a thousand
    /// subscribers make every re-subscription slow); [`attempt`](Self::attempt) wakes their
    /// messages instead.
    pub attempted: RwSignal<bool>,
    /// Errors Canvas answered with (422).
    pub server_errors: RwSignal<Vec<CanvasFieldError>>,
}

impl<C: Tracked + Send + Sync + 'static> Clone for EditState<C>
where
    C::Doc: Clone + Send + Sync + 'static,
{
    fn clone(&self) -> Self {
        *self
    }
}

impl<C: Tracked + Send + Sync + 'static> Copy for EditState<C> where
    C::Doc: Clone + Send + Sync + 'static
{
}

impl<C: Tracked + Send + Sync + 'static> EditState<C>
where
    C::Doc: Clone + Send + Sync + 'static,
{
    /// State for a loaded document; `keys` hands out keys above every key in it.
    pub fn new(doc: C::Doc, keys: KeyGen) -> Self {
        let facts = C::facts(&doc, &doc);
        EditState {
            saved: StoredValue::new(doc.clone()),
            doc: StoredValue::new(doc),
            facts: StoredValue::new(facts),
            watchers: StoredValue::new(HashMap::new()),
            history: StoredValue::new(History::default()),
            keys: StoredValue::new(keys),
            touched: StoredValue::new(HashSet::new()),
            edited: Trigger::new(),
            revision: StoredValue::new(0),
            replaced: Trigger::new(),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            dirty: RwSignal::new(false),
            attempted: RwSignal::new(false),
            server_errors: RwSignal::new(Vec::new()),
        }
    }

    /// Subscribes the running effect or memo to `part`.
    pub fn watch(&self, part: C::Part) {
        let trigger = self
            .watchers
            .try_update_value(|w| w.entry(part).or_insert_with(ArcTrigger::new).clone());
        if let Some(trigger) = trigger {
            trigger.track();
        }
    }

    /// Reads the document after subscribing to `part` (what `read` looks at).
    pub fn read<T>(&self, part: C::Part, read: impl FnOnce(&C::Doc) -> T) -> Option<T> {
        self.watch(part);
        self.doc.try_with_value(read)
    }

    /// Reads the derived facts after subscribing to `part`.
    pub fn fact<T>(&self, part: C::Part, read: impl FnOnce(&C::Facts) -> T) -> Option<T> {
        self.watch(part);
        self.facts.try_with_value(read)
    }

    /// Reads the document without subscribing (event handlers).
    pub fn peek<T>(&self, read: impl FnOnce(&C::Doc) -> T) -> Option<T> {
        self.doc.try_with_value(read)
    }

    /// Reads the facts without subscribing (event handlers).
    pub fn peek_facts<T>(&self, read: impl FnOnce(&C::Facts) -> T) -> Option<T> {
        self.facts.try_with_value(read)
    }

    /// Reads the saved copy without subscribing.
    pub fn peek_saved<T>(&self, read: impl FnOnce(&C::Doc) -> T) -> Option<T> {
        self.saved.try_with_value(read)
    }

    /// Reads the saved copy, waking again after a load or a save.
    pub fn read_saved<T>(&self, read: impl FnOnce(&C::Doc) -> T) -> Option<T> {
        self.replaced.track();
        self.saved.try_with_value(read)
    }

    /// A copy of the document (for a save or a draft, never per keystroke).
    pub fn snapshot(&self) -> Option<C::Doc> {
        self.doc.try_get_value()
    }

    /// Subscribes to every edit (the draft writer waits for a pause with it).
    pub fn track_edits(&self) {
        self.edited.track();
    }

    /// Counts changes to the document, so a writer can tell whether it missed one.
    pub fn revision(&self) -> Option<u64> {
        self.revision.try_get_value()
    }

    fn notify(&self, parts: &[C::Part]) {
        let triggers: Vec<ArcTrigger> = self
            .watchers
            .try_with_value(|w| parts.iter().filter_map(|p| w.get(p).cloned()).collect())
            .unwrap_or_default();
        for trigger in triggers {
            trigger.notify();
        }
    }

    /// Brings the facts up to date after `parts` changed and wakes their readers.
    fn changed(&self, mut parts: Vec<C::Part>) {
        let mut derived = Vec::new();
        let (doc, saved) = (self.doc, self.saved);
        self.facts.update_value(|facts| {
            doc.with_value(|d| {
                saved.with_value(|s| C::refresh(facts, d, s, &parts, &mut derived));
            })
        });
        parts.append(&mut derived);
        self.notify(&parts);
        self.after_change();
    }

    fn after_change(&self) {
        let dirty = self.facts.with_value(|f| f.dirty());
        if self.dirty.get_untracked() != dirty {
            self.dirty.set(dirty);
        }
        self.sync_flags();
        self.revision.update_value(|r| *r += 1);
        self.edited.notify();
    }

    fn sync_flags(&self) {
        let (undo, redo) = self.history.with_value(|h| (h.can_undo(), h.can_redo()));
        if self.can_undo.get_untracked() != undo {
            self.can_undo.set(undo);
        }
        if self.can_redo.get_untracked() != redo {
            self.can_redo.set(redo);
        }
    }

    /// Applies a user edit in place, through the undo history. Returns whether it applied.
    pub fn dispatch(&self, command: C) -> bool {
        let mut parts = Vec::new();
        command.parts(&mut parts);
        let history = self.history;
        let applied = self
            .doc
            .try_update_value(|d| history.try_update_value(|h| h.apply(d, command)))
            .flatten()
            .unwrap_or(false);
        if applied {
            if !self.server_errors.with_untracked(Vec::is_empty) {
                self.server_errors.set(Vec::new());
            }
            self.changed(parts);
        }
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

    fn step(&self, action: for<'a> fn(&'a mut History<C>, &mut C::Doc) -> Option<&'a C>) -> bool {
        let history = self.history;
        let parts = self
            .doc
            .try_update_value(|d| {
                history.try_update_value(|h| {
                    action(h, d).map(|step| {
                        let mut parts = Vec::new();
                        step.parts(&mut parts);
                        parts
                    })
                })
            })
            .flatten()
            .flatten();
        match parts {
            Some(parts) => {
                self.changed(parts);
                true
            }
            None => {
                self.sync_flags();
                false
            }
        }
    }

    /// Ends a typing burst (on blur), so the next edit is its own undo step.
    pub fn seal(&self) {
        self.history.update_value(History::seal);
    }

    /// A fresh key for a new row (`None` once the editor is gone).
    pub fn fresh_key(&self) -> Option<Key> {
        self.with_keys(KeyGen::fresh)
    }

    /// Runs `make` with the key generator (for commands that build keyed rows); `None` once
    /// the editor is gone.
    pub fn with_keys<T>(&self, make: impl FnOnce(&mut KeyGen) -> T) -> Option<T> {
        self.keys.try_update_value(make)
    }

    /// Marks a field as edited: its errors show from now on.
    pub fn touch(&self, field: C::Field) {
        if self.touched.try_update_value(|t| t.insert(field)) == Some(true) {
            self.notify(&[C::messages_part(field)]);
        }
    }

    /// The messages to show at `field`: its problems once it was edited or a save was tried,
    /// and those `always` picks (relational problems) at once. Wakes only when this field's
    /// problems, its edited mark or the save attempt change.
    pub fn messages(&self, field: C::Field, always: fn(&ValidationIssue) -> bool) -> Vec<String> {
        self.watch(C::messages_part(field));
        let shown = self.attempted.get_untracked()
            || self
                .touched
                .try_with_value(|t| t.contains(&field))
                .unwrap_or(false);
        self.facts
            .try_with_value(|f| {
                f.issues_at(field)
                    .into_iter()
                    .filter(|i| shown || always(i))
                    .map(issue_text)
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Every problem with the document, each with its field. Tracked: wakes when the list
    /// changes.
    pub fn issues(&self) -> Vec<(Option<C::Field>, ValidationIssue)> {
        self.fact(C::ISSUES, |f| {
            f.issues()
                .into_iter()
                .map(|(at, i)| (at, i.clone()))
                .collect()
        })
        .unwrap_or_default()
    }

    /// Whether the error summary shows: after a save was tried on a document with problems,
    /// or when Canvas refused the save. Tracked.
    pub fn shows_summary(&self) -> bool {
        let invalid = self.fact(C::ISSUES, |f| !f.is_valid()).unwrap_or(false);
        (self.attempted.get() && invalid) || !self.server_errors.with(Vec::is_empty)
    }

    /// A save was tried: every problem shows from now on (wakes every field's messages once).
    pub fn attempt(&self) {
        if !self.attempted.get_untracked() {
            self.attempted.set(true);
            let messages: Vec<C::Part> = self
                .watchers
                .with_value(|w| w.keys().copied().filter(|p| C::is_messages(*p)).collect());
            self.notify(&messages);
        }
    }

    /// Whether the document has no problem (not tracked).
    pub fn is_valid(&self) -> bool {
        self.peek_facts(|f| f.is_valid()).unwrap_or(false)
    }

    /// Everything changed (a load, a save that replaced the document): facts from scratch and
    /// every reader woken.
    fn refresh_all(&self) {
        let facts = self
            .doc
            .with_value(|d| self.saved.with_value(|s| C::facts(d, s)));
        self.facts.set_value(facts);
        let all: Vec<C::Part> = self.watchers.with_value(|w| w.keys().copied().collect());
        self.notify(&all);
        self.replaced.notify();
        self.after_change();
    }

    /// Takes what Canvas stored as the saved state. When it says something else than the
    /// edits, it replaces them and the history starts over.
    pub fn accept_saved(&self, stored: C::Doc, same: impl Fn(&C::Doc, &C::Doc) -> bool) {
        let unchanged = self.doc.with_value(|current| same(&stored, current));
        if unchanged {
            self.saved.set_value(stored);
        } else {
            self.history.update_value(History::clear);
            self.saved.set_value(stored.clone());
            self.doc.set_value(stored);
        }
        self.attempted.set(false);
        self.server_errors.set(Vec::new());
        self.refresh_all();
    }

    /// Replaces the document with `doc` (same content as now, new keys or ids), keeping the
    /// history.
    pub fn replace_doc(&self, doc: C::Doc) {
        self.doc.set_value(doc);
        self.refresh_all();
    }

    /// Starts over: `doc` to edit, `saved` what Canvas has, `keys` above both.
    pub fn reset(&self, doc: C::Doc, saved: C::Doc, keys: KeyGen) {
        self.keys.set_value(keys);
        self.history.update_value(History::clear);
        self.saved.set_value(saved);
        self.doc.set_value(doc);
        self.touched.update_value(HashSet::clear);
        self.attempted.set(false);
        self.server_errors.set(Vec::new());
        self.refresh_all();
    }
}
