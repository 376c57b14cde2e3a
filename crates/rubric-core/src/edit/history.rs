/// A reversible edit of a document.
pub trait Command: Clone + Sized {
    /// The document it edits.
    type Doc;

    /// Applies the command and returns its inverse, or `None` (leaving `doc` untouched) when
    /// the command does not apply (an unknown key, deleting the last level, ...).
    fn apply(&self, doc: &mut Self::Doc) -> Option<Self>;

    /// Whether this command continues `earlier` (typing into the same field), so that one
    /// undo step reverts both.
    fn continues(&self, _earlier: &Self) -> bool {
        false
    }
}

struct Entry<C> {
    forward: C,
    inverse: C,
}

/// Undo and redo over any [`Command`]. Consecutive commands that [`Command::continues`]
/// merge into one undo step until [`History::seal`] is called (on blur, for example).
pub struct History<C: Command> {
    undo: Vec<Entry<C>>,
    redo: Vec<C>,
    open: bool,
    limit: usize,
}

impl<C: Command> Default for History<C> {
    fn default() -> Self {
        History {
            undo: Vec::new(),
            redo: Vec::new(),
            open: false,
            limit: 500,
        }
    }
}

impl<C: Command> History<C> {
    /// Applies `command`, recording it for undo. Returns whether it applied.
    pub fn apply(&mut self, doc: &mut C::Doc, command: C) -> bool {
        let Some(inverse) = command.apply(doc) else {
            return false;
        };
        self.redo.clear();
        match self.undo.last_mut() {
            Some(last) if self.open && command.continues(&last.forward) => last.forward = command,
            _ => {
                self.undo.push(Entry {
                    forward: command,
                    inverse,
                });
                if self.undo.len() > self.limit {
                    self.undo.remove(0);
                }
            }
        }
        self.open = true;
        true
    }

    /// Reverts the latest step. Returns whether there was one.
    pub fn undo(&mut self, doc: &mut C::Doc) -> bool {
        self.open = false;
        let Some(entry) = self.undo.pop() else {
            return false;
        };
        match entry.inverse.apply(doc) {
            Some(redo) => {
                self.redo.push(redo);
                true
            }
            None => false,
        }
    }

    /// Re-applies the latest undone step. Returns whether there was one.
    pub fn redo(&mut self, doc: &mut C::Doc) -> bool {
        self.open = false;
        let Some(command) = self.redo.pop() else {
            return false;
        };
        match command.apply(doc) {
            Some(inverse) => {
                self.undo.push(Entry {
                    forward: command,
                    inverse,
                });
                true
            }
            None => false,
        }
    }

    /// Ends the current typing burst: the next command starts a new undo step.
    pub fn seal(&mut self) {
        self.open = false;
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Forgets every step (after a load or a save that replaced the document).
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.open = false;
    }
}
