//! What the component tests share: a fake `fetch` installed in the page (so Canvas failures
//! can be staged), waiting for the DOM, and finding controls by their accessible names.
#![allow(dead_code)]
use std::time::Duration;

use serde_json::{json, Value};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement};

#[wasm_bindgen(inline_js = r#"
export function install_fetch(routes) {
  globalThis.__routes = JSON.parse(routes);
  globalThis.__requests = [];
  globalThis.__unrouted = [];
  globalThis.__answered = 0;
  globalThis.__page_errors = [];
  if (!globalThis.__errors_heard) {
    globalThis.__errors_heard = true;
    addEventListener("error", e => globalThis.__page_errors.push(String(e.message)));
    addEventListener("unhandledrejection", e => globalThis.__page_errors.push(String(e.reason)));
  }
  globalThis.fetch = async (input, init) => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url, location.href);
    const body = await request.text();
    globalThis.__requests.push({ method: request.method, path: url.pathname, query: url.search, body,
      authorization: request.headers.get("authorization"), contentType: request.headers.get("content-type"),
      csrf: request.headers.get("x-csrf-token"), credentials: request.credentials });
    const route = globalThis.__routes.find(r => r.method === request.method && r.path === url.pathname);
    if (!route) {
      globalThis.__unrouted.push(`${request.method} ${url.pathname}`);
      return new Response(JSON.stringify({ errors: [{ message: "no fake route" }] }), { status: 404 });
    }
    const answer = route.answers.length > 1 ? route.answers.shift() : route.answers[0];
    if (answer.delay_ms) await new Promise(resolve => setTimeout(resolve, answer.delay_ms));
    if (answer.network_error) throw new TypeError("Failed to fetch");
    if (answer.hang) {
      return new Promise((_, reject) => request.signal.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
    }
    globalThis.__answered += 1;
    return new Response(answer.body, { status: answer.status, headers: answer.headers || { "Content-Type": "application/json" } });
  };
}
export function answered() { return globalThis.__answered; }
export function unrouted() { return JSON.stringify(globalThis.__unrouted); }
export function page_errors() { return JSON.stringify(globalThis.__page_errors); }
export function set_routes(routes) { globalThis.__routes = JSON.parse(routes); }
export function requests() { return JSON.stringify(globalThis.__requests); }
"#)]
extern "C" {
    pub fn install_fetch(routes: &str);
    pub fn set_routes(routes: &str);
    pub fn requests() -> String;
    /// How many fake answers were delivered (delayed ones count when they arrive).
    pub fn answered() -> u32;
    fn unrouted() -> String;
    fn page_errors() -> String;
}

/// Requests that no fake route answered (each one is a test failure: see [`Mounted`]'s drop).
pub fn unrouted_requests() -> Vec<String> {
    serde_json::from_str(&unrouted()).unwrap()
}

/// Uncaught errors and unhandled rejections in the page since the fake was installed (a
/// panic in a task shows here).
pub fn uncaught_errors() -> Vec<String> {
    serde_json::from_str(&page_errors()).unwrap()
}

/// `answer` delivered only after `ms` milliseconds.
pub fn delayed(ms: u32, answer: Value) -> Value {
    let mut answer = answer;
    answer["delay_ms"] = ms.into();
    answer
}

/// A fake answer with `status` and a JSON body.
pub fn answer(status: u16, body: &Value) -> Value {
    json!({"status": status, "body": body.to_string()})
}

pub fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

pub async fn sleep(ms: u64) {
    gloo_timers::future::sleep(Duration::from_millis(ms)).await;
}

/// Waits for the next animation frame: by then every microtask and effect that the last event
/// scheduled has run, so what did not happen yet will not happen.
pub async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits up to 10 s for `check` to hold (a busy CI machine is slow; a pass returns at once).
pub async fn wait_for(what: &str, check: impl Fn() -> bool) {
    for _ in 0..500 {
        if check() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for {what}");
}

/// A mounted editor in a fresh host element. Dropping it (at the end of a test) unmounts the
/// editor, so nothing it started reaches the next test, and fails the test if any request
/// found no fake route.
pub struct Mounted {
    /// The host element.
    pub host: HtmlElement,
    /// Keeps the editor mounted.
    pub handle: rubric_editor::EditorHandle,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.handle.unmount();
        self.host.remove();
        if !std::thread::panicking() {
            let unrouted = unrouted_requests();
            assert!(
                unrouted.is_empty(),
                "requests no fake route answers: {unrouted:?}"
            );
        }
    }
}

impl Mounted {
    /// The control whose accessible name is `label`: its `aria-label`, or the text of a
    /// `<label for>`.
    pub fn by_label(&self, label: &str) -> Option<HtmlElement> {
        let named = self
            .host
            .query_selector(&format!("[aria-label=\"{label}\"]"))
            .unwrap();
        let labelled = || {
            let labels = self.host.query_selector_all("label[for]").unwrap();
            (0..labels.length())
                .filter_map(|i| labels.item(i))
                .map(|l| l.unchecked_into::<web_sys::Element>())
                .find(|l| l.text_content().unwrap_or_default().trim() == label)
                .and_then(|l| document().get_element_by_id(&l.get_attribute("for")?))
        };
        named.or_else(labelled).map(|e| e.unchecked_into())
    }

    pub fn input(&self, label: &str) -> HtmlInputElement {
        self.by_label(label)
            .unwrap_or_else(|| panic!("no control {label:?}"))
            .unchecked_into()
    }

    pub fn button(&self, text: &str) -> HtmlElement {
        let buttons = self.host.query_selector_all("button").unwrap();
        (0..buttons.length())
            .filter_map(|i| buttons.item(i))
            .map(|b| b.unchecked_into::<HtmlElement>())
            .find(|b| {
                b.get_attribute("aria-label").as_deref() == Some(text)
                    || b.text_content().as_deref() == Some(text)
            })
            .unwrap_or_else(|| panic!("no button {text:?}"))
    }

    pub fn text(&self) -> String {
        self.host.text_content().unwrap_or_default()
    }

    pub fn type_into(&self, label: &str, value: &str) {
        let input = self.input(label);
        input.set_value(value);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        input
            .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
            .unwrap();
    }

    pub fn status(&self) -> String {
        self.host
            .query_selector("[role=status]")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap_or_default()
    }
}

/// Installs `routes` as the fake Canvas, clears local storage and mounts an editor with
/// `mount(host, options)` into a new host element.
pub fn mount_with(routes: &Value, options: &Value, mount: MountFn) -> Mounted {
    // A test that failed never dropped its editor: take its host (and any open modal dialog,
    // which would make the page inert) out of the page so that the failure stays its own.
    let leftovers = document().query_selector_all("[data-test-host]").unwrap();
    for i in 0..leftovers.length() {
        leftovers
            .item(i)
            .unwrap()
            .unchecked_into::<web_sys::Element>()
            .remove();
    }
    install_fetch(&routes.to_string());
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
    remount(options, mount)
}

/// A `mount*` function of the JavaScript API.
pub type MountFn = fn(HtmlElement, JsValue) -> Result<rubric_editor::EditorHandle, JsValue>;

/// Mounts an editor into a new host element, keeping the fake Canvas and local storage (a
/// reload of the page).
pub fn remount(options: &Value, mount: MountFn) -> Mounted {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    host.set_attribute("data-test-host", "").unwrap();
    document().body().unwrap().append_child(&host).unwrap();
    let options = js_sys::JSON::parse(&options.to_string()).unwrap();
    let handle = mount(host.clone(), options).unwrap();
    Mounted { host, handle }
}

/// Every request the page sent to the fake Canvas.
pub fn sent() -> Vec<Value> {
    serde_json::from_str(&requests()).unwrap()
}

/// The accessible name of the focused element.
pub fn active_label() -> String {
    document()
        .active_element()
        .and_then(|e| e.get_attribute("aria-label"))
        .unwrap_or_default()
}

/// The button `label` of the open dialog, once a dialog with it is open.
fn dialog_button(mounted: &Mounted, label: &str) -> Option<HtmlElement> {
    let dialog = mounted.host.query_selector("dialog[open]").unwrap()?;
    let buttons = dialog.query_selector_all("button").unwrap();
    (0..buttons.length())
        .filter_map(|i| buttons.item(i))
        .map(|b| b.unchecked_into::<HtmlElement>())
        .find(|b| b.text_content().as_deref() == Some(label))
}

/// Clicks `label` in the open dialog, waiting until a dialog with that button is open.
pub async fn confirm_dialog(mounted: &Mounted, label: &str) {
    wait_for(&format!("an open dialog with {label:?}"), || {
        dialog_button(mounted, label).is_some()
    })
    .await;
    dialog_button(mounted, label).unwrap().click();
}
