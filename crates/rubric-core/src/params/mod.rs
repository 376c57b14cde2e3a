//! The Rails/Rack bracket-parameter codec: `ratings[][points]=4` and
//! `rubric[criteria][0][ratings][1][points]=4`, to and from a JSON value tree.
//!
//! Form bodies decode to objects, arrays, strings and nulls (a pair without `=`), exactly as
//! Rack's `normalize_params` builds them, so a server decoding with this module sees what
//! Canvas sees. JSON bodies are already such trees, so one tree type serves both.
mod decode;
mod encode;
mod percent;

pub use decode::{decode, DecodeError, MAX_DEPTH};
pub use encode::{encode, EncodeError};

use serde_json::{Map, Value};

/// The entries of an index-keyed hash (`criteria[0]`, `criteria[1]`, `criteria[10]`) in
/// Canvas's order: by the key's integer value (`String#to_i`, so `"fred"` is 0), ties in
/// insertion order.
pub fn indexed_entries(map: &Map<String, Value>) -> Vec<(&String, &Value)> {
    let mut entries: Vec<(&String, &Value)> = map.iter().collect();
    entries.sort_by_key(|(key, _)| crate::ruby::str_to_i(key));
    entries
}

/// An index-keyed hash (`{"0": a, "1": b}`) from a list, as Canvas wants criteria and ratings.
pub fn index_keyed(items: impl IntoIterator<Item = Value>) -> Value {
    Value::Object(
        items
            .into_iter()
            .enumerate()
            .map(|(i, v)| (i.to_string(), v))
            .collect(),
    )
}
