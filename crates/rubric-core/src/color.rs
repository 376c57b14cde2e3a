//! Colours as Canvas stores them (six hex digits, no `#`), the input normaliser, and WCAG 2
//! contrast: relative luminance, contrast ratio and readable text colour.
use std::fmt;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb {
    /// Red, 0..=255.
    pub r: u8,
    /// Green, 0..=255.
    pub g: u8,
    /// Blue, 0..=255.
    pub b: u8,
}

/// Why typed colour input could not be normalised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColorInputError {
    /// Nothing was entered.
    Empty,
    /// Not 3 or 6 hex digits (after an optional `#`).
    NotHex(String),
}

impl fmt::Display for ColorInputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ColorInputError::Empty => f.write_str("Enter a colour as six hex digits, such as 00AC18."),
            ColorInputError::NotHex(input) => write!(
                f,
                "\"{input}\" is not a colour: use six hex digits such as 00AC18 (or #00AC18, or #0A1)."
            ),
        }
    }
}

/// Whether `text` is exactly what Canvas stores: six hex digits, no `#`.
pub fn is_stored_hex(text: &str) -> bool {
    text.len() == 6 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The explicit normaliser for typed colours: accepts `#RRGGBB`, `RRGGBB`, `#RGB` and `RGB`
/// (surrounding spaces allowed) and returns Canvas's stored form, upper-case, no `#`.
pub fn normalize_hex_input(input: &str) -> Result<String, ColorInputError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(ColorInputError::Empty);
    }
    let digits = trimmed.strip_prefix('#').unwrap_or(trimmed);
    if !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(ColorInputError::NotHex(trimmed.into()));
    }
    let expanded: String = match digits.len() {
        6 => digits.into(),
        3 => digits.chars().flat_map(|c| [c, c]).collect(),
        _ => return Err(ColorInputError::NotHex(trimmed.into())),
    };
    Ok(expanded.to_ascii_uppercase())
}

impl Rgb {
    /// Parses Canvas's stored form (six hex digits, no `#`); anything else is `None`.
    pub fn from_stored_hex(text: &str) -> Option<Rgb> {
        if !is_stored_hex(text) {
            return None;
        }
        let channel = |i: usize| u8::from_str_radix(&text[i..i + 2], 16).ok();
        Some(Rgb {
            r: channel(0)?,
            g: channel(2)?,
            b: channel(4)?,
        })
    }

    /// Canvas's stored form, upper-case.
    pub fn to_stored_hex(self) -> String {
        format!("{:02X}{:02X}{:02X}", self.r, self.g, self.b)
    }

    /// White.
    pub const WHITE: Rgb = Rgb {
        r: 255,
        g: 255,
        b: 255,
    };
    /// Black.
    pub const BLACK: Rgb = Rgb { r: 0, g: 0, b: 0 };
}

/// WCAG 2 relative luminance, 0 (black) to 1 (white).
pub fn relative_luminance(color: Rgb) -> f64 {
    let linear = |channel: u8| {
        let c = f64::from(channel) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(color.r) + 0.7152 * linear(color.g) + 0.0722 * linear(color.b)
}

/// WCAG 2 contrast ratio of two colours, 1 to 21, order-independent.
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    let (light, dark) = if la >= lb { (la, lb) } else { (lb, la) };
    (light + 0.05) / (dark + 0.05)
}

/// Black or white text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextColor {
    /// Black text.
    Black,
    /// White text.
    White,
}

impl TextColor {
    /// The colour itself.
    pub fn rgb(self) -> Rgb {
        match self {
            TextColor::Black => Rgb::BLACK,
            TextColor::White => Rgb::WHITE,
        }
    }
}

/// The text colour that reads best on `background`: whichever of black and white has the
/// higher contrast (black on a tie). At least one of them always reaches 4.5:1.
pub fn readable_text_color(background: Rgb) -> TextColor {
    if contrast_ratio(background, Rgb::BLACK) >= contrast_ratio(background, Rgb::WHITE) {
        TextColor::Black
    } else {
        TextColor::White
    }
}
