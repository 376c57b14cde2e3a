use std::collections::{HashMap, HashSet};

use super::{Facts, Key, Level, LevelField, ScaleCommand, ScaleDoc, Tracked};
use crate::color::normalize_hex_input;
use crate::validate::{check_level, check_scale, order_issue, FieldPath, ValidationIssue};

/// What readers of a mastery scale watch: its fields, the mastery choice, the list of levels,
/// and the facts derived from them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ScalePart {
    /// A level's description, points or colour.
    Text(Key, LevelField),
    /// Which level holds mastery.
    Mastery,
    /// The list of levels (a level added, deleted or moved).
    Levels,
    /// The validation messages of a level's field.
    Messages(Key, LevelField),
    /// Whether the scale differs from its saved copy.
    Dirty,
    /// The list of every problem.
    Issues,
}

impl Level {
    /// The level as a save sends it: its colour normalised (`#0a1` to `00AA11`).
    pub fn normalized(&self) -> Level {
        Level {
            color: normalize_hex_input(&self.color).unwrap_or_else(|_| self.color.clone()),
            ..self.clone()
        }
    }

    /// Whether two levels say the same thing once normalised (keys aside).
    pub fn same_content(&self, other: &Level) -> bool {
        let (a, b) = (self.normalized(), other.normalized());
        a.description == b.description
            && a.points == b.points
            && a.mastery == b.mastery
            && a.color == b.color
    }
}

impl ScaleDoc {
    /// The scale as a save sends it: colours normalised.
    pub fn normalized(&self) -> ScaleDoc {
        ScaleDoc {
            levels: self.levels.iter().map(Level::normalized).collect(),
        }
    }

    /// Whether two scales say the same thing once normalised (keys aside).
    pub fn same_content(&self, other: &ScaleDoc) -> bool {
        self.levels.len() == other.levels.len()
            && self
                .levels
                .iter()
                .zip(&other.levels)
                .all(|(a, b)| a.same_content(b))
    }
}

/// The facts derived from a mastery scale and its saved copy (validation by field, whether it
/// differs), kept up to date per level: a level's own rules and the order rule with its
/// neighbours are rechecked when it changes; the scale-wide rules when mastery or the list do.
#[derive(Clone, Debug, PartialEq)]
pub struct ScaleFacts {
    order: Vec<Key>,
    position: HashMap<Key, usize>,
    own: HashMap<Key, Vec<ValidationIssue>>,
    /// The order problem of a level with the level above it, by the lower level's key.
    ordering: HashMap<Key, ValidationIssue>,
    scale: Vec<ValidationIssue>,
    differing: HashSet<Key>,
    count_differs: bool,
}

fn own_issues(index: usize, level: &Level) -> Vec<ValidationIssue> {
    let mut issues = Vec::new();
    check_level(index, &level.normalized(), &mut issues);
    issues
}

fn scale_issues(doc: &ScaleDoc) -> Vec<ValidationIssue> {
    let mut issues = Vec::new();
    let mastery = doc.levels.iter().filter(|l| l.mastery).count();
    check_scale(doc.levels.len(), mastery, &mut issues);
    issues
}

fn field_of(issue: &ValidationIssue) -> Option<LevelField> {
    match issue.path {
        FieldPath::Level { field, .. } => Some(field),
        _ => None,
    }
}

impl ScaleFacts {
    /// The facts of `doc` against `saved`, from scratch.
    pub fn new(doc: &ScaleDoc, saved: &ScaleDoc) -> Self {
        let levels = &doc.levels;
        let differs = |i: usize, l: &Level| saved.levels.get(i).is_none_or(|s| !l.same_content(s));
        ScaleFacts {
            order: doc.order(),
            position: levels.iter().enumerate().map(|(i, l)| (l.key, i)).collect(),
            own: levels
                .iter()
                .enumerate()
                .map(|(i, l)| (l.key, own_issues(i, l)))
                .collect(),
            ordering: levels
                .windows(2)
                .enumerate()
                .filter_map(|(i, pair)| {
                    Some((pair[1].key, order_issue(i + 1, &pair[0], &pair[1])?))
                })
                .collect(),
            scale: scale_issues(doc),
            differing: levels
                .iter()
                .enumerate()
                .filter(|(i, l)| differs(*i, l))
                .map(|(_, l)| l.key)
                .collect(),
            count_differs: levels.len() != saved.levels.len(),
        }
    }

    /// The level keys in display order.
    pub fn order(&self) -> &[Key] {
        &self.order
    }

    /// A level's position, 0-based.
    pub fn position(&self, key: Key) -> Option<usize> {
        self.position.get(&key).copied()
    }

    /// The problems of one field, in order.
    fn at(&self, key: Key, field: LevelField) -> Vec<&ValidationIssue> {
        let own = self.own.get(&key).into_iter().flatten();
        let ordering = self
            .ordering
            .get(&key)
            .filter(|_| field == LevelField::Points);
        own.filter(|i| field_of(i) == Some(field))
            .chain(ordering)
            .collect()
    }

    /// Rechecks the order rule between the level at `lower` and the one above it.
    fn recheck_order(&mut self, doc: &ScaleDoc, lower: usize, out: &mut Vec<ScalePart>) {
        let (Some(upper), Some(level)) = (
            lower.checked_sub(1).and_then(|i| doc.levels.get(i)),
            doc.levels.get(lower),
        ) else {
            return;
        };
        let issue = order_issue(lower, upper, level);
        let old = match &issue {
            Some(issue) => self.ordering.insert(level.key, issue.clone()),
            None => self.ordering.remove(&level.key),
        };
        if old != issue {
            out.push(ScalePart::Messages(level.key, LevelField::Points));
        }
    }

    fn recheck_level(
        &mut self,
        doc: &ScaleDoc,
        saved: &ScaleDoc,
        key: Key,
        out: &mut Vec<ScalePart>,
    ) {
        let Some(&index) = self.position.get(&key) else {
            return;
        };
        let level = &doc.levels[index];
        let issues = own_issues(index, level);
        let old = self.own.insert(key, issues);
        let new = &self.own[&key];
        for field in LevelField::ALL {
            let pick = |list: &[ValidationIssue]| {
                list.iter()
                    .filter(|i| field_of(i) == Some(field))
                    .cloned()
                    .collect::<Vec<_>>()
            };
            if old.as_deref().map(pick) != Some(pick(new)) {
                out.push(ScalePart::Messages(key, field));
            }
        }
        if saved
            .levels
            .get(index)
            .is_none_or(|s| !level.same_content(s))
        {
            self.differing.insert(key);
        } else {
            self.differing.remove(&key);
        }
    }
}

impl Facts<(Key, LevelField)> for ScaleFacts {
    fn dirty(&self) -> bool {
        self.count_differs || !self.differing.is_empty()
    }

    fn is_valid(&self) -> bool {
        self.scale.is_empty() && self.ordering.is_empty() && self.own.values().all(Vec::is_empty)
    }

    fn issues(&self) -> Vec<(Option<(Key, LevelField)>, &ValidationIssue)> {
        fn located(
            key: Key,
            issue: &ValidationIssue,
        ) -> (Option<(Key, LevelField)>, &ValidationIssue) {
            (field_of(issue).map(|f| (key, f)), issue)
        }
        let own = self
            .order
            .iter()
            .flat_map(|k| self.own[k].iter().map(move |i| located(*k, i)));
        let scale = self.scale.iter().map(|i| (None, i));
        let ordering = self
            .order
            .iter()
            .filter_map(|k| self.ordering.get(k).map(|i| located(*k, i)));
        own.chain(scale).chain(ordering).collect()
    }

    fn issues_at(&self, (key, field): (Key, LevelField)) -> Vec<&ValidationIssue> {
        self.at(key, field)
    }
}

impl Tracked for ScaleCommand {
    type Part = ScalePart;
    type Field = (Key, LevelField);
    type Facts = ScaleFacts;

    fn parts(&self, out: &mut Vec<ScalePart>) {
        match self {
            ScaleCommand::SetText { key, field, .. } => out.push(ScalePart::Text(*key, *field)),
            ScaleCommand::SetMastery { .. } => out.push(ScalePart::Mastery),
            ScaleCommand::Insert { .. } | ScaleCommand::Delete { .. } => {
                out.extend([ScalePart::Levels, ScalePart::Mastery])
            }
            ScaleCommand::Move { .. } | ScaleCommand::Reorder { .. } => out.push(ScalePart::Levels),
            ScaleCommand::Replace { levels } => {
                out.extend([ScalePart::Levels, ScalePart::Mastery]);
                for level in levels {
                    for field in LevelField::ALL {
                        out.push(ScalePart::Text(level.key, field));
                    }
                }
            }
            ScaleCommand::Batch(commands) => commands.iter().for_each(|c| c.parts(out)),
        }
    }

    fn facts(doc: &ScaleDoc, saved: &ScaleDoc) -> ScaleFacts {
        ScaleFacts::new(doc, saved)
    }

    fn refresh(
        facts: &mut ScaleFacts,
        doc: &ScaleDoc,
        saved: &ScaleDoc,
        changed: &[ScalePart],
        out: &mut Vec<ScalePart>,
    ) {
        let was_dirty = facts.dirty();
        let before = out.len();
        if changed.contains(&ScalePart::Levels) {
            let new = ScaleFacts::new(doc, saved);
            for key in &new.order {
                for field in LevelField::ALL {
                    if facts.at(*key, field) != new.at(*key, field) {
                        out.push(ScalePart::Messages(*key, field));
                    }
                }
            }
            *facts = new;
        } else {
            for part in changed {
                if let ScalePart::Text(key, field) = *part {
                    facts.recheck_level(doc, saved, key, out);
                    if field == LevelField::Points {
                        if let Some(index) = facts.position(key) {
                            facts.recheck_order(doc, index, out);
                            facts.recheck_order(doc, index + 1, out);
                        }
                    }
                }
            }
            if changed.contains(&ScalePart::Mastery) {
                for key in facts.order.clone() {
                    facts.recheck_level(doc, saved, key, out);
                }
                facts.scale = scale_issues(doc);
            }
        }
        if out.len() > before || changed.contains(&ScalePart::Mastery) {
            out.push(ScalePart::Issues);
        }
        if facts.dirty() != was_dirty {
            out.push(ScalePart::Dirty);
        }
    }

    const ISSUES: ScalePart = ScalePart::Issues;

    fn messages_part((key, field): (Key, LevelField)) -> ScalePart {
        ScalePart::Messages(key, field)
    }

    fn is_messages(part: ScalePart) -> bool {
        matches!(part, ScalePart::Messages(..))
    }
}
