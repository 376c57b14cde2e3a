use leptos::prelude::*;

/// A text input (or a multi-line text area) with its accessible name, its error text and the
/// ARIA wiring between them (`aria-invalid`, `aria-describedby`). The editors give it the value
/// to show and receive every keystroke.
#[component]
pub fn TextField(
    /// The control's id (for focus and error links).
    id: String,
    /// The accessible name ("Criterion 2 description").
    #[prop(into)]
    label: Signal<String>,
    /// The value to show.
    #[prop(into)]
    value: Signal<String>,
    /// Error messages to show under the control (none: valid).
    #[prop(into)]
    messages: Signal<Vec<String>>,
    /// Called with the text after every keystroke.
    on_input: Callback<String>,
    /// Called when the control loses focus (ends a typing burst).
    on_blur: Callback<()>,
    /// Numbers are typed here (a decimal keypad on phones).
    #[prop(optional)]
    numeric: bool,
    /// Several lines of text.
    #[prop(optional)]
    multiline: bool,
    /// Extra class names.
    #[prop(optional, into)]
    class: String,
    /// Paste handler (the rubric grid reads spreadsheet cells from it).
    #[prop(optional)]
    on_paste: Option<Callback<web_sys::ClipboardEvent>>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let has_error = move || !messages.with(Vec::is_empty);
    let described = error_id.clone();
    let describedby = move || has_error().then(|| described.clone());
    let invalid = move || if has_error() { "true" } else { "false" };
    let paste = move |ev: web_sys::ClipboardEvent| {
        if let Some(handler) = on_paste {
            handler.run(ev);
        }
    };
    let control = if multiline {
        view! {
            <textarea id=id class=format!("rbe-input rbe-textarea {class}") class:rbe-input--invalid=has_error rows="2"
                aria-label=move || label.get() aria-invalid=invalid aria-describedby=describedby
                prop:value=move || value.get()
                on:input:target=move |ev| on_input.run(ev.target().value())
                on:paste=paste
                on:blur=move |_| on_blur.run(())></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id type="text" class=format!("rbe-input {class}") class:rbe-input--invalid=has_error
                inputmode=if numeric { "decimal" } else { "text" }
                aria-label=move || label.get() aria-invalid=invalid aria-describedby=describedby
                prop:value=move || value.get()
                on:input:target=move |ev| on_input.run(ev.target().value())
                on:paste=paste
                on:blur=move |_| on_blur.run(())
            />
        }
        .into_any()
    };
    view! {
        {control}
        <Show when=has_error>
            <p class="rbe-field-error" id=error_id.clone()>
                <span aria-hidden="true">"⚠ "</span>
                {move || messages.get().join(" ")}
            </p>
        </Show>
    }
}
