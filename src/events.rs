//! Events the editors send to the host page: `CustomEvent`s that bubble and cross shadow roots.
use wasm_bindgen::JsValue;

/// Dispatches `name` on `target` with `detail` (JSON, parsed into a JS object).
pub fn emit(target: &web_sys::EventTarget, name: &str, detail: &serde_json::Value) {
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    let detail = js_sys::JSON::parse(&detail.to_string()).unwrap_or(JsValue::NULL);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = target.dispatch_event(&event);
    }
}
