//! What the command tests share: replaying random edits, then undoing some, with a check of
//! the facts after every step.
use proptest::test_runner::TestCaseError;
use rubric_core::edit::{History, KeyGen, Tracked};

/// Applies the commands `resolve` makes of `ops` to `doc` (each its own undo step), then undoes
/// up to `undos` of them; `check` sees the facts, the step just applied and the document after
/// every step.
pub fn replay<C: Tracked, O>(
    doc: &mut C::Doc,
    facts: &mut C::Facts,
    keys: &mut KeyGen,
    (ops, undos): (Vec<O>, usize),
    resolve: impl Fn(O, &C::Doc, &mut KeyGen) -> Option<C>,
    mut check: impl FnMut(&mut C::Facts, &C, &C::Doc) -> Result<(), TestCaseError>,
) -> Result<(), TestCaseError> {
    let mut history = History::default();
    for op in ops {
        let Some(command) = resolve(op, doc, keys) else {
            continue;
        };
        if history.apply(doc, command.clone()) {
            check(facts, &command, doc)?;
        }
        history.seal();
    }
    for _ in 0..undos {
        let Some(step) = history.undo(doc).cloned() else {
            break;
        };
        check(facts, &step, doc)?;
    }
    Ok(())
}
