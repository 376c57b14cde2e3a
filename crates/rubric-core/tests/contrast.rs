//! WCAG contrast and the colour input normaliser.
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use proptest::prelude::*;
use rubric_core::color::{is_stored_hex, normalize_hex_input, ColorInputError};
use rubric_core::{
    contrast_ratio, readable_text_color, relative_luminance, Proficiency, Rgb, TextColor,
};

fn rgb(hex: &str) -> Rgb {
    Rgb::from_stored_hex(hex).unwrap()
}

#[test]
fn luminance_of_black_white_and_primaries() {
    assert_eq!(relative_luminance(Rgb::BLACK), 0.0);
    assert!((relative_luminance(Rgb::WHITE) - 1.0).abs() < 1e-12);
    assert!((relative_luminance(rgb("FF0000")) - 0.2126).abs() < 1e-4);
    assert!((relative_luminance(rgb("00FF00")) - 0.7152).abs() < 1e-4);
}

#[test]
fn contrast_ratio_matches_known_wcag_values() {
    assert!((contrast_ratio(Rgb::BLACK, Rgb::WHITE) - 21.0).abs() < 1e-9);
    assert_eq!(contrast_ratio(rgb("777777"), rgb("777777")), 1.0);
    // #767676 on white is the classic 4.54:1 grey.
    let ratio = contrast_ratio(rgb("767676"), Rgb::WHITE);
    assert!((ratio - 4.54).abs() < 0.01, "{ratio}");
    assert_eq!(
        contrast_ratio(rgb("008EE2"), Rgb::WHITE),
        contrast_ratio(Rgb::WHITE, rgb("008EE2"))
    );
}

#[test]
fn readable_text_on_canvas_default_colours() {
    let choices: Vec<TextColor> = Proficiency::canvas_default()
        .ratings
        .iter()
        .map(|r| readable_text_color(rgb(&r.color)))
        .collect();
    assert_eq!(
        choices[2],
        TextColor::Black,
        "yellow FAB901 takes black text"
    );
    assert_eq!(readable_text_color(rgb("000080")), TextColor::White);
    for r in Proficiency::canvas_default().ratings {
        let bg = rgb(&r.color);
        assert!(
            contrast_ratio(bg, readable_text_color(bg).rgb()) >= 4.5,
            "{}",
            r.color
        );
    }
}

#[test]
fn normaliser_accepts_hash_and_shorthand_and_stores_upper_case() {
    assert_eq!(normalize_hex_input("#00ac18").unwrap(), "00AC18");
    assert_eq!(normalize_hex_input("00AC18").unwrap(), "00AC18");
    assert_eq!(normalize_hex_input(" #0a1 ").unwrap(), "00AA11");
    assert_eq!(normalize_hex_input("abc").unwrap(), "AABBCC");
    assert_eq!(normalize_hex_input("").unwrap_err(), ColorInputError::Empty);
    assert!(matches!(
        normalize_hex_input("#12345"),
        Err(ColorInputError::NotHex(_))
    ));
    assert!(matches!(
        normalize_hex_input("red"),
        Err(ColorInputError::NotHex(_))
    ));
    assert!(normalize_hex_input("zzz")
        .unwrap_err()
        .to_string()
        .contains("six hex digits"));
}

#[test]
fn the_validated_form_never_accepts_hash_or_shorthand() {
    assert!(is_stored_hex("00ac18"));
    assert!(!is_stored_hex("#00AC18"));
    assert!(!is_stored_hex("0A1"));
    assert!(Rgb::from_stored_hex("#00AC18").is_none());
    assert_eq!(rgb("00ac18").to_stored_hex(), "00AC18");
}

proptest! {
    #[test]
    fn readable_text_always_reaches_four_and_a_half_to_one(r: u8, g: u8, b: u8) {
        let bg = Rgb { r, g, b };
        let ratio = contrast_ratio(bg, readable_text_color(bg).rgb());
        prop_assert!(ratio >= 4.5, "{:?} gives {}", bg, ratio);
        prop_assert!((1.0..=21.0).contains(&ratio));
    }

    #[test]
    fn normalised_input_is_always_valid_stored_hex(input in "#?[0-9a-fA-F]{3}|#?[0-9a-fA-F]{6}") {
        let stored = normalize_hex_input(&input).unwrap();
        prop_assert!(is_stored_hex(&stored));
        prop_assert_eq!(Rgb::from_stored_hex(&stored).unwrap().to_stored_hex(), stored);
    }
}
