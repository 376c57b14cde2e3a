//! Canvas's request parameters for each endpoint: how the editors build them and how the
//! server reads them back, with Canvas's coercions. Both sides call these functions, so a
//! request the editor sends is exactly what the server parses.
mod association;
mod html;
mod proficiency;
mod rubric;

pub use association::{association_form, association_save_form, AssociationSettings};
pub use html::{format_message, plain_text};
pub use proficiency::{proficiency_form, read_proficiency_form};
pub use rubric::{read_rubric_form, rubric_form, rubric_save_form, RubricContext, RubricInput};

use std::fmt;

use serde_json::Value;

/// A request parameter that is missing or has the wrong shape. The server answers 400 with it
/// (where Canvas itself would crash with a 500).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParamError {
    /// The parameter, in bracket form (`rubric[criteria][0][ratings]`).
    pub param: String,
    /// What is wrong and what was expected.
    pub message: String,
}

impl ParamError {
    pub(crate) fn new(param: impl Into<String>, message: impl Into<String>) -> Self {
        ParamError {
            param: param.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ParamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.param, self.message)
    }
}

impl std::error::Error for ParamError {}

/// A scalar parameter as text: strings as they are, numbers and booleans spelled out, null and
/// absence as `None`. Arrays and hashes are an error.
pub(crate) fn text(value: Option<&Value>, param: &str) -> Result<Option<String>, ParamError> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) => Ok(Some(n.to_string())),
        Some(Value::Bool(b)) => Ok(Some(b.to_string())),
        Some(_) => Err(ParamError::new(
            param,
            "must be a single value, not a list or hash",
        )),
    }
}

/// Like [`text`] but numbers and booleans are refused too (Canvas calls `String` methods on
/// them and crashes).
pub(crate) fn string(value: Option<&Value>, param: &str) -> Result<Option<String>, ParamError> {
    match value {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(ParamError::new(param, "must be a string")),
    }
}
