//! What saving changes to an existing rubric does to the places that use it, as Canvas decides
//! it: the rubric changes in place, or in place with scores that may no longer match, or Canvas
//! keeps it for its uses and saves the changes as a new rubric. The server applies this to
//! every update; the editor warns with it before a save.
use serde_json::{Map, Value};

use crate::edit::RubricDoc;
use crate::params::indexed_entries;
use crate::ruby::str_to_f;
use crate::types::{RubricAssociation, RubricCriterion};

/// What Canvas's `will_change_with_update?` compares: the title, and for each criterion in
/// order its description and its ratings' points (in any order). Long descriptions, rating
/// names and the options are not part of it. `None` is a field an update leaves out.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoredContent {
    title: Option<String>,
    criteria: Vec<ScoredCriterion>,
}

#[derive(Clone, Debug, PartialEq)]
struct ScoredCriterion {
    description: Option<String>,
    /// Sorted, so the ratings' order does not count.
    points: Vec<f64>,
}

impl ScoredCriterion {
    fn new(description: Option<String>, mut points: Vec<f64>) -> Self {
        points.sort_by(f64::total_cmp);
        ScoredCriterion {
            description,
            points,
        }
    }
}

impl ScoredContent {
    /// A stored rubric's content.
    pub fn of_criteria(title: &str, criteria: &[RubricCriterion]) -> Self {
        ScoredContent {
            title: Some(title.to_string()),
            criteria: criteria
                .iter()
                .map(|c| {
                    let points = c.ratings.iter().map(|r| r.points).collect();
                    ScoredCriterion::new(Some(c.description.clone()), points)
                })
                .collect(),
        }
    }

    /// An editable rubric's content, with each rating's points as the server reads what the
    /// editor sends (text that is not a number reads as Ruby's `to_f` does).
    pub fn of_doc(doc: &RubricDoc) -> Self {
        ScoredContent {
            title: Some(doc.title.clone()),
            criteria: doc
                .criteria
                .iter()
                .map(|c| {
                    let points = c
                        .ratings
                        .iter()
                        .map(|r| r.points_value().unwrap_or_else(|| str_to_f(&r.points)))
                        .collect();
                    ScoredCriterion::new(Some(c.description.clone()), points)
                })
                .collect(),
        }
    }

    /// The content of an update's `rubric[...]` parameters: a title or description left out
    /// is `None`; points are read as Ruby's `to_f` reads them.
    pub fn of_params(params: &Map<String, Value>) -> Self {
        let criteria = match params.get("criteria") {
            Some(Value::Object(map)) => indexed_entries(map)
                .into_iter()
                .filter_map(|(_, v)| v.as_object())
                .map(|sent| {
                    let points = match sent.get("ratings") {
                        Some(Value::Object(ratings)) => ratings
                            .values()
                            .map(|r| match r.get("points") {
                                Some(Value::Number(n)) => n.as_f64().unwrap_or(0.0),
                                Some(Value::String(s)) => str_to_f(s),
                                _ => 0.0,
                            })
                            .collect(),
                        _ => Vec::new(),
                    };
                    let description = sent
                        .get("description")
                        .and_then(Value::as_str)
                        .map(str::to_string);
                    ScoredCriterion::new(description, points)
                })
                .collect(),
            _ => Vec::new(),
        };
        ScoredContent {
            title: params
                .get("title")
                .and_then(Value::as_str)
                .map(str::to_string),
            criteria,
        }
    }

    /// Whether applying `self` (an update) would change `stored`: a different title, number
    /// of criteria, criterion description (compared without surrounding spaces, as Canvas
    /// strips them) or set of rating points. Fields the update leaves out change nothing.
    pub fn changes(&self, stored: &ScoredContent) -> bool {
        let differs = |update: &Option<String>, stored: &Option<String>, trim: bool| match update {
            None => false,
            Some(text) => {
                let text = if trim { text.trim() } else { text.as_str() };
                Some(text) != stored.as_deref()
            }
        };
        differs(&self.title, &stored.title, false)
            || self.criteria.len() != stored.criteria.len()
            || self
                .criteria
                .iter()
                .zip(&stored.criteria)
                .any(|(update, stored)| {
                    differs(&update.description, &stored.description, true)
                        || update.points != stored.points
                })
    }
}

/// What an update does to a rubric's uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UpdateEffect {
    /// The rubric changes in place; no scores depend on what changed.
    InPlace,
    /// The rubric changes in place, and it grades one assignment: scores already given with it
    /// may no longer match.
    ScoresMayChange,
    /// Canvas keeps the rubric as it is for the places that grade with it and saves the
    /// changes as a new rubric (`rubric_id` pointing at the original), which replaces it only
    /// in the association being saved.
    Copy,
}

/// What updating `stored` with `update` does, as Canvas decides it: a change to what scores
/// depend on ([`ScoredContent::changes`]) copies the rubric when it is read-only or grades in
/// two or more places (the user lacks `:update` on it), and warns of scores when it grades in
/// one; any other update changes the rubric in place.
pub fn update_effect(
    stored: &ScoredContent,
    update: &ScoredContent,
    read_only: bool,
    grading_uses: usize,
) -> UpdateEffect {
    if !update.changes(stored) {
        UpdateEffect::InPlace
    } else if read_only || grading_uses >= 2 {
        UpdateEffect::Copy
    } else if grading_uses == 1 {
        UpdateEffect::ScoresMayChange
    } else {
        UpdateEffect::InPlace
    }
}

/// The associations that grade with a rubric (purpose `grading`).
pub fn grading_associations(
    associations: &[RubricAssociation],
) -> impl Iterator<Item = &RubricAssociation> {
    associations.iter().filter(|a| a.purpose == "grading")
}

/// How many of a rubric's associations grade with it.
pub fn grading_uses(associations: &[RubricAssociation]) -> usize {
    grading_associations(associations).count()
}
