use std::fmt;

use serde_json::{Map, Value};

use super::decode::{has_key, MAX_DEPTH};
use super::percent::escape;

/// Why a value cannot be form-encoded so that Rack decodes it back to the same value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EncodeError {
    /// A key is empty or contains `[` or `]`.
    BadKey(String),
    /// An empty hash has no form encoding.
    EmptyHash(String),
    /// Arrays directly inside arrays have no unambiguous form encoding.
    NestedArray(String),
    /// A null inside an array is dropped by Rails.
    NullInArray(String),
    /// An element of an array of hashes would merge into the element before it (Rack starts a
    /// new element only when the element's first key repeats a key of the previous one).
    AmbiguousArray(String),
    /// Nested deeper than the decoder accepts.
    TooDeep(String),
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EncodeError::BadKey(k) => write!(f, "key `{k}` is empty or contains a bracket"),
            EncodeError::EmptyHash(p) => write!(f, "`{p}` is an empty hash, which has no form encoding"),
            EncodeError::NestedArray(p) => write!(f, "`{p}` is an array inside an array"),
            EncodeError::NullInArray(p) => write!(f, "`{p}` holds a null, which Rails drops"),
            EncodeError::AmbiguousArray(p) => write!(
                f,
                "the elements of `{p}` do not all start with a key of the element before, so Rack would merge them"
            ),
            EncodeError::TooDeep(p) => write!(f, "`{p}` is nested more than {MAX_DEPTH} levels deep"),
        }
    }
}

impl std::error::Error for EncodeError {}

/// Form-encodes a parameter tree as Rails/Canvas expects (`a[b][]=1&a[c][][d]=2`), escaped per
/// `application/x-www-form-urlencoded`. Strings, numbers and booleans become text, null a name
/// without `=`, an empty array `name[]` without `=`. Fails rather than emit a body Rack would
/// read differently; for strings and nulls, `decode(encode(x)) == x`.
pub fn encode(params: &Map<String, Value>) -> Result<String, EncodeError> {
    let mut pairs = Vec::new();
    for (key, value) in params {
        check_key(key)?;
        walk(key.clone(), 0, value, &mut pairs)?;
    }
    let mut out = String::new();
    for (name, value) in pairs {
        if !out.is_empty() {
            out.push('&');
        }
        escape(&name, &mut out);
        if let Some(value) = value {
            out.push('=');
            escape(&value, &mut out);
        }
    }
    Ok(out)
}

fn check_key(key: &str) -> Result<(), EncodeError> {
    if key.is_empty() || key.contains(['[', ']']) {
        return Err(EncodeError::BadKey(key.into()));
    }
    Ok(())
}

fn scalar(value: &Value) -> Option<Option<String>> {
    match value {
        Value::Null => Some(None),
        Value::Bool(b) => Some(Some(b.to_string())),
        Value::Number(n) => Some(Some(n.to_string())),
        Value::String(s) => Some(Some(s.clone())),
        _ => None,
    }
}

type Pairs = Vec<(String, Option<String>)>;

fn walk(name: String, depth: usize, value: &Value, pairs: &mut Pairs) -> Result<(), EncodeError> {
    if depth >= MAX_DEPTH {
        return Err(EncodeError::TooDeep(name));
    }
    match value {
        Value::Object(map) => {
            if map.is_empty() {
                return Err(EncodeError::EmptyHash(name));
            }
            for (key, inner) in map {
                check_key(key)?;
                walk(format!("{name}[{key}]"), depth + 1, inner, pairs)?;
            }
        }
        Value::Array(items) => {
            if items.is_empty() {
                pairs.push((format!("{name}[]"), None));
            }
            let mut previous: Option<&Map<String, Value>> = None;
            for item in items {
                match item {
                    Value::Array(_) => return Err(EncodeError::NestedArray(name)),
                    Value::Null => return Err(EncodeError::NullInArray(name)),
                    Value::Object(map) => {
                        let mut leaves = Vec::new();
                        walk(String::new(), depth + 1, item, &mut leaves)?;
                        if let (Some(prev), Some((first, _))) = (previous, leaves.first()) {
                            if !has_key(prev, first) {
                                return Err(EncodeError::AmbiguousArray(name));
                            }
                        }
                        pairs.extend(
                            leaves
                                .into_iter()
                                .map(|(leaf, v)| (format!("{name}[]{leaf}"), v)),
                        );
                        previous = Some(map);
                    }
                    other => {
                        pairs.push((format!("{name}[]"), scalar(other).flatten()));
                        previous = None;
                    }
                }
            }
        }
        other => pairs.push((name, scalar(other).flatten())),
    }
    Ok(())
}
