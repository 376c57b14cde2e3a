use leptos::prelude::*;
use rubric_core::edit::{Key, KeyGen, RubricCommand, RubricDoc, TextTarget};
use rubric_core::validate::{CriterionField, FieldPath, RatingField};
use rubric_core::{IssueCode, ValidationIssue};

use crate::ui::{EditState, IdPrefix};

/// The rubric editor's state: the rubric, its saved copy and undo history; a touched field is
/// the text field a command edits.
pub type RubricState = EditState<RubricCommand, TextTarget>;

/// Whether two rubrics say the same thing (keys and Canvas ids aside).
pub fn same_content(a: &RubricDoc, b: &RubricDoc) -> bool {
    let strip = |doc: &RubricDoc| {
        let mut doc = doc.clone();
        for c in &mut doc.criteria {
            c.key = Key(0);
            c.id = None;
            for r in &mut c.ratings {
                r.key = Key(0);
                r.id = None;
                r.points = rubric_core::validate::parse_points(&r.points)
                    .map(rubric_core::ruby::number_to_input)
                    .unwrap_or_else(|_| r.points.clone());
            }
        }
        doc
    };
    strip(a) == strip(b)
}

/// The editable form of a rubric as Canvas returns it; "hide points" lives on the course's
/// bookmark association.
pub fn doc_from_rubric(rubric: &rubric_core::Rubric, keys: &mut KeyGen) -> RubricDoc {
    let mut doc = RubricDoc::from_rubric(rubric, keys);
    doc.hide_points = rubric
        .associations
        .iter()
        .flatten()
        .any(|a| a.association_type == "Course" && a.purpose == "bookmark" && a.hide_points);
    doc
}

/// Gives `stored` the keys of `current` where both have the same criteria and rating counts.
fn adopt_keys(stored: &mut RubricDoc, current: &RubricDoc) {
    let same_shape = stored.criteria.len() == current.criteria.len()
        && stored
            .criteria
            .iter()
            .zip(&current.criteria)
            .all(|(s, c)| s.ratings.len() == c.ratings.len());
    if !same_shape {
        return;
    }
    for (s, c) in stored.criteria.iter_mut().zip(&current.criteria) {
        s.key = c.key;
        // Canvas sorts ratings by points, highest first; pair them by id, then by points.
        let mut used = vec![false; c.ratings.len()];
        for r in &mut s.ratings {
            let found = c.ratings.iter().enumerate().position(|(i, cr)| {
                !used[i]
                    && (cr.id.is_some() && cr.id == r.id
                        || cr.id.is_none() && cr.points_value() == r.points_value())
            });
            if let Some(i) = found {
                used[i] = true;
                r.key = c.ratings[i].key;
            }
        }
    }
}

impl RubricState {
    /// State for a loaded rubric.
    pub fn for_rubric(doc: RubricDoc) -> Self {
        let keys = KeyGen::after(doc.keys());
        EditState::new(doc, keys)
    }

    /// Whether the edits differ from the saved rubric.
    pub fn is_dirty(&self) -> bool {
        !self.doc.with(|d| self.saved.with(|s| same_content(d, s)))
    }

    /// Every problem with the rubric as it would be sent.
    pub fn issues(&self) -> Vec<ValidationIssue> {
        self.doc.with(RubricDoc::validate)
    }

    /// Takes what Canvas stored after a save. Rows keep their keys when the shape is the same
    /// (so focus and undo survive) and gain Canvas's ids; anything else replaces the edits.
    pub fn accept_saved_rubric(&self, rubric: &rubric_core::Rubric) {
        let mut stored = self.with_keys(|keys| doc_from_rubric(rubric, keys));
        self.doc
            .with_untracked(|current| adopt_keys(&mut stored, current));
        let same = self.doc.with_untracked(|c| same_content(&stored, c));
        self.accept_saved(stored.clone(), same_content);
        if same {
            self.doc.set(stored);
        }
    }

    /// Starts over from a loaded rubric (`saved` is what Canvas has).
    pub fn reset_rubric(&self, doc: RubricDoc, saved: RubricDoc) {
        let keys = KeyGen::after(doc.keys().chain(saved.keys()));
        self.reset(doc, saved, keys);
    }
}

/// The id of the control that edits `target`.
pub fn field_id(ids: &IdPrefix, target: TextTarget) -> String {
    ids.id(&match target {
        TextTarget::Title => "title".to_string(),
        TextTarget::CriterionDescription(c) => format!("c{}-description", c.0),
        TextTarget::CriterionLongDescription(c) => format!("c{}-long", c.0),
        TextTarget::RatingDescription(c, r) => format!("c{}-r{}-description", c.0, r.0),
        TextTarget::RatingLongDescription(c, r) => format!("c{}-r{}-long", c.0, r.0),
        TextTarget::RatingPoints(c, r) => format!("c{}-r{}-points", c.0, r.0),
    })
}

/// The text field an issue points at, in terms of keys; criterion-level problems (no
/// ratings, a range with one rating) point at the criterion's description.
pub fn issue_target(doc: &RubricDoc, path: &FieldPath) -> Option<TextTarget> {
    match *path {
        FieldPath::Title => Some(TextTarget::Title),
        FieldPath::Criterion { criterion, field } => {
            let c = doc.criteria.get(criterion)?;
            Some(match field {
                CriterionField::Description
                | CriterionField::Ratings
                | CriterionField::UseRange
                | CriterionField::Points => TextTarget::CriterionDescription(c.key),
            })
        }
        FieldPath::Rating {
            criterion,
            rating,
            field,
        } => {
            let c = doc.criteria.get(criterion)?;
            let r = c.ratings.get(rating)?;
            Some(match field {
                RatingField::Description => TextTarget::RatingDescription(c.key, r.key),
                RatingField::Points => TextTarget::RatingPoints(c.key, r.key),
            })
        }
        _ => None,
    }
}

/// The messages to show at `target`: after it was edited or a save was tried, and always for
/// relational problems (duplicate points, a criterion without ratings). Tracked.
pub fn field_messages(
    state: RubricState,
    issues: &[ValidationIssue],
    target: TextTarget,
) -> Vec<String> {
    let shown = state.shows_errors_of(&target);
    let mut messages: Vec<String> = state.doc.with(|doc| {
        issues
            .iter()
            .filter(|i| issue_target(doc, &i.path) == Some(target))
            .filter(|i| {
                shown
                    || matches!(
                        i.code,
                        IssueCode::DuplicateRatingPoints
                            | IssueCode::CriterionWithoutRatings
                            | IssueCode::RangeNeedsTwoRatings
                    )
            })
            .map(|i| format!("{} {}", i.message, i.help()).trim().to_string())
            .collect()
    });
    if target == TextTarget::Title {
        messages.extend(state.server_errors.with(|errors| {
            errors
                .iter()
                .filter(|e| e.field == "title")
                .map(|e| format!("Canvas: {}", e.message))
                .collect::<Vec<_>>()
        }));
    }
    messages
}
