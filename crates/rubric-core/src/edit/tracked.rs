use std::fmt::Debug;
use std::hash::Hash;

use super::Command;
use crate::validate::ValidationIssue;

/// A command whose effects are known part by part, so an editor redraws, revalidates and
/// recounts only what an edit touched: a keystroke costs one field, not one document.
///
/// A *part* names something a reader can watch: a field of the document (its text, a flag, a
/// row's list of ratings, the list of rows) or a fact derived from it (a field's validation
/// messages, a row's points, the total, whether the document differs from the saved copy).
/// [`Tracked::parts`] says which document parts a command changes (its inverse changes the
/// same ones); [`Tracked::refresh`] brings the derived facts up to date from those parts and
/// says which derived parts changed.
pub trait Tracked: Command {
    /// What readers watch.
    type Part: Copy + Eq + Hash + Debug + Send + Sync + 'static;
    /// An editable field whose validation messages are watched.
    type Field: Copy + Eq + Hash + Debug + Send + Sync + 'static;
    /// The facts derived from the document and its saved copy.
    type Facts: Facts<Self::Field> + Send + Sync + 'static;

    /// The part that holds the list of every problem.
    const ISSUES: Self::Part;

    /// Pushes the document parts this command changes when applied.
    fn parts(&self, out: &mut Vec<Self::Part>);

    /// The facts of `doc` against `saved`, computed from scratch.
    fn facts(doc: &Self::Doc, saved: &Self::Doc) -> Self::Facts;

    /// Updates `facts` after the document parts in `changed` changed (in `doc`), pushing the
    /// derived parts whose value changed. Costs what the changed parts cost, not the document.
    fn refresh(
        facts: &mut Self::Facts,
        doc: &Self::Doc,
        saved: &Self::Doc,
        changed: &[Self::Part],
        out: &mut Vec<Self::Part>,
    );

    /// The part that holds the validation messages of `field`.
    fn messages_part(field: Self::Field) -> Self::Part;

    /// Whether `part` holds the validation messages of a field.
    fn is_messages(part: Self::Part) -> bool;
}

/// What an editor asks of the derived facts, whatever the document.
pub trait Facts<F> {
    /// Whether the document differs from its saved copy.
    fn dirty(&self) -> bool;
    /// Whether the document has no problem.
    fn is_valid(&self) -> bool;
    /// Every problem, in the order validation reports them, with the field it shows at
    /// (`None`: the document as a whole).
    fn issues(&self) -> Vec<(Option<F>, &ValidationIssue)>;
    /// The problems of one field, in order.
    fn issues_at(&self, field: F) -> Vec<&ValidationIssue>;
}
