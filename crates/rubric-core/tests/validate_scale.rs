//! Mastery scale validation: Canvas's rules and messages, every problem at once.
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use rubric_core::edit::{Key, KeyGen, Level, ScaleDoc};
use rubric_core::validate::LevelField;
use rubric_core::{FieldPath, IssueCode, Proficiency};

fn level(i: u32, description: &str, points: &str, mastery: bool, color: &str) -> Level {
    Level {
        key: Key(i),
        description: description.into(),
        points: points.into(),
        mastery,
        color: color.into(),
    }
}

fn default_doc() -> ScaleDoc {
    ScaleDoc::from_proficiency(&Proficiency::canvas_default(), &mut KeyGen::default())
}

fn codes(doc: &ScaleDoc) -> Vec<IssueCode> {
    doc.validate().iter().map(|i| i.code).collect()
}

#[test]
fn the_default_scale_is_valid_and_round_trips() {
    let doc = default_doc();
    assert!(doc.validate().is_empty());
    assert_eq!(doc.to_proficiency().unwrap(), Proficiency::canvas_default());
}

#[test]
fn an_empty_scale_is_missing_required_ratings() {
    let issues = ScaleDoc::default().validate();
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].code, IssueCode::MissingRatings);
    assert_eq!(issues[0].message, "Missing required ratings");
    assert_eq!(issues[0].path, FieldPath::Scale);
}

#[test]
fn no_mastery_or_two_masteries_is_one_error() {
    let mut doc = default_doc();
    doc.levels[1].mastery = false;
    assert_eq!(codes(&doc), [IssueCode::MasteryCount]);
    doc.levels[0].mastery = true;
    doc.levels[2].mastery = true;
    let issues = doc.validate();
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].message, "Exactly one rating can have mastery");
}

#[test]
fn points_must_strictly_decrease_with_canvas_message_per_pair() {
    let doc = ScaleDoc {
        levels: vec![
            level(0, "A", "1", true, "000000"),
            level(1, "B", "2", false, "000000"),
            level(2, "C", "2", false, "000000"),
        ],
    };
    let issues = doc.validate();
    let messages: Vec<&str> = issues.iter().map(|i| i.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "Points should be strictly decreasing: 1.0 <= 2.0",
            "Points should be strictly decreasing: 2.0 <= 2.0"
        ]
    );
    assert_eq!(
        issues[0].path,
        FieldPath::Level {
            level: 1,
            field: LevelField::Points
        }
    );
    assert_eq!(issues[0].path.to_string(), "level 2, points");
}

#[test]
fn field_errors_come_before_scale_errors_as_in_canvas() {
    let doc = ScaleDoc {
        levels: vec![
            level(0, "", "3", false, "xyz"),
            level(1, "B", "5", false, "00FF00"),
        ],
    };
    assert_eq!(
        codes(&doc),
        [
            IssueCode::DescriptionBlank,
            IssueCode::ColorInvalid,
            IssueCode::MasteryCount,
            IssueCode::PointsNotDecreasing
        ]
    );
}

#[test]
fn points_must_be_present_numeric_finite_and_not_negative() {
    let cases = [
        ("", IssueCode::PointsBlank, "Points can't be blank"),
        ("abc", IssueCode::PointsNotANumber, "Points is not a number"),
        ("NaN", IssueCode::PointsNotANumber, "Points is not a number"),
        ("inf", IssueCode::PointsNotANumber, "Points is not a number"),
        (
            "1e999",
            IssueCode::PointsNotANumber,
            "Points is not a number",
        ),
        (
            "-1",
            IssueCode::PointsNegative,
            "Points must be greater than or equal to 0",
        ),
    ];
    for (points, code, message) in cases {
        let doc = ScaleDoc {
            levels: vec![level(0, "Only", points, true, "00AC18")],
        };
        let issues = doc.validate();
        assert_eq!(issues.len(), 1, "{points:?}");
        assert_eq!(
            (issues[0].code, issues[0].message.as_str()),
            (code, message),
            "{points:?}"
        );
    }
}

#[test]
fn decimal_and_padded_points_are_accepted() {
    for points in ["2.5", " 3 ", ".5", "0", "1e1", "+2"] {
        let doc = ScaleDoc {
            levels: vec![level(0, "Only", points, true, "00AC18")],
        };
        assert!(doc.validate().is_empty(), "{points:?}");
    }
}

#[test]
fn colours_must_be_six_hex_digits_without_hash() {
    for (color, code) in [
        ("", IssueCode::ColorBlank),
        ("#00AC18", IssueCode::ColorInvalid),
        ("0AC", IssueCode::ColorInvalid),
        ("GGGGGG", IssueCode::ColorInvalid),
    ] {
        let doc = ScaleDoc {
            levels: vec![level(0, "Only", "1", true, color)],
        };
        assert_eq!(codes(&doc), [code], "{color:?}");
    }
    let doc = ScaleDoc {
        levels: vec![level(0, "Only", "1", true, "00ac18")],
    };
    assert!(doc.validate().is_empty(), "lower case is kept and valid");
}

#[test]
fn descriptions_longer_than_255_characters_are_rejected() {
    let long = "é".repeat(256);
    let doc = ScaleDoc {
        levels: vec![level(0, &long, "1", true, "00AC18")],
    };
    assert_eq!(codes(&doc), [IssueCode::DescriptionTooLong]);
    let doc = ScaleDoc {
        levels: vec![level(0, &"é".repeat(255), "1", true, "00AC18")],
    };
    assert!(doc.validate().is_empty());
}

#[test]
fn every_issue_says_how_to_fix_it() {
    let doc = ScaleDoc {
        levels: vec![level(0, "", "x", false, "")],
    };
    let issues = doc.validate();
    let mut found: Vec<IssueCode> = issues.iter().map(|i| i.code).collect();
    found.sort_by_key(|c| c.as_str());
    assert_eq!(
        found,
        [
            IssueCode::ColorBlank,
            IssueCode::DescriptionBlank,
            IssueCode::MasteryCount,
            IssueCode::PointsNotANumber
        ],
        "the blank, unreadable level has these four problems"
    );
    for issue in issues {
        assert!(!issue.help().is_empty());
        assert!(issue.to_string().contains(&issue.message));
    }
    assert_eq!(
        IssueCode::PointsNotDecreasing.as_str(),
        "points_not_decreasing"
    );
    assert_eq!(
        IssueCode::PointsNegative.canvas_error_code(),
        "greater_than_or_equal_to"
    );
}
