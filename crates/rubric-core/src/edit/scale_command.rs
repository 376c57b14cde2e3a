use serde::{Deserialize, Serialize};

use super::{apply_batch, move_item, Command, Key, Level, LevelField, ScaleDoc};
use crate::validate::parse_points;

/// Every edit a user can make to a mastery scale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum ScaleCommand {
    /// Replace a level's description, points or colour text.
    SetText {
        /// The level.
        key: Key,
        /// Which field.
        field: LevelField,
        /// The new text.
        value: String,
    },
    /// Make this level the (only) mastery level.
    SetMastery {
        /// The level.
        key: Key,
    },
    /// Insert a level at `index`; a level marked mastery takes mastery from the others.
    Insert {
        /// Position (clamped to the end).
        index: usize,
        /// The new level.
        level: Level,
    },
    /// Delete a level; if it held mastery, the level above (else below) takes it.
    /// Refused for the last remaining level.
    Delete {
        /// The level.
        key: Key,
    },
    /// Move a level to position `to`.
    Move {
        /// The level.
        key: Key,
        /// Target position (clamped).
        to: usize,
    },
    /// Put the levels in this order (every key exactly once).
    Reorder {
        /// The new order.
        order: Vec<Key>,
    },
    /// Replace every level (start from the default scale, restore a draft).
    Replace {
        /// The new levels.
        levels: Vec<Level>,
    },
    /// Several commands as one undo step.
    Batch(Vec<ScaleCommand>),
}

impl ScaleCommand {
    /// The explicit "Sort by points" action: highest points first, unparseable points last,
    /// ties in their current order. `None` when already sorted.
    pub fn sort_by_points(doc: &ScaleDoc) -> Option<ScaleCommand> {
        let mut levels: Vec<&Level> = doc.levels.iter().collect();
        levels.sort_by(|a, b| {
            let (pa, pb) = (parse_points(&a.points).ok(), parse_points(&b.points).ok());
            pb.partial_cmp(&pa).unwrap_or(std::cmp::Ordering::Equal)
        });
        let order: Vec<Key> = levels.iter().map(|l| l.key).collect();
        (order != doc.order()).then_some(ScaleCommand::Reorder { order })
    }
}

fn set_mastery(doc: &mut ScaleDoc, key: Key) {
    for level in &mut doc.levels {
        level.mastery = level.key == key;
    }
}

impl Command for ScaleCommand {
    type Doc = ScaleDoc;

    fn apply(&self, doc: &mut ScaleDoc) -> Option<Self> {
        match self {
            ScaleCommand::SetText { key, field, value } => {
                let index = doc.index_of(*key)?;
                let old = std::mem::replace(doc.levels[index].field_mut(*field), value.clone());
                Some(ScaleCommand::SetText {
                    key: *key,
                    field: *field,
                    value: old,
                })
            }
            ScaleCommand::SetMastery { key } => {
                doc.index_of(*key)?;
                let previous = doc
                    .levels
                    .iter()
                    .filter(|l| l.mastery)
                    .map(|l| l.key)
                    .collect::<Vec<_>>();
                set_mastery(doc, *key);
                Some(match previous.as_slice() {
                    [only] => ScaleCommand::SetMastery { key: *only },
                    _ => ScaleCommand::Replace {
                        levels: doc
                            .levels
                            .iter()
                            .map(|l| Level {
                                mastery: previous.contains(&l.key),
                                ..l.clone()
                            })
                            .collect(),
                    },
                })
            }
            ScaleCommand::Insert { index, level } => {
                if doc.index_of(level.key).is_some() {
                    return None;
                }
                let previous_mastery = doc.mastery_key();
                let index = (*index).min(doc.levels.len());
                doc.levels.insert(index, level.clone());
                let delete = ScaleCommand::Delete { key: level.key };
                match (level.mastery, previous_mastery) {
                    (true, Some(previous)) => {
                        set_mastery(doc, level.key);
                        Some(ScaleCommand::Batch(vec![
                            delete,
                            ScaleCommand::SetMastery { key: previous },
                        ]))
                    }
                    // Deleting would hand mastery on; restore the exact old levels instead.
                    (true, None) => {
                        let mut old = doc.levels.clone();
                        old.remove(index);
                        Some(ScaleCommand::Replace { levels: old })
                    }
                    (false, _) => Some(delete),
                }
            }
            ScaleCommand::Delete { key } => {
                let index = doc.index_of(*key)?;
                if doc.levels.len() <= 1 {
                    return None;
                }
                let level = doc.levels.remove(index);
                if level.mastery && !doc.levels.iter().any(|l| l.mastery) {
                    let heir = index.saturating_sub(1);
                    doc.levels[heir].mastery = true;
                }
                Some(ScaleCommand::Insert { index, level })
            }
            ScaleCommand::Move { key, to } => {
                let from = doc.index_of(*key)?;
                move_item(&mut doc.levels, from, *to);
                Some(ScaleCommand::Move {
                    key: *key,
                    to: from,
                })
            }
            ScaleCommand::Reorder { order } => {
                let mut sorted = order.clone();
                sorted.sort();
                let mut current = doc.order();
                let previous = current.clone();
                current.sort();
                if sorted != current {
                    return None;
                }
                doc.levels
                    .sort_by_key(|l| order.iter().position(|k| *k == l.key));
                Some(ScaleCommand::Reorder { order: previous })
            }
            ScaleCommand::Replace { levels } => {
                let old = std::mem::replace(&mut doc.levels, levels.clone());
                Some(ScaleCommand::Replace { levels: old })
            }
            ScaleCommand::Batch(commands) => apply_batch(commands, doc).map(ScaleCommand::Batch),
        }
    }

    fn continues(&self, earlier: &Self) -> bool {
        matches!(
            (self, earlier),
            (ScaleCommand::SetText { key, field, .. }, ScaleCommand::SetText { key: k2, field: f2, .. })
                if key == k2 && field == f2
        )
    }
}
