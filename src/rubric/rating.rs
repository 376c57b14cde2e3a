use leptos::prelude::*;
use rubric_core::edit::{Key, RatingDoc, RubricCommand, TextTarget};
use rubric_core::ruby::{number_to_input, round_to};
use rubric_core::rules::range_lower_bounds;
use rubric_core::validate::parse_points;

use super::criterion::CriterionSlice;
use super::state::{field_id, messages_at, RubricState};
use crate::ui::{IdPrefix, Status, TextField};

/// The range a rating covers when its criterion uses point ranges, by Canvas's rule (from the
/// next lower rating's points, exclusive, up to its own): "10 to >7 pts". Ratings may be out of
/// order while the teacher types, so the lower neighbour is found by points.
fn range_text(own: Option<f64>, others: &[Option<f64>]) -> String {
    let Some(own) = own else {
        return String::new();
    };
    if own <= 0.0 {
        return "0 pts".into();
    }
    let mut high_to_low: Vec<f64> = others
        .iter()
        .flatten()
        .copied()
        .filter(|p| *p < own)
        .collect();
    high_to_low.push(own);
    high_to_low.sort_by(|a, b| b.total_cmp(a));
    let lower = range_lower_bounds(&high_to_low)[0];
    format!(
        "{} to >{} pts",
        number_to_input(own),
        number_to_input(lower)
    )
}

/// Points keep at most two decimals: on leaving the field, "3.333" becomes "3.33" (announced).
fn round_points(state: RubricState, status: Status, target: TextTarget) {
    let TextTarget::RatingPoints(c, r) = target else {
        return;
    };
    let typed = state.doc.with_untracked(|d| {
        let c = &d.criteria[d.criterion_index(c)?];
        Some(c.ratings[c.rating_index(r)?].points.clone())
    });
    let Some(value) = typed.and_then(|t| parse_points(&t).ok()) else {
        return;
    };
    let rounded = round_to(value, 2);
    if rounded != value {
        let text = number_to_input(rounded);
        state.dispatch(RubricCommand::SetText {
            target,
            value: text.clone(),
        });
        status.say(format!("Points rounded to {text}"));
    }
}

/// One rating of a criterion: description, long description, points, its range when the
/// criterion uses ranges, insert-before and delete. `position` is the 1-based place as shown.
/// Everything it shows comes from its criterion's slice, so edits elsewhere never reach it.
#[component]
pub fn RatingCell(
    state: RubricState,
    ids: IdPrefix,
    /// The criterion's key.
    criterion_key: Key,
    /// The criterion as it is now.
    criterion: CriterionSlice,
    rating: Key,
    /// "Criterion C" position, 1-based, as shown.
    #[prop(into)]
    criterion_position: Signal<usize>,
    /// This rating's position, 1-based, as shown.
    #[prop(into)]
    position: Signal<usize>,
    /// Every field message of the grid.
    messages: Memo<Vec<(TextTarget, String)>>,
    /// Insert a rating before this one (as shown).
    on_insert_before: Callback<Key>,
    /// Delete this rating.
    on_delete: Callback<Key>,
    status: Status,
) -> impl IntoView {
    let read = move |pick: fn(&RatingDoc) -> String| {
        Memo::new(move |_| {
            criterion.with(|c| {
                c.as_ref()
                    .and_then(|c| c.rating_index(rating).map(|r| pick(&c.ratings[r])))
                    .unwrap_or_default()
            })
        })
    };
    let use_range = Memo::new(move |_| criterion.with(|c| c.as_ref().is_some_and(|c| c.use_range)));
    let locked = Memo::new(move |_| {
        criterion.with(|c| c.as_ref().is_some_and(|c| c.learning_outcome_id.is_some()))
    });
    let range = Memo::new(move |_| {
        criterion.with(|c| {
            let Some(c) = c else {
                return String::new();
            };
            let own = c
                .rating_index(rating)
                .and_then(|r| c.ratings[r].points_value());
            let others: Vec<Option<f64>> = c
                .ratings
                .iter()
                .filter(|r| r.key != rating)
                .map(RatingDoc::points_value)
                .collect();
            range_text(own, &others)
        })
    });
    let field_ids = ids.clone();
    let field = move |target: TextTarget,
                      label: fn(usize, usize) -> String,
                      pick: fn(&RatingDoc) -> String,
                      numeric: bool,
                      multiline: bool| {
        view! {
            <TextField id=field_id(&field_ids, target)
                label=Signal::derive(move || label(criterion_position.get(), position.get()))
                value=read(pick) messages=messages_at(messages, target) numeric multiline
                class=if numeric { "rbe-input--points" } else { "" }
                on_input=Callback::new(move |text: String| {
                    state.dispatch(RubricCommand::SetText { target, value: text });
                    state.touch(target);
                })
                on_blur=Callback::new(move |_| {
                    if numeric {
                        round_points(state, status, target);
                    }
                    state.seal();
                }) />
        }
    };
    let c_label = move || criterion_position.get();
    let points = read(|r| r.points.clone());
    let description = read(|r| r.description.clone());
    let long_description = read(|r| r.long_description.clone());
    let fields = move || {
        if locked.get() {
            return view! {
                <p class="rbe-rating__fixed">{move || format!("{} pts", points.get())}</p>
                <p class="rbe-rating__title">{move || description.get()}</p>
                <p class="rbe-rating__long">{move || long_description.get()}</p>
            }
            .into_any();
        }
        view! {
            <div class="rbe-rating__points">
                {field(TextTarget::RatingPoints(criterion_key, rating),
                    |c, r| format!("Criterion {c} rating {r} points"), |r| r.points.clone(), true, false)}
                <span class="rbe-rating__unit" aria-hidden="true">"pts"</span>
            </div>
            {field(TextTarget::RatingDescription(criterion_key, rating),
                |c, r| format!("Criterion {c} rating {r} description"), |r| r.description.clone(), false, false)}
            {field(TextTarget::RatingLongDescription(criterion_key, rating),
                |c, r| format!("Criterion {c} rating {r} long description"), |r| r.long_description.clone(), false, true)}
        }
        .into_any()
    };
    view! {
        <li class="rbe-rating">
            <Show when=move || use_range.get()>
                <p class="rbe-rating__range">{range}</p>
            </Show>
            {fields}
            <Show when=move || !locked.get()>
                <div class="rbe-rating__actions">
                    <button type="button" class="rbe-icon-button" id=ids.id(&format!("c{}-r{}-insert", criterion_key.0, rating.0))
                        aria-label=move || format!("Insert rating before criterion {} rating {}", c_label(), position.get())
                        title="Insert a rating before this one"
                        on:click=move |_| on_insert_before.run(rating)>"+"</button>
                    <button type="button" class="rbe-icon-button rbe-icon-button--danger" id=ids.id(&format!("c{}-r{}-delete", criterion_key.0, rating.0))
                        aria-label=move || format!("Delete criterion {} rating {}", c_label(), position.get())
                        title="Delete this rating"
                        on:click=move |_| on_delete.run(rating)>"×"</button>
                </div>
            </Show>
        </li>
    }
}
