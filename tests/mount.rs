//! The first page mounts into a given element and shows the core at work.
#![cfg(target_arch = "wasm32")]
use leptos::{mount::mount_to, prelude::*, task::tick};
use rubric_core::Proficiency;
use rubric_editor::ScalePreview;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn wrapper() -> web_sys::HtmlElement {
    let document = document();
    let element = document.create_element("section").unwrap();
    document.body().unwrap().append_child(&element).unwrap();
    element.unchecked_into()
}

#[wasm_bindgen_test]
async fn preview_mounts_into_the_given_element_with_readable_text() {
    let host = wrapper();
    let _handle = mount_to(
        host.clone(),
        || view! { <ScalePreview scale=Proficiency::canvas_default() /> },
    );
    tick().await;
    let rows = host.query_selector_all("tbody tr").unwrap();
    assert_eq!(rows.length(), 5);
    let yellow = host
        .query_selector("tbody tr:nth-child(3) th")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    assert_eq!(yellow.text_content().unwrap(), "Near Mastery");
    let computed = window().get_computed_style(&yellow).unwrap().unwrap();
    assert_eq!(
        computed.get_property_value("color").unwrap(),
        "rgb(0, 0, 0)"
    );
    assert_eq!(
        computed.get_property_value("background-color").unwrap(),
        "rgb(250, 185, 1)"
    );
    assert!(host.text_content().unwrap().contains("with black text"));
}
