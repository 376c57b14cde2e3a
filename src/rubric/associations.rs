use leptos::prelude::*;
use rubric_core::forms::AssociationSettings;
use rubric_core::RubricAssociation;

use crate::api::{
    context_info, delete_association, list_assignments, save_association, ApiConfig, ApiError,
    Assignment, ContextPath,
};
use crate::ui::{IdPrefix, Status, Tasks};

/// An association setting: its label, where the input keeps it and where Canvas's answer has it.
type Flag = (
    &'static str,
    fn(&mut AssociationSettings) -> &mut bool,
    fn(&RubricAssociation) -> bool,
);

/// The form's input for an existing association.
fn settings_of(a: &RubricAssociation) -> AssociationSettings {
    AssociationSettings {
        association_type: a.association_type.clone(),
        association_id: a.association_id,
        purpose: a.purpose.clone(),
        use_for_grading: a.use_for_grading,
        hide_score_total: a.hide_score_total,
        hide_points: a.hide_points,
        hide_outcome_results: a.hide_outcome_results,
    }
}

/// A readable name of where an association attaches the rubric.
fn place(a: &RubricAssociation, assignments: &[Assignment]) -> String {
    match a.association_type.as_str() {
        "Assignment" => assignments
            .iter()
            .find(|x| x.id == a.association_id)
            .map(|x| format!("Assignment: {}", x.name))
            .or_else(|| a.title.clone().map(|t| format!("Assignment: {t}")))
            .unwrap_or_else(|| format!("Assignment {}", a.association_id)),
        other => format!(
            "{other} {}",
            a.title
                .clone()
                .unwrap_or_else(|| a.association_id.to_string())
        ),
    }
}

/// The account a course belongs to, with its name.
async fn course_account(
    config: &ApiConfig,
    course: &ContextPath,
) -> Result<Option<(u64, String)>, ApiError> {
    let Some(parent) = context_info(config, course).await?.parent else {
        return Ok(None);
    };
    let Some(id) = parent.account_id() else {
        return Ok(None);
    };
    Ok(Some((id, context_info(config, &parent).await?.name)))
}

/// Where the rubric is attached (assignments, the course, the account) and how each use works:
/// add, change (grading, hidden score total, hidden points, hidden outcome results) and remove,
/// through `rubric_associations`.
#[component]
pub fn Associations(
    config: ApiConfig,
    context: ContextPath,
    /// The saved rubric's id.
    #[prop(into)]
    rubric: Signal<u64>,
    /// The rubric's associations (kept in step with Canvas's answers).
    associations: RwSignal<Vec<RubricAssociation>>,
    status: Status,
) -> impl IntoView {
    let tasks = Tasks::current();
    let ids = IdPrefix::new();
    let assignments = RwSignal::new(Vec::<Assignment>::new());
    // The course's account (id, name): a rubric can be bookmarked there too.
    let account = RwSignal::new(None::<(u64, String)>);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    {
        let (config, context) = (config.clone(), context.clone());
        tasks.spawn(async move {
            match list_assignments(&config, &context).await {
                Ok(list) => assignments.set(list),
                Err(e) => error.set(Some(format!(
                    "The course's assignments could not be loaded. {e}"
                ))),
            }
            if let Ok(found) = course_account(&config, &context).await {
                account.set(found);
            }
        });
    }
    let course_id = context.course_id().unwrap_or_default();
    let send = {
        let (config, context) = (config.clone(), context.clone());
        move |id: Option<u64>, input: AssociationSettings, done: &'static str| {
            let (config, context) = (config.clone(), context.clone());
            busy.set(true);
            error.set(None);
            tasks.spawn(async move {
                let result =
                    save_association(&config, &context, rubric.get_untracked(), id, &input).await;
                busy.set(false);
                match result {
                    Ok(saved) => {
                        associations.update(|list| {
                            match list.iter_mut().find(|a| a.id == saved.id) {
                                Some(slot) => *slot = saved,
                                None => list.push(saved),
                            }
                        });
                        status.say(done);
                    }
                    Err(e) => {
                        error.set(Some(format!("Canvas did not accept the change. {e}")));
                        status.say("The association could not be saved");
                    }
                }
            });
        }
    };
    let remove = {
        let (config, context) = (config.clone(), context.clone());
        move |id: u64| {
            let (config, context) = (config.clone(), context.clone());
            busy.set(true);
            tasks.spawn(async move {
                let result = delete_association(&config, &context, id).await;
                busy.set(false);
                match result {
                    Ok(()) => {
                        associations.update(|list| list.retain(|a| a.id != id));
                        status.say("Association removed");
                    }
                    Err(e) => error.set(Some(format!("The association could not be removed. {e}"))),
                }
            });
        }
    };

    let flags: [Flag; 4] = [
        (
            "Use for grading",
            |i| &mut i.use_for_grading,
            |a| a.use_for_grading,
        ),
        (
            "Hide score total",
            |i| &mut i.hide_score_total,
            |a| a.hide_score_total,
        ),
        ("Hide points", |i| &mut i.hide_points, |a| a.hide_points),
        (
            "Hide outcome results",
            |i| &mut i.hide_outcome_results,
            |a| a.hide_outcome_results,
        ),
    ];
    let rows = {
        let (send, remove, ids) = (send.clone(), remove.clone(), ids.clone());
        move || {
            let listed = assignments.get();
            associations
                .get()
                .into_iter()
                .filter(|a| a.purpose != "bookmark" || a.association_type != "Course")
                .map(|a| {
                    let name = place(&a, &listed);
                    let checks = flags
                        .iter()
                        .map(|(label, field, read)| {
                            let id = ids.id(&format!("a{}-{}", a.id, label.replace(' ', "-").to_ascii_lowercase()));
                            let (send, current, field) = (send.clone(), a.clone(), *field);
                            let label_text = format!("{label}, {name}");
                            view! {
                                <label class="rbe-check" for=id.clone()>
                                    <input type="checkbox" id=id.clone() checked=read(&a) aria-label=label_text disabled=move || busy.get()
                                        on:change:target=move |ev| {
                                            let mut input = settings_of(&current);
                                            *field(&mut input) = ev.target().checked();
                                            if input.use_for_grading { input.purpose = "grading".into() }
                                            send(Some(current.id), input, "Association updated");
                                        } />
                                    " " {*label}
                                </label>
                            }
                        })
                        .collect_view();
                    let remove = remove.clone();
                    let id = a.id;
                    view! {
                        <li class="rbe-association">
                            <p class="rbe-association__place">{name.clone()}
                                {if a.purpose == "grading" { " (grading)" } else { " (bookmark)" }}</p>
                            <div class="rbe-association__flags">{checks}</div>
                            <button type="button" class="rbe-button rbe-button--small rbe-button--danger"
                                aria-label=format!("Remove from {name}") disabled=move || busy.get()
                                on:click=move |_| remove(id)>"Remove"</button>
                        </li>
                    }
                })
                .collect_view()
        }
    };

    let target = RwSignal::new(String::from("Course"));
    let for_grading = RwSignal::new(true);
    let add = {
        let send = send.clone();
        move |_| {
            let chosen = target.get_untracked();
            let (association_type, association_id) = match chosen.split_once(':') {
                Some(("Assignment", id)) => ("Assignment", id.parse().unwrap_or_default()),
                Some(("Account", id)) => ("Account", id.parse().unwrap_or_default()),
                _ => ("Course", course_id),
            };
            let grading = for_grading.get_untracked() && association_type == "Assignment";
            send(
                None,
                AssociationSettings {
                    association_type: association_type.into(),
                    association_id,
                    purpose: if grading { "grading" } else { "bookmark" }.into(),
                    use_for_grading: grading,
                    hide_score_total: false,
                    hide_points: false,
                    hide_outcome_results: false,
                },
                "Rubric attached",
            );
        }
    };
    let target_id = ids.id("target");
    let grading_id = ids.id("grading");
    view! {
        <section class="rbe-associations" aria-labelledby=ids.id("heading")>
            <h3 class="rbe-heading" id=ids.id("heading")>"Where this rubric is used"</h3>
            <p class="rbe-hint">"Hiding points also turns off grading with the rubric and un-hides the score total, as Canvas does."</p>
            <ul class="rbe-association-list" role="list">{rows}</ul>
            <div class="rbe-association-add">
                <label for=target_id.clone()>"Attach to"</label>
                <select id=target_id.clone() on:change:target=move |ev| target.set(ev.target().value())>
                    <option value="Course">"This course (bookmark)"</option>
                    {move || account.get().map(|(id, name)| view! {
                        <option value=format!("Account:{id}")>{format!("Account: {name} (bookmark)")}</option>
                    })}
                    {move || assignments.get().into_iter().map(|a| view! {
                        <option value=format!("Assignment:{}", a.id)>{format!("Assignment: {}", a.name)}</option>
                    }).collect_view()}
                </select>
                <label class="rbe-check" for=grading_id.clone()>
                    <input type="checkbox" id=grading_id.clone() prop:checked=move || for_grading.get()
                        on:change:target=move |ev| for_grading.set(ev.target().checked()) />
                    " Use for grading (assignments)"
                </label>
                <button type="button" class="rbe-button" disabled=move || busy.get() on:click=add>"Attach rubric"</button>
            </div>
            <Show when=move || error.get().is_some()>
                <p class="rbe-field-error" role="alert">{move || error.get().unwrap_or_default()}</p>
            </Show>
        </section>
    }
}
