use serde::{Deserialize, Serialize};

/// A stable client-side identity for a level, criterion or rating. It never depends on
/// points or position, so editing points never re-pairs names and values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Key(pub u32);

/// Hands out fresh keys. Kept outside the documents so that undo restores a document exactly.
#[derive(Clone, Debug, Default)]
pub struct KeyGen {
    next: u32,
}

impl KeyGen {
    /// A generator whose keys are all greater than every key in `used`.
    pub fn after(used: impl IntoIterator<Item = Key>) -> Self {
        let next = used.into_iter().map(|k| k.0 + 1).max().unwrap_or(0);
        KeyGen { next }
    }

    /// The next unused key.
    pub fn fresh(&mut self) -> Key {
        let key = Key(self.next);
        self.next += 1;
        key
    }
}
