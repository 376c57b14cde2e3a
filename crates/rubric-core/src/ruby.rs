//! Ruby's spellings of values, which Canvas puts into messages, ids and CSV cells.
use crate::decimal::{parse_literal, shortest_digits};

/// `Float#to_s` as Ruby prints it: `1.0`, `2.5`, `0.6667`, `1.0e+16`.
pub fn float_to_s(value: f64) -> String {
    if !value.is_finite() {
        return if value.is_nan() {
            "NaN".into()
        } else if value > 0.0 {
            "Infinity".into()
        } else {
            "-Infinity".into()
        };
    }
    let sign = if value.is_sign_negative() { "-" } else { "" };
    if value == 0.0 {
        return format!("{sign}0.0");
    }
    let (digits, exponent) = shortest_digits(value);
    let abs = value.abs();
    if !(1e-4..1e16).contains(&abs) {
        // Scientific, with at least one decimal and a two-digit exponent: `1.0e+16`.
        let (first, rest) = digits.split_at(1);
        let rest = if rest.is_empty() { "0" } else { rest };
        let exponent_sign = if exponent < 0 { '-' } else { '+' };
        return format!("{sign}{first}.{rest}e{exponent_sign}{:02}", exponent.abs());
    }
    if exponent < 0 {
        let zeros = "0".repeat((-exponent - 1) as usize);
        return format!("{sign}0.{zeros}{digits}");
    }
    let point = exponent as usize + 1;
    if digits.len() <= point {
        let zeros = "0".repeat(point - digits.len());
        format!("{sign}{digits}{zeros}.0")
    } else {
        let (whole, fraction) = digits.split_at(point);
        format!("{sign}{whole}.{fraction}")
    }
}

/// A number as a person types it: `4`, `2.5`, never `4.0`.
pub fn number_to_input(value: f64) -> String {
    let text = float_to_s(value);
    text.strip_suffix(".0").map(str::to_string).unwrap_or(text)
}

/// `String#to_i`: optional sign and leading digits, else 0 (`"10"` is 10, `"fred"` is 0).
pub fn str_to_i(text: &str) -> i64 {
    let trimmed = text.trim_start();
    let (sign, digits) = match trimmed.as_bytes().first() {
        Some(b'-') => (-1, &trimmed[1..]),
        Some(b'+') => (1, &trimmed[1..]),
        _ => (1, trimmed),
    };
    let end = digits
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(digits.len());
    digits[..end]
        .parse::<i64>()
        .map(|n| sign * n)
        .unwrap_or(if end == 0 { 0 } else { sign * i64::MAX })
}

/// `Float#round(digits)` as Ruby computes it (`round_half_up` in `float.c`): half away from
/// zero, corrected for products that fall just short of the half (`2.345.round(2)` is 2.35).
pub fn round_to(value: f64, digits: i32) -> f64 {
    let factor = 10f64.powi(digits);
    let mut rounded = (value * factor).round();
    if digits > 0 {
        if value > 0.0 && (rounded + 0.5) / factor <= value {
            rounded += 1.0;
        } else if value < 0.0 && (rounded - 0.5) / factor >= value {
            rounded -= 1.0;
        }
    }
    let result = rounded / factor;
    if result.is_finite() {
        result
    } else {
        value
    }
}

/// ActiveModel's boolean cast: `false, 0, "0", "f", "F", "false", "FALSE", "off", "OFF"` are
/// false, `""` and null are `None`, everything else is true.
pub fn cast_boolean(value: &serde_json::Value) -> Option<bool> {
    use serde_json::Value;
    match value {
        Value::Null => None,
        Value::Bool(b) => Some(*b),
        Value::Number(n) => Some(n.as_f64() != Some(0.0)),
        Value::String(s) if s.is_empty() => None,
        Value::String(s) => Some(!matches!(
            s.as_str(),
            "0" | "f" | "F" | "false" | "FALSE" | "off" | "OFF"
        )),
        _ => Some(true),
    }
}

/// `String#to_f`: the longest leading decimal number (`"3abc"` is 3.0), else 0.0.
pub fn str_to_f(text: &str) -> f64 {
    let text = text.trim_start();
    let bytes = text.as_bytes();
    let mut end = 0;
    if matches!(bytes.first(), Some(b'+' | b'-')) {
        end = 1;
    }
    let digits_from = |mut i: usize| {
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        i
    };
    let whole_end = digits_from(end);
    let mut best = if whole_end > end { whole_end } else { 0 };
    if bytes.get(whole_end) == Some(&b'.') {
        let fraction_end = digits_from(whole_end + 1);
        if fraction_end > whole_end + 1 && whole_end > end {
            best = fraction_end;
        }
    }
    if best > 0 && matches!(bytes.get(best), Some(b'e' | b'E')) {
        let mut exp = best + 1;
        if matches!(bytes.get(exp), Some(b'+' | b'-')) {
            exp += 1;
        }
        let exp_end = digits_from(exp);
        if exp_end > exp {
            best = exp_end;
        }
    }
    parse_literal(&text[..best])
        .filter(|v| v.is_finite())
        .unwrap_or(0.0)
}
