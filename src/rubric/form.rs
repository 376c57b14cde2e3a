use leptos::html::Section;
use leptos::prelude::*;
use rubric_core::edit::{FlagTarget, RubricCommand, RubricPart, TextTarget};
use rubric_core::ruby::number_to_input;
use rubric_core::Rubric;

use super::criterion::CriterionRow;
use super::export::export_csv;
use super::paste::{Paste, PasteBox};
use super::row_actions::{DeleteCriterionDialog, RowActions};
pub use super::save_flow::SaveTarget;
use super::save_flow::{SaveFlow, SaveNotices};
use super::state::{field_id, RubricState};
use crate::events::emit_dirty_changes;
use crate::json;
use crate::ui::{
    guard_unload, keep_drafts, summary_items, undo_keys, ErrorSummary, IdPrefix, Status, TextField,
    UndoButtons,
};

/// The editable rubric: title, options, the criteria grid, live total, undo/redo, paste from a
/// spreadsheet, CSV export, live validation and the (warned) save.
#[component]
pub fn RubricForm(
    state: RubricState,
    target: SaveTarget,
    status: Status,
    /// Called when Canvas refuses the save for lack of permission.
    on_forbidden: Callback<String>,
    /// Called with what Canvas stored after a save.
    on_saved: Callback<Rubric>,
) -> impl IntoView {
    let ids = IdPrefix::new();
    let root = NodeRef::<Section>::new();
    let dirty = state.dirty;
    let descending = RwSignal::new(true);
    let dragging = RwSignal::new(None);
    guard_unload(dirty.into());
    keep_drafts(state, target.drafts, json::to_js);
    let rubric_id = target.rubric_id;
    emit_dirty_changes(dirty, root, move |dirty| {
        json::object(&[
            ("editor", "rubric".into()),
            ("rubric", rubric_id.get_untracked().into()),
            ("dirty", dirty.into()),
        ])
    });

    let actions = RowActions::new(state, ids.clone(), status, descending.into());
    let on_action = {
        let actions = actions.clone();
        Callback::new(move |action| actions.run(action))
    };
    let paste = Paste::new(state, status);
    let flow = SaveFlow::new(
        state,
        target,
        ids.clone(),
        status,
        root,
        on_forbidden,
        on_saved,
    );
    let saving = flow.saving;

    let summary = {
        let ids = ids.clone();
        move || {
            let title = field_id(&ids, TextTarget::Title);
            summary_items(
                &state.issues(),
                &state.server_errors.get(),
                |target| field_id(&ids, target),
                |e| (e.field == "title").then(|| title.clone()),
            )
        }
    };
    let total =
        move || number_to_input(state.fact(RubricPart::Total, |f| f.total()).unwrap_or(0.0));
    let criterion_keys = move || {
        state
            .fact(RubricPart::Criteria, |f| f.order().to_vec())
            .unwrap_or_default()
    };

    let title_id = field_id(&ids, TextTarget::Title);
    let flag_ids = ids.clone();
    let flag = move |target: FlagTarget, name: &'static str, label: &'static str| {
        let id = flag_ids.id(name);
        view! {
            <label class="rbe-check" for=id.clone()>
                <input type="checkbox" id=id.clone() prop:checked=state.flag(target)
                    on:change:target=move |ev| { state.dispatch(RubricCommand::SetFlag { target, value: ev.target().checked() }); state.seal(); } />
                " " {label}
            </label>
        }
    };
    let order_id = ids.id("order");
    let ids_rows = ids.clone();
    let add = actions.clone();

    view! {
        <section class="rbe-editor rbe-rubric" role="region" aria-label="Rubric" node_ref=root
            on:keydown=undo_keys(state, status)>
            <div class="rbe-field rbe-rubric__title">
                <label for=title_id.clone()>"Title"</label>
                <TextField id=title_id.clone() label="Rubric title".to_string()
                    value=state.text(TextTarget::Title) messages=state.field_messages(TextTarget::Title)
                    on_input=Callback::new(move |text: String| {
                        state.dispatch(RubricCommand::SetText { target: TextTarget::Title, value: text });
                        state.touch(TextTarget::Title);
                    })
                    on_blur=Callback::new(move |_| state.seal()) />
            </div>
            <fieldset class="rbe-options">
                <legend>"Options"</legend>
                {flag(FlagTarget::FreeFormComments, "free-form-comments", "Write free-form comments instead of choosing ratings")}
                {flag(FlagTarget::HideScoreTotal, "hide-score-total", "Hide the score total from students")}
                {flag(FlagTarget::HidePoints, "hide-points", "Hide points from students")}
                <span class="rbe-select">
                    <label for=order_id.clone()>"Show ratings"</label>" "
                    <select id=order_id.clone() on:change:target=move |ev| descending.set(ev.target().value() == "desc")>
                        <option value="desc" selected=move || descending.get()>"highest points first"</option>
                        <option value="asc" selected=move || !descending.get()>"lowest points first"</option>
                    </select>
                </span>
            </fieldset>
            <div class="rbe-toolbar">
                <UndoButtons state status />
                <button type="button" class="rbe-button" on:click=move |_| export_csv(state, status)>"Export CSV"</button>
            </div>
            <ErrorSummary id=ids.id("summary") show=Signal::derive(move || state.shows_summary()) items=Signal::derive(summary) />
            <div class="rbe-grid-scroll">
                <table class="rbe-table rbe-grid" on:paste=move |ev| paste.on_grid(ev)>
                    <caption class="rbe-sr-only">"Criteria and their ratings"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Criterion"</th>
                            <th scope="col">"Ratings"</th>
                            <th scope="col">"Points"</th>
                            <th scope="col">"Actions"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=criterion_keys key=|k| *k let(key)>
                            <CriterionRow state ids=ids_rows.clone() key descending on_action dragging status />
                        </For>
                    </tbody>
                </table>
            </div>
            <p class="rbe-total">"Total points: "<strong class="rbe-total__value">{total}</strong></p>
            <PasteBox paste ids=ids.clone() />
            <div class="rbe-actions">
                <button type="button" class="rbe-button" id=ids.id("add-criterion") on:click=move |_| add.add_criterion()>"Add criterion"</button>
                <button type="button" class="rbe-button rbe-button--primary"
                    disabled=move || !dirty.get() || saving.get() on:click=move |_| flow.request.run(())>
                    {move || if saving.get() { "Saving…" } else { "Save rubric" }}
                </button>
                <span class="rbe-hint">{move || if dirty.get() { "Unsaved changes" } else { "All changes saved" }}</span>
            </div>
            <SaveNotices flow />
            <DeleteCriterionDialog actions />
        </section>
    }
}
