use leptos::prelude::*;
use rubric_core::edit::{Key, RubricCommand, RubricPart, TextTarget};
use rubric_core::ruby::number_to_input;
use rubric_core::rules::{range_text, round_points};
use rubric_core::validate::parse_points;

use super::state::{field_id, RubricState};
use crate::ui::{IdPrefix, Status, TextField};

/// Points keep at most two decimals: on leaving the field, "3.333" becomes "3.33" (announced).
fn round_typed_points(state: RubricState, status: Status, target: TextTarget) {
    let typed = state.peek(|d| d.text(target).map(str::to_string)).flatten();
    let Some(value) = typed.and_then(|t| parse_points(&t).ok()) else {
        return;
    };
    let rounded = round_points(value);
    if rounded != value {
        let text = number_to_input(rounded);
        state.dispatch(RubricCommand::SetText {
            target,
            value: text.clone(),
        });
        status.say(format!("Points rounded to {text}"));
    }
}

/// The range text of `rating` from the points of every rating of its criterion; wakes when
/// any of them changes.
fn range_of(state: RubricState, criterion: Key, rating: Key) -> String {
    let points = state
        .read(RubricPart::Ratings(criterion), |d| {
            d.criterion(criterion).map(|c| {
                c.ratings
                    .iter()
                    .map(|r| (r.key, r.points_value()))
                    .collect::<Vec<_>>()
            })
        })
        .flatten()
        .unwrap_or_default();
    let mut own = None;
    let mut others = Vec::with_capacity(points.len());
    for (key, value) in points {
        state.watch(RubricPart::Text(TextTarget::RatingPoints(criterion, key)));
        if key == rating {
            own = value;
        } else {
            others.push(value);
        }
    }
    range_text(own, &others)
}

/// One rating of a criterion: description, long description, points, its range when the
/// criterion uses ranges, insert-before and delete. `position` is the 1-based place as shown.
/// Each field reads only itself, so a keystroke elsewhere never reaches it.
#[component]
pub fn RatingCell(
    state: RubricState,
    ids: IdPrefix,
    /// The criterion's key.
    criterion_key: Key,
    rating: Key,
    /// "Criterion C" position, 1-based, as shown.
    #[prop(into)]
    criterion_position: Signal<usize>,
    /// This rating's position, 1-based, as shown.
    #[prop(into)]
    position: Signal<usize>,
    /// The criterion uses point ranges.
    #[prop(into)]
    use_range: Signal<bool>,
    /// The criterion is linked to an outcome: shown, not edited.
    #[prop(into)]
    locked: Signal<bool>,
    /// Insert a rating before this one (as shown).
    on_insert_before: Callback<Key>,
    /// Delete this rating.
    on_delete: Callback<Key>,
    status: Status,
) -> impl IntoView {
    let field_ids = ids.clone();
    let field = move |target: TextTarget, label: fn(usize, usize) -> String, multiline: bool| {
        let numeric = matches!(target, TextTarget::RatingPoints(..));
        view! {
            <TextField id=field_id(&field_ids, target)
                label=Signal::derive(move || label(criterion_position.get(), position.get()))
                value=state.text(target) messages=state.field_messages(target) numeric multiline
                class=if numeric { "rbe-input--points" } else { "" }
                on_input=Callback::new(move |text: String| {
                    state.dispatch(RubricCommand::SetText { target, value: text });
                    state.touch(target);
                })
                on_blur=Callback::new(move |_| {
                    if numeric {
                        round_typed_points(state, status, target);
                    }
                    state.seal();
                }) />
        }
    };
    let c_label = move || criterion_position.get();
    let points = TextTarget::RatingPoints(criterion_key, rating);
    let description = TextTarget::RatingDescription(criterion_key, rating);
    let long_description = TextTarget::RatingLongDescription(criterion_key, rating);
    let actions = move || {
        view! {
            <div class="rbe-rating__actions">
                <button type="button" class="rbe-icon-button"
                    aria-label=move || format!("Insert rating before criterion {} rating {}", c_label(), position.get())
                    title="Insert a rating before this one"
                    on:click=move |_| on_insert_before.run(rating)>"+"</button>
                <button type="button" class="rbe-icon-button rbe-icon-button--danger"
                    aria-label=move || format!("Delete criterion {} rating {}", c_label(), position.get())
                    title="Delete this rating"
                    on:click=move |_| on_delete.run(rating)>"×"</button>
            </div>
        }
    };
    // Outcome-linked criteria show their ratings as text, without actions.
    let fields = move || {
        if locked.get() {
            let (points, description, long_description) = (
                state.text(points),
                state.text(description),
                state.text(long_description),
            );
            return view! {
                <p class="rbe-rating__fixed">{move || format!("{} pts", points.get())}</p>
                <p class="rbe-rating__title">{description}</p>
                <p class="rbe-rating__long">{long_description}</p>
            }
            .into_any();
        }
        view! {
            <div class="rbe-rating__points">
                {field(points, |c, r| format!("Criterion {c} rating {r} points"), false)}
                <span class="rbe-rating__unit" aria-hidden="true">"pts"</span>
            </div>
            {field(description, |c, r| format!("Criterion {c} rating {r} description"), false)}
            {field(long_description, |c, r| format!("Criterion {c} rating {r} long description"), true)}
            {actions()}
        }
        .into_any()
    };
    let range = move || {
        use_range.get().then(|| {
            view! { <p class="rbe-rating__range">{move || range_of(state, criterion_key, rating)}</p> }
        })
    };
    view! {
        <li class="rbe-rating">
            {range}
            {fields}
        </li>
    }
}
