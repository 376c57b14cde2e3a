use wasm_bindgen::JsCast;

/// Offers `text` to the user as a file download named `filename` (a Blob URL and a temporary
/// link, released right after the click).
pub fn download_text(filename: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |what: &str| format!("The file could not be prepared ({what}).");
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| fail("blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("url"))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("document"))?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("link"))?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(filename);
    link.set_attribute("hidden", "").ok();
    if let Some(body) = document.body() {
        body.append_child(&link).ok();
        link.click();
        body.remove_child(&link).ok();
    }
    web_sys::Url::revoke_object_url(&url).ok();
    Ok(())
}

/// A file name made from a title: letters, digits, spaces, `-` and `_` kept, the rest dropped.
pub fn file_name(title: &str, extension: &str) -> String {
    let stem: String = title
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .collect();
    let stem = stem.trim();
    format!(
        "{}.{extension}",
        if stem.is_empty() { "rubric" } else { stem }
    )
}
