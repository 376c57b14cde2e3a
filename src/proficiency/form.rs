use leptos::html::Section;
use leptos::prelude::*;
use rubric_core::changes::scale_changes;
use rubric_core::edit::{Facts, Key, KeyGen, LevelField, ScaleCommand, ScaleDoc, ScalePart};

use super::row::{delete_id, LevelRow};
use super::state::{field_id, ScaleState};
use crate::api::{get_proficiency, save_proficiency, ApiConfig, ApiError, ContextPath};
use crate::events::{emit, emit_dirty_changes};
use crate::json;
use crate::ui::{
    focus_by_id, guard_unload, keep_drafts, settle_save_check, summary_items, undo_keys,
    ConfirmDialog, Conflict, ConflictDialog, Drafts, ErrorSummary, IdPrefix, SaveFailure,
    SaveFailureNotice, Status, Tasks, UndoButtons,
};

/// Where the form is saving to and what it tells the user about it.
#[derive(Clone)]
pub struct SaveTarget {
    /// API access.
    pub config: ApiConfig,
    /// The context.
    pub context: ContextPath,
    /// The context's name, for the confirmation text.
    pub context_name: String,
    /// The draft slot.
    pub drafts: Drafts,
}

/// The editable mastery scale: the level table, add/delete/move/sort, undo/redo, live
/// validation, and the confirmed save.
#[component]
pub fn ScaleForm(
    state: ScaleState,
    target: SaveTarget,
    status: Status,
    /// Called when Canvas refuses the save for lack of permission.
    on_forbidden: Callback<String>,
) -> impl IntoView {
    let tasks = Tasks::current();
    let ids = IdPrefix::new();
    let root = NodeRef::<Section>::new();
    let dirty = state.dirty;
    let saving = RwSignal::new(false);
    let failure = SaveFailure::new(ids.id("save-error"), "mastery-scale");
    let confirm_save = RwSignal::new(false);
    let pending_delete = RwSignal::new(None::<Key>);
    guard_unload(dirty.into());

    keep_drafts(state, StoredValue::new(target.drafts.clone()), |d| {
        json::to_js(&d.levels)
    });
    emit_dirty_changes(dirty, root, |dirty| {
        json::object(&[("editor", "mastery-scale".into()), ("dirty", dirty.into())])
    });

    let add_level = {
        let ids = ids.clone();
        move |_| {
            let Some(key) = state.fresh_key() else { return };
            let Some((index, level)) = state.peek(|d| (d.levels.len(), d.new_level(key))) else {
                return;
            };
            if state.dispatch(ScaleCommand::Insert { index, level }) {
                status.say(format!("Level {} added", index + 1));
                focus_by_id(field_id(&ids, key, LevelField::Description));
            }
        }
    };

    let delete_confirmed = {
        let ids = ids.clone();
        Callback::new(move |_| {
            let Some(key) = pending_delete.get_untracked() else {
                return;
            };
            let index = state.peek(|d| d.index_of(key)).flatten().unwrap_or(0);
            if state.dispatch(ScaleCommand::Delete { key }) {
                status.say(format!("Level {} deleted", index + 1));
                let next =
                    state.peek(|d| d.levels[index.saturating_sub(1).min(d.levels.len() - 1)].key);
                if let Some(next) = next {
                    focus_by_id(delete_id(&ids, next));
                }
            }
            pending_delete.set(None);
        })
    };
    let delete_cancelled = {
        let ids = ids.clone();
        Callback::new(move |_| {
            if let Some(key) = pending_delete.get_untracked() {
                focus_by_id(delete_id(&ids, key));
            }
            pending_delete.set(None);
        })
    };
    let on_delete = Callback::new(move |key: Key| pending_delete.set(Some(key)));
    let on_move = {
        let ids = ids.clone();
        Callback::new(move |(key, delta): (Key, isize)| {
            let Some(from) = state.peek(|d| d.index_of(key)).flatten() else {
                return;
            };
            let to = (from as isize + delta).max(0) as usize;
            if state.dispatch(ScaleCommand::Move { key, to }) {
                state.seal();
                let (now, count) = state
                    .peek(|d| (d.index_of(key).unwrap_or(0), d.levels.len()))
                    .unwrap_or_default();
                status.say(format!("Level moved to position {}", now + 1));
                let direction = if (delta < 0 && now > 0) || now + 1 >= count {
                    "up"
                } else {
                    "down"
                };
                let direction = if delta > 0 && now + 1 < count {
                    "down"
                } else {
                    direction
                };
                focus_by_id(ids.id(&format!("level{}-{direction}", key.0)));
            }
        })
    };
    let sort = move |_| {
        if let Some(command) = state.peek(ScaleCommand::sort_by_points).flatten() {
            state.dispatch(command);
            state.seal();
            status.say("Levels sorted by points, highest first");
        } else {
            status.say("Levels are already sorted by points");
        }
    };

    // The first problem in reading order: by level, then by column.
    let first_invalid_id = {
        let ids = ids.clone();
        move || {
            let column = |field: LevelField| match field {
                LevelField::Description => 0,
                LevelField::Points => 1,
                LevelField::Color => 2,
            };
            state
                .peek_facts(|f| {
                    f.issues()
                        .into_iter()
                        .filter_map(|(at, _)| at)
                        .min_by_key(|(key, field)| (f.position(*key), column(*field)))
                })
                .flatten()
                .map(|(key, field)| field_id(&ids, key, field))
        }
    };
    let request_save = {
        let first_invalid_id = first_invalid_id.clone();
        let ids = ids.clone();
        move |_| {
            let Some(current) = state.snapshot() else {
                return;
            };
            let wanted = current.normalized();
            let fixes: Vec<ScaleCommand> = current
                .levels
                .iter()
                .zip(&wanted.levels)
                .filter(|(a, b)| a.color != b.color)
                .map(|(_, b)| ScaleCommand::SetText {
                    key: b.key,
                    field: LevelField::Color,
                    value: b.color.clone(),
                })
                .collect();
            if !fixes.is_empty() {
                state.dispatch(ScaleCommand::Batch(fixes));
            }
            state.attempt();
            failure.clear();
            if state.is_valid() {
                confirm_save.set(true);
            } else {
                status.say("The scale has errors; fix them to save");
                focus_by_id(first_invalid_id().unwrap_or_else(|| ids.id("summary")));
            }
        }
    };
    let send = {
        let target = target.clone();
        let ids = ids.clone();
        Callback::new(move |_: ()| {
            let Some(Ok(scale)) = state.peek(ScaleDoc::to_proficiency) else {
                return;
            };
            let target = target.clone();
            let ids = ids.clone();
            saving.set(true);
            tasks.spawn(async move {
                let result = save_proficiency(&target.config, &target.context, &scale).await;
                saving.set(false);
                match result {
                    Ok(stored) => {
                        let mut keys = KeyGen::default();
                        state.accept_saved_scale(ScaleDoc::from_proficiency(&stored, &mut keys));
                        target.drafts.clear();
                        status.say("Saved");
                        if let Some(element) = root.get_untracked() {
                            let detail = json::object(&[
                                ("editor", "mastery-scale".into()),
                                ("context", target.context.as_str().into()),
                                ("scale", json::to_js(&stored)),
                            ]);
                            emit(&element, "rubric-editor:saved", &detail);
                        }
                    }
                    Err(ApiError::NotAllowed(message)) => on_forbidden.run(message),
                    Err(ApiError::Invalid(errors)) => {
                        state.server_errors.set(errors);
                        status.say("Canvas did not accept the scale; see the errors");
                        focus_by_id(ids.id("summary"));
                    }
                    Err(other) => failure.report(root.get_untracked(), other.to_string()),
                }
            });
        })
    };

    // Before saving over the context's scale, Canvas's version is compared with the one this
    // editor loaded: if someone else saved since, the teacher chooses (keep mine or cancel).
    let conflict = RwSignal::new(None::<Conflict>);
    let save_confirmed = {
        let target = target.clone();
        Callback::new(move |_: ()| {
            let target = target.clone();
            saving.set(true);
            failure.clear();
            tasks.spawn(async move {
                let found = get_proficiency(&target.config, &target.context)
                    .await
                    .map(|theirs| {
                        let theirs = theirs
                            .map(|p| ScaleDoc::from_proficiency(&p, &mut KeyGen::default()))
                            .unwrap_or_default();
                        let changes = state.peek_saved(|loaded| scale_changes(loaded, &theirs));
                        Conflict::from_changes(changes.unwrap_or_default())
                    })
                    .map_err(|e| e.to_string());
                let element = root.get_untracked().map(Into::into);
                let save = (saving, status, failure);
                settle_save_check(found, "mastery scale", save, conflict, element, || {
                    send.run(())
                });
            });
        })
    };
    let summary_items = {
        let ids = ids.clone();
        move || {
            summary_items(
                &state.issues(),
                &state.server_errors.get(),
                |(key, field)| field_id(&ids, key, field),
                |_| None,
            )
        }
    };
    let confirm_text = {
        let target = target.clone();
        move || {
            if target.context.is_account() {
                format!("The scale applies to outcome-aligned rubrics in {} and its sub-accounts and courses that have not been assessed yet.", target.context_name)
            } else {
                format!("The scale applies to outcome-aligned rubrics in {} that have not been assessed yet.", target.context_name)
            }
        }
    };
    let delete_text = move || {
        let n = pending_delete
            .get()
            .and_then(|k| state.position(k))
            .map_or(0, |i| i + 1);
        format!("This removes level {n} from the mastery scale. You can undo it until you leave the page.")
    };
    let delete_open = RwSignal::new(false);
    Effect::new(move |_| delete_open.set(pending_delete.get().is_some()));
    let ids_summary = ids.id("summary");
    let ids_for_rows = ids.clone();

    view! {
        <section class="rbe-editor" role="region" aria-label="Mastery scale" node_ref=root
            on:keydown=undo_keys(state, status)>
            <div class="rbe-toolbar">
                <UndoButtons state status />
                <button type="button" class="rbe-button" on:click=sort>"Sort by points"</button>
            </div>
            <ErrorSummary id=ids_summary show=Signal::derive(move || state.shows_summary()) items=Signal::derive(summary_items) />
            <table class="rbe-table">
                <caption class="rbe-sr-only">"Mastery levels, highest first"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Mastery"</th>
                        <th scope="col">"Description"</th>
                        <th scope="col">"Points"</th>
                        <th scope="col">"Color"</th>
                        <th scope="col">"Actions"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || state.fact(ScalePart::Levels, |f| f.order().to_vec()).unwrap_or_default() key=|key| *key let(key)>
                        <LevelRow state ids=ids_for_rows.clone() key on_delete on_move />
                    </For>
                </tbody>
            </table>
            <div class="rbe-actions">
                <button type="button" class="rbe-button" on:click=add_level>"Add mastery level"</button>
                <button type="button" class="rbe-button rbe-button--primary"
                    disabled=move || !dirty.get() || saving.get() on:click=request_save>
                    {move || if saving.get() { "Saving…" } else { "Save mastery scale" }}
                </button>
                <span class="rbe-hint">{move || if dirty.get() { "Unsaved changes" } else { "All changes saved" }}</span>
            </div>
            <SaveFailureNotice failure on_retry=save_confirmed />
            <ConfirmDialog open=confirm_save title="Save mastery scale?".to_string() body=Signal::derive(confirm_text)
                confirm_label="Save" on_confirm=save_confirmed on_cancel=Callback::new(|_| ()) />
            <ConflictDialog conflict what="mastery scale" on_keep=send />
            <ConfirmDialog open=delete_open title="Delete level?".to_string() body=Signal::derive(delete_text)
                confirm_label="Delete" on_confirm=delete_confirmed on_cancel=delete_cancelled />
        </section>
    }
}
