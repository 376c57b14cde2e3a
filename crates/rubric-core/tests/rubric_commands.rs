//! Rubric edit commands: identity independent of points, duplicate, moves, undo exactness.
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod support;

use proptest::prelude::*;
use rubric_core::edit::{
    Command, CriterionDoc, Facts, FlagTarget, History, KeyGen, RatingDoc, RubricCommand, RubricDoc,
    RubricFacts, RubricPart, TextTarget, Tracked,
};
use rubric_core::validate::{validate_rubric, ValidationIssue};

fn sample(keys: &mut KeyGen) -> RubricDoc {
    let ratings = |keys: &mut KeyGen, top: f64| {
        vec![
            RatingDoc::new(keys, "Full", &top.to_string()),
            RatingDoc::new(keys, "Half", &(top / 2.0).to_string()),
            RatingDoc::new(keys, "None", "0"),
        ]
    };
    let a = ratings(keys, 4.0);
    let b = ratings(keys, 6.0);
    RubricDoc {
        title: "Lab".into(),
        criteria: vec![
            CriterionDoc::new(keys, "Method", a),
            CriterionDoc::new(keys, "Results", b),
        ],
        ..RubricDoc::default()
    }
}

#[test]
fn changing_points_keeps_each_rating_paired_with_its_name() {
    let keys = &mut KeyGen::default();
    let mut doc = sample(keys);
    let c = doc.criteria[0].key;
    let none = doc.criteria[0].ratings[2].key;
    RubricCommand::SetText {
        target: TextTarget::RatingPoints(c, none),
        value: "10".into(),
    }
    .apply(&mut doc)
    .unwrap();
    let ratings = &doc.criteria[0].ratings;
    assert_eq!(
        ratings[2].description, "None",
        "no silent re-sorting or re-pairing"
    );
    assert_eq!(ratings[2].points, "10");
    assert_eq!(doc.total_points(), 16.0);
}

#[test]
fn duplicate_inserts_a_copy_below_with_fresh_keys_and_no_ids() {
    let keys = &mut KeyGen::default();
    let mut doc = sample(keys);
    doc.criteria[0].id = Some("123_1".into());
    let original = doc.clone();
    let key = doc.criteria[0].key;
    let command = RubricCommand::duplicate_criterion(&doc, key, keys).unwrap();
    let inverse = command.apply(&mut doc).unwrap();
    assert_eq!(doc.criteria.len(), 3);
    let copy = &doc.criteria[1];
    assert_eq!(copy.description, "Method");
    assert_ne!(copy.key, key);
    assert_eq!(copy.id, None);
    assert!(copy
        .ratings
        .iter()
        .all(|r| !original.keys().any(|k| k == r.key)));
    assert_eq!(doc.total_points(), 14.0);
    inverse.apply(&mut doc).unwrap();
    assert_eq!(doc, original);
}

#[test]
fn moving_a_criterion_and_undoing_restores_order() {
    let keys = &mut KeyGen::default();
    let mut doc = sample(keys);
    let original = doc.clone();
    let key = doc.criteria[1].key;
    let inverse = RubricCommand::MoveCriterion { key, to: 0 }
        .apply(&mut doc)
        .unwrap();
    assert_eq!(doc.criteria[0].description, "Results");
    inverse.apply(&mut doc).unwrap();
    assert_eq!(doc, original);
}

#[test]
fn inserted_ratings_get_points_between_their_neighbours() {
    let keys = &mut KeyGen::default();
    let mut doc = sample(keys);
    let c = doc.criteria[0].key;
    let between = RubricCommand::insert_rating_between(&doc, c, 1, keys).unwrap();
    between.apply(&mut doc).unwrap();
    assert_eq!(doc.criteria[0].ratings[1].points, "3");
    let end = RubricCommand::insert_rating_between(&doc, c, 99, keys).unwrap();
    end.apply(&mut doc).unwrap();
    assert_eq!(doc.criteria[0].ratings.last().unwrap().points, "0");
    assert!(doc.criteria[0]
        .ratings
        .last()
        .unwrap()
        .description
        .is_empty());
}

#[test]
fn keys_cannot_be_inserted_twice() {
    let keys = &mut KeyGen::default();
    let mut doc = sample(keys);
    let existing = doc.criteria[0].clone();
    assert!(RubricCommand::InsertCriterion {
        index: 0,
        criterion: existing
    }
    .apply(&mut doc)
    .is_none());
}

#[test]
fn flags_toggle_and_undo() {
    let keys = &mut KeyGen::default();
    let mut doc = sample(keys);
    let c = doc.criteria[0].key;
    let mut history = History::default();
    history.apply(
        &mut doc,
        RubricCommand::SetFlag {
            target: FlagTarget::UseRange(c),
            value: true,
        },
    );
    history.apply(
        &mut doc,
        RubricCommand::SetFlag {
            target: FlagTarget::HideScoreTotal,
            value: true,
        },
    );
    assert!(doc.criteria[0].use_range && doc.hide_score_total);
    history.undo(&mut doc);
    history.undo(&mut doc);
    assert_eq!(doc, sample(&mut KeyGen::default()));
}

#[derive(Clone, Debug)]
enum Op {
    Text(prop::sample::Index, prop::sample::Index, usize, String),
    Flag(prop::sample::Index, usize, bool),
    AddCriterion(usize),
    DeleteCriterion(prop::sample::Index),
    Duplicate(prop::sample::Index),
    MoveCriterion(prop::sample::Index, usize),
    AddRating(prop::sample::Index, usize),
    DeleteRating(prop::sample::Index, prop::sample::Index),
    MoveRating(prop::sample::Index, prop::sample::Index, usize),
}

fn arb_op() -> impl Strategy<Value = Op> {
    let i = any::<prop::sample::Index>;
    prop_oneof![
        (i(), i(), 0..6usize, "[a-z0-9 .]{0,5}").prop_map(|(c, r, f, v)| Op::Text(c, r, f, v)),
        (i(), 0..5usize, any::<bool>()).prop_map(|(c, f, v)| Op::Flag(c, f, v)),
        (0..5usize).prop_map(Op::AddCriterion),
        i().prop_map(Op::DeleteCriterion),
        i().prop_map(Op::Duplicate),
        (i(), 0..5usize).prop_map(|(c, to)| Op::MoveCriterion(c, to)),
        (i(), 0..5usize).prop_map(|(c, at)| Op::AddRating(c, at)),
        (i(), i()).prop_map(|(c, r)| Op::DeleteRating(c, r)),
        (i(), i(), 0..5usize).prop_map(|(c, r, to)| Op::MoveRating(c, r, to)),
    ]
}

fn resolve(op: Op, doc: &RubricDoc, keys: &mut KeyGen) -> Option<RubricCommand> {
    let criterion = |i: &prop::sample::Index| {
        (!doc.criteria.is_empty()).then(|| &doc.criteria[i.index(doc.criteria.len())])
    };
    let rating = |c: &CriterionDoc, i: &prop::sample::Index| {
        (!c.ratings.is_empty()).then(|| c.ratings[i.index(c.ratings.len())].key)
    };
    Some(match op {
        Op::Text(c, r, field, value) => {
            let target = match field {
                0 => TextTarget::Title,
                1 => TextTarget::CriterionDescription(criterion(&c)?.key),
                2 => TextTarget::CriterionLongDescription(criterion(&c)?.key),
                f => {
                    let c = criterion(&c)?;
                    let r = rating(c, &r)?;
                    [
                        TextTarget::RatingDescription,
                        TextTarget::RatingLongDescription,
                        TextTarget::RatingPoints,
                    ][f - 3](c.key, r)
                }
            };
            RubricCommand::SetText { target, value }
        }
        Op::Flag(c, field, value) => RubricCommand::SetFlag {
            target: match field {
                0 => FlagTarget::FreeFormComments,
                1 => FlagTarget::HideScoreTotal,
                2 => FlagTarget::HidePoints,
                3 => FlagTarget::UseRange(criterion(&c)?.key),
                _ => FlagTarget::IgnoreForScoring(criterion(&c)?.key),
            },
            value,
        },
        Op::AddCriterion(index) => RubricCommand::InsertCriterion {
            index,
            criterion: CriterionDoc::starter(keys),
        },
        Op::DeleteCriterion(c) => RubricCommand::DeleteCriterion {
            key: criterion(&c)?.key,
        },
        Op::Duplicate(c) => RubricCommand::duplicate_criterion(doc, criterion(&c)?.key, keys)?,
        Op::MoveCriterion(c, to) => RubricCommand::MoveCriterion {
            key: criterion(&c)?.key,
            to,
        },
        Op::AddRating(c, at) => {
            RubricCommand::insert_rating_between(doc, criterion(&c)?.key, at, keys)?
        }
        Op::DeleteRating(c, r) => {
            let c = criterion(&c)?;
            RubricCommand::DeleteRating {
                criterion: c.key,
                rating: rating(c, &r)?,
            }
        }
        Op::MoveRating(c, r, to) => {
            let c = criterion(&c)?;
            RubricCommand::MoveRating {
                criterion: c.key,
                rating: rating(c, &r)?,
                to,
            }
        }
    })
}

proptest! {
    #[test]
    fn random_rubric_edits_undo_to_the_original_and_redo_to_the_result(
        ops in proptest::collection::vec(arb_op(), 1..40),
        coalesce in any::<bool>(),
    ) {
        let mut keys = KeyGen::default();
        let original = sample(&mut keys);
        let mut doc = original.clone();
        let mut history = History::default();
        for op in ops {
            if let Some(command) = resolve(op, &doc, &mut keys) {
                history.apply(&mut doc, command);
            }
            if !coalesce {
                history.seal();
            }
            let mut all: Vec<_> = doc.keys().collect();
            let count = all.len();
            all.sort();
            all.dedup();
            prop_assert_eq!(all.len(), count, "keys stay unique");
        }
        let after = doc.clone();
        while history.undo(&mut doc).is_some() {}
        prop_assert_eq!(&doc, &original);
        while history.redo(&mut doc).is_some() {}
        prop_assert_eq!(&doc, &after);
    }
}

/// Every text field of the rubric.
fn targets(doc: &RubricDoc) -> Vec<TextTarget> {
    let mut all = vec![TextTarget::Title];
    for c in &doc.criteria {
        all.push(TextTarget::CriterionDescription(c.key));
        all.push(TextTarget::CriterionLongDescription(c.key));
        for r in &c.ratings {
            all.push(TextTarget::RatingDescription(c.key, r.key));
            all.push(TextTarget::RatingLongDescription(c.key, r.key));
            all.push(TextTarget::RatingPoints(c.key, r.key));
        }
    }
    all
}

/// Refreshes `facts` after `command` applied to `doc` and checks them against facts from
/// scratch, and that every derived part whose value changed was reported.
fn check_refresh(
    facts: &mut RubricFacts,
    command: &RubricCommand,
    doc: &RubricDoc,
    saved: &RubricDoc,
) -> Result<(), TestCaseError> {
    let before = facts.clone();
    let mut parts = Vec::new();
    command.parts(&mut parts);
    let mut out = Vec::new();
    RubricCommand::refresh(facts, doc, saved, &parts, &mut out);
    prop_assert_eq!(&*facts, &RubricFacts::new(doc, saved));
    prop_assert_eq!(facts.total(), doc.total_points());
    prop_assert_eq!(facts.dirty(), !doc.same_content(saved));
    let issues: Vec<ValidationIssue> = facts.issues().into_iter().map(|(_, i)| i.clone()).collect();
    prop_assert_eq!(&issues, &validate_rubric(doc));
    for (_, issue) in facts.issues() {
        prop_assert!(facts
            .issues()
            .iter()
            .any(|(t, i)| *i == issue && *t == doc.issue_target(&issue.path)));
    }
    for target in targets(doc) {
        if before.issues_at(target) != facts.issues_at(target) {
            prop_assert!(
                out.contains(&RubricPart::Messages(target)),
                "messages of {:?}",
                target
            );
        }
    }
    for c in &doc.criteria {
        if before.criterion_points(c.key) != c.points() {
            prop_assert!(out.contains(&RubricPart::CriterionPoints(c.key)));
        }
    }
    if before.total() != facts.total() {
        prop_assert!(out.contains(&RubricPart::Total));
    }
    if before.dirty() != facts.dirty() {
        prop_assert!(out.contains(&RubricPart::Dirty));
    }
    if before.issues() != facts.issues() {
        prop_assert!(out.contains(&RubricPart::Issues));
    }
    Ok(())
}

proptest! {
    #[test]
    fn facts_refreshed_per_edit_and_undo_equal_facts_computed_from_scratch(
        ops in proptest::collection::vec(arb_op(), 1..30),
        undos in 0..6usize,
    ) {
        let mut keys = KeyGen::default();
        let saved = sample(&mut keys);
        let mut doc = saved.clone();
        let mut facts = RubricCommand::facts(&doc, &saved);
        support::replay(&mut doc, &mut facts, &mut keys, (ops, undos), resolve, |facts, step, doc| {
            check_refresh(facts, step, doc, &saved)
        })?;
    }
}

#[test]
fn a_keystroke_in_a_points_cell_reports_its_field_its_row_and_the_total_only() {
    let keys = &mut KeyGen::default();
    let saved = sample(keys);
    let mut doc = saved.clone();
    let mut facts = RubricFacts::new(&doc, &saved);
    let (c, r) = (doc.criteria[1].key, doc.criteria[1].ratings[0].key);
    let command = RubricCommand::SetText {
        target: TextTarget::RatingPoints(c, r),
        value: "8".into(),
    };
    command.apply(&mut doc).unwrap();
    let mut parts = Vec::new();
    command.parts(&mut parts);
    assert_eq!(parts, [RubricPart::Text(TextTarget::RatingPoints(c, r))]);
    let mut out = Vec::new();
    RubricCommand::refresh(&mut facts, &doc, &saved, &parts, &mut out);
    assert_eq!(
        out,
        [
            RubricPart::CriterionPoints(c),
            RubricPart::Total,
            RubricPart::Dirty
        ]
    );
    assert_eq!(facts.total(), 12.0);
    // Typing on with the same value reports nothing new.
    out.clear();
    RubricCommand::refresh(&mut facts, &doc, &saved, &parts, &mut out);
    assert!(out.is_empty(), "{out:?}");
}

#[test]
fn a_duplicate_points_message_reaches_only_the_cell_it_belongs_to() {
    let keys = &mut KeyGen::default();
    let saved = sample(keys);
    let mut doc = saved.clone();
    let mut facts = RubricFacts::new(&doc, &saved);
    let c = doc.criteria[0].key;
    let (full, half) = (
        doc.criteria[0].ratings[0].key,
        doc.criteria[0].ratings[1].key,
    );
    let command = RubricCommand::SetText {
        target: TextTarget::RatingPoints(c, half),
        value: "4".into(),
    };
    command.apply(&mut doc).unwrap();
    let mut out = Vec::new();
    RubricCommand::refresh(
        &mut facts,
        &doc,
        &saved,
        &[RubricPart::Text(TextTarget::RatingPoints(c, half))],
        &mut out,
    );
    assert!(out.contains(&RubricPart::Messages(TextTarget::RatingPoints(c, half))));
    assert!(!out.contains(&RubricPart::Messages(TextTarget::RatingPoints(c, full))));
    assert!(out.contains(&RubricPart::Issues));
    assert_eq!(
        facts.issues_at(TextTarget::RatingPoints(c, half))[0].message,
        "Points 4 are already used by rating 1 of this criterion"
    );
}
