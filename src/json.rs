//! JSON in the browser through the browser's own `JSON.parse` and `JSON.stringify`, with
//! serde-wasm-bindgen between JavaScript values and Rust types: the bundle carries no JSON
//! parser or number formatter of its own.
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::JsValue;

/// `JSON.parse(text)`, or `None` when the text is not JSON.
pub fn parse(text: &str) -> Option<JsValue> {
    js_sys::JSON::parse(text).ok()
}

/// `JSON.stringify(value)`; values JSON cannot hold give an empty string.
pub fn stringify(value: &JsValue) -> String {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_default()
}

/// A JavaScript value as a Rust type, or what did not fit.
pub fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T, String> {
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}

/// JSON text as a Rust type, or why it could not be read.
pub fn from_text<T: DeserializeOwned>(text: &str) -> Result<T, String> {
    from_js(parse(text).ok_or("not JSON")?)
}

/// A Rust value as a plain JavaScript value (objects, not `Map`s), as JSON would give it.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> JsValue {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap_or(JsValue::NULL)
}

/// A plain object of the given fields, in order.
pub fn object(fields: &[(&str, JsValue)]) -> JsValue {
    let object = js_sys::Object::new();
    for (key, value) in fields {
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), value);
    }
    object.into()
}

/// A non-negative whole number JavaScript holds exactly (an id), or `None`.
pub fn id(value: &JsValue) -> Option<u64> {
    let number = value.as_f64()?;
    (number >= 0.0 && number.fract() == 0.0 && number <= 9_007_199_254_740_991.0)
        .then_some(number as u64)
}

/// `value[key]`, `undefined` when absent or when `value` is not an object.
pub fn get(value: &JsValue, key: &str) -> JsValue {
    if !value.is_object() {
        return JsValue::UNDEFINED;
    }
    js_sys::Reflect::get(value, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}
