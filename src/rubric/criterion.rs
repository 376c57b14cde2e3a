use leptos::prelude::*;
use rubric_core::edit::{FlagTarget, Key, RubricCommand, RubricPart, TextTarget};
use rubric_core::ruby::number_to_input;

use super::rating::RatingCell;
use super::state::{control_id, field_id, RubricState};
use crate::ui::{IdPrefix, Status, TextField};

/// What a criterion row asks of the grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowAction {
    /// Move by this many places.
    Move(Key, isize),
    /// Move to the row of this other criterion (drag and drop).
    DropOn(Key, Key),
    /// Duplicate below.
    Duplicate(Key),
    /// Insert a new criterion above this one.
    InsertBefore(Key),
    /// Delete (after confirming).
    Delete(Key),
    /// Add a rating at the end of the shown order.
    AddRating(Key),
    /// Insert a rating before this one, as shown.
    InsertRating(Key, Key),
    /// Delete a rating.
    DeleteRating(Key, Key),
}

/// One criterion as a table row: its description, long description and point-range setting
/// (read-only with its mastery points when it is linked to an outcome), its ratings as cells,
/// its points, and the row actions. Each piece watches only its own part of the rubric.
#[component]
pub fn CriterionRow(
    state: RubricState,
    ids: IdPrefix,
    key: Key,
    /// Ratings shown highest first (else lowest first).
    #[prop(into)]
    descending: Signal<bool>,
    on_action: Callback<RowAction>,
    /// The criterion being dragged, if any.
    dragging: RwSignal<Option<Key>>,
    status: Status,
) -> impl IntoView {
    let index = Memo::new(move |_| state.position(key).unwrap_or(0));
    let count = move || {
        state
            .fact(RubricPart::Criteria, |f| f.order().len())
            .unwrap_or(0)
    };
    let n = Signal::derive(move || index.get() + 1);
    // Outcome links never change by editing; a load or a restored draft wakes the list.
    let outcome = Memo::new(move |_| {
        state
            .read(RubricPart::Criteria, |d| {
                d.criterion(key)
                    .and_then(|c| c.learning_outcome_id.map(|_| c.mastery_points))
            })
            .flatten()
    });
    let locked = Signal::derive(move || outcome.get().is_some());
    let use_range = state.flag(FlagTarget::UseRange(key));
    let ignored = state.flag(FlagTarget::IgnoreForScoring(key));
    let points = move || {
        number_to_input(
            state
                .fact(RubricPart::CriterionPoints(key), |f| {
                    f.criterion_points(key)
                })
                .unwrap_or(0.0),
        )
    };
    let shown_ratings = Memo::new(move |_| {
        let mut keys = state
            .read(RubricPart::Ratings(key), |d| {
                d.criterion(key)
                    .map(|c| c.ratings.iter().map(|r| r.key).collect::<Vec<_>>())
            })
            .flatten()
            .unwrap_or_default();
        if !descending.get() {
            keys.reverse();
        }
        keys
    });
    let text_field = {
        let ids = ids.clone();
        move |target: TextTarget, label: fn(usize) -> String, multiline: bool| {
            view! {
                <TextField id=field_id(&ids, target) label=Signal::derive(move || label(n.get()))
                    value=state.text(target) messages=state.field_messages(target) multiline
                    on_input=Callback::new(move |text: String| {
                        state.dispatch(RubricCommand::SetText { target, value: text });
                        state.touch(target);
                    })
                    on_blur=Callback::new(move |_| state.seal()) />
            }
        }
    };
    let editable_text = {
        let text_field = text_field.clone();
        move || {
            view! {
                {text_field(TextTarget::CriterionDescription(key), |n| format!("Criterion {n} description"), false)}
                {text_field(TextTarget::CriterionLongDescription(key), |n| format!("Criterion {n} long description"), true)}
            }
        }
    };
    let outcome_text = move |mastery: Option<f64>| {
        view! {
            <p class="rbe-criterion__title">{state.text(TextTarget::CriterionDescription(key))}</p>
            <p class="rbe-criterion__long">{state.text(TextTarget::CriterionLongDescription(key))}</p>
            <p class="rbe-criterion__outcome">
                {format!("Linked to a learning outcome (read-only). Mastery at {} points.", mastery.map_or_else(|| "the outcome's".to_string(), number_to_input))}
            </p>
        }
    };
    let range_id = control_id(&ids, key, "range");
    let ids_ratings = ids.clone();
    let rating_position = move |rating: Key| {
        Memo::new(move |_| {
            shown_ratings
                .get()
                .iter()
                .position(|k| *k == rating)
                .map_or(0, |i| i + 1)
        })
    };
    let handle_id = control_id(&ids, key, "handle");
    view! {
        <tr class="rbe-criterion" data-criterion=key.0.to_string() class:rbe-criterion--dragging=move || dragging.get() == Some(key)
            on:dragover=move |ev: web_sys::DragEvent| if dragging.get_untracked().is_some() { ev.prevent_default() }
            on:drop=move |ev: web_sys::DragEvent| {
                ev.prevent_default();
                if let Some(from) = dragging.get_untracked() {
                    on_action.run(RowAction::DropOn(from, key));
                }
                dragging.set(None);
            }>
            <th scope="row" class="rbe-criterion__main">
                <span class="rbe-criterion__number">{move || format!("Criterion {}", n.get())}</span>
                {move || match outcome.get() {
                    Some(mastery) => outcome_text(mastery).into_any(),
                    None => editable_text().into_any(),
                }}
                <label class="rbe-check" for=range_id.clone()>
                    <input type="checkbox" id=range_id.clone() prop:checked=move || use_range.get()
                        disabled=locked
                        aria-label=move || format!("Criterion {} uses point range", n.get())
                        on:change:target=move |ev| { state.dispatch(RubricCommand::SetFlag { target: FlagTarget::UseRange(key), value: ev.target().checked() }); state.seal(); } />
                    " Use point range"
                </label>
                <Show when=move || ignored.get()>
                    <p class="rbe-note">"Not counted in the total (ignored for scoring)."</p>
                </Show>
            </th>
            <td class="rbe-criterion__ratings">
                <ul class="rbe-ratings" role="list" aria-label=move || format!("Ratings of criterion {}", n.get())>
                    <For each=move || shown_ratings.get() key=|k| *k let(rating)>
                        <RatingCell state ids=ids_ratings.clone() criterion_key=key rating criterion_position=n
                            position=rating_position(rating) use_range locked
                            on_insert_before=Callback::new(move |r| on_action.run(RowAction::InsertRating(key, r)))
                            on_delete=Callback::new(move |r| on_action.run(RowAction::DeleteRating(key, r))) status />
                    </For>
                </ul>
                <button type="button" class="rbe-button rbe-button--small" id=control_id(&ids, key, "add-rating")
                    aria-label=move || format!("Add rating to criterion {}", n.get())
                    on:click=move |_| on_action.run(RowAction::AddRating(key))>"+ Rating"</button>
            </td>
            <td class="rbe-criterion__points">
                <span>{points}</span>" pts"
            </td>
            <td class="rbe-criterion__actions">
                <button type="button" class="rbe-icon-button rbe-drag-handle" id=handle_id draggable="true"
                    aria-label=move || format!("Drag criterion {} to reorder", n.get())
                    title="Drag to reorder, or use the move buttons"
                    on:dragstart=move |ev: web_sys::DragEvent| {
                        if let Some(data) = ev.data_transfer() {
                            let _ = data.set_data("text/plain", &format!("criterion {}", n.get_untracked()));
                            data.set_effect_allowed("move");
                        }
                        dragging.set(Some(key));
                    }
                    on:dragend=move |_| dragging.set(None)>"⠿"</button>
                <button type="button" class="rbe-icon-button" id=control_id(&ids, key, "up")
                    aria-label=move || format!("Move criterion {} up", n.get())
                    disabled=move || index.get() == 0 on:click=move |_| on_action.run(RowAction::Move(key, -1))>"↑"</button>
                <button type="button" class="rbe-icon-button" id=control_id(&ids, key, "down")
                    aria-label=move || format!("Move criterion {} down", n.get())
                    disabled=move || { index.get() + 1 >= count() } on:click=move |_| on_action.run(RowAction::Move(key, 1))>"↓"</button>
                <button type="button" class="rbe-button rbe-button--small" id=control_id(&ids, key, "duplicate")
                    aria-label=move || format!("Duplicate criterion {}", n.get())
                    disabled=locked
                    on:click=move |_| on_action.run(RowAction::Duplicate(key))>"Duplicate"</button>
                <button type="button" class="rbe-button rbe-button--small" id=control_id(&ids, key, "insert")
                    aria-label=move || format!("Insert criterion before criterion {}", n.get())
                    on:click=move |_| on_action.run(RowAction::InsertBefore(key))>"Insert criterion"</button>
                <button type="button" class="rbe-button rbe-button--small rbe-button--danger" id=control_id(&ids, key, "delete")
                    aria-label=move || format!("Delete criterion {}", n.get())
                    on:click=move |_| on_action.run(RowAction::Delete(key))>"Delete"</button>
            </td>
        </tr>
    }
}
