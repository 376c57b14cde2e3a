use leptos::prelude::*;
use rubric_core::edit::{KeyGen, Level, ScaleCommand, ScaleDoc, ScalePart};
use rubric_core::Proficiency;

use super::form::{SaveTarget, ScaleForm};
use super::read_only::ReadOnlyScale;
use super::state::ScaleState;
use crate::api::{context_info, get_proficiency, has_permission, ApiConfig, ApiError, ContextPath};
use crate::ui::{Announcer, DraftNotice, Drafts, LoadError, Status, Tasks};

/// What loading found out.
#[derive(Clone, Debug, PartialEq)]
struct Loaded {
    scale: Option<Proficiency>,
    name: String,
    inherited_from: Option<String>,
    can_edit: bool,
}

/// The ancestor the scale comes from, when the parents have the very same scale.
async fn inherited_from(
    config: &ApiConfig,
    mut parent: Option<ContextPath>,
    scale: &Proficiency,
) -> Option<String> {
    let mut source = None;
    while let Some(context) = parent {
        let Ok(Some(theirs)) = get_proficiency(config, &context).await else {
            break;
        };
        let Ok(info) = context_info(config, &context).await else {
            break;
        };
        if &theirs != scale {
            break;
        }
        source = Some(info.name);
        parent = info.parent;
    }
    source
}

async fn load(config: &ApiConfig, context: &ContextPath) -> Result<Loaded, ApiError> {
    let scale = get_proficiency(config, context).await?;
    let info = context_info(config, context).await.ok();
    let can_edit = has_permission(config, context, "manage_proficiency_scales")
        .await
        .unwrap_or(false);
    let inherited_from = match (&scale, &info) {
        (Some(scale), Some(info)) => inherited_from(config, info.parent.clone(), scale).await,
        _ => None,
    };
    Ok(Loaded {
        scale,
        name: info.map_or_else(|| context.as_str().to_string(), |i| i.name),
        inherited_from,
        can_edit,
    })
}

fn read_only_reason(context: &ContextPath) -> String {
    if context.is_account() {
        "You can view this mastery scale but not change it: only account administrators manage mastery scales.".into()
    } else {
        "You can view this mastery scale but not change it: changing a course's mastery scale needs the \"manage proficiency scales\" permission.".into()
    }
}

/// The mastery scale editor for one Canvas context: loads the scale (showing where an inherited
/// one comes from), offers Canvas's default when there is none, restores local drafts, and
/// falls back to a read-only view for people who may not edit.
#[component]
pub fn MasteryScaleEditor(
    /// API access.
    config: ApiConfig,
    /// `accounts/:id` or `courses/:id`.
    context: ContextPath,
) -> impl IntoView {
    let tasks = Tasks::current();
    let status = Status::new();
    let state = ScaleState::for_scale(ScaleDoc::default());
    let loaded = RwSignal::new(None::<Result<Loaded, String>>);
    let read_only = RwSignal::new(None::<String>);
    let draft = RwSignal::new(None::<(Vec<Level>, f64)>);
    let drafts = Drafts::new(&config.base, context.as_str(), "mastery-scale");
    let start = {
        let (config, context, drafts) = (config.clone(), context.clone(), drafts.clone());
        move || {
            let (config, context, drafts) = (config.clone(), context.clone(), drafts.clone());
            loaded.set(None);
            tasks.spawn(async move {
                let result = load(&config, &context).await;
                if let Ok(found) = &result {
                    let mut keys = KeyGen::default();
                    let doc = found
                        .scale
                        .as_ref()
                        .map(|s| ScaleDoc::from_proficiency(s, &mut keys))
                        .unwrap_or_default();
                    state.reset_scale(doc.clone(), doc.clone());
                    if !found.can_edit {
                        read_only.set(Some(read_only_reason(&context)));
                    }
                    let stored = drafts.load::<Vec<Level>>();
                    match stored {
                        Some((levels, at))
                            if found.can_edit
                                && !ScaleDoc {
                                    levels: levels.clone(),
                                }
                                .same_content(&doc) =>
                        {
                            draft.set(Some((levels, at)));
                        }
                        _ => drafts.clear(),
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
        if let Some((levels, _)) = draft.get_untracked() {
            let levels = levels
                .into_iter()
                .filter_map(|l| {
                    Some(Level {
                        key: state.fresh_key()?,
                        ..l
                    })
                })
                .collect();
            state.dispatch(ScaleCommand::Replace { levels });
            state.seal();
            status.say("Unsaved changes restored");
        }
        draft.set(None);
    });
    let discard = {
        let drafts = drafts.clone();
        Callback::new(move |_: ()| {
            drafts.clear();
            draft.set(None);
            status.say("Unsaved changes discarded");
        })
    };
    let use_default = move |_| {
        let levels =
            ScaleDoc::from_proficiency(&Proficiency::canvas_default(), &mut KeyGen::default())
                .levels
                .into_iter()
                .filter_map(|l| {
                    Some(Level {
                        key: state.fresh_key()?,
                        ..l
                    })
                })
                .collect();
        state.dispatch(ScaleCommand::Replace { levels });
        state.seal();
        status.say("Canvas's default scale added; save to keep it");
    };
    let empty_doc = Memo::new(move |_| {
        state
            .fact(ScalePart::Levels, |f| f.order().is_empty())
            .unwrap_or(true)
    });
    let on_forbidden = Callback::new(move |message: String| {
        read_only.set(Some(format!("Canvas refused the save ({message}). You can view this mastery scale but not change it.")));
    });
    let target = move |name: String| SaveTarget {
        config: config.clone(),
        context: context.clone(),
        context_name: name,
        drafts: drafts.clone(),
    };

    view! {
        <div class="rbe-root">
            <Announcer status />
            {move || match loaded.get() {
                None => view! { <p class="rbe-loading">"Loading mastery scale…"</p> }.into_any(),
                Some(Err(message)) => view! { <LoadError what="The mastery scale" message on_retry=retry /> }.into_any(),
                Some(Ok(found)) => {
                    let name = found.name.clone();
                    let origin = match (&found.inherited_from, &found.scale) {
                        (Some(source), _) => format!("Inherited from {source}. Saving here gives {name} its own scale."),
                        (None, Some(_)) => format!("Mastery scale of {name}."),
                        (None, None) => format!("{name} has no mastery scale yet."),
                    };
                    let empty = found.scale.is_none() && found.can_edit;
                    let target = target(name);
                    view! {
                        <p class="rbe-origin">{origin}</p>
                        <Show when=move || empty && empty_doc.get()>
                            <button type="button" class="rbe-button rbe-button--primary" on:click=use_default>"Start from Canvas's default scale"</button>
                        </Show>
                        <DraftNotice saved_at=Signal::derive(move || draft.with(|d| d.as_ref().map(|(_, at)| *at))) on_restore=restore on_discard=discard />
                        {
                            let target = target.clone();
                            move || match read_only.get() {
                                Some(reason) => view! { <ReadOnlyScale doc=state.snapshot().unwrap_or_default() reason /> }.into_any(),
                                None if empty_doc.get() => ().into_any(),
                                None => view! { <ScaleForm state target=target.clone() status on_forbidden /> }.into_any(),
                            }
                        }
                    }.into_any()
                }
            }}
        </div>
    }
}
