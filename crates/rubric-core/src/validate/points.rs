/// Why a points value is not acceptable.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointsError {
    /// Nothing was entered.
    Blank,
    /// Not a decimal number (`abc`, `1,5`, `NaN`, `inf`).
    NotANumber,
    /// Below zero.
    Negative,
}

/// Parses points as Canvas's numericality check does: a plain decimal number such as `4`,
/// `2.5`, `.5` or `1e2`, surrounding spaces allowed; finite and at least 0.
pub fn parse_points(text: &str) -> Result<f64, PointsError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(PointsError::Blank);
    }
    let unsigned = text.strip_prefix(['+', '-']).unwrap_or(text);
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(at) => (&unsigned[..at], Some(&unsigned[at + 1..])),
        None => (unsigned, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok =
        digits(whole) && digits(fraction) && !(whole.is_empty() && fraction.is_empty());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    if !mantissa_ok || !exponent_ok {
        return Err(PointsError::NotANumber);
    }
    match crate::decimal::parse_literal(text) {
        Some(value) if !value.is_finite() => Err(PointsError::NotANumber),
        Some(value) if value < 0.0 => Err(PointsError::Negative),
        Some(value) => Ok(value + 0.0),
        None => Err(PointsError::NotANumber),
    }
}
