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

    /// Reverts the latest step. Returns the step as it now stands for redo (it touches the
    /// same parts of the document as the reverted edit), or `None` when there was none.
    pub fn undo(&mut self, doc: &mut C::Doc) -> Option<&C> {
        self.open = false;
        let entry = self.undo.pop()?;
        let redo = entry.inverse.apply(doc)?;
        self.redo.push(redo);
        self.redo.last()
    }

    /// Re-applies the latest undone step. Returns it, or `None` when there was none.
    pub fn redo(&mut self, doc: &mut C::Doc) -> Option<&C> {
        self.open = false;
        let command = self.redo.pop()?;
        let inverse = command.apply(doc)?;
        self.undo.push(Entry {
            forward: command,
            inverse,
        });
        self.undo.last().map(|e| &e.forward)
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
