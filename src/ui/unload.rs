use leptos::prelude::*;

/// Asks before the page is left while `dirty` is true; removed with the editor.
pub fn guard_unload(dirty: Signal<bool>) {
    let handle = window_event_listener(
        leptos::ev::beforeunload,
        move |event: web_sys::BeforeUnloadEvent| {
            if dirty.get_untracked() {
                event.prevent_default();
                event.set_return_value("You have unsaved changes.");
            }
        },
    );
    on_cleanup(move || handle.remove());
}
