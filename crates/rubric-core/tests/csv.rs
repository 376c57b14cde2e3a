//! Rubric CSV in Canvas's template format: parsing with row and column errors, and round trips.
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use proptest::prelude::*;
use rubric_core::csv::{parse_rubrics, write_rubrics, CsvError, TEMPLATE};
use rubric_core::edit::{CriterionDoc, KeyGen, RatingDoc, RubricDoc};

fn parse(text: &str) -> Result<rubric_core::csv::CsvImport, CsvError> {
    parse_rubrics(text.as_bytes(), &mut KeyGen::default())
}

type Ratings = Vec<(String, String, String)>;
type Criteria = Vec<(String, String, bool, Ratings)>;

/// What survives a CSV trip: titles, criteria and ratings without keys or ids.
fn content(rubrics: &[RubricDoc]) -> Vec<(String, Criteria)> {
    rubrics
        .iter()
        .map(|r| {
            let criteria = r
                .criteria
                .iter()
                .map(|c| {
                    let ratings = c
                        .ratings
                        .iter()
                        .map(|x| {
                            (
                                x.description.clone(),
                                x.long_description.clone(),
                                x.points.clone(),
                            )
                        })
                        .collect();
                    (
                        c.description.clone(),
                        c.long_description.clone(),
                        c.use_range,
                        ratings,
                    )
                })
                .collect();
            (r.title.clone(), criteria)
        })
        .collect()
}

#[test]
fn canvas_template_parses_into_one_rubric_with_two_criteria() {
    let import = parse(TEMPLATE).unwrap();
    assert!(import.issues.is_empty());
    assert_eq!(import.rubrics.len(), 1);
    let rubric = &import.rubrics[0];
    assert_eq!(rubric.title, "Rubric 1");
    assert_eq!(rubric.criteria.len(), 2);
    assert_eq!(rubric.criteria[0].ratings.len(), 3);
    assert_eq!(
        rubric.criteria[0].ratings[0].long_description,
        "Rating 1 Description"
    );
    assert_eq!(rubric.criteria[1].ratings.len(), 2);
    assert_eq!(rubric.total_points(), 3.0);
}

#[test]
fn template_header_and_row_shape_match_canvas_byte_for_byte() {
    let lines: Vec<&str> = TEMPLATE.lines().collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0].split(',').count(), 13);
    assert_eq!(lines[2].split(',').count(), 10);
    assert!(TEMPLATE.ends_with('\n'));
}

#[test]
fn rows_group_by_rubric_name_and_range_flag_accepts_one_and_true() {
    let text = "Rubric Name,Criteria Name,Criteria Description,Criteria Enable Range,Rating Name 1,Rating Description 1,Rating Points 1\n\
                A,c1,,TRUE,r,,\"1,5\"\nB,c2,,1,r,,2\nA,c3,,no,r,,3\n";
    let import = parse(text).unwrap();
    assert_eq!(import.rubrics.len(), 2);
    assert_eq!(import.rubrics[0].criteria.len(), 2);
    assert!(import.rubrics[0].criteria[0].use_range);
    assert_eq!(
        import.rubrics[0].criteria[0].ratings[0].points, "1.5",
        "decimal comma"
    );
    assert!(import.rubrics[1].criteria[0].use_range);
    assert!(!import.rubrics[0].criteria[1].use_range);
}

#[test]
fn ratings_without_a_name_are_skipped_and_points_round_to_two_places() {
    let text = "Rubric Name,Criteria Name,Criteria Description,Criteria Enable Range,Rating Name,Rating Description,Rating Points,Rating Name,Rating Description,Rating Points\n\
                R,C,,false,,ignored,9,Kept,,2.345\n";
    let import = parse(text).unwrap();
    let ratings = &import.rubrics[0].criteria[0].ratings;
    assert_eq!(ratings.len(), 1);
    assert_eq!(
        (ratings[0].description.as_str(), ratings[0].points.as_str()),
        ("Kept", "2.35")
    );
}

#[test]
fn row_problems_name_row_and_column_and_drop_only_their_rubric() {
    let text = "Rubric Name,Criteria Name,Criteria Description,Criteria Enable Range,Rating Name,Rating Description,Rating Points\n\
                Good,C,,false,r,,1\n\
                Bad,,,false,r,,1\n\
                Worse,C,,false,r,,abc\n\
                ,C,,false,r,,1\n\
                Empty,C,,false,,,\n";
    let import = parse(text).unwrap();
    assert_eq!(import.rubrics.len(), 1);
    assert_eq!(import.rubrics[0].title, "Good");
    let messages: Vec<String> = import.issues.iter().map(ToString::to_string).collect();
    assert_eq!(
        messages,
        [
            "row 3, column \"Criteria Name\": Missing 'Criteria Name' for Bad",
            "row 4, column \"Rating Points\": 'abc' is not a number of points",
            "row 5, column \"Rubric Name\": Missing 'Rubric Name' in some rows.",
            "row 6: Missing ratings for C",
        ]
    );
}

#[test]
fn missing_points_beside_a_rating_name_is_an_error() {
    let text = "Rubric Name,Criteria Name,Rating Name,Rating Points\nR,C,Full,\n";
    let import = parse(text).unwrap();
    assert_eq!(import.issues[0].message, "Missing points for rating 'Full'");
}

#[test]
fn files_that_are_not_rubric_csv_are_refused_clearly() {
    assert_eq!(parse("").unwrap_err(), CsvError::Empty);
    assert_eq!(parse("\n\n").unwrap_err(), CsvError::Empty);
    assert_eq!(
        parse("Name,Points\nx,1\n").unwrap_err(),
        CsvError::MissingColumn("Rubric Name")
    );
    assert_eq!(
        parse("Rubric Name,Other\nx,y\n").unwrap_err(),
        CsvError::MissingColumn("Criteria Name")
    );
    assert_eq!(
        parse("Rubric Name,Criteria Name\n").unwrap_err(),
        CsvError::Empty
    );
    assert_eq!(
        parse_rubrics(
            b"Rubric Name,Criteria Name\n\xff\xfe,x\n",
            &mut KeyGen::default()
        )
        .unwrap_err(),
        CsvError::NotCsv { row: Some(2) }
    );
    assert_eq!(
        CsvError::Empty.to_string(),
        "The file is empty or does not contain valid rubric data."
    );
}

#[test]
fn a_file_without_rubrics_reports_canvas_message_first_then_the_reason() {
    let messages = |error: CsvError| -> Vec<(Option<usize>, String)> {
        error
            .issues()
            .into_iter()
            .map(|i| (i.row, i.message))
            .collect()
    };
    assert_eq!(
        messages(CsvError::Empty),
        [(None, rubric_core::csv::EMPTY_FILE.to_string())]
    );
    assert_eq!(
        messages(CsvError::MissingColumn("Rubric Name")),
        [
            (None, rubric_core::csv::EMPTY_FILE.to_string()),
            (
                Some(1),
                "The header row has no 'Rubric Name' column.".to_string()
            )
        ]
    );
    assert_eq!(
        messages(CsvError::NotCsv { row: Some(4) }),
        [(Some(4), "The file is not a valid CSV file.".to_string())]
    );
}

#[test]
fn export_writes_the_template_header_and_quotes_when_needed() {
    let keys = &mut KeyGen::default();
    let ratings = vec![RatingDoc::new(keys, "Full", "2.50")];
    let mut c = CriterionDoc::new(keys, "Style, \"voice\"", ratings);
    c.long_description = "line one\nline two".into();
    let text = write_rubrics(&[RubricDoc {
        title: "R".into(),
        criteria: vec![c],
        ..RubricDoc::default()
    }]);
    assert!(text.starts_with(
        "Rubric Name,Criteria Name,Criteria Description,Criteria Enable Range,Rating Name,Rating Description,Rating Points\n"
    ));
    assert!(text.contains("R,\"Style, \"\"voice\"\"\",\"line one\nline two\",false,Full,,2.5\n"));
}

#[test]
fn export_defuses_spreadsheet_formulas_and_import_restores_them() {
    use rubric_core::csv::{defuse, restore};
    for (typed, exported) in [
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ("+1+2", "'+1+2"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tcmd", "'\tcmd"),
        ("\rcmd", "'\rcmd"),
        ("'quoted", "''quoted"),
        ("plain = fine", "plain = fine"),
    ] {
        assert_eq!(defuse(typed), exported, "{typed:?}");
        assert_eq!(restore(exported), typed, "{exported:?}");
    }
    assert_eq!(
        restore("'hello"),
        "'hello",
        "a quote before plain text is the user's"
    );
    let keys = &mut KeyGen::default();
    let ratings = vec![RatingDoc::new(keys, "=cmd|' /C calc'!A0", "2")];
    let text = write_rubrics(&[RubricDoc {
        title: "@Essay".into(),
        criteria: vec![CriterionDoc::new(keys, "+Style", ratings)],
        ..RubricDoc::default()
    }]);
    let data_row = text.lines().nth(1).unwrap();
    assert!(
        data_row.starts_with("'@Essay,'+Style,,false,'=cmd|' /C calc'!A0,,2"),
        "{data_row}"
    );
    let import = parse_rubrics(text.as_bytes(), &mut KeyGen::default()).unwrap();
    assert_eq!(import.rubrics[0].title, "@Essay");
    assert_eq!(import.rubrics[0].criteria[0].description, "+Style");
    assert_eq!(
        import.rubrics[0].criteria[0].ratings[0].description,
        "=cmd|' /C calc'!A0"
    );
}

fn arb_text() -> impl Strategy<Value = String> {
    // Cells may start like a formula (or like a defused one) to prove the defusing reverses.
    "[=+@'A-Za-z0-9-][A-Za-z0-9 ,\"'\n;é=+@-]{0,12}".prop_map(|s| s.trim_end().to_string())
}

fn arb_rubrics() -> impl Strategy<Value = Vec<RubricDoc>> {
    let rating = (arb_text(), arb_text(), 0u32..100_000).prop_map(|(d, l, p)| (d, l, p));
    let criterion = (
        arb_text(),
        arb_text(),
        any::<bool>(),
        proptest::collection::vec(rating, 1..5),
    );
    let rubric = (arb_text(), proptest::collection::vec(criterion, 1..4));
    proptest::collection::vec(rubric, 1..4).prop_map(|rubrics| {
        let keys = &mut KeyGen::default();
        let mut seen = std::collections::HashSet::new();
        rubrics
            .into_iter()
            .filter(|(title, _)| seen.insert(title.clone()))
            .map(|(title, criteria)| RubricDoc {
                title,
                criteria: criteria
                    .into_iter()
                    .map(|(d, l, range, ratings)| {
                        let ratings = ratings
                            .into_iter()
                            .map(|(rd, rl, p)| {
                                let mut r = RatingDoc::new(
                                    keys,
                                    &rd,
                                    &rubric_core::ruby::number_to_input(f64::from(p) / 100.0),
                                );
                                r.long_description = rl;
                                r
                            })
                            .collect();
                        let mut c = CriterionDoc::new(keys, &d, ratings);
                        c.long_description = l;
                        c.use_range = range;
                        c
                    })
                    .collect(),
                ..RubricDoc::default()
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn write_then_parse_round_trips(rubrics in arb_rubrics()) {
        let text = write_rubrics(&rubrics);
        let import = parse_rubrics(text.as_bytes(), &mut KeyGen::default()).unwrap();
        prop_assert!(import.issues.is_empty(), "{:?}", import.issues);
        prop_assert_eq!(content(&import.rubrics), content(&rubrics));
    }

    #[test]
    fn parsing_arbitrary_bytes_never_panics(body in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = parse_rubrics(&body, &mut KeyGen::default());
    }
}
