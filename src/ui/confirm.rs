use leptos::html::Dialog;
use leptos::prelude::*;

/// A modal confirmation in a native `<dialog>`: focus is trapped, Escape cancels, and the
/// confirm button has focus when it opens.
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
    #[prop(into)]
    confirm_label: Signal<String>,
    /// Runs when the user confirms.
    on_confirm: Callback<()>,
    /// Runs when the user cancels (button, Escape).
    on_cancel: Callback<()>,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let confirm_button = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        let Some(element) = dialog.get() else { return };
        if open.get() {
            if !element.open() {
                let _ = element.show_modal();
            }
            if let Some(button) = confirm_button.get() {
                let _ = button.focus();
            }
        } else if element.open() {
            element.close();
        }
    });
    let heading_id = format!("rbe-dialog-{}", super::IdPrefix::new().0);
    let body_id = format!("{heading_id}-body");
    let (labelled_by, described_by) = (heading_id.clone(), body_id.clone());
    view! {
        <dialog
            class="rbe-dialog"
            node_ref=dialog
            aria-labelledby=labelled_by
            aria-describedby=described_by
            on:cancel=move |ev: web_sys::Event| {
                ev.prevent_default();
                open.set(false);
                on_cancel.run(());
            }
        >
            <h2 id=heading_id class="rbe-dialog__title">{move || title.get()}</h2>
            <p id=body_id>{move || body.get()}</p>
            <div class="rbe-dialog__actions">
                <button type="button" class="rbe-button" on:click=move |_| { open.set(false); on_cancel.run(()); }>"Cancel"</button>
                <button type="button" class="rbe-button rbe-button--primary" node_ref=confirm_button
                    on:click=move |_| { open.set(false); on_confirm.run(()); }>{move || confirm_label.get()}</button>
            </div>
        </dialog>
    }
}
