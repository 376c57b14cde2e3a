use std::sync::atomic::{AtomicU32, Ordering};

use wasm_bindgen::JsCast;

static NEXT: AtomicU32 = AtomicU32::new(1);

/// A prefix unique to one mounted editor, so several editors on one page keep distinct ids.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdPrefix(pub String);

impl IdPrefix {
    /// A fresh prefix (`rbe3`).
    pub fn new() -> Self {
        IdPrefix(format!("rbe{}", NEXT.fetch_add(1, Ordering::Relaxed)))
    }

    /// `"{prefix}-{suffix}"`.
    pub fn id(&self, suffix: &str) -> String {
        format!("{}-{suffix}", self.0)
    }
}

impl Default for IdPrefix {
    fn default() -> Self {
        Self::new()
    }
}

/// Focuses the element with `id` once the DOM has caught up (a zero timeout, which also runs
/// in background tabs, unlike animation frames).
pub fn focus_by_id(id: String) {
    leptos::prelude::set_timeout(
        move || {
            let element = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&id))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(element) = element {
                let _ = element.focus();
            }
        },
        std::time::Duration::ZERO,
    );
}
