use std::collections::{HashMap, HashSet};

use super::{
    CriterionDoc, Facts, FlagTarget, Key, RatingDoc, RubricCommand, RubricDoc, TextTarget, Tracked,
};
use crate::rules::points_possible;
use crate::validate::{
    check_criterion, check_title, parse_points, FieldPath, RatingField, ValidationIssue,
};

/// What readers of a rubric watch: its fields, the shape of its lists, and the facts derived
/// from them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RubricPart {
    /// A text field.
    Text(TextTarget),
    /// A yes/no setting.
    Flag(FlagTarget),
    /// The list of a criterion's ratings (a rating added, deleted or moved).
    Ratings(Key),
    /// The list of criteria (a criterion added, deleted or moved).
    Criteria,
    /// The validation messages of a text field.
    Messages(TextTarget),
    /// A criterion's points (its highest rating).
    CriterionPoints(Key),
    /// The rubric's total points.
    Total,
    /// Whether the rubric differs from its saved copy.
    Dirty,
    /// The list of every problem.
    Issues,
}

/// Whether two ratings say the same thing (keys and ids aside; points compared as numbers, so
/// "5" and "5.0" agree).
fn same_rating(x: &RatingDoc, y: &RatingDoc) -> bool {
    let same_points = match (parse_points(&x.points), parse_points(&y.points)) {
        (Ok(a), Ok(b)) => a == b,
        _ => x.points == y.points,
    };
    x.description == y.description && x.long_description == y.long_description && same_points
}

impl CriterionDoc {
    /// Whether two criteria say the same thing (keys and Canvas ids aside).
    pub fn same_content(&self, other: &CriterionDoc) -> bool {
        self.description == other.description
            && self.long_description == other.long_description
            && self.use_range == other.use_range
            && self.learning_outcome_id == other.learning_outcome_id
            && self.mastery_points == other.mastery_points
            && self.ignore_for_scoring == other.ignore_for_scoring
            && self.ratings.len() == other.ratings.len()
            && self
                .ratings
                .iter()
                .zip(&other.ratings)
                .all(|(x, y)| same_rating(x, y))
    }
}

/// Whether the rubric-wide settings of two rubrics, or their number of criteria, differ.
fn top_differs(doc: &RubricDoc, saved: &RubricDoc) -> bool {
    doc.title != saved.title
        || doc.free_form_criterion_comments != saved.free_form_criterion_comments
        || doc.hide_score_total != saved.hide_score_total
        || doc.hide_points != saved.hide_points
        || doc.criteria.len() != saved.criteria.len()
}

impl RubricDoc {
    /// Whether two rubrics say the same thing (keys and Canvas ids aside).
    pub fn same_content(&self, other: &RubricDoc) -> bool {
        !top_differs(self, other)
            && self
                .criteria
                .iter()
                .zip(&other.criteria)
                .all(|(x, y)| x.same_content(y))
    }

    /// The text field an issue points at; criterion-level problems (no ratings, a range with
    /// one rating) point at the criterion's description.
    pub fn issue_target(&self, path: &FieldPath) -> Option<TextTarget> {
        match *path {
            FieldPath::Title => Some(TextTarget::Title),
            FieldPath::Criterion { criterion, .. } => self
                .criteria
                .get(criterion)
                .map(|c| TextTarget::CriterionDescription(c.key)),
            FieldPath::Rating {
                criterion,
                rating,
                field,
            } => {
                let c = self.criteria.get(criterion)?;
                Some(row_target(c, rating, field)?)
            }
            _ => None,
        }
    }
}

fn row_target(c: &CriterionDoc, rating: usize, field: RatingField) -> Option<TextTarget> {
    let r = c.ratings.get(rating)?.key;
    Some(match field {
        RatingField::Description => TextTarget::RatingDescription(c.key, r),
        RatingField::Points => TextTarget::RatingPoints(c.key, r),
    })
}

/// What is known about one criterion: recomputed only when the criterion changes.
#[derive(Clone, Debug, PartialEq)]
struct RowFacts {
    points: f64,
    ignored: bool,
    issues: Vec<(TextTarget, ValidationIssue)>,
    differs: bool,
}

impl RowFacts {
    fn new(index: usize, c: &CriterionDoc, saved: Option<&CriterionDoc>) -> Self {
        let mut found = Vec::new();
        check_criterion(index, c, &mut found);
        let issues = found
            .into_iter()
            .filter_map(|issue| {
                let target = match issue.path {
                    FieldPath::Criterion { .. } => TextTarget::CriterionDescription(c.key),
                    FieldPath::Rating { rating, field, .. } => row_target(c, rating, field)?,
                    _ => return None,
                };
                Some((target, issue))
            })
            .collect();
        RowFacts {
            points: c.points(),
            ignored: c.ignore_for_scoring,
            issues,
            differs: saved.is_none_or(|s| !c.same_content(s)),
        }
    }
}

/// The facts derived from a rubric and its saved copy (validation by field, each criterion's
/// points, the total, whether it differs from the saved copy), kept up to date per criterion.
#[derive(Clone, Debug, PartialEq)]
pub struct RubricFacts {
    order: Vec<Key>,
    position: HashMap<Key, usize>,
    rows: HashMap<Key, RowFacts>,
    title: Vec<ValidationIssue>,
    top_differs: bool,
    differing: HashSet<Key>,
    total: f64,
}

impl RubricFacts {
    /// The facts of `doc` against `saved`, from scratch.
    pub fn new(doc: &RubricDoc, saved: &RubricDoc) -> Self {
        let order: Vec<Key> = doc.criteria.iter().map(|c| c.key).collect();
        let rows: HashMap<Key, RowFacts> = doc
            .criteria
            .iter()
            .enumerate()
            .map(|(i, c)| (c.key, RowFacts::new(i, c, saved.criteria.get(i))))
            .collect();
        let mut title = Vec::new();
        check_title(&doc.title, &mut title);
        let mut facts = RubricFacts {
            position: order.iter().enumerate().map(|(i, k)| (*k, i)).collect(),
            differing: rows
                .iter()
                .filter(|(_, r)| r.differs)
                .map(|(k, _)| *k)
                .collect(),
            order,
            rows,
            title,
            top_differs: top_differs(doc, saved),
            total: 0.0,
        };
        facts.total = facts.sum();
        facts
    }

    fn sum(&self) -> f64 {
        points_possible(self.order.iter().map(|k| {
            let row = &self.rows[k];
            (row.points, row.ignored)
        }))
    }

    /// The live total: criteria points except ignored ones, rounded as Canvas rounds.
    pub fn total(&self) -> f64 {
        self.total
    }

    /// A criterion's points (its highest valid rating), 0 for an unknown key.
    pub fn criterion_points(&self, key: Key) -> f64 {
        self.rows.get(&key).map_or(0.0, |r| r.points)
    }

    /// A criterion's position, 0-based.
    pub fn position(&self, key: Key) -> Option<usize> {
        self.position.get(&key).copied()
    }

    /// The criteria keys in display order.
    pub fn order(&self) -> &[Key] {
        &self.order
    }

    fn issues_of(&self, target: TextTarget) -> impl Iterator<Item = &ValidationIssue> {
        let row = match target {
            TextTarget::Title => None,
            TextTarget::CriterionDescription(c)
            | TextTarget::CriterionLongDescription(c)
            | TextTarget::RatingDescription(c, _)
            | TextTarget::RatingLongDescription(c, _)
            | TextTarget::RatingPoints(c, _) => self.rows.get(&c),
        };
        let title = matches!(target, TextTarget::Title).then_some(&self.title);
        title.into_iter().flatten().chain(
            row.into_iter()
                .flat_map(|r| &r.issues)
                .filter(move |(t, _)| *t == target)
                .map(|(_, i)| i),
        )
    }

    /// Re-derives one criterion, pushing what changed; returns whether its points changed.
    fn refresh_row(
        &mut self,
        key: Key,
        doc: &RubricDoc,
        saved: &RubricDoc,
        out: &mut Vec<RubricPart>,
    ) -> bool {
        let Some(&index) = self.position.get(&key) else {
            return false;
        };
        let row = RowFacts::new(index, &doc.criteria[index], saved.criteria.get(index));
        let old = self.rows.insert(key, row);
        let row = &self.rows[&key];
        if row.differs {
            self.differing.insert(key);
        } else {
            self.differing.remove(&key);
        }
        let old_issues = old.as_ref().map_or(&[][..], |o| &o.issues[..]);
        push_message_changes(old_issues, &row.issues, out);
        let points_changed = old
            .as_ref()
            .is_none_or(|o| o.points != row.points || o.ignored != row.ignored);
        if old.as_ref().is_none_or(|o| o.points != row.points) {
            out.push(RubricPart::CriterionPoints(key));
        }
        points_changed
    }

    /// Pushes what differs between `self` (before) and `new` (after a rebuild).
    fn push_changes(&self, new: &RubricFacts, out: &mut Vec<RubricPart>) {
        if self.title != new.title {
            out.push(RubricPart::Messages(TextTarget::Title));
        }
        for (key, row) in &new.rows {
            let old = self.rows.get(key);
            push_message_changes(old.map_or(&[][..], |o| &o.issues[..]), &row.issues, out);
            if old.is_none_or(|o| o.points != row.points) {
                out.push(RubricPart::CriterionPoints(*key));
            }
        }
    }
}

/// Pushes `Messages` for every field whose issues differ between two lists of one row.
fn push_message_changes(
    old: &[(TextTarget, ValidationIssue)],
    new: &[(TextTarget, ValidationIssue)],
    out: &mut Vec<RubricPart>,
) {
    if old == new {
        return;
    }
    fn at(list: &[(TextTarget, ValidationIssue)], t: TextTarget) -> Vec<&ValidationIssue> {
        list.iter()
            .filter(|(x, _)| *x == t)
            .map(|(_, i)| i)
            .collect()
    }
    for (target, _) in old.iter().chain(new) {
        let part = RubricPart::Messages(*target);
        if !out.contains(&part) && at(old, *target) != at(new, *target) {
            out.push(part);
        }
    }
}

impl Facts<TextTarget> for RubricFacts {
    fn dirty(&self) -> bool {
        self.top_differs || !self.differing.is_empty()
    }

    fn is_valid(&self) -> bool {
        self.title.is_empty() && self.rows.values().all(|r| r.issues.is_empty())
    }

    fn issues(&self) -> Vec<(Option<TextTarget>, &ValidationIssue)> {
        let rows = self.order.iter().flat_map(|k| &self.rows[k].issues);
        self.title
            .iter()
            .map(|i| (Some(TextTarget::Title), i))
            .chain(rows.map(|(t, i)| (Some(*t), i)))
            .collect()
    }

    fn issues_at(&self, field: TextTarget) -> Vec<&ValidationIssue> {
        self.issues_of(field).collect()
    }
}

/// The criterion a document part belongs to, if any.
fn criterion_of(part: RubricPart) -> Option<Key> {
    match part {
        RubricPart::Text(t) => match t {
            TextTarget::Title => None,
            TextTarget::CriterionDescription(c)
            | TextTarget::CriterionLongDescription(c)
            | TextTarget::RatingDescription(c, _)
            | TextTarget::RatingLongDescription(c, _)
            | TextTarget::RatingPoints(c, _) => Some(c),
        },
        RubricPart::Flag(FlagTarget::UseRange(c) | FlagTarget::IgnoreForScoring(c)) => Some(c),
        RubricPart::Ratings(c) => Some(c),
        _ => None,
    }
}

impl Tracked for RubricCommand {
    type Part = RubricPart;
    type Field = TextTarget;
    type Facts = RubricFacts;

    fn parts(&self, out: &mut Vec<RubricPart>) {
        match self {
            RubricCommand::SetText { target, .. } => out.push(RubricPart::Text(*target)),
            RubricCommand::SetFlag { target, .. } => out.push(RubricPart::Flag(*target)),
            RubricCommand::InsertCriterion { .. }
            | RubricCommand::DeleteCriterion { .. }
            | RubricCommand::MoveCriterion { .. } => out.push(RubricPart::Criteria),
            RubricCommand::InsertRating { criterion, .. }
            | RubricCommand::DeleteRating { criterion, .. }
            | RubricCommand::MoveRating { criterion, .. } => {
                out.push(RubricPart::Ratings(*criterion))
            }
            RubricCommand::Batch(commands) => commands.iter().for_each(|c| c.parts(out)),
        }
    }

    fn facts(doc: &RubricDoc, saved: &RubricDoc) -> RubricFacts {
        RubricFacts::new(doc, saved)
    }

    fn refresh(
        facts: &mut RubricFacts,
        doc: &RubricDoc,
        saved: &RubricDoc,
        changed: &[RubricPart],
        out: &mut Vec<RubricPart>,
    ) {
        let was_dirty = facts.dirty();
        let before = out.len();
        if changed.contains(&RubricPart::Criteria) {
            let new = RubricFacts::new(doc, saved);
            facts.push_changes(&new, out);
            let total_changed = new.total != facts.total;
            let issues_changed = facts.issues() != new.issues();
            *facts = new;
            if total_changed {
                out.push(RubricPart::Total);
            }
            if issues_changed {
                out.push(RubricPart::Issues);
            }
        } else {
            let mut rows: Vec<Key> = changed.iter().filter_map(|p| criterion_of(*p)).collect();
            rows.sort_unstable();
            rows.dedup();
            let mut points_changed = false;
            for key in rows {
                points_changed |= facts.refresh_row(key, doc, saved, out);
            }
            if changed.contains(&RubricPart::Text(TextTarget::Title)) {
                let mut title = Vec::new();
                check_title(&doc.title, &mut title);
                if title != facts.title {
                    facts.title = title;
                    out.push(RubricPart::Messages(TextTarget::Title));
                }
            }
            facts.top_differs = top_differs(doc, saved);
            if points_changed {
                let total = facts.sum();
                if total != facts.total {
                    facts.total = total;
                    out.push(RubricPart::Total);
                }
            }
            let messages_changed = out[before..]
                .iter()
                .any(|p| matches!(p, RubricPart::Messages(_)));
            if messages_changed {
                out.push(RubricPart::Issues);
            }
        }
        if facts.dirty() != was_dirty {
            out.push(RubricPart::Dirty);
        }
    }

    const ISSUES: RubricPart = RubricPart::Issues;

    fn messages_part(field: TextTarget) -> RubricPart {
        RubricPart::Messages(field)
    }

    fn is_messages(part: RubricPart) -> bool {
        matches!(part, RubricPart::Messages(_))
    }
}
