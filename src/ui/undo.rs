use leptos::prelude::*;

/// What a key press asks of the undo history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UndoShortcut {
    /// Ctrl/Cmd+Z.
    Undo,
    /// Shift+Ctrl/Cmd+Z or Ctrl+Y.
    Redo,
}

/// Reads Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z and Ctrl+Y.
pub fn undo_shortcut(event: &web_sys::KeyboardEvent) -> Option<UndoShortcut> {
    if !(event.ctrl_key() || event.meta_key()) || event.alt_key() {
        return None;
    }
    match event.key().to_lowercase().as_str() {
        "z" if event.shift_key() => Some(UndoShortcut::Redo),
        "z" => Some(UndoShortcut::Undo),
        "y" => Some(UndoShortcut::Redo),
        _ => None,
    }
}

/// The "Undo" and "Redo" buttons.
#[component]
pub fn UndoButtons(
    /// Whether there is something to undo.
    #[prop(into)]
    can_undo: Signal<bool>,
    /// Whether there is something to redo.
    #[prop(into)]
    can_redo: Signal<bool>,
    /// Undo.
    on_undo: Callback<()>,
    /// Redo.
    on_redo: Callback<()>,
) -> impl IntoView {
    view! {
        <button type="button" class="rbe-button" aria-keyshortcuts="Control+Z Meta+Z"
            disabled=move || !can_undo.get() on:click=move |_| on_undo.run(())>"Undo"</button>
        <button type="button" class="rbe-button" aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
            disabled=move || !can_redo.get() on:click=move |_| on_redo.run(())>"Redo"</button>
    }
}

/// Runs an undo or redo and gives focus back to the control that had it: a row that moves
/// back into place is re-attached to the document and would otherwise drop focus to the page.
/// Returns whether anything changed.
pub fn keeping_focus(step: impl FnOnce() -> bool) -> bool {
    let id = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .map(|e| e.id())
        .filter(|id| !id.is_empty());
    let done = step();
    if let (true, Some(id)) = (done, id) {
        super::focus_by_id(id);
    }
    done
}
