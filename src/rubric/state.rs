use leptos::prelude::*;
use rubric_core::edit::{CriterionDoc, KeyGen, RatingDoc, RubricCommand, RubricDoc, TextTarget};
use rubric_core::validate::{parse_points, CriterionField, FieldPath, RatingField};
use rubric_core::{IssueCode, ValidationIssue};

use crate::ui::{issue_text, EditState, IdPrefix};

/// The rubric editor's state: the rubric, its saved copy and undo history; a touched field is
/// the text field a command edits.
pub type RubricState = EditState<RubricCommand, TextTarget>;

/// Whether two rubrics say the same thing (keys and Canvas ids aside; points compared as
/// numbers, so "5" and "5.0" agree). Runs on every keystroke, so it compares in place.
pub fn same_content(a: &RubricDoc, b: &RubricDoc) -> bool {
    let same_points = |x: &str, y: &str| match (parse_points(x), parse_points(y)) {
        (Ok(x), Ok(y)) => x == y,
        _ => x == y,
    };
    let same_rating = |x: &RatingDoc, y: &RatingDoc| {
        x.description == y.description
            && x.long_description == y.long_description
            && same_points(&x.points, &y.points)
    };
    let same_criterion = |x: &CriterionDoc, y: &CriterionDoc| {
        x.description == y.description
            && x.long_description == y.long_description
            && x.use_range == y.use_range
            && x.learning_outcome_id == y.learning_outcome_id
            && x.mastery_points == y.mastery_points
            && x.ignore_for_scoring == y.ignore_for_scoring
            && x.ratings.len() == y.ratings.len()
            && x.ratings
                .iter()
                .zip(&y.ratings)
                .all(|(x, y)| same_rating(x, y))
    };
    a.title == b.title
        && a.free_form_criterion_comments == b.free_form_criterion_comments
        && a.hide_score_total == b.hide_score_total
        && a.hide_points == b.hide_points
        && a.criteria.len() == b.criteria.len()
        && a.criteria
            .iter()
            .zip(&b.criteria)
            .all(|(x, y)| same_criterion(x, y))
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

/// Every message to show, with the field it belongs to: a problem shows once its field was
/// edited or a save was tried, relational problems (duplicate points, a criterion without
/// ratings) always; Canvas's title errors too. Computed once per edit for the whole grid, so
/// each field only filters this short list. Tracked.
pub fn field_messages(state: RubricState, issues: &[ValidationIssue]) -> Vec<(TextTarget, String)> {
    let mut messages: Vec<(TextTarget, String)> = state.doc.with(|doc| {
        issues
            .iter()
            .filter_map(|i| Some((issue_target(doc, &i.path)?, i)))
            .filter(|(target, i)| {
                state.shows_errors_of(target)
                    || matches!(
                        i.code,
                        IssueCode::DuplicateRatingPoints
                            | IssueCode::CriterionWithoutRatings
                            | IssueCode::RangeNeedsTwoRatings
                    )
            })
            .map(|(target, i)| (target, issue_text(i)))
            .collect()
    });
    messages.extend(state.server_errors.with(|errors| {
        errors
            .iter()
            .filter(|e| e.field == "title")
            .map(|e| (TextTarget::Title, format!("Canvas: {}", e.message)))
            .collect::<Vec<_>>()
    }));
    messages
}

/// The messages of one field, from [`field_messages`]; changes only when they do.
pub fn messages_at(all: Memo<Vec<(TextTarget, String)>>, target: TextTarget) -> Memo<Vec<String>> {
    Memo::new(move |_| {
        all.with(|all| {
            all.iter()
                .filter(|(t, _)| *t == target)
                .map(|(_, m)| m.clone())
                .collect()
        })
    })
}
