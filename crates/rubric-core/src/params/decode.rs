use std::fmt;

use serde_json::{Map, Value};

use super::percent::{unescape, UnescapeError};

/// Deepest bracket nesting accepted (Rack's `param_depth_limit`).
pub const MAX_DEPTH: usize = 32;

/// Why a form body could not be decoded. Names the pair (1-based) and says what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodeError {
    /// Which `&`-separated pair, counting from 1.
    pub pair: usize,
    /// The pair's name, as far as it could be read.
    pub name: String,
    /// What is wrong.
    pub kind: DecodeErrorKind,
}

/// The kinds of [`DecodeError`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeErrorKind {
    /// A `%` not followed by two hex digits, at this byte of the name or value.
    InvalidPercentEncoding {
        /// In the value (else the name).
        in_value: bool,
        /// Byte offset within the name or value.
        offset: usize,
    },
    /// The name or value is not UTF-8 once unescaped.
    NotUtf8 {
        /// In the value (else the name).
        in_value: bool,
    },
    /// More than [`MAX_DEPTH`] levels of brackets.
    TooDeep,
    /// `key[]` used where `key` already holds something else.
    ExpectedArray {
        /// The key.
        key: String,
        /// Ruby's class name of what is there.
        got: &'static str,
    },
    /// `key[sub]` used where `key` already holds something else.
    ExpectedHash {
        /// The key.
        key: String,
        /// Ruby's class name of what is there.
        got: &'static str,
    },
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let part = |in_value: bool| if in_value { "value" } else { "name" };
        write!(f, "parameter {} (`{}`): ", self.pair, self.name)?;
        match &self.kind {
            DecodeErrorKind::InvalidPercentEncoding { in_value, offset } => write!(
                f,
                "invalid %-encoding in the {} at byte {offset}: '%' must be followed by two hex digits",
                part(*in_value)
            ),
            DecodeErrorKind::NotUtf8 { in_value } => {
                write!(f, "the {} is not valid UTF-8 once decoded", part(*in_value))
            }
            DecodeErrorKind::TooDeep => write!(f, "nested more than {MAX_DEPTH} levels deep"),
            DecodeErrorKind::ExpectedArray { key, got } => {
                write!(f, "expected Array (got {got}) for param `{key}'")
            }
            DecodeErrorKind::ExpectedHash { key, got } => {
                write!(f, "expected Hash (got {got}) for param `{key}'")
            }
        }
    }
}

impl std::error::Error for DecodeError {}

/// Decodes an `application/x-www-form-urlencoded` body into a parameter tree exactly as Rack
/// (and so Canvas) does, with Rails' rule that `key[]` without `=` is an empty array.
/// Never panics; malformed input gives a [`DecodeError`] that names the pair.
pub fn decode(body: &[u8]) -> Result<Map<String, Value>, DecodeError> {
    let mut params = Map::new();
    for (index, pair) in body.split(|&b| b == b'&').enumerate() {
        let start = pair.iter().position(|&b| b != b' ').unwrap_or(pair.len());
        let pair = &pair[start..];
        if pair.is_empty() {
            continue;
        }
        let (raw_name, raw_value) = match pair.iter().position(|&b| b == b'=') {
            Some(at) => (&pair[..at], Some(&pair[at + 1..])),
            None => (pair, None),
        };
        let fail = |name: String, kind| DecodeError {
            pair: index + 1,
            name,
            kind,
        };
        let lossy = || String::from_utf8_lossy(&raw_name[..raw_name.len().min(80)]).into_owned();
        let name = unescape(raw_name).map_err(|e| fail(lossy(), unescape_kind(e, false)))?;
        let value = match raw_value {
            Some(raw) => {
                Value::String(unescape(raw).map_err(|e| fail(lossy(), unescape_kind(e, true)))?)
            }
            None => Value::Null,
        };
        normalize(&mut params, &name, value, 0)
            .map_err(|kind| fail(name.chars().take(80).collect(), kind))?;
    }
    Ok(params)
}

fn unescape_kind(error: UnescapeError, in_value: bool) -> DecodeErrorKind {
    match error {
        UnescapeError::BadPercent(offset) => {
            DecodeErrorKind::InvalidPercentEncoding { in_value, offset }
        }
        UnescapeError::NotUtf8 => DecodeErrorKind::NotUtf8 { in_value },
    }
}

fn ruby_class(value: &Value) -> &'static str {
    match value {
        Value::Null => "NilClass",
        Value::Bool(true) => "TrueClass",
        Value::Bool(false) => "FalseClass",
        Value::Number(_) => "Numeric",
        Value::String(_) => "String",
        Value::Array(_) => "Array",
        Value::Object(_) => "Hash",
    }
}

/// Splits a name at its first nesting step, as Rack's `normalize_params` does.
fn split_name(name: &str, depth: usize) -> (&str, &str) {
    if depth == 0 {
        let first = name.chars().next().map_or(0, char::len_utf8);
        match name[first..].find('[') {
            Some(at) => (&name[..first + at], &name[first + at..]),
            None => (name, ""),
        }
    } else if let Some(after) = name.strip_prefix("[]") {
        ("[]", after)
    } else if let Some(close) = name.strip_prefix('[').and_then(|rest| rest.find(']')) {
        (&name[1..close + 1], &name[close + 2..])
    } else {
        (name, "")
    }
}

/// Rack's `params_hash_has_key?`: whether the path `key` (`a`, `[a][b]`) exists in `hash`.
pub(super) fn has_key(hash: &Map<String, Value>, key: &str) -> bool {
    if key.contains("[]") {
        return false;
    }
    let mut current = hash;
    let mut parts = key.split(['[', ']']).filter(|p| !p.is_empty()).peekable();
    while let Some(part) = parts.next() {
        match current.get(part) {
            None => return false,
            Some(Value::Object(next)) => current = next,
            Some(_) if parts.peek().is_none() => return true,
            Some(_) => return false,
        }
    }
    true
}

/// Rack's `normalize_params`. Returns `Some([v])` in Rack's one case that yields an array
/// instead of the hash (`[]` at the end of a nested name).
fn normalize(
    params: &mut Map<String, Value>,
    name: &str,
    value: Value,
    depth: usize,
) -> Result<Option<Value>, DecodeErrorKind> {
    if depth >= MAX_DEPTH {
        return Err(DecodeErrorKind::TooDeep);
    }
    let (key, after) = split_name(name, depth);
    if key.is_empty() {
        return Ok(None);
    }
    if after.is_empty() {
        if key == "[]" && depth != 0 {
            return Ok(Some(Value::Array(
                without_null(value).into_iter().collect(),
            )));
        }
        params.insert(key.to_string(), value);
    } else if after == "[" {
        params.insert(name.to_string(), value);
    } else if after == "[]" {
        let array = array_at(params, key)?;
        array.extend(without_null(value));
    } else if let Some(rest) = after.strip_prefix("[]") {
        let child = rest
            .strip_prefix('[')
            .and_then(|r| r.strip_suffix(']'))
            .filter(|c| !c.is_empty() && !c.contains(['[', ']']))
            .unwrap_or(rest);
        let array = array_at(params, key)?;
        match array.last_mut() {
            Some(Value::Object(last)) if !has_key(last, child) => {
                normalize(last, child, value, depth + 1)?;
            }
            _ => {
                let mut fresh = Map::new();
                let made = normalize(&mut fresh, child, value, depth + 1)?;
                array.push(made.unwrap_or(Value::Object(fresh)));
            }
        }
    } else {
        let entry = params
            .entry(key.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
        let Value::Object(inner) = entry else {
            return Err(DecodeErrorKind::ExpectedHash {
                key: key.to_string(),
                got: ruby_class(entry),
            });
        };
        if let Some(replacement) = normalize(inner, after, value, depth + 1)? {
            *entry = replacement;
        }
    }
    Ok(None)
}

/// Rails' `deep_munge` drops nils from arrays, so `key[]` without `=` is `[]`.
fn without_null(value: Value) -> Option<Value> {
    (!value.is_null()).then_some(value)
}

fn array_at<'a>(
    params: &'a mut Map<String, Value>,
    key: &str,
) -> Result<&'a mut Vec<Value>, DecodeErrorKind> {
    let entry = params
        .entry(key.to_string())
        .or_insert_with(|| Value::Array(Vec::new()));
    match entry {
        Value::Array(array) => Ok(array),
        other => Err(DecodeErrorKind::ExpectedArray {
            key: key.to_string(),
            got: ruby_class(other),
        }),
    }
}
