use leptos::prelude::*;
use rubric_core::edit::{Key, LevelField, ScaleCommand};
use rubric_core::validate::FieldPath;
use rubric_core::{IssueCode, ValidationIssue};

use super::color::ColorField;
use super::ScaleState;
use crate::ui::{issue_text, IdPrefix, TextField};

/// The id of a level's field control (for focus and error links).
pub fn field_id(ids: &IdPrefix, key: Key, field: LevelField) -> String {
    let name = match field {
        LevelField::Description => "description",
        LevelField::Points => "points",
        LevelField::Color => "hex",
    };
    ids.id(&format!("level{}-{name}", key.0))
}

/// The id of a level's delete button.
pub fn delete_id(ids: &IdPrefix, key: Key) -> String {
    ids.id(&format!("level{}-delete", key.0))
}

/// The messages to show at one field: after it was edited or a save was tried, and always for
/// the relational points-order problem.
fn field_messages(
    state: ScaleState,
    issues: &[ValidationIssue],
    index: usize,
    key: Key,
    field: LevelField,
) -> Vec<String> {
    let shown = state.shows_errors_of(&(key, field));
    issues
        .iter()
        .filter(|i| {
            i.path
                == FieldPath::Level {
                    level: index,
                    field,
                }
        })
        .filter(|i| shown || i.code == IssueCode::PointsNotDecreasing)
        .map(issue_text)
        .collect()
}

/// One text field of a level with its label, error text and ARIA wiring.
#[component]
fn LevelInput(
    state: ScaleState,
    ids: IdPrefix,
    key: Key,
    field: LevelField,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] messages: Signal<Vec<String>>,
    #[prop(optional)] numeric: bool,
) -> impl IntoView {
    let value = Signal::derive(move || {
        state
            .doc
            .with(|d| {
                d.levels
                    .iter()
                    .find(|l| l.key == key)
                    .map(|l| l.field(field).to_string())
            })
            .unwrap_or_default()
    });
    view! {
        <TextField id=field_id(&ids, key, field) label value messages numeric
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
    #[prop(into)] issues: Signal<Vec<ValidationIssue>>,
    on_delete: Callback<Key>,
    on_move: Callback<(Key, isize)>,
) -> impl IntoView {
    let index = Memo::new(move |_| state.doc.with(|d| d.index_of(key)).unwrap_or(0));
    let count = Memo::new(move |_| state.doc.with(|d| d.levels.len()));
    let n = move || index.get() + 1;
    let mastery = move || {
        state
            .doc
            .with(|d| d.levels.iter().any(|l| l.key == key && l.mastery))
    };
    let messages = move |field| {
        Signal::derive(move || {
            issues.with(|all| field_messages(state, all, index.get(), key, field))
        })
    };
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
                    label=Signal::derive(move || format!("Description, level {}", n()))
                    messages=messages(LevelField::Description) />
            </td>
            <td data-label="Points">
                <LevelInput state ids=ids.clone() key field=LevelField::Points numeric=true
                    label=Signal::derive(move || format!("Points, level {}", n()))
                    messages=messages(LevelField::Points) />
            </td>
            <td data-label="Color">
                <ColorField state ids=ids.clone() key level=Signal::derive(n) messages=messages(LevelField::Color) />
            </td>
            <td class="rbe-level__actions" data-label="Actions">
                <button type="button" id=ids.id(&format!("level{}-up", key.0)) class="rbe-icon-button" aria-label=move || format!("Move level {} up", n())
                    disabled=move || index.get() == 0 on:click=move |_| on_move.run((key, -1))>"↑"</button>
                <button type="button" id=ids.id(&format!("level{}-down", key.0)) class="rbe-icon-button" aria-label=move || format!("Move level {} down", n())
                    disabled=move || { index.get() + 1 >= count.get() } on:click=move |_| on_move.run((key, 1))>"↓"</button>
                <button type="button" id=delete_id(&ids, key) class="rbe-button rbe-button--danger"
                    aria-label=move || format!("Delete level {}", n())
                    disabled=move || { count.get() <= 1 } on:click=move |_| on_delete.run(key)>"Delete"</button>
            </td>
        </tr>
    }
}
