use leptos::prelude::*;

use rubric_core::validate::CanvasFieldError;
use rubric_core::ValidationIssue;

use super::focus_by_id;

/// One line of an error summary: the id of the field to jump to (if the problem has one) and
/// the message.
pub type SummaryItem = (Option<String>, String);

/// "Fix these problems to save": every problem as a link that moves focus to its field.
/// Announced as an alert when it appears; focusable (the editors focus it on a blocked save).
#[component]
pub fn ErrorSummary(
    /// The summary's id.
    id: String,
    /// Whether to show it.
    #[prop(into)]
    show: Signal<bool>,
    /// The problems.
    #[prop(into)]
    items: Signal<Vec<SummaryItem>>,
) -> impl IntoView {
    let list = move || {
        items
            .get()
            .into_iter()
            .map(|(target, text)| match target {
                Some(id) => view! {
                    <li><a href=format!("#{id}") on:click=move |ev| { ev.prevent_default(); focus_by_id(id.clone()); }>{text}</a></li>
                }
                .into_any(),
                None => view! { <li>{text}</li> }.into_any(),
            })
            .collect_view()
    };
    view! {
        <Show when=move || show.get()>
            <div class="rbe-summary" id=id.clone() tabindex="-1" role="alert">
                <p class="rbe-summary__title">"Fix these problems to save"</p>
                <ul>{list}</ul>
            </div>
        </Show>
    }
}

/// The summary's lines: each validation issue ("Criterion 2, rating 1, points: ...") linked to
/// the control of its field by `field_id`, then Canvas's own errors, linked by
/// `server_field_of`.
pub fn summary_items<F: Copy>(
    issues: &[(Option<F>, ValidationIssue)],
    server_errors: &[CanvasFieldError],
    field_id: impl Fn(F) -> String,
    server_field_of: impl Fn(&CanvasFieldError) -> Option<String>,
) -> Vec<SummaryItem> {
    let local = issues.iter().map(|(field, issue)| {
        let text = format!(
            "{}: {}",
            capitalise(&issue.path.to_string()),
            issue_text(issue)
        );
        (field.map(&field_id), text)
    });
    let canvas = server_errors.iter().map(|e| {
        let text = format!("Canvas: {} {}", e.field.replace('_', " "), e.message);
        (server_field_of(e), text)
    });
    local.chain(canvas).collect()
}

/// An issue's message and how to fix it, as two sentences.
pub fn issue_text(issue: &ValidationIssue) -> String {
    let message = issue.message.trim_end();
    let stop = if message.ends_with(['.', '!', '?']) {
        ""
    } else {
        "."
    };
    format!("{message}{stop} {}", issue.help())
        .trim()
        .to_string()
}

/// "level 3, points" → "Level 3, points" (field names are English, so ASCII case is enough and
/// keeps Unicode's case tables out of the bundle).
fn capitalise(text: &str) -> String {
    let mut text = text.to_string();
    if let Some(first) = text.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    text
}
