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
                let _ = enabled_near(element).focus();
            }
        },
        std::time::Duration::ZERO,
    );
}

/// `element` when it can take focus, else its nearest enabled sibling control (a disabled
/// "Move down" hands focus to "Move up"), else the first enabled control of its row.
fn enabled_near(element: web_sys::HtmlElement) -> web_sys::HtmlElement {
    let enabled = |e: &web_sys::Element| !e.has_attribute("disabled");
    if enabled(&element) {
        return element;
    }
    let siblings = [
        element.previous_element_sibling(),
        element.next_element_sibling(),
    ];
    let near = siblings.into_iter().flatten().find(|e| {
        enabled(e)
            && matches!(
                e.tag_name().as_str(),
                "BUTTON" | "INPUT" | "SELECT" | "TEXTAREA"
            )
    });
    let in_row = || {
        element
            .closest("tr, li")
            .ok()
            .flatten()?
            .query_selector(
                "button:not([disabled]), input:not([disabled]), textarea:not([disabled])",
            )
            .ok()
            .flatten()
    };
    near.or_else(in_row)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .unwrap_or(element)
}
