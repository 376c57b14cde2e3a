use serde_json::{json, Map, Value};

use super::{text, ParamError};
use crate::edit::{Key, Level, ScaleDoc};
use crate::ruby::{cast_boolean, number_to_input};
use crate::types::{Proficiency, ProficiencyRating};

/// The parameters of `POST .../outcome_proficiency` for a scale: `ratings[][description]`,
/// `[points]`, `[mastery]`, `[color]`, each rating's fields together and in that order.
pub fn proficiency_form(scale: &Proficiency) -> Map<String, Value> {
    let ratings: Vec<Value> = scale
        .ratings
        .iter()
        .map(|r| {
            json!({
                "description": r.description,
                "points": number_to_input(r.points),
                "mastery": r.mastery.to_string(),
                "color": r.color,
            })
        })
        .collect();
    let mut form = Map::new();
    form.insert("ratings".into(), Value::Array(ratings));
    form
}

/// Reads `ratings` as Canvas's `replace_ratings` does: the permitted keys only, matched to the
/// `existing` ratings by position, a field left out of the request keeps the existing value.
/// The result still has to be validated. A missing `ratings` or a rating that is not a hash is
/// an error; so is a new rating without `mastery`.
pub fn read_proficiency_form(
    params: &Map<String, Value>,
    existing: &[ProficiencyRating],
) -> Result<ScaleDoc, ParamError> {
    let ratings = match params.get("ratings") {
        None | Some(Value::Null) => {
            return Err(ParamError::new(
                "ratings",
                "is missing: send ratings[][description], ratings[][points], ratings[][mastery] and ratings[][color] for each level",
            ))
        }
        Some(Value::Array(items)) => items,
        Some(Value::Object(map)) if map.is_empty() => return Ok(ScaleDoc::default()),
        Some(_) => return Err(ParamError::new("ratings", "must be a list of ratings")),
    };
    let mut levels = Vec::with_capacity(ratings.len());
    for (index, rating) in ratings.iter().enumerate() {
        let param = |field: &str| format!("ratings[{index}][{field}]");
        let Value::Object(rating) = rating else {
            return Err(ParamError::new(
                format!("ratings[{index}]"),
                "must be a hash of description, points, mastery and color",
            ));
        };
        let old = existing.get(index);
        let field = |name: &str, old: Option<String>| -> Result<String, ParamError> {
            Ok(text(rating.get(name), &param(name))?
                .or(old)
                .unwrap_or_default())
        };
        let mastery = match rating.get("mastery").map(cast_boolean) {
            Some(Some(value)) => value,
            _ => match old {
                Some(old) => old.mastery,
                None => {
                    return Err(ParamError::new(
                        param("mastery"),
                        "is missing: say true or false for a new rating",
                    ))
                }
            },
        };
        levels.push(Level {
            key: Key(index as u32),
            description: field("description", old.map(|o| o.description.clone()))?,
            points: field("points", old.map(|o| number_to_input(o.points)))?,
            mastery,
            color: field("color", old.map(|o| o.color.clone()))?,
        });
    }
    Ok(ScaleDoc { levels })
}
