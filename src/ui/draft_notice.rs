use leptos::prelude::*;

/// "Unsaved changes from <time> were found": offers a stored draft back after a reload.
#[component]
pub fn DraftNotice(
    /// When the draft was stored (ms since the epoch); `None` hides the notice.
    #[prop(into)]
    saved_at: Signal<Option<f64>>,
    /// Restore the draft.
    on_restore: Callback<()>,
    /// Forget the draft.
    on_discard: Callback<()>,
) -> impl IntoView {
    let when = move || {
        saved_at
            .get()
            .map(|at| {
                let date = js_sys::Date::new(&at.into());
                let text = String::from(
                    date.to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED),
                );
                format!("Unsaved changes from {text} were found.")
            })
            .unwrap_or_default()
    };
    view! {
        <Show when=move || saved_at.get().is_some()>
            <div class="rbe-notice" role="region" aria-label="Unsaved changes found">
                <p>{when}</p>
                <button type="button" class="rbe-button rbe-button--primary" on:click=move |_| on_restore.run(())>"Restore changes"</button>
                <button type="button" class="rbe-button" on:click=move |_| on_discard.run(())>"Discard"</button>
            </div>
        </Show>
    }
}
