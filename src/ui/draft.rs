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

    /// The stored draft and when it was saved (ms since the epoch).
    pub fn load(&self) -> Option<(String, f64)> {
        let text = storage()?.get_item(&self.key).ok()??;
        let value: serde_json::Value = serde_json::from_str(&text).ok()?;
        Some((
            value["doc"].as_str()?.to_string(),
            value["saved_at"].as_f64()?,
        ))
    }

    /// Stores `doc` (JSON text) with the current time.
    pub fn save(&self, doc: &str) {
        let record = serde_json::json!({"doc": doc, "saved_at": js_sys::Date::now()});
        if let Some(storage) = storage() {
            let _ = storage.set_item(&self.key, &record.to_string());
        }
    }

    /// Forgets the draft.
    pub fn clear(&self) {
        if let Some(storage) = storage() {
            let _ = storage.remove_item(&self.key);
        }
    }
}
