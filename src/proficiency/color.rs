use leptos::prelude::*;
use rubric_core::color::normalize_hex_input;
use rubric_core::decimal::fixed;
use rubric_core::edit::{Key, LevelField, ScaleCommand};
use rubric_core::{contrast_ratio, readable_text_color, Rgb, TextColor};

use super::state::{field_id, ScaleState};
use crate::preview::PAGE_BACKGROUND;
use crate::ui::IdPrefix;

/// Canvas's colour picker presets, by name.
pub const PRESETS: [(&str, &str); 15] = [
    ("Brick", "BD3C14"),
    ("Red", "FF2717"),
    ("Magenta", "E71F63"),
    ("Purple", "8F3E97"),
    ("Deep Purple", "65499D"),
    ("Indigo", "4554A4"),
    ("Blue", "1770AB"),
    ("Light Blue", "0B9BE3"),
    ("Cyan", "06A3B7"),
    ("Teal", "009688"),
    ("Green", "009606"),
    ("Olive", "8D9900"),
    ("Pumpkin", "D97900"),
    ("Orange", "FD5D10"),
    ("Pink", "F06291"),
];

/// Minimum contrast of a level colour against the page (WCAG 1.4.11, non-text contrast).
pub const PAGE_CONTRAST_MIN: f64 = 3.0;

/// A level's colour: hex input, live swatch with the level's name drawn in readable text, the
/// contrast figures, and a preset palette (one tab stop, arrow keys move the choice).
#[component]
pub fn ColorField(
    state: ScaleState,
    ids: IdPrefix,
    key: Key,
    #[prop(into)] level: Signal<usize>,
) -> impl IntoView {
    let color = state.text(key, LevelField::Color);
    let name = state.text(key, LevelField::Description);
    let messages = state.field_messages(key, LevelField::Color);
    let stored = Memo::new(move |_| color.with(|c| normalize_hex_input(c).ok()));
    let rgb = move || stored.get().and_then(|hex| Rgb::from_stored_hex(&hex));
    let input_id = field_id(&ids, key, LevelField::Color);
    let error_id = format!("{input_id}-error");
    let palette_id = format!("{input_id}-palette");
    let open = RwSignal::new(false);
    let set = move |hex: &str| {
        state.dispatch(ScaleCommand::SetText {
            key,
            field: LevelField::Color,
            value: hex.to_string(),
        });
        state.seal();
    };
    let has_error = move || !messages.with(Vec::is_empty);
    let described = error_id.clone();
    let contrast = move || {
        rgb().map(|bg| {
            let text = readable_text_color(bg);
            let page = contrast_ratio(bg, PAGE_BACKGROUND);
            let name = if text == TextColor::Black {
                "black"
            } else {
                "white"
            };
            (text, contrast_ratio(bg, text.rgb()), page, name)
        })
    };
    let selected = move || {
        stored
            .get()
            .and_then(|hex| PRESETS.iter().position(|(_, p)| *p == hex))
    };
    let palette_for_buttons = palette_id.clone();
    let palette_buttons = {
        PRESETS
            .iter()
            .enumerate()
            .map(|(i, (name, hex))| {
                let checked = move || selected() == Some(i);
                let focusable = move || selected().unwrap_or(0) == i;
                let button_id = format!("{palette_for_buttons}-{i}");
                let palette = palette_for_buttons.clone();
                view! {
                    <button type="button" role="radio" id=button_id class="rbe-swatch-choice"
                        style=format!("background:#{hex}")
                        aria-checked=move || if checked() { "true" } else { "false" }
                        aria-label=format!("{name} (#{hex})") title=format!("{name} (#{hex})")
                        tabindex=move || if focusable() { "0" } else { "-1" }
                        on:click=move |_| set(hex)
                        on:keydown=move |ev: web_sys::KeyboardEvent| {
                            let step: isize = match ev.key().as_str() {
                                "ArrowRight" | "ArrowDown" => 1,
                                "ArrowLeft" | "ArrowUp" => -1,
                                _ => return,
                            };
                            ev.prevent_default();
                            let next = (i as isize + step).rem_euclid(PRESETS.len() as isize) as usize;
                            set(PRESETS[next].1);
                            crate::ui::focus_by_id(format!("{palette}-{next}"));
                        }
                    ></button>
                }
            })
            .collect_view()
    };
    view! {
        <div class="rbe-color">
            <div class="rbe-color__row">
                <span class="rbe-swatch" aria-hidden="true"
                    style=move || match (stored.get(), contrast()) {
                        (Some(hex), Some((text, ..))) => format!("background:#{hex};color:#{}", text.rgb().to_stored_hex()),
                        _ => String::new(),
                    }>{name}</span>
                <input id=input_id.clone() type="text" class="rbe-input rbe-input--hex" class:rbe-input--invalid=has_error
                    aria-label=move || format!("Color hex, level {}", level.get())
                    aria-invalid=move || if has_error() { "true" } else { "false" }
                    aria-describedby=move || has_error().then(|| described.clone())
                    prop:value=move || { let r = color.get(); if rubric_core::color::is_stored_hex(&r) { format!("#{r}") } else { r } }
                    on:input:target=move |ev| {
                        state.dispatch(ScaleCommand::SetText { key, field: LevelField::Color, value: ev.target().value() });
                        state.touch((key, LevelField::Color));
                    }
                    on:change:target=move |ev| {
                        if let Ok(hex) = normalize_hex_input(&ev.target().value()) { set(&hex) }
                    }
                    on:blur=move |_| state.seal()
                />
                <button type="button" class="rbe-button"
                    aria-expanded=move || if open.get() { "true" } else { "false" }
                    aria-controls=palette_id.clone()
                    aria-label=move || format!("Choose color, level {}", level.get())
                    on:click=move |_| open.update(|o| *o = !*o)>"Choose color"</button>
            </div>
            <Show when=has_error>
                <p class="rbe-field-error" id=error_id.clone()><span aria-hidden="true">"⚠ "</span>{move || messages.get().join(" ")}</p>
            </Show>
            <p class="rbe-color__contrast">
                {move || match (stored.get(), contrast()) {
                    (None, _) | (_, None) => "Enter six hex digits, such as #00AC18 (or #0A1).".to_string(),
                    (Some(_), Some((_, text_ratio, page, name))) => {
                        let page_figure = fixed(page, 1);
                        let warning = if page < PAGE_CONTRAST_MIN {
                            format!("Warning: only {page_figure}:1 against the page (below 3:1); the level name and badge still identify it.")
                        } else {
                            format!("{page_figure}:1 against the page.")
                        };
                        format!("Text on this colour: {name}, {}:1. {warning}", fixed(text_ratio, 1))
                    }
                }}
            </p>
            <div id=palette_id.clone() role="radiogroup" class="rbe-palette" class:rbe-hidden=move || !open.get()
                aria-label=move || format!("Preset colors, level {}", level.get())>
                {palette_buttons}
            </div>
        </div>
    }
}
