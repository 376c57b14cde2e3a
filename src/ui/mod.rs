//! UI pieces every editor shares: the status announcer, the confirm dialog, undo/redo, local
//! drafts and the unsaved-changes guard.
mod announcer;
mod confirm;
mod draft;
mod ids;
mod undo;
mod unload;

pub use announcer::{Announcer, Status};
pub use confirm::ConfirmDialog;
pub use draft::Drafts;
pub use ids::{focus_by_id, IdPrefix};
pub use undo::{undo_shortcut, UndoButtons, UndoShortcut};
pub use unload::guard_unload;
