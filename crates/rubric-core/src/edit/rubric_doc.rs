use serde::{Deserialize, Serialize};

use super::{FlagTarget, Key, KeyGen, TextTarget};
use crate::forms::plain_text;
use crate::ruby::number_to_input;
use crate::rules::points_possible;
use crate::types::Rubric;
use crate::validate::{parse_points, validate_rubric, ValidationIssue};

/// One editable rating cell. Points are kept as typed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RatingDoc {
    /// Stable identity (never derived from points).
    pub key: Key,
    /// Canvas's rating id, once saved.
    pub id: Option<String>,
    /// Short name.
    pub description: String,
    /// Longer explanation.
    pub long_description: String,
    /// Points as typed.
    pub points: String,
}

/// One editable criterion row.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CriterionDoc {
    /// Stable identity.
    pub key: Key,
    /// Canvas's criterion id, once saved.
    pub id: Option<String>,
    /// Short name.
    pub description: String,
    /// Longer explanation.
    pub long_description: String,
    /// Ratings cover ranges down to the next lower rating.
    pub use_range: bool,
    /// Aligned outcome (outcome criteria are read-only in the editor).
    pub learning_outcome_id: Option<u64>,
    /// The outcome's mastery threshold.
    pub mastery_points: Option<f64>,
    /// Leave this criterion out of the total.
    pub ignore_for_scoring: bool,
    /// Ratings in display order.
    pub ratings: Vec<RatingDoc>,
}

/// An editable rubric.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RubricDoc {
    /// Title (at most 255 characters).
    pub title: String,
    /// Graders write comments instead of choosing ratings.
    pub free_form_criterion_comments: bool,
    /// Hide the total score from students.
    pub hide_score_total: bool,
    /// Hide rating points from students.
    pub hide_points: bool,
    /// Criteria in display order.
    pub criteria: Vec<CriterionDoc>,
}

impl RatingDoc {
    /// A rating with a fresh key and no Canvas id.
    pub fn new(keys: &mut KeyGen, description: &str, points: &str) -> Self {
        RatingDoc {
            key: keys.fresh(),
            id: None,
            description: description.into(),
            long_description: String::new(),
            points: points.into(),
        }
    }

    /// Points as a number, or `None` when they are not one.
    pub fn points_value(&self) -> Option<f64> {
        parse_points(&self.points).ok()
    }
}

/// The points of a new criterion's top rating (Canvas's editor starts at 5).
pub const NEW_CRITERION_POINTS: f64 = 5.0;

impl CriterionDoc {
    /// A criterion with a fresh key, no Canvas id and the given ratings.
    pub fn new(keys: &mut KeyGen, description: &str, ratings: Vec<RatingDoc>) -> Self {
        CriterionDoc {
            key: keys.fresh(),
            id: None,
            description: description.into(),
            long_description: String::new(),
            use_range: false,
            learning_outcome_id: None,
            mastery_points: None,
            ignore_for_scoring: false,
            ratings,
        }
    }

    /// Canvas's starting criterion: "Full Marks" ([`NEW_CRITERION_POINTS`]) and "No Marks".
    pub fn starter(keys: &mut KeyGen) -> Self {
        let ratings = vec![
            RatingDoc::new(keys, "Full Marks", &number_to_input(NEW_CRITERION_POINTS)),
            RatingDoc::new(keys, "No Marks", "0"),
        ];
        CriterionDoc::new(keys, "", ratings)
    }

    /// The criterion's points: its highest valid rating, 0 without any.
    pub fn points(&self) -> f64 {
        self.ratings
            .iter()
            .filter_map(RatingDoc::points_value)
            .fold(None, |max: Option<f64>, p| {
                Some(max.map_or(p, |m| m.max(p)))
            })
            .unwrap_or(0.0)
    }

    /// A copy with fresh keys and no Canvas ids (for "Duplicate criterion").
    pub fn duplicate(&self, keys: &mut KeyGen) -> Self {
        CriterionDoc {
            key: keys.fresh(),
            id: None,
            ratings: self
                .ratings
                .iter()
                .map(|r| RatingDoc {
                    key: keys.fresh(),
                    id: None,
                    ..r.clone()
                })
                .collect(),
            ..self.clone()
        }
    }

    /// The position of the rating with `key`.
    pub fn rating_index(&self, key: Key) -> Option<usize> {
        self.ratings.iter().position(|r| r.key == key)
    }
}

impl RubricDoc {
    /// An editable copy of a rubric, with fresh keys; criterion long descriptions go back from
    /// the HTML Canvas stores to the text a teacher typed.
    pub fn from_rubric(rubric: &Rubric, keys: &mut KeyGen) -> Self {
        RubricDoc {
            title: rubric.title.clone(),
            free_form_criterion_comments: rubric.free_form_criterion_comments,
            hide_score_total: rubric.hide_score_total.unwrap_or(false),
            hide_points: crate::rules::hides_points(rubric.associations.iter().flatten()),
            criteria: rubric
                .data
                .iter()
                .map(|c| CriterionDoc {
                    key: keys.fresh(),
                    id: Some(c.id.clone()),
                    description: c.description.clone(),
                    long_description: plain_text(&c.long_description),
                    use_range: c.criterion_use_range,
                    learning_outcome_id: c.learning_outcome_id,
                    mastery_points: c.mastery_points,
                    ignore_for_scoring: c.ignore_for_scoring,
                    ratings: c
                        .ratings
                        .iter()
                        .map(|r| RatingDoc {
                            key: keys.fresh(),
                            id: Some(r.id.clone()),
                            description: r.description.clone(),
                            long_description: r.long_description.clone(),
                            points: number_to_input(r.points),
                        })
                        .collect(),
                })
                .collect(),
        }
    }

    /// Every key in the document (for [`KeyGen::after`]).
    pub fn keys(&self) -> impl Iterator<Item = Key> + '_ {
        self.criteria
            .iter()
            .flat_map(|c| std::iter::once(c.key).chain(c.ratings.iter().map(|r| r.key)))
    }

    /// The position of the criterion with `key`.
    pub fn criterion_index(&self, key: Key) -> Option<usize> {
        self.criteria.iter().position(|c| c.key == key)
    }

    /// The criterion with `key`.
    pub fn criterion(&self, key: Key) -> Option<&CriterionDoc> {
        self.criteria.iter().find(|c| c.key == key)
    }

    /// The rating `rating` of criterion `criterion`.
    pub fn rating(&self, criterion: Key, rating: Key) -> Option<&RatingDoc> {
        self.criterion(criterion)?
            .ratings
            .iter()
            .find(|r| r.key == rating)
    }

    /// The text of a field, `None` when its criterion or rating is gone.
    pub fn text(&self, target: TextTarget) -> Option<&str> {
        Some(match target {
            TextTarget::Title => &self.title,
            TextTarget::CriterionDescription(c) => &self.criterion(c)?.description,
            TextTarget::CriterionLongDescription(c) => &self.criterion(c)?.long_description,
            TextTarget::RatingDescription(c, r) => &self.rating(c, r)?.description,
            TextTarget::RatingLongDescription(c, r) => &self.rating(c, r)?.long_description,
            TextTarget::RatingPoints(c, r) => &self.rating(c, r)?.points,
        })
    }

    /// The value of a setting, `None` when its criterion is gone.
    pub fn flag(&self, target: FlagTarget) -> Option<bool> {
        Some(match target {
            FlagTarget::FreeFormComments => self.free_form_criterion_comments,
            FlagTarget::HideScoreTotal => self.hide_score_total,
            FlagTarget::HidePoints => self.hide_points,
            FlagTarget::UseRange(c) => self.criterion(c)?.use_range,
            FlagTarget::IgnoreForScoring(c) => self.criterion(c)?.ignore_for_scoring,
        })
    }

    /// The live total: criteria points except ignored ones, rounded as Canvas rounds.
    pub fn total_points(&self) -> f64 {
        points_possible(
            self.criteria
                .iter()
                .map(|c| (c.points(), c.ignore_for_scoring)),
        )
    }

    /// Every problem with the rubric, as the server would report it.
    pub fn validate(&self) -> Vec<ValidationIssue> {
        validate_rubric(self)
    }
}
