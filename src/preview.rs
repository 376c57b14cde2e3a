//! A read-only view of a mastery scale: each level on its colour, in the text colour that
//! reads best, with the contrast figures that choice rests on.
use leptos::prelude::*;
use rubric_core::decimal::fixed;
use rubric_core::ruby::number_to_input;
use rubric_core::{contrast_ratio, readable_text_color, Proficiency, Rgb, TextColor};

/// The page background the editors sit on, for the colour-against-page contrast figure.
pub const PAGE_BACKGROUND: Rgb = Rgb::WHITE;

/// A table of the scale's levels, each drawn on its own colour.
#[component]
pub fn ScalePreview(
    /// The scale to show.
    scale: Proficiency,
) -> impl IntoView {
    let rows = scale
        .ratings
        .into_iter()
        .map(|rating| {
            let background = Rgb::from_stored_hex(&rating.color);
            let (text, text_name, ratio) = match background {
                Some(bg) => {
                    let text = readable_text_color(bg);
                    let name = match text {
                        TextColor::Black => "black",
                        TextColor::White => "white",
                    };
                    (format!("#{}", text.rgb().to_stored_hex()), name, contrast_ratio(bg, text.rgb()))
                }
                None => ("inherit".to_string(), "page", 0.0),
            };
            let page_ratio = background.map_or(0.0, |bg| contrast_ratio(bg, PAGE_BACKGROUND));
            let style = format!("background:#{};color:{}", rating.color, text);
            view! {
                <tr>
                    <th scope="row" class="rbe-preview__level" style=style>{rating.description}</th>
                    <td>{number_to_input(rating.points)}</td>
                    <td><code>"#"{rating.color}</code></td>
                    <td>{format!("{}:1 with {text_name} text; {}:1 against the page", fixed(ratio, 1), fixed(page_ratio, 1))}</td>
                    <td>{if rating.mastery { "Mastery" } else { "" }}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="rbe-preview">
            <caption>"Canvas default mastery scale"</caption>
            <thead>
                <tr>
                    <th scope="col">"Level"</th>
                    <th scope="col">"Points"</th>
                    <th scope="col">"Colour"</th>
                    <th scope="col">"Contrast"</th>
                    <th scope="col">"Mastery"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
