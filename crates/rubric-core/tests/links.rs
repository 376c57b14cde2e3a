//! The Link header as Canvas writes it.
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use rubric_core::links::{parse_link_header, path_and_query};

#[test]
fn canvas_link_headers_parse_into_relations() {
    let header =
        "<https://canvas.example/api/v1/courses/1/rubrics?page=2&per_page=3>; rel=\"current\",\
<https://canvas.example/api/v1/courses/1/rubrics?page=3&per_page=3>; rel=\"next\",\
<https://canvas.example/api/v1/courses/1/rubrics?page=1&per_page=3>; rel=\"prev\",\
<https://canvas.example/api/v1/courses/1/rubrics?page=1&per_page=3>; rel=\"first\"";
    let links = parse_link_header(header);
    assert_eq!(
        links.next.as_deref(),
        Some("https://canvas.example/api/v1/courses/1/rubrics?page=3&per_page=3")
    );
    assert_eq!(
        links.prev.as_deref(),
        Some("https://canvas.example/api/v1/courses/1/rubrics?page=1&per_page=3")
    );
    assert!(links.last.is_none(), "Canvas may leave out last");
}

#[test]
fn spaces_commas_in_urls_and_garbage_are_tolerated() {
    let links = parse_link_header(" <http://h/x?a=1,2>;rel=next , <broken; rel=\"last\"");
    assert_eq!(links.next.as_deref(), Some("http://h/x?a=1,2"));
    assert_eq!(parse_link_header("nonsense"), Default::default());
}

#[test]
fn links_are_followed_by_path_so_proxies_work() {
    assert_eq!(
        path_and_query("https://canvas.example/api/v1/x?page=2"),
        "/api/v1/x?page=2"
    );
    assert_eq!(path_and_query("/api/v1/x"), "/api/v1/x");
    assert_eq!(path_and_query("http://host"), "/");
}
