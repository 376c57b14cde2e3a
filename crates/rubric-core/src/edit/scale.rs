use serde::{Deserialize, Serialize};

use super::{Key, KeyGen};
use crate::ruby::number_to_input;
use crate::types::{Proficiency, ProficiencyRating};
use crate::validate::{parse_points, validate_scale, ValidationIssue};

/// One editable level of a mastery scale. Points and colour are kept as typed, so that
/// validation (shared with the server) can say exactly what is wrong with them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Level {
    /// Stable identity.
    pub key: Key,
    /// The level's name.
    pub description: String,
    /// Points as typed.
    pub points: String,
    /// Whether this level marks mastery.
    pub mastery: bool,
    /// Colour as stored (six hex digits, no `#`) or as typed.
    pub color: String,
}

/// The text fields of a level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum LevelField {
    /// The level's name.
    Description,
    /// Its points.
    Points,
    /// Its colour.
    Color,
}

/// An editable mastery scale: levels top to bottom as shown.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ScaleDoc {
    /// The levels, in the order they will be sent.
    pub levels: Vec<Level>,
}

impl LevelField {
    /// Every field of a level, in column order.
    pub const ALL: [LevelField; 3] = [
        LevelField::Description,
        LevelField::Points,
        LevelField::Color,
    ];
}

impl Level {
    /// A level from Canvas's JSON, with a fresh key.
    pub fn from_rating(rating: &ProficiencyRating, keys: &mut KeyGen) -> Self {
        Level {
            key: keys.fresh(),
            description: rating.description.clone(),
            points: number_to_input(rating.points),
            mastery: rating.mastery,
            color: rating.color.clone(),
        }
    }

    /// The text of one field.
    pub fn field(&self, field: LevelField) -> &str {
        match field {
            LevelField::Description => &self.description,
            LevelField::Points => &self.points,
            LevelField::Color => &self.color,
        }
    }

    pub(crate) fn field_mut(&mut self, field: LevelField) -> &mut String {
        match field {
            LevelField::Description => &mut self.description,
            LevelField::Points => &mut self.points,
            LevelField::Color => &mut self.color,
        }
    }
}

/// The colour of a level added in the editor (Canvas's own default for a new level).
pub const NEW_LEVEL_COLOR: &str = "EF4437";

impl ScaleDoc {
    /// The level "Add level" appends: blank, with [`NEW_LEVEL_COLOR`] and one point below the
    /// last level (never below 0; 0 when the last level's points do not read).
    pub fn new_level(&self, key: Key) -> Level {
        let last = self
            .levels
            .last()
            .and_then(|l| crate::validate::parse_points(&l.points).ok());
        Level {
            key,
            description: String::new(),
            points: number_to_input(last.map_or(0.0, |p| (p - 1.0).max(0.0))),
            mastery: false,
            color: NEW_LEVEL_COLOR.into(),
        }
    }

    /// An editable copy of a scale, with fresh keys.
    pub fn from_proficiency(proficiency: &Proficiency, keys: &mut KeyGen) -> Self {
        ScaleDoc {
            levels: proficiency
                .ratings
                .iter()
                .map(|r| Level::from_rating(r, keys))
                .collect(),
        }
    }

    /// The position of the level with `key`.
    pub fn index_of(&self, key: Key) -> Option<usize> {
        self.levels.iter().position(|l| l.key == key)
    }

    /// The key of the level marked as mastery (the first, if several are).
    pub fn mastery_key(&self) -> Option<Key> {
        self.levels.iter().find(|l| l.mastery).map(|l| l.key)
    }

    /// Every problem with the scale, as the server would report it.
    pub fn validate(&self) -> Vec<ValidationIssue> {
        validate_scale(&self.levels)
    }

    /// The scale as Canvas's JSON, or every problem that prevents it.
    pub fn to_proficiency(&self) -> Result<Proficiency, Vec<ValidationIssue>> {
        let issues = self.validate();
        if !issues.is_empty() {
            return Err(issues);
        }
        Ok(Proficiency {
            ratings: self
                .levels
                .iter()
                .map(|l| ProficiencyRating {
                    description: l.description.clone(),
                    points: parse_points(&l.points).unwrap_or(0.0),
                    mastery: l.mastery,
                    color: l.color.clone(),
                })
                .collect(),
        })
    }

    /// Keys in display order.
    pub fn order(&self) -> Vec<Key> {
        self.levels.iter().map(|l| l.key).collect()
    }
}
