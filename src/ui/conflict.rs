use leptos::prelude::*;

use super::confirm::{Choice, ChoiceDialog, Details};
use super::{SaveFailure, Status};

/// What another teacher saved since this editor loaded, found when a save is asked for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Conflict {
    /// Their changes, one line each (from `rubric_core::changes`).
    pub changes: Vec<String>,
    /// The item was deleted in Canvas: only a copy can keep these edits.
    pub deleted: bool,
}

impl Conflict {
    /// A conflict when someone else changed anything (`changes` from `rubric_core::changes`).
    pub fn from_changes(changes: Vec<String>) -> Option<Self> {
        (!changes.is_empty()).then_some(Conflict {
            changes,
            deleted: false,
        })
    }
}

/// Acts on the check made before a save over Canvas's version: nothing changed there, `send`;
/// a conflict, the dialog (announced as "This {what} changed in Canvas since you opened it");
/// the check could not be made, the failure notice at `root` with its Retry. The save is under
/// way (`saving`) until then.
pub fn settle_save_check(
    found: Result<Option<Conflict>, String>,
    what: &str,
    (saving, status, failure): (RwSignal<bool>, Status, SaveFailure),
    conflict: RwSignal<Option<Conflict>>,
    root: Option<web_sys::Element>,
    send: impl FnOnce(),
) {
    match found {
        Ok(None) => send(),
        Ok(Some(found)) => {
            saving.set(false);
            status.say(format!("This {what} changed in Canvas since you opened it"));
            conflict.set(Some(found));
        }
        Err(message) => {
            saving.set(false);
            failure.report(root, message);
        }
    }
}

/// The choice a save makes when the item changed in Canvas since it was loaded: review their
/// changes (a list, by criterion and rating or by level), keep mine (overwrite theirs), save
/// mine as a copy (when the item can be copied), or cancel. Nothing is overwritten silently.
#[component]
pub fn ConflictDialog(
    /// The conflict waiting for a choice; `None` closes the dialog.
    conflict: RwSignal<Option<Conflict>>,
    /// What is edited, for the text ("rubric", "mastery scale").
    what: &'static str,
    /// "Keep mine": save over their version.
    on_keep: Callback<()>,
    /// "Save mine as a copy", where a copy can be made.
    #[prop(optional)]
    on_copy: Option<Callback<()>>,
) -> impl IntoView {
    let open = RwSignal::new(false);
    Effect::new(move |_| open.set(conflict.with(Option::is_some)));
    let deleted = move || conflict.with(|c| c.as_ref().is_some_and(|c| c.deleted));
    let body = move || {
        if deleted() {
            format!("Someone deleted this {what} in Canvas after you opened it. You can save your version as a new {what}.")
        } else {
            format!("Someone saved a different version of this {what} after you opened it. Saving yours replaces theirs.")
        }
    };
    // A choice settles the conflict, then runs.
    let settle = move |run: Callback<()>| {
        Callback::new(move |_| {
            conflict.set(None);
            run.run(());
        })
    };
    let choices = move || {
        let copy = on_copy.map(|run| Choice {
            label: "Save mine as a copy",
            run: settle(run),
        });
        let keep = (!deleted()).then(|| Choice {
            label: "Keep mine",
            run: settle(on_keep),
        });
        copy.into_iter().chain(keep).collect::<Vec<_>>()
    };
    let details = Details {
        toggle: "Review their changes",
        heading: "Their changes",
        lines: Signal::derive(move || {
            conflict.with(|c| c.as_ref().map(|c| c.changes.clone()).unwrap_or_default())
        }),
    };
    view! {
        <ChoiceDialog open title=format!("This {what} changed in Canvas") body=Signal::derive(body)
            choices=Signal::derive(choices) details on_cancel=Callback::new(move |_| conflict.set(None)) />
    }
}
