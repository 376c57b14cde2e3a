use leptos::prelude::*;

/// "The rubric could not be loaded. <why>" with a "Try again" button, announced as an alert.
#[component]
pub fn LoadError(
    /// What could not be loaded ("The rubric").
    what: &'static str,
    /// Why, in the words of the error.
    message: String,
    /// Loads again.
    on_retry: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="rbe-error" role="alert">
            <p>{format!("{what} could not be loaded. {message}")}</p>
            <button type="button" class="rbe-button" on:click=move |_| on_retry.run(())>"Try again"</button>
        </div>
    }
}
