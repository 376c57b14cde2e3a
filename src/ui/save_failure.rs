use leptos::prelude::*;

use super::focus_by_id;
use crate::events::emit;

/// A save that failed for a reason other than the content (network, timeout, 5xx): the edits
/// stay, the message shows with "Retry save", and the host page hears `rubric-editor:error`.
#[derive(Clone, Copy)]
pub struct SaveFailure {
    /// The message shown, if a save failed.
    pub message: RwSignal<Option<String>>,
    /// The id of the shown message (focused when it appears).
    pub id: StoredValue<String>,
    /// The editor's name in events ("rubric", "mastery-scale").
    pub editor: &'static str,
}

impl SaveFailure {
    /// No failure yet.
    pub fn new(id: String, editor: &'static str) -> Self {
        SaveFailure {
            message: RwSignal::new(None),
            id: StoredValue::new(id),
            editor,
        }
    }

    /// Shows `message`, focuses it and tells the host page, from `root`.
    pub fn report(&self, root: Option<impl AsRef<web_sys::EventTarget>>, message: String) {
        if let Some(element) = root {
            let detail = crate::json::object(&[
                ("editor", self.editor.into()),
                ("message", message.as_str().into()),
            ]);
            emit(element.as_ref(), "rubric-editor:error", &detail);
        }
        self.message.set(Some(message));
        focus_by_id(self.id.get_value());
    }

    /// Forgets the failure (a new save starts).
    pub fn clear(&self) {
        self.message.set(None);
    }
}

/// The failure message with its "Retry save" button, announced as an alert.
#[component]
pub fn SaveFailureNotice(failure: SaveFailure, on_retry: Callback<()>) -> impl IntoView {
    let message = failure.message;
    view! {
        <Show when=move || message.get().is_some()>
            <div class="rbe-error" role="alert" id=failure.id.get_value() tabindex="-1">
                <p>{move || message.get().unwrap_or_default()}</p>
                <button type="button" class="rbe-button" on:click=move |_| on_retry.run(())>"Retry save"</button>
            </div>
        </Show>
    }
}
