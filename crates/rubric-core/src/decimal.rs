//! Decimal text for numbers, built from the shortest digits that read back as the same `f64`.
//!
//! In the browser (wasm32) the digits come from the JavaScript engine, which the ECMAScript
//! specification holds to the same shortest round-trip digits and correctly rounded parsing as
//! Rust's `{:e}` and `str::parse`; natively they come from Rust. The bundles then carry no float
//! formatting or parsing code or tables of their own, and the tests, run natively and in wasm,
//! hold both to the same answers.

/// The shortest round-trip decimal text of a finite, positive `value`, as the platform spells it
/// (`1.2345e2` in Rust, `123.45` or `1e+21` in JavaScript).
#[cfg(not(target_arch = "wasm32"))]
fn platform_text(value: f64) -> String {
    even_on_a_tie(value, format!("{value:e}"))
}

/// When `value` lies exactly halfway between two shortest spellings (185851967509747.125 between
/// ...747.12 and ...747.13), Rust takes the upper one; ECMAScript, and Ruby's and Python's dtoa,
/// take the one whose last digit is even. This gives `shortest` (Rust's `{:e}` text) the even
/// one, so that the server spells such values as Canvas and the browser do.
#[cfg(not(target_arch = "wasm32"))]
fn even_on_a_tie(value: f64, shortest: String) -> String {
    let Some((mantissa, exponent)) = shortest.split_once('e') else {
        return shortest;
    };
    let digits = mantissa.replace('.', "");
    // The exact binary value in decimal (a double never needs more than 767 digits).
    let exact = format!("{value:.800e}");
    let Some((exact_mantissa, exact_exponent)) = exact.split_once('e') else {
        return shortest;
    };
    let exact_digits = exact_mantissa.replace('.', "");
    let tie = exact_exponent == exponent
        && exact_digits.len() > digits.len()
        && exact_digits.as_bytes()[digits.len()] == b'5'
        && exact_digits.as_bytes()[digits.len() + 1..]
            .iter()
            .all(|&d| d == b'0');
    let odd = digits.bytes().last().is_some_and(|d| (d - b'0') % 2 == 1);
    let truncated = &exact_digits[..digits.len()];
    if !tie || !odd || digits == truncated {
        return shortest;
    }
    // Rust rounded the tie up: the truncated digits are the even spelling, if they read back.
    let candidate = match truncated.split_at(1) {
        (first, "") => format!("{first}e{exponent}"),
        (first, rest) => format!("{first}.{rest}e{exponent}"),
    };
    if candidate.parse::<f64>() == Ok(value) {
        candidate
    } else {
        shortest
    }
}

#[cfg(target_arch = "wasm32")]
fn platform_text(value: f64) -> String {
    js_sys::Number::from(value)
        .to_string_with_radix(10)
        .map(String::from)
        .unwrap_or_default()
}

/// A decimal literal (digits with an optional point, sign and exponent, already checked) as the
/// nearest `f64`.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn parse_literal(text: &str) -> Option<f64> {
    text.parse().ok()
}

#[cfg(target_arch = "wasm32")]
pub(crate) fn parse_literal(text: &str) -> Option<f64> {
    let value = js_sys::Number::parse_float(text);
    (!value.is_nan()).then_some(value)
}

/// The shortest decimal digits that read back as `value` (finite, not zero; its sign is
/// ignored), without leading or trailing zeros, and the power of ten of the first digit:
/// 1234.5 is `("12345", 3)`, 0.05 is `("5", -2)`.
pub(crate) fn shortest_digits(value: f64) -> (String, i32) {
    let text = platform_text(value.abs());
    let (mantissa, exponent) = match text.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, exponent.parse::<i32>().unwrap_or(0)),
        None => (text.as_str(), 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all = format!("{whole}{fraction}");
    let significant = all.trim_start_matches('0');
    let leading_zeros = (all.len() - significant.len()) as i32;
    let digits = significant.trim_end_matches('0');
    let first = whole.len() as i32 + exponent - leading_zeros - 1;
    (digits.to_string(), first)
}

/// `value` with exactly `places` decimals, rounded half away from zero: `fixed(4.48, 1)` is
/// `"4.5"`, `fixed(21.0, 1)` is `"21.0"`. For figures shown to people (contrast ratios), not
/// for values read back.
pub fn fixed(value: f64, places: u32) -> String {
    let scale = 10_u64.pow(places);
    let scaled = (value.abs() * scale as f64).round() as u64;
    let sign = if value < 0.0 && scaled != 0 { "-" } else { "" };
    let whole = scaled / scale;
    if places == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = format!("{:0width$}", scaled % scale, width = places as usize);
    format!("{sign}{whole}.{fraction}")
}
