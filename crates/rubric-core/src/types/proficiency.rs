use serde::{Deserialize, Serialize};

/// One level of a mastery scale, as `outcome_proficiency` sends it:
/// `{"description","points","mastery","color"}` in that order, colour without `#`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProficiencyRating {
    /// The level's name, e.g. "Exceeds Mastery".
    pub description: String,
    /// Points, always serialised as a float (`4.0`).
    pub points: f64,
    /// Whether this level is the mastery threshold (exactly one is).
    pub mastery: bool,
    /// Six hex digits, no `#`, case as stored.
    pub color: String,
}

/// A mastery scale: Canvas's `OutcomeProficiency#as_json`, which is only `{"ratings":[...]}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Proficiency {
    /// Levels from highest to lowest points.
    pub ratings: Vec<ProficiencyRating>,
}

impl Proficiency {
    /// Canvas's `OutcomeProficiency.default_ratings`.
    pub fn canvas_default() -> Self {
        let level =
            |description: &str, points: f64, mastery: bool, color: &str| ProficiencyRating {
                description: description.into(),
                points,
                mastery,
                color: color.into(),
            };
        Proficiency {
            ratings: vec![
                level("Exceeds Mastery", 4.0, false, "008EE2"),
                level("Mastery", 3.0, true, "00AC18"),
                level("Near Mastery", 2.0, false, "FAB901"),
                level("Below Mastery", 1.0, false, "D97900"),
                level("No Evidence", 0.0, false, "EE0612"),
            ],
        }
    }

    /// The level that marks mastery, if exactly one does.
    pub fn mastery_rating(&self) -> Option<&ProficiencyRating> {
        let mut masteries = self.ratings.iter().filter(|r| r.mastery);
        match (masteries.next(), masteries.next()) {
            (Some(r), None) => Some(r),
            _ => None,
        }
    }
}
