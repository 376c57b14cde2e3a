use leptos::prelude::*;
use rubric_core::edit::ScaleDoc;

use super::color::PRESETS;

/// The scale for people who may not change it, with the reason.
#[component]
pub fn ReadOnlyScale(
    /// The levels.
    #[prop(into)]
    doc: Signal<ScaleDoc>,
    /// Why it cannot be edited.
    #[prop(into)]
    reason: Signal<String>,
) -> impl IntoView {
    let rows = move || {
        doc.get()
            .levels
            .into_iter()
            .map(|level| {
                let preset = PRESETS.iter().find(|(_, hex)| hex.eq_ignore_ascii_case(&level.color)).map(|(name, _)| *name);
                let color_text = match preset {
                    Some(name) => format!("{name} (#{})", level.color),
                    None => format!("#{}", level.color),
                };
                view! {
                    <tr>
                        <td>{if level.mastery { "Mastery" } else { "" }}</td>
                        <th scope="row">{level.description}</th>
                        <td>{level.points}</td>
                        <td><span class="rbe-swatch rbe-swatch--small" aria-hidden="true" style=format!("background:#{}", level.color)></span>" "{color_text}</td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <section class="rbe-editor rbe-editor--read-only" role="region" aria-label="Mastery scale">
            <p class="rbe-notice">{move || reason.get()}</p>
            <table class="rbe-table">
                <caption class="rbe-sr-only">"Mastery levels, highest first"</caption>
                <thead><tr><th scope="col">"Mastery"</th><th scope="col">"Description"</th><th scope="col">"Points"</th><th scope="col">"Color"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
