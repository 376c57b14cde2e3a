//! Mastery scale edit commands: behaviour, invariants, and undo restoring exactly.
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

mod support;

use proptest::prelude::*;
use rubric_core::edit::{
    Command, Facts, History, Key, KeyGen, Level, LevelField, ScaleCommand, ScaleDoc, ScaleFacts,
    ScalePart, Tracked,
};
use rubric_core::Proficiency;

fn default_doc() -> ScaleDoc {
    ScaleDoc::from_proficiency(&Proficiency::canvas_default(), &mut KeyGen::default())
}

fn descriptions(doc: &ScaleDoc) -> Vec<&str> {
    doc.levels.iter().map(|l| l.description.as_str()).collect()
}

fn new_level(key: u32, mastery: bool) -> Level {
    Level {
        key: Key(key),
        description: format!("New {key}"),
        points: "9".into(),
        mastery,
        color: "123456".into(),
    }
}

#[test]
fn deleting_the_mastery_level_moves_mastery_to_the_level_above() {
    let mut doc = default_doc();
    let mastery = doc.mastery_key().unwrap();
    let inverse = ScaleCommand::Delete { key: mastery }
        .apply(&mut doc)
        .unwrap();
    assert_eq!(doc.levels.iter().filter(|l| l.mastery).count(), 1);
    assert_eq!(doc.levels[0].description, "Exceeds Mastery");
    assert!(doc.levels[0].mastery);
    inverse.apply(&mut doc).unwrap();
    assert_eq!(doc, default_doc());
}

#[test]
fn deleting_a_top_mastery_level_moves_mastery_down() {
    let mut doc = default_doc();
    let top = doc.levels[0].key;
    ScaleCommand::SetMastery { key: top }
        .apply(&mut doc)
        .unwrap();
    ScaleCommand::Delete { key: top }.apply(&mut doc).unwrap();
    assert!(doc.levels[0].mastery);
    assert_eq!(doc.levels[0].description, "Mastery");
}

#[test]
fn the_last_level_cannot_be_deleted() {
    let mut doc = ScaleDoc {
        levels: vec![new_level(1, true)],
    };
    assert!(ScaleCommand::Delete { key: Key(1) }
        .apply(&mut doc)
        .is_none());
    assert_eq!(doc.levels.len(), 1);
}

#[test]
fn set_mastery_keeps_exactly_one_and_undoes() {
    let mut doc = default_doc();
    let last = doc.levels[4].key;
    let inverse = ScaleCommand::SetMastery { key: last }
        .apply(&mut doc)
        .unwrap();
    assert_eq!(doc.mastery_key(), Some(last));
    assert_eq!(doc.levels.iter().filter(|l| l.mastery).count(), 1);
    inverse.apply(&mut doc);
    assert_eq!(doc, default_doc());
}

#[test]
fn inserting_a_mastery_level_takes_mastery_and_undo_gives_it_back() {
    let mut doc = default_doc();
    let inverse = ScaleCommand::Insert {
        index: 0,
        level: new_level(99, true),
    }
    .apply(&mut doc)
    .unwrap();
    assert_eq!(doc.mastery_key(), Some(Key(99)));
    assert_eq!(doc.levels.iter().filter(|l| l.mastery).count(), 1);
    inverse.apply(&mut doc).unwrap();
    assert_eq!(doc, default_doc());
}

#[test]
fn moving_levels_never_resorts_and_sort_by_points_is_explicit() {
    let mut doc = default_doc();
    let bottom = doc.levels[4].key;
    ScaleCommand::Move { key: bottom, to: 0 }
        .apply(&mut doc)
        .unwrap();
    assert_eq!(descriptions(&doc)[0], "No Evidence");
    let sort = ScaleCommand::sort_by_points(&doc).unwrap();
    let undo_sort = sort.apply(&mut doc).unwrap();
    assert_eq!(doc, default_doc());
    assert!(
        ScaleCommand::sort_by_points(&doc).is_none(),
        "already sorted"
    );
    undo_sort.apply(&mut doc).unwrap();
    assert_eq!(descriptions(&doc)[0], "No Evidence");
}

#[test]
fn typing_into_one_field_is_one_undo_step_until_sealed() {
    let mut doc = default_doc();
    let mut history = History::default();
    let key = doc.levels[0].key;
    for text in ["E", "Ex", "Exc"] {
        history.apply(
            &mut doc,
            ScaleCommand::SetText {
                key,
                field: LevelField::Description,
                value: text.into(),
            },
        );
    }
    history.seal();
    history.apply(
        &mut doc,
        ScaleCommand::SetText {
            key,
            field: LevelField::Description,
            value: "Excellent".into(),
        },
    );
    assert!(history.undo(&mut doc).is_some());
    assert_eq!(doc.levels[0].description, "Exc");
    assert!(history.undo(&mut doc).is_some());
    assert_eq!(doc, default_doc());
    assert!(!history.can_undo());
    assert!(history.redo(&mut doc).is_some());
    assert_eq!(doc.levels[0].description, "Exc");
}

#[test]
fn a_failing_batch_changes_nothing() {
    let mut doc = default_doc();
    let key = doc.levels[0].key;
    let batch = ScaleCommand::Batch(vec![
        ScaleCommand::SetText {
            key,
            field: LevelField::Color,
            value: "000000".into(),
        },
        ScaleCommand::Delete { key: Key(12345) },
    ]);
    assert!(batch.apply(&mut doc).is_none());
    assert_eq!(doc, default_doc());
}

/// A command with its target chosen by index into the levels present when it runs.
#[derive(Clone, Debug)]
enum Op {
    Text(prop::sample::Index, usize, String),
    Mastery(prop::sample::Index),
    Delete(prop::sample::Index),
    Move(prop::sample::Index, usize),
    Insert(usize, bool),
    Sort,
}

fn arb_op() -> impl Strategy<Value = Op> {
    let index = any::<prop::sample::Index>();
    prop_oneof![
        (index.clone(), 0..3usize, "[a-fA-F0-9 .]{0,6}").prop_map(|(i, f, v)| Op::Text(i, f, v)),
        index.clone().prop_map(Op::Mastery),
        index.clone().prop_map(Op::Delete),
        (index, 0..8usize).prop_map(|(i, to)| Op::Move(i, to)),
        (0..8usize, any::<bool>()).prop_map(|(at, m)| Op::Insert(at, m)),
        Just(Op::Sort),
    ]
}

fn resolve(op: Op, doc: &ScaleDoc, keys: &mut KeyGen) -> Option<ScaleCommand> {
    let pick = |i: &prop::sample::Index| doc.levels[i.index(doc.levels.len())].key;
    Some(match op {
        Op::Text(i, f, value) => ScaleCommand::SetText {
            key: pick(&i),
            field: [
                LevelField::Description,
                LevelField::Points,
                LevelField::Color,
            ][f],
            value,
        },
        Op::Mastery(i) => ScaleCommand::SetMastery { key: pick(&i) },
        Op::Delete(i) => ScaleCommand::Delete { key: pick(&i) },
        Op::Move(i, to) => ScaleCommand::Move { key: pick(&i), to },
        Op::Insert(index, mastery) => ScaleCommand::Insert {
            index,
            level: new_level(keys.fresh().0, mastery),
        },
        Op::Sort => ScaleCommand::sort_by_points(doc)?,
    })
}

proptest! {
    #[test]
    fn random_edits_keep_one_mastery_and_undo_restores_exactly(ops in proptest::collection::vec(arb_op(), 1..30)) {
        let original = default_doc();
        let mut doc = original.clone();
        let mut keys = KeyGen::after(doc.order());
        let mut history = History::default();
        for op in ops {
            if let Some(command) = resolve(op, &doc, &mut keys) {
                history.apply(&mut doc, command);
            }
            history.seal();
            prop_assert_eq!(doc.levels.iter().filter(|l| l.mastery).count(), 1);
            prop_assert!(!doc.levels.is_empty());
        }
        let after = doc.clone();
        while history.undo(&mut doc).is_some() {}
        prop_assert_eq!(&doc, &original);
        while history.redo(&mut doc).is_some() {}
        prop_assert_eq!(&doc, &after);
    }
}

/// Refreshes `facts` after `command` applied to `doc`; checks them against facts from scratch
/// and that every field whose messages changed was reported.
fn check_refresh(
    facts: &mut ScaleFacts,
    command: &ScaleCommand,
    doc: &ScaleDoc,
    saved: &ScaleDoc,
) -> Result<(), TestCaseError> {
    let before = facts.clone();
    let mut parts = Vec::new();
    command.parts(&mut parts);
    let mut out = Vec::new();
    ScaleCommand::refresh(facts, doc, saved, &parts, &mut out);
    prop_assert_eq!(&*facts, &ScaleFacts::new(doc, saved));
    prop_assert_eq!(facts.dirty(), !doc.same_content(saved));
    let issues: Vec<_> = facts.issues().into_iter().map(|(_, i)| i.clone()).collect();
    prop_assert_eq!(issues, doc.normalized().validate());
    for level in &doc.levels {
        for field in LevelField::ALL {
            if before.issues_at((level.key, field)) != facts.issues_at((level.key, field)) {
                prop_assert!(out.contains(&ScalePart::Messages(level.key, field)));
            }
        }
    }
    if before.dirty() != facts.dirty() {
        prop_assert!(out.contains(&ScalePart::Dirty));
    }
    if before.issues() != facts.issues() {
        prop_assert!(out.contains(&ScalePart::Issues));
    }
    Ok(())
}

proptest! {
    #[test]
    fn scale_facts_refreshed_per_edit_and_undo_equal_facts_computed_from_scratch(
        ops in proptest::collection::vec(arb_op(), 1..30),
        undos in 0..6usize,
    ) {
        let saved = default_doc();
        let mut doc = saved.clone();
        let mut keys = KeyGen::after(doc.order());
        let mut facts = ScaleCommand::facts(&doc, &saved);
        support::replay(&mut doc, &mut facts, &mut keys, (ops, undos), resolve, |facts, step, doc| {
            check_refresh(facts, step, doc, &saved)
        })?;
    }
}

#[test]
fn typing_points_out_of_order_marks_the_lower_level_and_clears_when_fixed() {
    let saved = default_doc();
    let mut doc = saved.clone();
    let mut facts = ScaleFacts::new(&doc, &saved);
    let (top, second) = (doc.levels[0].key, doc.levels[1].key);
    let mut type_points = |doc: &mut ScaleDoc, value: &str| {
        let command = ScaleCommand::SetText {
            key: second,
            field: LevelField::Points,
            value: value.into(),
        };
        command.apply(doc).unwrap();
        let mut out = Vec::new();
        ScaleCommand::refresh(
            &mut facts,
            doc,
            &saved,
            &[ScalePart::Text(second, LevelField::Points)],
            &mut out,
        );
        out
    };
    let out = type_points(&mut doc, "9");
    assert!(out.contains(&ScalePart::Messages(second, LevelField::Points)));
    assert!(!out.contains(&ScalePart::Messages(top, LevelField::Points)));
    assert!(out.contains(&ScalePart::Dirty));
    let out = type_points(&mut doc, "3.5");
    assert!(out.contains(&ScalePart::Messages(second, LevelField::Points)));
    assert!(
        !out.contains(&ScalePart::Dirty),
        "still differs from the saved scale"
    );
}
