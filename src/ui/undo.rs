use leptos::prelude::*;
use rubric_core::edit::Tracked;

use super::{EditState, Status};

/// What a key press asks of the undo history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UndoShortcut {
    /// Ctrl/Cmd+Z.
    Undo,
    /// Shift+Ctrl/Cmd+Z or Ctrl+Y.
    Redo,
}

/// Reads Ctrl/Cmd+Z, Shift+Ctrl/Cmd+Z and Ctrl+Y.
fn undo_shortcut(event: &web_sys::KeyboardEvent) -> Option<UndoShortcut> {
    if !(event.ctrl_key() || event.meta_key()) || event.alt_key() {
        return None;
    }
    match event.key().to_ascii_lowercase().as_str() {
        "z" if event.shift_key() => Some(UndoShortcut::Redo),
        "z" => Some(UndoShortcut::Undo),
        "y" => Some(UndoShortcut::Redo),
        _ => None,
    }
}

/// Undoes (or redoes) one step, keeps focus where it was and announces it.
pub fn undo_step<C>(state: EditState<C>, status: Status, redo: bool)
where
    C: Tracked + Send + Sync + 'static,
    C::Doc: Clone + Send + Sync + 'static,
{
    if redo {
        if keeping_focus(|| state.redo()) {
            status.say("Redone");
        }
    } else if keeping_focus(|| state.undo()) {
        status.say("Undone");
    }
}

/// The editor region's keydown handler for the undo shortcuts.
pub fn undo_keys<C>(state: EditState<C>, status: Status) -> impl Fn(web_sys::KeyboardEvent)
where
    C: Tracked + Send + Sync + 'static,
    C::Doc: Clone + Send + Sync + 'static,
{
    move |ev| {
        if let Some(shortcut) = undo_shortcut(&ev) {
            ev.prevent_default();
            undo_step(state, status, shortcut == UndoShortcut::Redo);
        }
    }
}

/// The "Undo" and "Redo" buttons of an editor.
#[component]
pub fn UndoButtons<C>(state: EditState<C>, status: Status) -> impl IntoView
where
    C: Tracked + Send + Sync + 'static,
    C::Doc: Clone + Send + Sync + 'static,
{
    view! {
        <button type="button" class="rbe-button" aria-keyshortcuts="Control+Z Meta+Z"
            disabled=move || !state.can_undo.get() on:click=move |_| undo_step(state, status, false)>"Undo"</button>
        <button type="button" class="rbe-button" aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
            disabled=move || !state.can_redo.get() on:click=move |_| undo_step(state, status, true)>"Redo"</button>
    }
}

/// Runs an undo or redo and gives focus back to the control that had it: a row that moves
/// back into place is re-attached to the document and would otherwise drop focus to the page.
/// Returns whether anything changed.
fn keeping_focus(step: impl FnOnce() -> bool) -> bool {
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
