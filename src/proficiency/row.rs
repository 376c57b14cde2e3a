use leptos::prelude::*;
use rubric_core::edit::{Key, LevelField, ScaleCommand, ScalePart};

use super::color::ColorField;
use super::state::{field_id, ScaleState};
use crate::ui::{IdPrefix, TextField};

/// The id of a level's delete button.
pub fn delete_id(ids: &IdPrefix, key: Key) -> String {
    ids.id(&format!("level{}-delete", key.0))
}

/// One text field of a level with its label, error text and ARIA wiring.
#[component]
fn LevelInput(
    state: ScaleState,
    ids: IdPrefix,
    key: Key,
    field: LevelField,
    #[prop(into)] label: Signal<String>,
    #[prop(optional)] numeric: bool,
) -> impl IntoView {
    view! {
        <TextField id=field_id(&ids, key, field) label value=state.text(key, field)
            messages=state.field_messages(key, field) numeric
            on_input=Callback::new(move |text: String| {
                state.dispatch(ScaleCommand::SetText { key, field, value: text });
                state.touch((key, field));
            })
            on_blur=Callback::new(move |_| state.seal()) />
    }
}

/// One level of the scale as a table row.
#[component]
pub fn LevelRow(
    state: ScaleState,
    ids: IdPrefix,
    key: Key,
    on_delete: Callback<Key>,
    on_move: Callback<(Key, isize)>,
) -> impl IntoView {
    let index = Memo::new(move |_| state.position(key).unwrap_or(0));
    let count = move || {
        state
            .fact(ScalePart::Levels, |f| f.order().len())
            .unwrap_or(0)
    };
    let n = move || index.get() + 1;
    let mastery = move || state.is_mastery(key);
    let group = ids.id("mastery");
    view! {
        <tr class="rbe-level" class:rbe-level--mastery=mastery>
            <td class="rbe-level__mastery" data-label="Mastery">
                <input type="radio" name=group checked=mastery
                    aria-label=move || format!("Mastery, level {}", n())
                    on:change=move |_| { state.dispatch(ScaleCommand::SetMastery { key }); }
                />
                <span class="rbe-badge" aria-hidden="true" class:rbe-hidden=move || !mastery()>"Mastery"</span>
            </td>
            <td data-label="Description">
                <LevelInput state ids=ids.clone() key field=LevelField::Description
                    label=Signal::derive(move || format!("Description, level {}", n())) />
            </td>
            <td data-label="Points">
                <LevelInput state ids=ids.clone() key field=LevelField::Points numeric=true
                    label=Signal::derive(move || format!("Points, level {}", n())) />
            </td>
            <td data-label="Color">
                <ColorField state ids=ids.clone() key level=Signal::derive(n) />
            </td>
            <td class="rbe-level__actions" data-label="Actions">
                <button type="button" id=ids.id(&format!("level{}-up", key.0)) class="rbe-icon-button" aria-label=move || format!("Move level {} up", n())
                    disabled=move || index.get() == 0 on:click=move |_| on_move.run((key, -1))>"↑"</button>
                <button type="button" id=ids.id(&format!("level{}-down", key.0)) class="rbe-icon-button" aria-label=move || format!("Move level {} down", n())
                    disabled=move || { index.get() + 1 >= count() } on:click=move |_| on_move.run((key, 1))>"↓"</button>
                <button type="button" id=delete_id(&ids, key) class="rbe-button rbe-button--danger"
                    aria-label=move || format!("Delete level {}", n())
                    disabled=move || { count() <= 1 } on:click=move |_| on_delete.run(key)>"Delete"</button>
            </td>
        </tr>
    }
}
