use leptos::prelude::*;
use rubric_core::edit::{KeyGen, RubricDoc};
use rubric_core::ruby::number_to_input;
use rubric_core::Rubric;

use super::import::CsvImport;
use crate::api::{
    delete_rubric, get_rubric, list_rubrics, save_rubric, used_locations, ApiConfig, ApiError,
    ContextPath, UsedCourse,
};
use crate::ui::{focus_by_id, ConfirmDialog, IdPrefix, Status, Tasks};

/// A listed rubric and where it is used.
#[derive(Clone, Debug, PartialEq)]
struct Listed {
    rubric: Rubric,
    used: Vec<UsedCourse>,
}

/// "Used in Biology 101: Field Notebook, Lab 2" or "Not used yet".
fn used_text(used: &[UsedCourse]) -> String {
    let places: Vec<String> = used
        .iter()
        .map(|c| {
            let assignments: Vec<&str> = c.assignments.iter().map(|a| a.title.as_str()).collect();
            if assignments.is_empty() {
                c.name.clone()
            } else {
                format!("{}: {}", c.name, assignments.join(", "))
            }
        })
        .collect();
    if places.is_empty() {
        "Not used in an assignment yet".into()
    } else {
        places.join("; ")
    }
}

async fn load(config: &ApiConfig, context: &ContextPath) -> Result<Vec<Listed>, ApiError> {
    let rubrics = list_rubrics(config, context).await?;
    let mut listed = Vec::with_capacity(rubrics.len());
    for rubric in rubrics {
        let used = used_locations(config, context, rubric.id)
            .await
            .unwrap_or_default();
        listed.push(Listed { rubric, used });
    }
    Ok(listed)
}

/// A copy of `rubric` as a new rubric: same criteria without Canvas ids, "(copy)" in the title.
fn copy_of(rubric: &Rubric) -> RubricDoc {
    let mut keys = KeyGen::default();
    let original = RubricDoc::from_rubric(rubric, &mut keys);
    RubricDoc {
        title: format!("{} (copy)", rubric.title),
        criteria: original
            .criteria
            .iter()
            .map(|c| c.duplicate(&mut keys))
            .collect(),
        ..original
    }
}

/// The context's rubrics (all pages) with their points and uses: open, new, duplicate,
/// delete (confirmed; Canvas's refusal is shown), and CSV import with the blank template.
#[component]
pub fn RubricList(
    config: ApiConfig,
    context: ContextPath,
    status: Status,
    /// Open a rubric (`None`: a new one).
    on_open: Callback<Option<u64>>,
) -> impl IntoView {
    let tasks = Tasks::current();
    let ids = IdPrefix::new();
    let loaded = RwSignal::new(None::<Result<Vec<Listed>, String>>);
    let error = RwSignal::new(None::<String>);
    let pending_delete = RwSignal::new(None::<Rubric>);
    let delete_open = RwSignal::new(false);
    Effect::new(move |_| delete_open.set(pending_delete.get().is_some()));
    let reload = {
        let (config, context) = (config.clone(), context.clone());
        move || {
            let (config, context) = (config.clone(), context.clone());
            tasks.spawn(async move {
                let result = load(&config, &context).await;
                loaded.set(Some(result.map_err(|e| e.to_string())));
            });
        }
    };
    reload();
    let editable = context.course_id().is_some();

    let duplicate = {
        let (config, context, reload) = (config.clone(), context.clone(), reload.clone());
        move |id: u64| {
            let (config, context, reload) = (config.clone(), context.clone(), reload.clone());
            error.set(None);
            tasks.spawn(async move {
                let result = match get_rubric(&config, &context, id).await {
                    Ok(original) => save_rubric(&config, &context, None, &copy_of(&original)).await,
                    Err(e) => Err(e),
                };
                match result {
                    Ok(copy) => {
                        status.say(format!("Duplicated as {}", copy.title));
                        reload();
                    }
                    Err(e) => error.set(Some(format!("The rubric could not be duplicated. {e}"))),
                }
            });
        }
    };
    let delete_confirmed = {
        let (config, context, reload) = (config.clone(), context.clone(), reload.clone());
        let ids = ids.clone();
        Callback::new(move |_| {
            let Some(rubric) = pending_delete.get_untracked() else {
                return;
            };
            pending_delete.set(None);
            let (config, context, reload, ids) =
                (config.clone(), context.clone(), reload.clone(), ids.clone());
            error.set(None);
            tasks.spawn(async move {
                match delete_rubric(&config, &context, rubric.id).await {
                    Ok(()) => {
                        status.say(format!("{} deleted", rubric.title));
                        reload();
                        focus_by_id(ids.id("new"));
                    }
                    Err(e) => {
                        error.set(Some(format!("Canvas did not delete {}. {e}", rubric.title)));
                        focus_by_id(ids.id("error"));
                    }
                }
            });
        })
    };
    let delete_text = move || {
        pending_delete
            .get()
            .map(|r| format!("This deletes {}. Assignments that use it for grading keep their grades, but the rubric is no longer available to them.", r.title))
            .unwrap_or_default()
    };

    let rows = move || {
        let duplicate = duplicate.clone();
        match loaded.get() {
            None => view! { <tr><td colspan="4">"Loading rubrics…"</td></tr> }.into_any(),
            Some(Err(message)) => view! { <tr><td colspan="4" role="alert">{format!("The rubrics could not be loaded. {message}")}</td></tr> }.into_any(),
            Some(Ok(list)) if list.is_empty() => view! { <tr><td colspan="4">"No rubrics yet."</td></tr> }.into_any(),
            Some(Ok(list)) => list
                .into_iter()
                .map(|Listed { rubric, used }| {
                    let (id, title) = (rubric.id, rubric.title.clone());
                    let duplicate = duplicate.clone();
                    let for_delete = rubric.clone();
                    view! {
                        <tr>
                            <th scope="row">
                                <button type="button" class="rbe-link-button" on:click=move |_| on_open.run(Some(id))>{title.clone()}</button>
                            </th>
                            <td>{number_to_input(rubric.points_possible)}</td>
                            <td>{used_text(&used)}</td>
                            <td class="rbe-list__actions">
                                <Show when=move || editable>
                                    <button type="button" class="rbe-button rbe-button--small" aria-label=format!("Duplicate {title}")
                                        on:click={ let duplicate = duplicate.clone(); move |_| duplicate(id) }>"Duplicate"</button>
                                    <button type="button" class="rbe-button rbe-button--small rbe-button--danger" aria-label=format!("Delete {title}")
                                        on:click={ let r = for_delete.clone(); move |_| pending_delete.set(Some(r.clone())) }>"Delete"</button>
                                </Show>
                            </td>
                        </tr>
                    }
                })
                .collect_view()
                .into_any(),
        }
    };
    let error_id = ids.id("error");
    view! {
        <section class="rbe-editor rbe-list" role="region" aria-label="Rubrics">
            <div class="rbe-toolbar">
                <Show when=move || editable>
                    <button type="button" class="rbe-button rbe-button--primary" id=ids.id("new") on:click=move |_| on_open.run(None)>"New rubric"</button>
                </Show>
            </div>
            <Show when=move || error.get().is_some()>
                <p class="rbe-error" role="alert" id=error_id.clone() tabindex="-1">{move || error.get().unwrap_or_default()}</p>
            </Show>
            <div class="rbe-grid-scroll">
                <table class="rbe-table">
                    <caption class="rbe-sr-only">"Rubrics"</caption>
                    <thead><tr><th scope="col">"Title"</th><th scope="col">"Points"</th><th scope="col">"Used in"</th><th scope="col">"Actions"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <Show when=move || editable>
                <CsvImport config=config.clone() context=context.clone() status on_open
                    on_imported=Callback::new({ let reload = reload.clone(); move |_| reload() }) />
            </Show>
            <ConfirmDialog open=delete_open title="Delete rubric?".to_string() body=Signal::derive(delete_text)
                confirm_label="Delete" on_confirm=delete_confirmed on_cancel=Callback::new(move |_| pending_delete.set(None)) />
        </section>
    }
}
