use leptos::html::Div;
use leptos::prelude::*;

use super::editor::RubricEditor;
use super::list::RubricList;
use crate::api::{ApiConfig, ContextPath};
use crate::events::emit;
use crate::json;
use crate::ui::{Announcer, Status};

/// Which screen the rubric editor shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    /// The context's rubrics.
    List,
    /// One rubric (`None`: a new one).
    Rubric(Option<u64>),
}

impl Screen {
    /// Reads a deep link's `rubric` parameter: absent lists, `new` starts one, a number opens it.
    pub fn from_param(param: Option<&str>) -> Option<Screen> {
        match param {
            None | Some("") => Some(Screen::List),
            Some("new") => Some(Screen::Rubric(None)),
            Some(id) => id.parse().ok().map(|id| Screen::Rubric(Some(id))),
        }
    }

    /// The deep-link parameter for this screen (the inverse of [`Screen::from_param`]).
    pub fn param(self) -> Option<String> {
        match self {
            Screen::List => None,
            Screen::Rubric(None) => Some("new".into()),
            Screen::Rubric(Some(id)) => Some(id.to_string()),
        }
    }
}

/// The rubric editor for one context: the list and one rubric at a time. Tells the host page
/// where it is (`rubric-editor:navigate` with `{ rubric: "12" | "new" | null }`) so deep links
/// stay true.
#[component]
pub fn RubricApp(config: ApiConfig, context: ContextPath, start: Screen) -> impl IntoView {
    let status = Status::new();
    let screen = RwSignal::new(start);
    let root = NodeRef::<Div>::new();
    let go = move |next: Screen| {
        screen.set(next);
        if let Some(element) = root.get_untracked() {
            emit(
                &element,
                "rubric-editor:navigate",
                &json::object(&[("editor", "rubric".into()), ("rubric", next.param().into())]),
            );
        }
    };
    let on_open = Callback::new(move |id: Option<u64>| go(Screen::Rubric(id)));
    let on_back = Callback::new(move |_| go(Screen::List));
    let on_saved = Callback::new(move |rubric: rubric_core::Rubric| {
        if screen.get_untracked() != Screen::Rubric(Some(rubric.id)) {
            if let Some(element) = root.get_untracked() {
                emit(
                    &element,
                    "rubric-editor:navigate",
                    &json::object(&[
                        ("editor", "rubric".into()),
                        ("rubric", rubric.id.to_string().into()),
                    ]),
                );
            }
        }
    });
    view! {
        <div class="rbe-root" node_ref=root>
            <Announcer status />
            {move || match screen.get() {
                Screen::List => view! { <RubricList config=config.clone() context=context.clone() status on_open /> }.into_any(),
                Screen::Rubric(id) => view! { <RubricEditor config=config.clone() context=context.clone() id status on_back on_saved /> }.into_any(),
            }}
        </div>
    }
}
