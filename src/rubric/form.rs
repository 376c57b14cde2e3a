use leptos::html::Section;
use leptos::prelude::*;
use leptos::task::spawn_local;
use rubric_core::edit::{
    looks_like_cells, parse_pasted_criteria, CriterionDoc, FlagTarget, Key, RubricCommand,
    RubricDoc, TextTarget,
};
use rubric_core::ruby::number_to_input;
use rubric_core::rules::copies_on_update;
use rubric_core::{Rubric, RubricAssociation};
use wasm_bindgen::JsCast;

use super::criterion::{control_id, CriterionRow, RowAction};
use super::state::{field_id, field_messages, issue_target, messages_at, RubricState};
use crate::api::{save_rubric, ApiConfig, ApiError, ContextPath};
use crate::events::emit;
use crate::ui::{
    download_text, file_name, focus_by_id, guard_unload, summary_items, undo_keys, ConfirmDialog,
    Drafts, ErrorSummary, IdPrefix, SaveFailure, SaveFailureNotice, Status, TextField, UndoButtons,
};

/// Points of the first rating of a newly added criterion.
const NEW_CRITERION_POINTS: f64 = 5.0;

/// Where the form saves to.
#[derive(Clone)]
pub struct SaveTarget {
    /// API access.
    pub config: ApiConfig,
    /// The course.
    pub context: ContextPath,
    /// The rubric's id; `None` until a new rubric is first saved.
    pub rubric_id: RwSignal<Option<u64>>,
    /// The rubric's associations as last loaded (for the copy / score warning).
    pub associations: RwSignal<Vec<RubricAssociation>>,
    /// Canvas's `read_only` flag of the rubric (a save then makes a copy).
    pub read_only: RwSignal<bool>,
    /// The draft slot.
    pub drafts: StoredValue<Drafts>,
}

/// What a save may do to existing uses of the rubric, if anything worth a warning.
fn save_warning(associations: &[RubricAssociation], read_only: bool) -> Option<String> {
    let grading: Vec<&RubricAssociation> = associations
        .iter()
        .filter(|a| a.purpose == "grading")
        .collect();
    if copies_on_update(read_only, grading.len()) {
        return Some(format!(
            "This rubric grades {} assignments. Canvas keeps the original for them and saves your changes as a new copy of the rubric, which replaces it only here.",
            grading.len().max(2)
        ));
    }
    let places = associations.len();
    if grading.len() == 1 {
        let title = grading[0]
            .title
            .clone()
            .unwrap_or_else(|| "an assignment".into());
        return Some(format!("This rubric grades {title}. Changing criteria or points changes how its submissions are scored, and rubric scores already given may no longer match."));
    }
    (places >= 2).then(|| {
        format!("This rubric is used in {places} places; your changes apply to all of them.")
    })
}

/// The criterion row a DOM event happened in, if any.
fn row_of(target: Option<web_sys::EventTarget>) -> Option<Key> {
    let element = target?.dyn_into::<web_sys::Element>().ok()?;
    let row = element.closest("tr[data-criterion]").ok()??;
    row.get_attribute("data-criterion")?.parse().ok().map(Key)
}

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
    let issues = Memo::new(move |_| state.issues());
    let messages = Memo::new(move |_| issues.with(|all| field_messages(state, all)));
    let dirty = Memo::new(move |_| state.is_dirty());
    let total = Memo::new(move |_| state.doc.with(RubricDoc::total_points));
    let saving = RwSignal::new(false);
    let failure = SaveFailure::new(ids.id("save-error"), "rubric");
    let paste_error = RwSignal::new(None::<String>);
    let copy_notice = RwSignal::new(None::<String>);
    let confirm_save = RwSignal::new(false);
    let pending_delete = RwSignal::new(None::<Key>);
    let descending = RwSignal::new(true);
    let dragging = RwSignal::new(None::<Key>);
    guard_unload(dirty.into());

    let drafts = target.drafts;
    let rubric_id = target.rubric_id;
    Effect::new(move |_| {
        let is_dirty = dirty.get();
        state.doc.with(|d| {
            drafts.with_value(|slot| {
                if is_dirty {
                    slot.save(&serde_json::to_string(d).unwrap_or_default());
                } else {
                    slot.clear();
                }
            })
        });
        if let Some(element) = root.get_untracked() {
            let detail = serde_json::json!({"editor": "rubric", "rubric": rubric_id.get_untracked(), "dirty": is_dirty});
            emit(&element, "rubric-editor:change", &detail);
        }
    });

    let criterion_position = move |key: Key| state.doc.with_untracked(|d| d.criterion_index(key));
    let description_id = {
        let ids = ids.clone();
        move |key: Key| field_id(&ids, TextTarget::CriterionDescription(key))
    };

    // A new criterion at `index` (Canvas's starter ratings), its description focused.
    let insert_criterion = {
        let description_id = description_id.clone();
        move |index: usize| {
            let criterion = state.with_keys(|k| CriterionDoc::starter(k, NEW_CRITERION_POINTS));
            let key = criterion.key;
            if state.dispatch(RubricCommand::InsertCriterion { index, criterion }) {
                state.seal();
                status.say(format!("Criterion {} added", index + 1));
                focus_by_id(description_id(key));
            }
        }
    };
    let add_criterion = {
        let insert_criterion = insert_criterion.clone();
        move |_| insert_criterion(state.doc.with_untracked(|d| d.criteria.len()))
    };

    let rating_focus_id = {
        let ids = ids.clone();
        move |c: Key, r: Key| field_id(&ids, TextTarget::RatingDescription(c, r))
    };
    let on_action = {
        let ids = ids.clone();
        let description_id = description_id.clone();
        let insert_criterion = insert_criterion.clone();
        Callback::new(move |action: RowAction| match action {
            RowAction::Move(key, delta) => {
                let Some(from) = criterion_position(key) else {
                    return;
                };
                let to = (from as isize + delta).max(0) as usize;
                if state.dispatch(RubricCommand::MoveCriterion { key, to }) {
                    state.seal();
                    let (now, count) = state.doc.with_untracked(|d| {
                        (d.criterion_index(key).unwrap_or(0), d.criteria.len())
                    });
                    status.say(format!(
                        "Criterion moved to position {} of {count}",
                        now + 1
                    ));
                    let towards = if delta < 0 { "up" } else { "down" };
                    let at_edge = (delta < 0 && now == 0) || (delta > 0 && now + 1 >= count);
                    let button = match (towards, at_edge) {
                        ("up", true) => "down",
                        ("down", true) => "up",
                        (same, false) => same,
                        _ => "up",
                    };
                    focus_by_id(control_id(&ids, key, button));
                }
            }
            RowAction::DropOn(key, onto) => {
                let Some(to) = criterion_position(onto) else {
                    return;
                };
                if key != onto && state.dispatch(RubricCommand::MoveCriterion { key, to }) {
                    state.seal();
                    status.say(format!("Criterion moved to position {}", to + 1));
                    focus_by_id(control_id(&ids, key, "handle"));
                }
            }
            RowAction::Duplicate(key) => {
                let command = state.doc.with_untracked(|d| {
                    state.with_keys(|k| RubricCommand::duplicate_criterion(d, key, k))
                });
                if let Some(command) = command {
                    let copy = match &command {
                        RubricCommand::InsertCriterion { criterion, index } => {
                            (criterion.key, *index)
                        }
                        _ => return,
                    };
                    if state.dispatch(command) {
                        state.seal();
                        status.say(format!(
                            "Criterion {} duplicated as criterion {}",
                            copy.1,
                            copy.1 + 1
                        ));
                        focus_by_id(description_id(copy.0));
                    }
                }
            }
            RowAction::Delete(key) => pending_delete.set(Some(key)),
            RowAction::InsertBefore(key) => {
                if let Some(index) = criterion_position(key) {
                    insert_criterion(index);
                }
            }
            RowAction::AddRating(key) => {
                let shown_last = state.doc.with_untracked(|d| {
                    let c = d.criterion_index(key).map(|i| d.criteria[i].ratings.len());
                    c.map(|len| if descending.get_untracked() { len } else { 0 })
                });
                insert_rating(state, status, key, shown_last, &rating_focus_id);
            }
            RowAction::InsertRating(key, before) => {
                let index = state.doc.with_untracked(|d| {
                    let c = &d.criteria[d.criterion_index(key)?];
                    let i = c.rating_index(before)?;
                    Some(if descending.get_untracked() { i } else { i + 1 })
                });
                insert_rating(state, status, key, index, &rating_focus_id);
            }
            RowAction::DeleteRating(key, rating) => {
                if state.dispatch(RubricCommand::DeleteRating {
                    criterion: key,
                    rating,
                }) {
                    state.seal();
                    let n = criterion_position(key).map_or(0, |i| i + 1);
                    status.say(format!("Rating deleted from criterion {n}"));
                    focus_by_id(control_id(&ids, key, "add-rating"));
                }
            }
        })
    };

    let delete_confirmed = {
        let ids = ids.clone();
        Callback::new(move |_| {
            let Some(key) = pending_delete.get_untracked() else {
                return;
            };
            let index = criterion_position(key).unwrap_or(0);
            if state.dispatch(RubricCommand::DeleteCriterion { key }) {
                state.seal();
                status.say(format!("Criterion {} deleted", index + 1));
                let next = state.doc.with_untracked(|d| {
                    (!d.criteria.is_empty())
                        .then(|| d.criteria[index.saturating_sub(1).min(d.criteria.len() - 1)].key)
                });
                focus_by_id(match next {
                    Some(next) => control_id(&ids, next, "delete"),
                    None => ids.id("add-criterion"),
                });
            }
            pending_delete.set(None);
        })
    };
    let delete_cancelled = {
        let ids = ids.clone();
        Callback::new(move |_| {
            if let Some(key) = pending_delete.get_untracked() {
                focus_by_id(control_id(&ids, key, "delete"));
            }
            pending_delete.set(None);
        })
    };
    let delete_open = RwSignal::new(false);
    Effect::new(move |_| delete_open.set(pending_delete.get().is_some()));
    let delete_text = move || {
        let n = pending_delete
            .get()
            .and_then(|k| state.doc.with(|d| d.criterion_index(k)))
            .map_or(0, |i| i + 1);
        format!("This removes criterion {n} and its ratings from the rubric. You can undo it until you leave the page.")
    };

    let paste_at = move |text: String, after: Option<Key>| -> bool {
        if !looks_like_cells(&text) {
            return false;
        }
        match state.with_keys(|k| parse_pasted_criteria(&text, k)) {
            Ok(criteria) if !criteria.is_empty() => {
                let start = after
                    .and_then(criterion_position)
                    .map_or_else(|| state.doc.with_untracked(|d| d.criteria.len()), |i| i + 1);
                let count = criteria.len();
                let commands = criteria
                    .into_iter()
                    .enumerate()
                    .map(|(i, criterion)| RubricCommand::InsertCriterion {
                        index: start + i,
                        criterion,
                    })
                    .collect();
                state.dispatch(RubricCommand::Batch(commands));
                state.seal();
                paste_error.set(None);
                status.say(format!(
                    "{count} criteria pasted from the spreadsheet, starting at criterion {}",
                    start + 1
                ));
            }
            Ok(_) => paste_error.set(Some("The pasted cells hold no criteria.".into())),
            Err(message) => {
                paste_error.set(Some(format!(
                    "The pasted cells could not be read. {message}"
                )));
                status.say("Paste failed; see the message under the grid");
            }
        }
        true
    };
    let on_grid_paste = move |ev: web_sys::ClipboardEvent| {
        let text = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
            .unwrap_or_default();
        if paste_at(text, row_of(ev.target())) {
            ev.prevent_default();
        }
    };

    let first_invalid_id = {
        let ids = ids.clone();
        move || {
            let doc = state.doc.get_untracked();
            issues
                .get_untracked()
                .iter()
                .find_map(|i| issue_target(&doc, &i.path))
                .map(|t| field_id(&ids, t))
                .unwrap_or_else(|| ids.id("summary"))
        }
    };

    let save_confirmed = {
        let (config, context) = (target.config.clone(), target.context.clone());
        let ids = ids.clone();
        Callback::new(move |_| {
            let doc = state.doc.get_untracked();
            let (config, context, ids) = (config.clone(), context.clone(), ids.clone());
            let before = rubric_id.get_untracked();
            saving.set(true);
            failure.clear();
            spawn_local(async move {
                let result = save_rubric(&config, &context, before, &doc).await;
                saving.set(false);
                match result {
                    Ok(rubric) => {
                        if let Some(old) = before.filter(|old| *old != rubric.id) {
                            copy_notice.set(Some(format!("Canvas kept rubric {old} unchanged for the assignments it grades and saved your changes as a new rubric, id {}.", rubric.id)));
                        }
                        drafts.with_value(Drafts::clear);
                        state.accept_saved_rubric(&rubric);
                        status.say("Saved");
                        if let Some(element) = root.get_untracked() {
                            let detail = serde_json::json!({"editor": "rubric", "context": context.as_str(), "rubric": rubric});
                            emit(&element, "rubric-editor:saved", &detail);
                        }
                        on_saved.run(rubric);
                    }
                    Err(ApiError::NotAllowed(message)) => on_forbidden.run(message),
                    Err(ApiError::Invalid(errors)) => {
                        let on_title = errors.iter().any(|e| e.field == "title");
                        state.server_errors.set(errors);
                        status.say("Canvas did not accept the rubric; see the errors");
                        focus_by_id(if on_title {
                            field_id(&ids, TextTarget::Title)
                        } else {
                            ids.id("summary")
                        });
                    }
                    Err(other) => failure.report(root.get_untracked(), other.to_string()),
                }
            });
        })
    };
    let warning = Memo::new(move |_| {
        target
            .associations
            .with(|a| save_warning(a, target.read_only.get()))
    });
    let request_save = move |_| {
        state.attempted.set(true);
        failure.clear();
        if !issues.with_untracked(Vec::is_empty) {
            status.say("The rubric has errors; fix them to save");
            focus_by_id(first_invalid_id());
        } else if rubric_id.get_untracked().is_some() && warning.get_untracked().is_some() {
            confirm_save.set(true);
        } else {
            save_confirmed.run(());
        }
    };

    let export = move |_| {
        let doc = state.doc.get_untracked();
        let text = rubric_core::csv::write_rubrics(std::slice::from_ref(&doc));
        match download_text(&file_name(&doc.title, "csv"), "text/csv", &text) {
            Ok(()) => status.say("Rubric exported as CSV"),
            Err(message) => status.say(message),
        }
    };

    let show_summary = move || {
        (state.attempted.get() && !issues.with(Vec::is_empty))
            || !state.server_errors.with(Vec::is_empty)
    };
    let summary_items = {
        let ids = ids.clone();
        move || {
            let doc = state.doc.get();
            let title = field_id(&ids, TextTarget::Title);
            summary_items(
                &issues.get(),
                &state.server_errors.get(),
                |issue| issue_target(&doc, &issue.path).map(|t| field_id(&ids, t)),
                |e| (e.field == "title").then(|| title.clone()),
            )
        }
    };

    let title_id = field_id(&ids, TextTarget::Title);
    let title_messages = messages_at(messages, TextTarget::Title);
    let flag_ids = ids.clone();
    let flag = move |target: FlagTarget, label: &'static str, pick: fn(&RubricDoc) -> bool| {
        let id = flag_ids.id(&format!("{target:?}").to_lowercase());
        view! {
            <label class="rbe-check" for=id.clone()>
                <input type="checkbox" id=id.clone() prop:checked=move || state.doc.with(pick)
                    on:change:target=move |ev| { state.dispatch(RubricCommand::SetFlag { target, value: ev.target().checked() }); state.seal(); } />
                " " {label}
            </label>
        }
    };
    let order_id = ids.id("order");
    let paste_id = ids.id("paste");
    let ids_rows = ids.clone();
    let criterion_keys = Memo::new(move |_| {
        state
            .doc
            .with(|d| d.criteria.iter().map(|c| c.key).collect::<Vec<_>>())
    });

    view! {
        <section class="rbe-editor rbe-rubric" role="region" aria-label="Rubric" node_ref=root
            on:keydown=undo_keys(state, status)>
            <div class="rbe-field rbe-rubric__title">
                <label for=title_id.clone()>"Title"</label>
                <TextField id=title_id.clone() label="Rubric title".to_string()
                    value=Memo::new(move |_| state.doc.with(|d| d.title.clone())) messages=title_messages
                    on_input=Callback::new(move |text: String| {
                        state.dispatch(RubricCommand::SetText { target: TextTarget::Title, value: text });
                        state.touch(TextTarget::Title);
                    })
                    on_blur=Callback::new(move |_| state.seal()) />
            </div>
            <fieldset class="rbe-options">
                <legend>"Options"</legend>
                {flag(FlagTarget::FreeFormComments, "Write free-form comments instead of choosing ratings", |d| d.free_form_criterion_comments)}
                {flag(FlagTarget::HideScoreTotal, "Hide the score total from students", |d| d.hide_score_total)}
                {flag(FlagTarget::HidePoints, "Hide points from students", |d| d.hide_points)}
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
                <button type="button" class="rbe-button" on:click=export>"Export CSV"</button>
            </div>
            <ErrorSummary id=ids.id("summary") show=Signal::derive(show_summary) items=Signal::derive(summary_items) />
            <div class="rbe-grid-scroll">
                <table class="rbe-table rbe-grid" on:paste=on_grid_paste>
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
                        <For each=move || criterion_keys.get() key=|k| *k let(key)>
                            <CriterionRow state ids=ids_rows.clone() key messages descending on_action dragging status />
                        </For>
                    </tbody>
                </table>
            </div>
            <p class="rbe-total">"Total points: "<strong class="rbe-total__value">{move || number_to_input(total.get())}</strong></p>
            <div class="rbe-paste">
                <label for=paste_id.clone()>"Paste criteria from a spreadsheet"</label>
                <p class="rbe-hint" id=format!("{paste_id}-hint")>"One row per criterion: its description, then rating name and points pairs. Paste here or into any row of the grid; the criteria are added below that row."</p>
                <textarea id=paste_id.clone() class="rbe-input rbe-textarea" rows="2" aria-describedby=format!("{paste_id}-hint")
                    prop:value=""
                    on:paste=move |ev: web_sys::ClipboardEvent| {
                        let text = ev.clipboard_data().and_then(|d| d.get_data("text/plain").ok()).unwrap_or_default();
                        ev.prevent_default();
                        if !paste_at(text, None) {
                            paste_error.set(Some("Paste cells copied from a spreadsheet: columns separated by tabs.".into()));
                        }
                    }></textarea>
                <Show when=move || paste_error.get().is_some()>
                    <p class="rbe-field-error" role="alert">{move || paste_error.get().unwrap_or_default()}</p>
                </Show>
            </div>
            <div class="rbe-actions">
                <button type="button" class="rbe-button" id=ids.id("add-criterion") on:click=add_criterion>"Add criterion"</button>
                <button type="button" class="rbe-button rbe-button--primary"
                    disabled=move || !dirty.get() || saving.get() on:click=request_save>
                    {move || if saving.get() { "Saving…" } else { "Save rubric" }}
                </button>
                <span class="rbe-hint">{move || if dirty.get() { "Unsaved changes" } else { "All changes saved" }}</span>
            </div>
            <Show when=move || copy_notice.get().is_some()>
                <p class="rbe-notice" role="status">{move || copy_notice.get().unwrap_or_default()}</p>
            </Show>
            <SaveFailureNotice failure on_retry=save_confirmed />
            <ConfirmDialog open=confirm_save title="Save rubric?".to_string() body=Signal::derive(move || warning.get().unwrap_or_default())
                confirm_label="Save".to_string() on_confirm=save_confirmed on_cancel=Callback::new(|_| ()) />
            <ConfirmDialog open=delete_open title="Delete criterion?".to_string() body=Signal::derive(delete_text)
                confirm_label="Delete".to_string() on_confirm=delete_confirmed on_cancel=delete_cancelled />
        </section>
    }
}

/// Inserts a rating at `index` of `criterion` (points between its neighbours) and focuses it.
fn insert_rating(
    state: RubricState,
    status: Status,
    criterion: Key,
    index: Option<usize>,
    focus_id: &impl Fn(Key, Key) -> String,
) {
    let Some(index) = index else { return };
    let command = state.doc.with_untracked(|d| {
        state.with_keys(|k| RubricCommand::insert_rating_between(d, criterion, index, k))
    });
    let Some(command) = command else { return };
    let rating = match &command {
        RubricCommand::InsertRating { rating, .. } => rating.key,
        _ => return,
    };
    if state.dispatch(command) {
        state.seal();
        let n = state
            .doc
            .with_untracked(|d| d.criterion_index(criterion))
            .map_or(0, |i| i + 1);
        status.say(format!("Rating added to criterion {n}"));
        focus_by_id(focus_id(criterion, rating));
    }
}
