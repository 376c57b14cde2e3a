use leptos::html::Dialog;
use leptos::prelude::*;

/// What another teacher saved since this editor loaded, found when a save is asked for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Conflict {
    /// Their changes, one line each (from `rubric_core::changes`).
    pub changes: Vec<String>,
    /// The item was deleted in Canvas: only a copy can keep these edits.
    pub deleted: bool,
}

/// The choice a save makes when the item changed in Canvas since it was loaded: review their
/// changes (a list, by criterion and rating or by level), keep mine (overwrite theirs), save
/// mine as a copy (when the item can be copied), or cancel. Nothing is overwritten silently.
/// A native modal `<dialog>`: focus is trapped, Escape cancels.
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
    let dialog = NodeRef::<Dialog>::new();
    let first_button = NodeRef::<leptos::html::Button>::new();
    let reviewing = RwSignal::new(false);
    Effect::new(move |_| {
        let Some(element) = dialog.get() else { return };
        if conflict.with(Option::is_some) {
            if !element.open() {
                reviewing.set(false);
                let _ = element.show_modal();
            }
            if let Some(button) = first_button.get_untracked() {
                let _ = button.focus();
            }
        } else if element.open() {
            element.close();
        }
    });
    let ids = super::IdPrefix::new();
    let (heading_id, body_id, list_id) = (ids.id("heading"), ids.id("body"), ids.id("changes"));
    let (labelled_by, described_by, controls) =
        (heading_id.clone(), body_id.clone(), list_id.clone());
    let deleted = move || conflict.with(|c| c.as_ref().is_some_and(|c| c.deleted));
    let choose = move |choice: Option<Callback<()>>| {
        conflict.set(None);
        if let Some(choice) = choice {
            choice.run(());
        }
    };
    let changes = move || {
        conflict
            .get()
            .map(|c| c.changes)
            .unwrap_or_default()
            .into_iter()
            .map(|line| view! { <li>{line}</li> })
            .collect_view()
    };
    let body = move || {
        if deleted() {
            format!("Someone deleted this {what} in Canvas after you opened it. You can save your version as a new {what}.")
        } else {
            format!("Someone saved a different version of this {what} after you opened it. Saving yours replaces theirs.")
        }
    };
    view! {
        <dialog class="rbe-dialog" node_ref=dialog aria-labelledby=labelled_by aria-describedby=described_by
            on:cancel=move |ev: web_sys::Event| {
                ev.prevent_default();
                choose(None);
            }>
            <h2 id=heading_id class="rbe-dialog__title">{format!("This {what} changed in Canvas")}</h2>
            <p id=body_id>{body}</p>
            <Show when=move || reviewing.get()>
                <h3 class="rbe-dialog__subtitle">"Their changes"</h3>
                <ul id=list_id.clone() class="rbe-dialog__changes">{changes}</ul>
            </Show>
            <div class="rbe-dialog__actions">
                <button type="button" class="rbe-button" node_ref=first_button
                    aria-expanded=move || if reviewing.get() { "true" } else { "false" }
                    aria-controls=controls
                    on:click=move |_| reviewing.update(|r| *r = !*r)>"Review their changes"</button>
                <button type="button" class="rbe-button" on:click=move |_| choose(None)>"Cancel"</button>
                {on_copy.map(|copy| view! {
                    <button type="button" class="rbe-button" on:click=move |_| choose(Some(copy))>"Save mine as a copy"</button>
                })}
                <Show when=move || !deleted()>
                    <button type="button" class="rbe-button rbe-button--primary" on:click=move |_| choose(Some(on_keep))>"Keep mine"</button>
                </Show>
            </div>
        </dialog>
    }
}
