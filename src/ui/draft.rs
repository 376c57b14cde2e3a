use leptos::prelude::*;
use rubric_core::edit::Tracked;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

use super::EditState;
use crate::json;

/// Quiet time after an edit before the draft is written, so typing never waits on storage.
const IDLE: std::time::Duration = std::time::Duration::from_millis(500);

/// Unsaved edits kept in `localStorage`, one slot per API base, context and editor. Only the
/// document is stored, never credentials.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Drafts {
    key: String,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

impl Drafts {
    /// The slot for this editor.
    pub fn new(base: &str, context: &str, editor: &str) -> Self {
        Drafts {
            key: format!("rubric-editor:draft:v1:{base}:{context}:{editor}"),
        }
    }

    /// The stored draft's document and when it was saved (ms since the epoch), or `None` when
    /// there is none or it does not read as a `T`. Reads drafts that hold the document as an
    /// object or as JSON text.
    pub fn load<T: DeserializeOwned>(&self) -> Option<(T, f64)> {
        let text = storage()?.get_item(&self.key).ok()??;
        let record = json::parse(&text)?;
        let saved_at = json::get(&record, "saved_at").as_f64()?;
        let doc = json::get(&record, "doc");
        let doc = match doc.as_string() {
            Some(text) => json::parse(&text)?,
            None => doc,
        };
        Some((json::from_js(doc).ok()?, saved_at))
    }

    /// Stores `doc` (JSON text, embedded as it is: serialised once) with the current time.
    pub fn save(&self, doc: JsValue) {
        let record = json::object(&[("saved_at", js_sys::Date::now().into()), ("doc", doc)]);
        let record = json::stringify(&record);
        if let Some(storage) = storage() {
            let _ = storage.set_item(&self.key, &record);
        }
    }

    /// Forgets the draft.
    pub fn clear(&self) {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(&self.key);
        }
    }
}

/// Keeps the editor's draft off the typing path: it is written (`encode`d once) when edits
/// pause, at once when the page is hidden, left or the editor unmounted, and cleared when the
/// edits match the saved copy again.
pub fn keep_drafts<C>(
    state: EditState<C>,
    slot: StoredValue<Drafts>,
    encode: fn(&C::Doc) -> JsValue,
) where
    C: Tracked + Send + Sync + 'static,
    C::Doc: Clone + Send + Sync + 'static,
{
    // One timer at a time: an edit only notes its time; when the timer fires early (typing
    // went on), it waits out the rest of the pause. No timer calls per keystroke.
    let pending = StoredValue::new(false);
    let last_edit = StoredValue::new(0.0_f64);
    let written = StoredValue::new(state.revision());
    let write = move || {
        let Some(slot) = slot.try_get_value() else {
            return;
        };
        written.set_value(state.revision());
        match state.dirty.try_get_untracked() {
            Some(true) => {
                if let Some(doc) = state.peek(encode) {
                    slot.save(doc);
                }
            }
            Some(false) => slot.clear(),
            None => {}
        }
    };
    fn wait(
        delay: f64,
        pending: StoredValue<bool>,
        last_edit: StoredValue<f64>,
        write: impl Fn() + Copy + Send + Sync + 'static,
    ) {
        set_timeout(
            move || {
                let Some(last) = last_edit.try_get_value() else {
                    return;
                };
                let quiet = js_sys::Date::now() - last;
                if quiet + 1.0 < IDLE.as_millis() as f64 {
                    wait(IDLE.as_millis() as f64 - quiet, pending, last_edit, write);
                } else {
                    pending.try_set_value(false);
                    write();
                }
            },
            std::time::Duration::from_millis(delay.max(0.0) as u64),
        );
    }
    Effect::new(move |seen: Option<()>| {
        state.track_edits();
        if seen.is_none() {
            return;
        }
        last_edit.set_value(js_sys::Date::now());
        if !pending.get_value() {
            pending.set_value(true);
            wait(IDLE.as_millis() as f64, pending, last_edit, write);
        }
    });
    // Written at once when an edit has not been written yet (even one whose pause has not
    // started: the page may go before the next tick).
    let flush = move || {
        if written.try_get_value() != Some(state.revision()) {
            write();
        }
    };
    let hidden = window_event_listener(leptos::ev::visibilitychange, move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            flush();
        }
    });
    let hide = window_event_listener(leptos::ev::pagehide, move |_| flush());
    let unload = window_event_listener(leptos::ev::beforeunload, move |_| flush());
    on_cleanup(move || {
        flush();
        hidden.remove();
        hide.remove();
        unload.remove();
    });
}
