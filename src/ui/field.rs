use leptos::prelude::*;

/// The error text shown under a control; it leaves the page with the control.
struct ErrorText(web_sys::Element);

impl Drop for ErrorText {
    fn drop(&mut self) {
        self.0.remove();
    }
}

impl ErrorText {
    /// A `<p class="rbe-field-error">` with `id`, placed right after `control`.
    fn after(control: &web_sys::Element, id: &str) -> Option<Self> {
        let document = control.owner_document()?;
        let p = document.create_element("p").ok()?;
        p.set_class_name("rbe-field-error");
        p.set_id(id);
        let sign = document.create_element("span").ok()?;
        let _ = sign.set_attribute("aria-hidden", "true");
        sign.set_text_content(Some("⚠ "));
        let _ = p.append_with_node_2(&sign, &document.create_text_node(""));
        let _ = control.after_with_node_1(&p);
        Some(ErrorText(p))
    }

    fn say(&self, text: &str) {
        if let Some(node) = self.0.last_child() {
            node.set_text_content(Some(text));
        }
    }
}

/// Keeps a control's error state: the text under it, `aria-invalid`, `aria-describedby`
/// pointing at the text, and the invalid style, with one effect instead of one per attribute
/// (a grid has a thousand fields, and each effect is paid for at load).
fn error_state(element: web_sys::Element, (messages, error_id): (Signal<Vec<String>>, String)) {
    let effect = RenderEffect::new(move |shown: Option<Option<ErrorText>>| {
        let text = messages.with(|m| (!m.is_empty()).then(|| m.join(" ")));
        let shown = shown.flatten();
        let Some(text) = text else {
            if shown.is_some() {
                let _ = element.class_list().remove_1("rbe-input--invalid");
                let _ = element.remove_attribute("aria-invalid");
                let _ = element.remove_attribute("aria-describedby");
            }
            return None;
        };
        let shown = shown.or_else(|| {
            let _ = element.class_list().add_1("rbe-input--invalid");
            let _ = element.set_attribute("aria-invalid", "true");
            let _ = element.set_attribute("aria-describedby", &error_id);
            ErrorText::after(&element, &error_id)
        });
        if let Some(error) = &shown {
            error.say(&text);
        }
        shown
    });
    StoredValue::new_local(effect);
}

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
) -> impl IntoView {
    let wiring = (messages, format!("{id}-error"));
    let control = if multiline {
        view! {
            <textarea id=id class=format!("rbe-input rbe-textarea {class}") rows="2"
                aria-label=move || label.get() use:error_state=wiring
                prop:value=move || value.get()
                on:input:target=move |ev| on_input.run(ev.target().value())
                on:blur=move |_| on_blur.run(())></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id class=format!("rbe-input {class}")
                inputmode=numeric.then_some("decimal")
                aria-label=move || label.get() use:error_state=wiring
                prop:value=move || value.get()
                on:input:target=move |ev| on_input.run(ev.target().value())
                on:blur=move |_| on_blur.run(())
            />
        }
        .into_any()
    };
    control
}
