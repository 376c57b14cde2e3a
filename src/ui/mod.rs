//! UI pieces every editor shares: editing state with undo, the status announcer, the confirm
//! dialog, undo/redo, local drafts, the unsaved-changes guard and the error summary.
mod announcer;
mod confirm;
mod conflict;
mod download;
mod draft;
mod draft_notice;
mod edit_state;
mod field;
mod ids;
mod load_error;
mod save_failure;
mod summary;
mod tasks;
mod undo;
mod unload;

pub use announcer::{Announcer, Status};
pub use confirm::ConfirmDialog;
pub use conflict::{settle_save_check, Conflict, ConflictDialog};
pub use download::{download_text, file_name};
pub use draft::{keep_drafts, Drafts};
pub use draft_notice::DraftNotice;
pub use edit_state::EditState;
pub use field::TextField;
pub use ids::{focus_by_id, IdPrefix};
pub use load_error::LoadError;
pub use save_failure::{SaveFailure, SaveFailureNotice};
pub use summary::{issue_text, summary_items, ErrorSummary, SummaryItem};
pub use tasks::Tasks;
pub use undo::{undo_keys, UndoButtons};
pub use unload::guard_unload;
