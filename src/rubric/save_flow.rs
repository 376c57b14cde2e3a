use leptos::html::Section;
use leptos::prelude::*;
use rubric_core::changes::rubric_changes;
use rubric_core::edit::{Facts, KeyGen, RubricDoc, TextTarget};
use rubric_core::update::{
    grading_associations, grading_uses, update_effect, ScoredContent, UpdateEffect,
};
use rubric_core::{Rubric, RubricAssociation};

use super::state::{field_id, RubricState};
use crate::api::{get_rubric, save_rubric, ApiConfig, ApiError, ContextPath};
use crate::events::emit;
use crate::json;
use crate::ui::{
    focus_by_id, settle_save_check, ConfirmDialog, Conflict, ConflictDialog, Drafts, IdPrefix,
    SaveFailure, SaveFailureNotice, Status, Tasks,
};

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

/// What saving `edited` over `stored` (the rubric as Canvas has it) does to the rubric's uses,
/// in words, when it is worth confirming: a copy, scores that may change, or a change that
/// reaches several places.
fn save_warning(
    stored: &ScoredContent,
    edited: &ScoredContent,
    associations: &[RubricAssociation],
    read_only: bool,
) -> Option<String> {
    let grading = grading_uses(associations);
    let effect = update_effect(stored, edited, read_only, grading);
    match effect {
        UpdateEffect::Copy if grading >= 2 => Some(format!(
            "This rubric grades {grading} assignments. Canvas keeps the original for them and saves your changes as a new copy of the rubric, which replaces it only here."
        )),
        UpdateEffect::Copy => Some(
            "Canvas keeps this rubric read-only and saves your changes as a new copy of it, which replaces it only here.".to_string()
        ),
        UpdateEffect::ScoresMayChange => {
            let title = grading_associations(associations)
                .next()
                .and_then(|a| a.title.clone())
                .unwrap_or_else(|| "an assignment".into());
            Some(format!("This rubric grades {title}. Changing criteria or points changes how its submissions are scored, and rubric scores already given may no longer match."))
        }
        UpdateEffect::InPlace => {
            let places = associations.len();
            (places >= 2).then(|| {
                format!("This rubric is used in {places} places; your changes apply to all of them.")
            })
        }
    }
}

/// The save: validation first (focus to the first problem), then a warning when the rubric
/// is in use, then a check that nobody else saved it since it was loaded (if someone did, the
/// teacher chooses: keep mine, save mine as a copy, or cancel), then the request; Canvas's refusals land at the title or the summary, other
/// failures keep every edit and offer "Retry save".
#[derive(Clone, Copy)]
pub struct SaveFlow {
    /// "Save rubric" was pressed.
    pub request: Callback<()>,
    /// A save request is under way.
    pub saving: RwSignal<bool>,
    confirmed: Callback<()>,
    confirm_open: RwSignal<bool>,
    warning: RwSignal<Option<String>>,
    failure: SaveFailure,
    copy_notice: RwSignal<Option<String>>,
    conflict: RwSignal<Option<Conflict>>,
    send: Callback<bool>,
}

impl SaveFlow {
    /// The save flow of the form rooted at `root`.
    pub fn new(
        state: RubricState,
        target: SaveTarget,
        ids: IdPrefix,
        status: Status,
        root: NodeRef<Section>,
        on_forbidden: Callback<String>,
        on_saved: Callback<Rubric>,
    ) -> Self {
        let tasks = Tasks::current();
        let saving = RwSignal::new(false);
        let failure = SaveFailure::new(ids.id("save-error"), "rubric");
        let copy_notice = RwSignal::new(None::<String>);
        let (rubric_id, drafts) = (target.rubric_id, target.drafts);
        // The request itself: over the rubric, or (`as_copy`) as a new rubric.
        let send = {
            let (config, context, ids) =
                (target.config.clone(), target.context.clone(), ids.clone());
            Callback::new(move |as_copy: bool| {
                let Some(doc) = state.snapshot() else { return };
                let (config, context, ids) = (config.clone(), context.clone(), ids.clone());
                let current = rubric_id.get_untracked();
                let before = if as_copy { None } else { current };
                saving.set(true);
                failure.clear();
                tasks.spawn(async move {
                    let result = save_rubric(&config, &context, before, &doc).await;
                    saving.set(false);
                    match result {
                        Ok(rubric) => {
                            if let Some(old) = before.filter(|old| *old != rubric.id) {
                                copy_notice.set(Some(format!("Canvas kept rubric {old} unchanged for the assignments it grades and saved your changes as a new rubric, id {}.", rubric.id)));
                            } else if let Some(theirs) = current.filter(|_| as_copy) {
                                copy_notice.set(Some(format!("Your version is saved as a new rubric, id {}; the version saved by someone else stays as rubric {theirs}.", rubric.id)));
                            }
                            drafts.with_value(Drafts::clear);
                            state.accept_saved_rubric(&rubric);
                            status.say("Saved");
                            if let Some(element) = root.get_untracked() {
                                let detail = json::object(&[
                                    ("editor", "rubric".into()),
                                    ("context", context.as_str().into()),
                                    ("rubric", json::to_js(&rubric)),
                                ]);
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
        // Before a rubric that exists is saved over, Canvas's version is compared with the one
        // this editor loaded: if someone else saved since, the teacher chooses.
        let conflict = RwSignal::new(None::<Conflict>);
        let confirmed = {
            let (config, context) = (target.config, target.context);
            Callback::new(move |_| {
                let Some(id) = rubric_id.get_untracked() else {
                    send.run(false);
                    return;
                };
                let (config, context) = (config.clone(), context.clone());
                saving.set(true);
                failure.clear();
                tasks.spawn(async move {
                    let found = match get_rubric(&config, &context, id).await {
                        Ok(theirs) => {
                            let theirs = RubricDoc::from_rubric(&theirs, &mut KeyGen::default());
                            let changes =
                                state.peek_saved(|loaded| rubric_changes(loaded, &theirs));
                            Ok(Conflict::from_changes(changes.unwrap_or_default()))
                        }
                        Err(ApiError::NotFound) => Ok(Some(Conflict {
                            changes: Vec::new(),
                            deleted: true,
                        })),
                        Err(other) => Err(other.to_string()),
                    };
                    let element = root.get_untracked().map(Into::into);
                    let save = (saving, status, failure);
                    settle_save_check(found, "rubric", save, conflict, element, || send.run(false));
                });
            })
        };
        // Decided when the save is asked for, from the whole document: never per keystroke.
        let warning = RwSignal::new(None::<String>);
        let decide_warning = move || {
            let edited = state.peek(ScoredContent::of_doc)?;
            let stored = state.peek_saved(ScoredContent::of_doc)?;
            target.associations.with_untracked(|a| {
                save_warning(&stored, &edited, a, target.read_only.get_untracked())
            })
        };
        let confirm_open = RwSignal::new(false);
        let request = Callback::new(move |_| {
            state.attempt();
            failure.clear();
            if !state.is_valid() {
                status.say("The rubric has errors; fix them to save");
                let first = state.peek_facts(|f| f.issues().first().and_then(|(at, _)| *at));
                focus_by_id(match first.flatten() {
                    Some(target) => field_id(&ids, target),
                    None => ids.id("summary"),
                });
            } else if let Some(text) = rubric_id.get_untracked().and_then(|_| decide_warning()) {
                warning.set(Some(text));
                confirm_open.set(true);
            } else {
                confirmed.run(());
            }
        });
        SaveFlow {
            request,
            saving,
            confirmed,
            confirm_open,
            warning,
            failure,
            copy_notice,
            conflict,
            send,
        }
    }
}

/// What the save says after the fact: the copy notice, a failure with "Retry save", and the
/// warning to confirm before saving a rubric in use.
#[component]
pub fn SaveNotices(flow: SaveFlow) -> impl IntoView {
    let SaveFlow {
        copy_notice,
        failure,
        confirmed,
        confirm_open,
        warning,
        conflict,
        send,
        ..
    } = flow;
    view! {
        <Show when=move || copy_notice.get().is_some()>
            <p class="rbe-notice" role="status">{move || copy_notice.get().unwrap_or_default()}</p>
        </Show>
        <SaveFailureNotice failure on_retry=confirmed />
        <ConfirmDialog open=confirm_open title="Save rubric?".to_string() body=Signal::derive(move || warning.get().unwrap_or_default())
            confirm_label="Save" on_confirm=confirmed on_cancel=Callback::new(|_| ()) />
        <ConflictDialog conflict what="rubric" on_keep=Callback::new(move |_| send.run(false))
            on_copy=Callback::new(move |_| send.run(true)) />
    }
}
