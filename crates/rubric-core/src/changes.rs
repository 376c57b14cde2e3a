//! What another teacher changed: the difference between the version an editor loaded and the
//! version Canvas holds now, by criterion and rating (rubrics) or by level (scales), in lines
//! a teacher reads before choosing whose version to keep. The editors check it before a save so
//! that nothing is overwritten silently.
use crate::edit::{CriterionDoc, Level, RatingDoc, RubricDoc, ScaleDoc};

/// The line for a difference no other line names (an outcome's threshold, say).
const OTHER_DETAILS: &str = "Other details changed";

fn quoted(text: &str) -> String {
    if text.is_empty() {
        "(blank)".into()
    } else {
        format!("\u{201c}{text}\u{201d}")
    }
}

fn was_now(what: &str, before: &str, after: &str) -> String {
    format!("{what}: {} \u{2192} {}", quoted(before), quoted(after))
}

fn on_off(on: bool) -> &'static str {
    if on {
        "on"
    } else {
        "off"
    }
}

/// The changes from `before` to `after`, one line each; empty when they say the same thing.
pub fn rubric_changes(before: &RubricDoc, after: &RubricDoc) -> Vec<String> {
    let mut lines = Vec::new();
    if before.title != after.title {
        lines.push(was_now("Title", &before.title, &after.title));
    }
    let options = [
        (
            "Free-form comments",
            before.free_form_criterion_comments,
            after.free_form_criterion_comments,
        ),
        (
            "Hide score total",
            before.hide_score_total,
            after.hide_score_total,
        ),
        ("Hide points", before.hide_points, after.hide_points),
    ];
    for (name, was, now) in options {
        if was != now {
            lines.push(format!("{name}: turned {}", on_off(now)));
        }
    }
    let matched = pair(&before.criteria, &after.criteria, |c| c.id.as_deref());
    for (was, now) in matched {
        match (was, now) {
            (Some(was), Some(now)) => criterion_changes(was, now, &mut lines),
            (Some(was), None) => {
                lines.push(format!("Criterion {} removed", quoted(&was.description)))
            }
            (None, Some(now)) => lines.push(format!(
                "Criterion {} added, with {} ratings",
                quoted(&now.description),
                now.ratings.len()
            )),
            (None, None) => {}
        }
    }
    let shared_order = |doc: &RubricDoc, other: &RubricDoc| -> Vec<String> {
        doc.criteria
            .iter()
            .filter_map(|c| c.id.clone())
            .filter(|id| other.criteria.iter().any(|o| o.id.as_ref() == Some(id)))
            .collect()
    };
    if shared_order(before, after) != shared_order(after, before) {
        lines.push("Criteria reordered".into());
    }
    if lines.is_empty() && !before.same_content(after) {
        lines.push(OTHER_DETAILS.into());
    }
    lines
}

fn criterion_changes(was: &CriterionDoc, now: &CriterionDoc, lines: &mut Vec<String>) {
    let name = format!("Criterion {}", quoted(&now.description));
    if was.description != now.description {
        lines.push(was_now(
            &format!("Criterion {}", quoted(&was.description)),
            &was.description,
            &now.description,
        ));
    }
    if was.long_description != now.long_description {
        lines.push(was_now(
            &format!("{name}, long description"),
            &was.long_description,
            &now.long_description,
        ));
    }
    if was.use_range != now.use_range {
        lines.push(format!(
            "{name}: point range turned {}",
            on_off(now.use_range)
        ));
    }
    for (was, now) in pair(&was.ratings, &now.ratings, |r| r.id.as_deref()) {
        match (was, now) {
            (Some(was), Some(now)) => rating_changes(&name, was, now, lines),
            (Some(was), None) => lines.push(format!(
                "{name}: rating {} ({} pts) removed",
                quoted(&was.description),
                was.points
            )),
            (None, Some(now)) => lines.push(format!(
                "{name}: rating {} ({} pts) added",
                quoted(&now.description),
                now.points
            )),
            (None, None) => {}
        }
    }
}

fn rating_changes(criterion: &str, was: &RatingDoc, now: &RatingDoc, lines: &mut Vec<String>) {
    let name = format!("{criterion}, rating {}", quoted(&was.description));
    if was.description != now.description {
        lines.push(was_now(&name, &was.description, &now.description));
    }
    if was.points != now.points {
        lines.push(format!(
            "{name}: points {} \u{2192} {}",
            was.points, now.points
        ));
    }
    if was.long_description != now.long_description {
        lines.push(was_now(
            &format!("{name}, long description"),
            &was.long_description,
            &now.long_description,
        ));
    }
}

/// Pairs the items of two lists: by Canvas id where the item has one, id-less items in order.
/// Each pair is (before, after); an item without a partner was removed or added.
fn pair<'a, T>(
    before: &'a [T],
    after: &'a [T],
    id: impl Fn(&T) -> Option<&str>,
) -> Vec<(Option<&'a T>, Option<&'a T>)> {
    let mut taken = vec![false; after.len()];
    let mut without_id = (0..after.len()).filter(|&i| id(&after[i]).is_none());
    let mut pairs = Vec::new();
    for item in before {
        let partner = match id(item) {
            Some(wanted) => after.iter().position(|other| id(other) == Some(wanted)),
            None => without_id.next(),
        };
        if let Some(i) = partner {
            taken[i] = true;
        }
        pairs.push((Some(item), partner.map(|i| &after[i])));
    }
    let added = after.iter().zip(taken).filter(|(_, taken)| !taken);
    pairs.extend(added.map(|(item, _)| (None, Some(item))));
    pairs
}

/// The changes from one mastery scale to another, level by level (levels have no ids; they
/// are compared by position), one line each; empty when they say the same thing.
pub fn scale_changes(before: &ScaleDoc, after: &ScaleDoc) -> Vec<String> {
    let mut lines = Vec::new();
    let levels = before.levels.len().max(after.levels.len());
    for i in 0..levels {
        let name = format!("Level {}", i + 1);
        match (before.levels.get(i), after.levels.get(i)) {
            (Some(was), Some(now)) => level_changes(&name, was, now, &mut lines),
            (Some(was), None) => lines.push(format!("{name} {} removed", quoted(&was.description))),
            (None, Some(now)) => lines.push(format!(
                "{name} {} added ({} pts)",
                quoted(&now.description),
                now.points
            )),
            (None, None) => {}
        }
    }
    let mastery = |doc: &ScaleDoc| doc.levels.iter().position(|l| l.mastery);
    if let (Some(was), Some(now)) = (mastery(before), mastery(after)) {
        if was != now {
            lines.push(format!(
                "Mastery level: level {} \u{2192} level {}",
                was + 1,
                now + 1
            ));
        }
    }
    if lines.is_empty() && !before.same_content(after) {
        lines.push(OTHER_DETAILS.into());
    }
    lines
}

fn level_changes(name: &str, was: &Level, now: &Level, lines: &mut Vec<String>) {
    if was.description != now.description {
        lines.push(was_now(name, &was.description, &now.description));
    }
    if was.points != now.points {
        lines.push(format!(
            "{name}: points {} \u{2192} {}",
            was.points, now.points
        ));
    }
    if !was.color.eq_ignore_ascii_case(&now.color) {
        lines.push(format!(
            "{name}: colour #{} \u{2192} #{}",
            was.color, now.color
        ));
    }
}
