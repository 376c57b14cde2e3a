use leptos::prelude::*;
use rubric_core::edit::{CriterionDoc, KeyGen, RubricDoc};
use rubric_core::{Rubric, RubricAssociation};

use super::associations::Associations;
use super::form::{RubricForm, SaveTarget};
use super::read_only::ReadOnlyRubric;
use super::state::RubricState;
use crate::api::{get_rubric, has_permission, ApiConfig, ApiError, ContextPath};
use crate::ui::{DraftNotice, Drafts, LoadError, Status, Tasks};

/// What loading found out.
#[derive(Clone, Debug, PartialEq)]
struct Loaded {
    rubric: Option<Rubric>,
    can_edit: bool,
}

async fn load(
    config: &ApiConfig,
    context: &ContextPath,
    id: Option<u64>,
) -> Result<Loaded, ApiError> {
    // Both requests at once: the grid waits for the slower, not for the sum.
    let rubric = async {
        match id {
            Some(id) => get_rubric(config, context, id).await.map(Some),
            None => Ok(None),
        }
    };
    let permission = async {
        !context.is_account()
            && has_permission(config, context, "manage_rubrics")
                .await
                .unwrap_or(false)
    };
    let (rubric, can_edit) = futures::future::join(rubric, permission).await;
    Ok(Loaded {
        rubric: rubric?,
        can_edit,
    })
}

/// Why the rubric is shown read-only.
fn read_only_reason(context: &ContextPath) -> String {
    if context.is_account() {
        "You can view this rubric here but not change it: Canvas's API saves rubrics through a course. Open it from a course to edit it.".into()
    } else {
        "You can view this rubric but not change it: editing rubrics needs the \"manage rubrics\" permission in this course (teachers and administrators have it).".into()
    }
}

/// A new rubric as Canvas's editor starts one: untitled, one criterion worth 5 points.
fn new_rubric(keys: &mut KeyGen) -> RubricDoc {
    RubricDoc {
        title: String::new(),
        criteria: vec![CriterionDoc::starter(keys)],
        ..RubricDoc::default()
    }
}

/// One rubric (or a new one, `id` None): loads it with its associations, restores a local
/// draft, and shows the editable grid, or a read-only view for people who may not edit.
#[component]
pub fn RubricEditor(
    config: ApiConfig,
    /// `courses/:id` (editable) or `accounts/:id` (read-only).
    context: ContextPath,
    /// The rubric; `None` starts a new one.
    id: Option<u64>,
    status: Status,
    /// Back to the list.
    on_back: Callback<()>,
    /// Called with the stored rubric after every save (a new rubric gets its id).
    on_saved: Callback<Rubric>,
) -> impl IntoView {
    let tasks = Tasks::current();
    let state = RubricState::for_rubric(RubricDoc::default());
    let loaded = RwSignal::new(None::<Result<Loaded, String>>);
    let read_only = RwSignal::new(None::<String>);
    let draft = RwSignal::new(None::<(RubricDoc, f64)>);
    let rubric_id = RwSignal::new(id);
    let associations = RwSignal::new(Vec::<RubricAssociation>::new());
    let canvas_read_only = RwSignal::new(false);
    let slot =
        |id: Option<u64>| id.map_or_else(|| "rubric-new".to_string(), |id| format!("rubric-{id}"));
    let drafts = StoredValue::new(Drafts::new(&config.base, context.as_str(), &slot(id)));
    let start = {
        let (config, context) = (config.clone(), context.clone());
        move || {
            let (config, context) = (config.clone(), context.clone());
            loaded.set(None);
            tasks.spawn(async move {
                let result = load(&config, &context, id).await;
                if let Ok(found) = &result {
                    let (doc, saved) = match &found.rubric {
                        Some(rubric) => {
                            let doc = RubricDoc::from_rubric(rubric, &mut KeyGen::default());
                            (doc.clone(), doc)
                        }
                        None => (new_rubric(&mut KeyGen::default()), RubricDoc::default()),
                    };
                    if let Some(rubric) = &found.rubric {
                        associations.set(rubric.associations.clone().unwrap_or_default());
                        canvas_read_only.set(rubric.read_only);
                    }
                    state.reset_rubric(doc.clone(), saved);
                    if !found.can_edit {
                        read_only.set(Some(read_only_reason(&context)));
                    }
                    let stored = drafts.with_value(Drafts::load::<RubricDoc>);
                    match stored {
                        Some((kept, at)) if found.can_edit && !kept.same_content(&doc) => {
                            draft.set(Some((kept, at)));
                        }
                        _ => drafts.with_value(Drafts::clear),
                    }
                }
                loaded.set(Some(result.map_err(|e| e.to_string())));
            });
        }
    };
    start();
    let retry = {
        let start = start.clone();
        Callback::new(move |_: ()| start())
    };
    let restore = Callback::new(move |_: ()| {
        if let Some((kept, _)) = draft.get_untracked() {
            let saved = state.peek_saved(RubricDoc::clone).unwrap_or_default();
            state.reset_rubric(kept, saved);
            status.say("Unsaved changes restored");
        }
        draft.set(None);
    });
    let discard = Callback::new(move |_: ()| {
        drafts.with_value(Drafts::clear);
        draft.set(None);
        status.say("Unsaved changes discarded");
    });
    let on_forbidden = Callback::new(move |message: String| {
        read_only.set(Some(format!(
            "Canvas refused the save ({message}). You can view this rubric but not change it."
        )));
    });
    let base = config.base.clone();
    let context_key = context.as_str().to_string();
    let saved = Callback::new(move |rubric: Rubric| {
        if rubric_id.get_untracked() != Some(rubric.id) || id.is_none() {
            drafts.set_value(Drafts::new(&base, &context_key, &slot(Some(rubric.id))));
        }
        rubric_id.set(Some(rubric.id));
        associations.set(rubric.associations.clone().unwrap_or_default());
        canvas_read_only.set(rubric.read_only);
        on_saved.run(rubric);
    });
    let target = SaveTarget {
        config: config.clone(),
        context: context.clone(),
        rubric_id,
        associations,
        read_only: canvas_read_only,
        drafts,
    };
    let heading = move || match (rubric_id.get(), loaded.with(|l| l.is_some())) {
        (None, _) => "New rubric".to_string(),
        (Some(_), _) => state
            .read_saved(|d| {
                if d.title.is_empty() {
                    "Rubric".into()
                } else {
                    format!("Rubric: {}", d.title)
                }
            })
            .unwrap_or_default(),
    };
    let config_assoc = config.clone();
    let context_assoc = context.clone();

    view! {
        <div class="rbe-rubric-page">
            <p><button type="button" class="rbe-link-button" on:click=move |_| on_back.run(())>"← All rubrics"</button></p>
            <h2 class="rbe-heading">{heading}</h2>
            {move || match loaded.get() {
                None => view! { <p class="rbe-loading">"Loading rubric…"</p> }.into_any(),
                Some(Err(message)) => view! { <LoadError what="The rubric" message on_retry=retry /> }.into_any(),
                Some(Ok(_)) => {
                    let target = target.clone();
                    let (config, context) = (config_assoc.clone(), context_assoc.clone());
                    view! {
                        <DraftNotice saved_at=Signal::derive(move || draft.with(|d| d.as_ref().map(|(_, at)| *at))) on_restore=restore on_discard=discard />
                        {move || match read_only.get() {
                            Some(reason) => view! { <ReadOnlyRubric doc=state.snapshot().unwrap_or_default() reason /> }.into_any(),
                            None => {
                                let (config, context) = (config.clone(), context.clone());
                                view! {
                                    <RubricForm state target=target.clone() status on_forbidden on_saved=saved />
                                    <Show when=move || rubric_id.get().is_some()>
                                        <Associations config=config.clone() context=context.clone()
                                            rubric=Signal::derive(move || rubric_id.get().unwrap_or_default())
                                            associations status />
                                    </Show>
                                }.into_any()
                            }
                        }}
                    }.into_any()
                }
            }}
        </div>
    }
}
