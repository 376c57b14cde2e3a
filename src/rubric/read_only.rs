use leptos::prelude::*;
use rubric_core::edit::RubricDoc;
use rubric_core::ruby::number_to_input;

/// The rubric for people who may not change it, with the reason: the same table, as text.
#[component]
pub fn ReadOnlyRubric(
    /// The rubric.
    #[prop(into)]
    doc: Signal<RubricDoc>,
    /// Why it cannot be edited.
    #[prop(into)]
    reason: Signal<String>,
) -> impl IntoView {
    let rows = move || {
        doc.get()
            .criteria
            .into_iter()
            .map(|c| {
                let points = number_to_input(c.points());
                let ratings = c
                    .ratings
                    .into_iter()
                    .map(|r| {
                        view! {
                            <li class="rbe-rating">
                                <p class="rbe-rating__fixed">{format!("{} pts", r.points)}</p>
                                <p class="rbe-rating__title">{r.description}</p>
                                <p class="rbe-rating__long">{r.long_description}</p>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">
                            <p class="rbe-criterion__title">{c.description}</p>
                            <p class="rbe-criterion__long">{c.long_description}</p>
                            {c.use_range.then(|| view! { <p class="rbe-note">"Uses point ranges"</p> })}
                        </th>
                        <td><ul class="rbe-ratings" role="list">{ratings}</ul></td>
                        <td>{format!("{points} pts")}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    let total = move || number_to_input(doc.with(RubricDoc::total_points));
    view! {
        <section class="rbe-editor rbe-editor--read-only rbe-rubric" role="region" aria-label="Rubric">
            <p class="rbe-notice">{move || reason.get()}</p>
            <h3 class="rbe-heading">{move || doc.with(|d| d.title.clone())}</h3>
            <div class="rbe-grid-scroll">
                <table class="rbe-table rbe-grid">
                    <caption class="rbe-sr-only">"Criteria and their ratings"</caption>
                    <thead><tr><th scope="col">"Criterion"</th><th scope="col">"Ratings"</th><th scope="col">"Points"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <p class="rbe-total">"Total points: "<strong class="rbe-total__value">{total}</strong></p>
        </section>
    }
}
