use leptos::html::Dialog;
use leptos::prelude::*;

/// One button of a [`ChoiceDialog`]: its label and what it does (the dialog closes first).
#[derive(Clone)]
pub struct Choice {
    /// The button's text ("Delete", "Keep mine").
    pub label: &'static str,
    /// Runs when it is pressed.
    pub run: Callback<()>,
}

/// A list the dialog can show on request ("Review their changes").
#[derive(Clone, Copy)]
pub struct Details {
    /// The button that shows and hides the list.
    pub toggle: &'static str,
    /// The list's heading.
    pub heading: &'static str,
    /// Its lines.
    pub lines: Signal<Vec<String>>,
}

/// A modal choice in a native `<dialog>`: focus is trapped, Escape cancels. It offers Cancel
/// and `choices` (the last is the primary one and has focus when the dialog opens, unless there
/// are `details` to review first). Every dialog of the editors is this one component.
#[component]
pub fn ChoiceDialog(
    /// Whether it is open.
    open: RwSignal<bool>,
    /// Heading.
    #[prop(into)]
    title: Signal<String>,
    /// Explanation.
    #[prop(into)]
    body: Signal<String>,
    /// The buttons besides Cancel.
    #[prop(into)]
    choices: Signal<Vec<Choice>>,
    /// A list to show on request.
    #[prop(optional)]
    details: Option<Details>,
    /// Runs when the user cancels (button, Escape).
    on_cancel: Callback<()>,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let reviewing = RwSignal::new(false);
    Effect::new(move |_| {
        let Some(element) = dialog.get() else { return };
        if open.get() {
            if !element.open() {
                reviewing.set(false);
                let _ = element.show_modal();
            }
            let first = if details.is_some() {
                "button"
            } else {
                ".rbe-dialog__actions button:last-child"
            };
            if let Ok(Some(button)) = element.query_selector(first) {
                let _ =
                    wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(button).focus();
            }
        } else if element.open() {
            element.close();
        }
    });
    let ids = super::IdPrefix::new();
    let (heading_id, body_id, list_id) = (ids.id("title"), ids.id("body"), ids.id("details"));
    let (labelled_by, described_by) = (heading_id.clone(), body_id.clone());
    let cancel = move || {
        open.set(false);
        on_cancel.run(());
    };
    let buttons = move || {
        let choices = choices.get();
        let last = choices.len().saturating_sub(1);
        choices
            .into_iter()
            .enumerate()
            .map(|(i, choice)| {
                let class = if i == last {
                    "rbe-button rbe-button--primary"
                } else {
                    "rbe-button"
                };
                view! {
                    <button type="button" class=class on:click=move |_| {
                        open.set(false);
                        choice.run.run(());
                    }>{choice.label}</button>
                }
            })
            .collect_view()
    };
    let review = details.map(|d| {
        let list_id = list_id.clone();
        view! {
            <button type="button" class="rbe-button"
                aria-expanded=move || if reviewing.get() { "true" } else { "false" }
                aria-controls=list_id
                on:click=move |_| reviewing.update(|r| *r = !*r)>{d.toggle}</button>
        }
    });
    let list = details.map(|d| {
        view! {
            <div id=list_id hidden=move || !reviewing.get()>
                <h3 class="rbe-dialog__subtitle">{d.heading}</h3>
                <ul class="rbe-dialog__changes">
                    {move || d.lines.get().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                </ul>
            </div>
        }
    });
    view! {
        <dialog class="rbe-dialog" node_ref=dialog aria-labelledby=labelled_by aria-describedby=described_by
            on:cancel=move |ev: web_sys::Event| {
                ev.prevent_default();
                cancel();
            }>
            <h2 id=heading_id class="rbe-dialog__title">{move || title.get()}</h2>
            <p id=body_id>{move || body.get()}</p>
            {list}
            <div class="rbe-dialog__actions">
                {review}
                <button type="button" class="rbe-button" on:click=move |_| cancel()>"Cancel"</button>
                {buttons}
            </div>
        </dialog>
    }
}

/// A confirmation: Cancel or `confirm_label`.
#[component]
pub fn ConfirmDialog(
    /// Whether it is open.
    open: RwSignal<bool>,
    /// Heading.
    #[prop(into)]
    title: Signal<String>,
    /// Explanation.
    #[prop(into)]
    body: Signal<String>,
    /// Label of the confirming button ("Delete", "Save").
    confirm_label: &'static str,
    /// Runs when the user confirms.
    on_confirm: Callback<()>,
    /// Runs when the user cancels (button, Escape).
    on_cancel: Callback<()>,
) -> impl IntoView {
    let choices = vec![Choice {
        label: confirm_label,
        run: on_confirm,
    }];
    view! { <ChoiceDialog open title body choices=Signal::stored(choices) on_cancel /> }
}
