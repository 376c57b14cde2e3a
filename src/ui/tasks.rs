use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};

use leptos::prelude::{on_cleanup, GetValue, StoredValue};
use leptos::task::spawn_local;

/// Starts the asynchronous work (loads, saves, polls) of one part of an editor, and ends it when
/// that part leaves the page: an answer that arrives after the editor was unmounted is dropped
/// instead of being applied to disposed state, which would panic and, with `panic = "abort"`,
/// stop every editor on the page. A task that was ended is dropped the next time it wakes (its
/// answer arrives or its timer fires), before it runs any further code.
#[derive(Clone, Copy)]
pub struct Tasks(StoredValue<Arc<AtomicBool>>);

impl Tasks {
    /// Tasks that end when the owner of the component being created is cleaned up (call it in
    /// the component's body).
    pub fn current() -> Self {
        let ended = Arc::new(AtomicBool::new(false));
        let end = ended.clone();
        on_cleanup(move || end.store(true, Ordering::Relaxed));
        Tasks(StoredValue::new(ended))
    }

    /// Runs `task` until it finishes or the owner is cleaned up, whichever comes first (and not
    /// at all once it is).
    pub fn spawn(&self, task: impl Future<Output = ()> + 'static) {
        let Some(ended) = self.0.try_get_value() else {
            return;
        };
        if !ended.load(Ordering::Relaxed) {
            spawn_local(Ending {
                task: Box::pin(task),
                ended,
            });
        }
    }
}

/// A task that stops at its next wake-up once `ended` is set. Not generic, so every task of
/// every editor shares this one piece of code.
struct Ending {
    task: Pin<Box<dyn Future<Output = ()>>>,
    ended: Arc<AtomicBool>,
}

impl Future for Ending {
    type Output = ();

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        if self.ended.load(Ordering::Relaxed) {
            return Poll::Ready(());
        }
        self.task.as_mut().poll(cx)
    }
}
