use leptos::prelude::*;

/// The live region's message. Announcing the same text twice is heard twice.
#[derive(Clone, Copy)]
pub struct Status(RwSignal<String>);

impl Status {
    /// A new, empty status.
    pub fn new() -> Self {
        Status(RwSignal::new(String::new()))
    }

    /// Says `message` politely ("Saved", "Level added").
    pub fn say(&self, message: impl Into<String>) {
        let message = message.into();
        let signal = self.0;
        signal.set(String::new());
        set_timeout(
            move || signal.set(message),
            std::time::Duration::from_millis(50),
        );
    }
}

impl Default for Status {
    fn default() -> Self {
        Self::new()
    }
}

/// The `role="status"` region that reads out [`Status`] messages; visible, so sighted users
/// see them too.
#[component]
pub fn Announcer(
    /// The status to show.
    status: Status,
) -> impl IntoView {
    view! { <div class="rbe-status" role="status" aria-live="polite" aria-atomic="true">{move || status.0.get()}</div> }
}
