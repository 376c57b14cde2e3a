//! Events the editors send to the host page: `CustomEvent`s that bubble and cross shadow roots.
use leptos::html::Section;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Dispatches `name` on `target` with `detail` (JSON, parsed into a JS object).
pub fn emit(target: &web_sys::EventTarget, name: &str, detail: &JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}

/// Tells the host when the editor's unsaved state flips: `rubric-editor:change` with
/// `detail(dirty)`, on `root`, only when `dirty` changes (never per keystroke, not at mount).
pub fn emit_dirty_changes(
    dirty: RwSignal<bool>,
    root: NodeRef<Section>,
    detail: impl Fn(bool) -> JsValue + 'static,
) {
    Effect::new(move |seen: Option<()>| {
        let dirty = dirty.get();
        if seen.is_none() {
            return;
        }
        if let Some(element) = root.get_untracked() {
            emit(&element, "rubric-editor:change", &detail(dirty));
        }
    });
}
