use std::future::Future;

use leptos::prelude::{GetValue, Owner, StoredValue};
use leptos::reactive::owner::WeakOwner;
use leptos::task::spawn_local_scoped_with_cancellation;

/// Starts the asynchronous work (loads, saves, polls) of one part of an editor, and stops it
/// when that part leaves the page: an answer that arrives after the editor was unmounted is
/// dropped instead of being applied to disposed state, which would panic and, with
/// `panic = "abort"`, stop every editor on the page. It holds its owner weakly, so it never
/// keeps an unmounted editor alive.
#[derive(Clone, Copy)]
pub struct Tasks(StoredValue<WeakOwner>);

impl Tasks {
    /// Tasks owned by the component being created (call it in the component's body, not in an
    /// event handler: a handler's owner can be a child view that a signal set disposes).
    pub fn current() -> Self {
        Tasks(StoredValue::new(
            Owner::current().unwrap_or_default().downgrade(),
        ))
    }

    /// Runs `task` until it finishes or the owner is disposed, whichever comes first (and not
    /// at all once it is).
    pub fn spawn(&self, task: impl Future<Output = ()> + 'static) {
        if let Some(owner) = self.0.try_get_value().and_then(|weak| weak.upgrade()) {
            owner.with(|| spawn_local_scoped_with_cancellation(task));
        }
    }
}
