use serde::{Deserialize, Serialize};

use super::{apply_batch, move_item, Command, CriterionDoc, Key, KeyGen, RatingDoc, RubricDoc};

/// A text field of a rubric.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TextTarget {
    /// The rubric's title.
    Title,
    /// A criterion's description.
    CriterionDescription(Key),
    /// A criterion's long description.
    CriterionLongDescription(Key),
    /// A rating's description: (criterion, rating).
    RatingDescription(Key, Key),
    /// A rating's long description: (criterion, rating).
    RatingLongDescription(Key, Key),
    /// A rating's points: (criterion, rating).
    RatingPoints(Key, Key),
}

/// A yes/no setting of a rubric.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FlagTarget {
    /// Free-form comments instead of ratings.
    FreeFormComments,
    /// Hide the score total.
    HideScoreTotal,
    /// Hide points.
    HidePoints,
    /// A criterion uses point ranges.
    UseRange(Key),
    /// A criterion is left out of the score.
    IgnoreForScoring(Key),
}

/// Every edit a user can make to a rubric.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum RubricCommand {
    /// Replace a text field.
    SetText {
        /// Which field.
        target: TextTarget,
        /// The new text.
        value: String,
    },
    /// Turn a setting on or off.
    SetFlag {
        /// Which setting.
        target: FlagTarget,
        /// The new value.
        value: bool,
    },
    /// Insert a criterion at `index` (clamped).
    InsertCriterion {
        /// Position.
        index: usize,
        /// The criterion, keys included.
        criterion: CriterionDoc,
    },
    /// Delete a criterion.
    DeleteCriterion {
        /// The criterion.
        key: Key,
    },
    /// Move a criterion to position `to` (clamped).
    MoveCriterion {
        /// The criterion.
        key: Key,
        /// Target position.
        to: usize,
    },
    /// Insert a rating into a criterion at `index` (clamped).
    InsertRating {
        /// The criterion.
        criterion: Key,
        /// Position.
        index: usize,
        /// The rating, key included.
        rating: RatingDoc,
    },
    /// Delete a rating.
    DeleteRating {
        /// The criterion.
        criterion: Key,
        /// The rating.
        rating: Key,
    },
    /// Move a rating within its criterion.
    MoveRating {
        /// The criterion.
        criterion: Key,
        /// The rating.
        rating: Key,
        /// Target position (clamped).
        to: usize,
    },
    /// Several commands as one undo step (a paste, an import).
    Batch(Vec<RubricCommand>),
}

impl RubricCommand {
    /// "Duplicate criterion": a copy with fresh keys, inserted right below the original.
    pub fn duplicate_criterion(doc: &RubricDoc, key: Key, keys: &mut KeyGen) -> Option<Self> {
        let index = doc.criterion_index(key)?;
        Some(RubricCommand::InsertCriterion {
            index: index + 1,
            criterion: doc.criteria[index].duplicate(keys),
        })
    }

    /// "Add rating": a rating between `index - 1` and `index` (or at the end), with points
    /// halfway between its neighbours so the order stays descending.
    pub fn insert_rating_between(
        doc: &RubricDoc,
        criterion: Key,
        index: usize,
        keys: &mut KeyGen,
    ) -> Option<Self> {
        let c = &doc.criteria[doc.criterion_index(criterion)?];
        let index = index.min(c.ratings.len());
        let above = index
            .checked_sub(1)
            .and_then(|i| c.ratings[i].points_value());
        let below = c.ratings.get(index).and_then(RatingDoc::points_value);
        let points = match (above, below) {
            (Some(a), Some(b)) => crate::rules::round_points((a + b) / 2.0),
            (Some(a), None) => (a - 1.0).max(0.0),
            (None, Some(b)) => b + 1.0,
            (None, None) => 0.0,
        };
        Some(RubricCommand::InsertRating {
            criterion,
            index,
            rating: RatingDoc::new(keys, "", &crate::ruby::number_to_input(points)),
        })
    }
}

fn text_mut<'a>(doc: &'a mut RubricDoc, target: TextTarget) -> Option<&'a mut String> {
    let criterion = |doc: &'a mut RubricDoc, key: Key| {
        let index = doc.criterion_index(key)?;
        Some(&mut doc.criteria[index])
    };
    let rating = |doc: &'a mut RubricDoc, c: Key, r: Key| {
        let criterion = criterion(doc, c)?;
        let index = criterion.rating_index(r)?;
        Some(&mut criterion.ratings[index])
    };
    Some(match target {
        TextTarget::Title => &mut doc.title,
        TextTarget::CriterionDescription(c) => &mut criterion(doc, c)?.description,
        TextTarget::CriterionLongDescription(c) => &mut criterion(doc, c)?.long_description,
        TextTarget::RatingDescription(c, r) => &mut rating(doc, c, r)?.description,
        TextTarget::RatingLongDescription(c, r) => &mut rating(doc, c, r)?.long_description,
        TextTarget::RatingPoints(c, r) => &mut rating(doc, c, r)?.points,
    })
}

fn flag_mut(doc: &mut RubricDoc, target: FlagTarget) -> Option<&mut bool> {
    Some(match target {
        FlagTarget::FreeFormComments => &mut doc.free_form_criterion_comments,
        FlagTarget::HideScoreTotal => &mut doc.hide_score_total,
        FlagTarget::HidePoints => &mut doc.hide_points,
        FlagTarget::UseRange(c) => {
            let index = doc.criterion_index(c)?;
            &mut doc.criteria[index].use_range
        }
        FlagTarget::IgnoreForScoring(c) => {
            let index = doc.criterion_index(c)?;
            &mut doc.criteria[index].ignore_for_scoring
        }
    })
}

impl Command for RubricCommand {
    type Doc = RubricDoc;

    fn apply(&self, doc: &mut RubricDoc) -> Option<Self> {
        match self {
            RubricCommand::SetText { target, value } => {
                let old = std::mem::replace(text_mut(doc, *target)?, value.clone());
                Some(RubricCommand::SetText {
                    target: *target,
                    value: old,
                })
            }
            RubricCommand::SetFlag { target, value } => {
                let old = std::mem::replace(flag_mut(doc, *target)?, *value);
                Some(RubricCommand::SetFlag {
                    target: *target,
                    value: old,
                })
            }
            RubricCommand::InsertCriterion { index, criterion } => {
                let taken = doc.keys().collect::<Vec<_>>();
                let incoming =
                    std::iter::once(criterion.key).chain(criterion.ratings.iter().map(|r| r.key));
                if incoming.into_iter().any(|k| taken.contains(&k)) {
                    return None;
                }
                let index = (*index).min(doc.criteria.len());
                doc.criteria.insert(index, criterion.clone());
                Some(RubricCommand::DeleteCriterion { key: criterion.key })
            }
            RubricCommand::DeleteCriterion { key } => {
                let index = doc.criterion_index(*key)?;
                let criterion = doc.criteria.remove(index);
                Some(RubricCommand::InsertCriterion { index, criterion })
            }
            RubricCommand::MoveCriterion { key, to } => {
                let from = doc.criterion_index(*key)?;
                move_item(&mut doc.criteria, from, *to);
                Some(RubricCommand::MoveCriterion {
                    key: *key,
                    to: from,
                })
            }
            RubricCommand::InsertRating {
                criterion,
                index,
                rating,
            } => {
                if doc.keys().any(|k| k == rating.key) {
                    return None;
                }
                let c = doc.criterion_index(*criterion)?;
                let ratings = &mut doc.criteria[c].ratings;
                ratings.insert((*index).min(ratings.len()), rating.clone());
                Some(RubricCommand::DeleteRating {
                    criterion: *criterion,
                    rating: rating.key,
                })
            }
            RubricCommand::DeleteRating { criterion, rating } => {
                let c = doc.criterion_index(*criterion)?;
                let index = doc.criteria[c].rating_index(*rating)?;
                let removed = doc.criteria[c].ratings.remove(index);
                Some(RubricCommand::InsertRating {
                    criterion: *criterion,
                    index,
                    rating: removed,
                })
            }
            RubricCommand::MoveRating {
                criterion,
                rating,
                to,
            } => {
                let c = doc.criterion_index(*criterion)?;
                let from = doc.criteria[c].rating_index(*rating)?;
                move_item(&mut doc.criteria[c].ratings, from, *to);
                Some(RubricCommand::MoveRating {
                    criterion: *criterion,
                    rating: *rating,
                    to: from,
                })
            }
            RubricCommand::Batch(commands) => apply_batch(commands, doc).map(RubricCommand::Batch),
        }
    }

    fn continues(&self, earlier: &Self) -> bool {
        matches!(
            (self, earlier),
            (RubricCommand::SetText { target, .. }, RubricCommand::SetText { target: t2, .. }) if target == t2
        )
    }
}
