//! Rubrics as CSV in Canvas's import template format: `Rubric Name, Criteria Name, Criteria
//! Description, Criteria Enable Range`, then `Rating Name, Rating Description, Rating Points`
//! repeated. Parsing follows Canvas's `RubricCSVImporter`, with row and column in every error.
use std::fmt;

use crate::edit::{CriterionDoc, KeyGen, RatingDoc, RubricDoc};
use crate::ruby::number_to_input;
use crate::rules::round_points;
use crate::validate::parse_points;

/// The body of Canvas's `GET /api/v1/rubrics/upload_template`, byte for byte.
pub const TEMPLATE: &str = "Rubric Name,Criteria Name,Criteria Description,Criteria Enable Range,Rating Name,Rating Description,Rating Points,Rating Name,Rating Description,Rating Points,Rating Name,Rating Description,Rating Points\n\
Rubric 1,Criteria 1,Criteria 1 Description,false,Rating 1,Rating 1 Description,2,Rating 2,Rating 2 Description,1,Rating 3,Rating 3 Description,0\n\
Rubric 1,Criteria 2,Criteria 2 Description,false,Criteria 2 Rating 1,Rating Description,1,Criteria 2 Rating 2,Rating 2 Description,1\n";

/// Canvas's message when a file gives no rubric (`RubricImport#process_rubrics`).
pub const EMPTY_FILE: &str = "The file is empty or does not contain valid rubric data.";

/// Canvas's message when a file is not CSV.
pub const NOT_CSV: &str = "The file is not a valid CSV file.";

/// A problem with one row (or the file), which drops the rubric it belongs to. It travels as an
/// entry of the import's `error_data`: Canvas's `message`, plus the `row` and `column` the
/// server knows (keys Canvas clients ignore, which the editor uses to point at the cell).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CsvIssue {
    /// Spreadsheet row (the header is row 1), when it concerns one row.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    /// Column header, when it concerns one cell.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub column: Option<String>,
    /// What is wrong, in Canvas's words where Canvas has them.
    pub message: String,
}

impl fmt::Display for CsvIssue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.row, &self.column) {
            (Some(row), Some(column)) => {
                write!(f, "row {row}, column \"{column}\": {}", self.message)
            }
            (Some(row), None) => write!(f, "row {row}: {}", self.message),
            _ => f.write_str(&self.message),
        }
    }
}

/// Why a file could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvError {
    /// Not readable as CSV (for example not UTF-8).
    NotCsv {
        /// Row where reading failed.
        row: Option<usize>,
    },
    /// A required header is missing.
    MissingColumn(&'static str),
    /// No rubric could be read.
    Empty,
}

impl fmt::Display for CsvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CsvError::NotCsv { row: Some(row) } => {
                write!(f, "The file is not a valid CSV file (row {row}).")
            }
            CsvError::NotCsv { row: None } => f.write_str(NOT_CSV),
            CsvError::MissingColumn(name) => write!(f, "The header row has no '{name}' column."),
            CsvError::Empty => f.write_str(EMPTY_FILE),
        }
    }
}

impl CsvError {
    /// The import's error entries, Canvas's message first: a file that gives no rubric fails
    /// with [`EMPTY_FILE`], followed by the more specific reason when there is one.
    pub fn issues(&self) -> Vec<CsvIssue> {
        let file = |message: &str, row| CsvIssue {
            row,
            column: None,
            message: message.to_string(),
        };
        match self {
            CsvError::NotCsv { row } => vec![file(NOT_CSV, *row)],
            CsvError::MissingColumn(_) => {
                vec![file(EMPTY_FILE, None), file(&self.to_string(), Some(1))]
            }
            CsvError::Empty => vec![file(EMPTY_FILE, None)],
        }
    }
}

impl std::error::Error for CsvError {}

/// What an import produced: the rubrics without problems, and the problems of the others.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CsvImport {
    /// Rubrics read without problems, in order of first appearance.
    pub rubrics: Vec<RubricDoc>,
    /// Problems; each drops the rubric it belongs to.
    pub issues: Vec<CsvIssue>,
}

struct Columns {
    rubric: usize,
    criterion: usize,
    description: Option<usize>,
    range: Option<usize>,
    ratings: Vec<(usize, Option<usize>, Option<usize>)>,
}

impl Columns {
    fn find(headers: &csv::StringRecord) -> Result<Columns, CsvError> {
        let exact = |name: &str| headers.iter().position(|h| h.trim() == name);
        let containing = |needle: &str| {
            headers
                .iter()
                .enumerate()
                .filter(|(_, h)| h.to_lowercase().contains(needle))
                .map(|(i, _)| i)
                .collect::<Vec<_>>()
        };
        let names = containing("rating name");
        let descriptions = containing("rating description");
        let points = containing("rating points");
        Ok(Columns {
            rubric: exact("Rubric Name").ok_or(CsvError::MissingColumn("Rubric Name"))?,
            criterion: exact("Criteria Name").ok_or(CsvError::MissingColumn("Criteria Name"))?,
            description: exact("Criteria Description"),
            range: exact("Criteria Enable Range"),
            ratings: names
                .iter()
                .enumerate()
                .map(|(i, &name)| (name, descriptions.get(i).copied(), points.get(i).copied()))
                .collect(),
        })
    }
}

/// Points as a spreadsheet cell holds them: a decimal comma is accepted and the value is
/// rounded to 2 places, as Canvas's importer rounds.
pub(crate) fn spreadsheet_points(cell: &str) -> Option<f64> {
    parse_points(&cell.trim().replace(',', "."))
        .ok()
        .map(round_points)
}

/// What makes a spreadsheet read a cell as a formula (OWASP's CSV injection list).
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as exported: one that a spreadsheet would run as a formula is prefixed with `'`, and
/// so is one that already starts with `'`, so that [`restore`] gives back exactly what was
/// written.
pub fn defuse(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) || cell.starts_with('\'') {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// A cell as imported: the `'` that [`defuse`] added is removed (a `'` before a formula
/// character or another `'`); any other cell is kept as it is.
pub fn restore(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) || rest.starts_with('\'') => rest,
        _ => cell,
    }
}

/// Reads rubrics from CSV text. Rows group into rubrics by `Rubric Name`; a rating is skipped
/// when its name cell is empty; points accept a decimal comma and are rounded to 2 places;
/// `Criteria Enable Range` is on for `true` or `1` (any case).
pub fn parse_rubrics(input: &[u8], keys: &mut KeyGen) -> Result<CsvImport, CsvError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .from_reader(input);
    let headers = reader
        .headers()
        .map_err(|_| CsvError::NotCsv { row: Some(1) })?
        .clone();
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(CsvError::Empty);
    }
    let columns = Columns::find(&headers)?;
    let header = |i: usize| headers.get(i).unwrap_or_default().to_string();
    let mut groups: Vec<(String, Vec<CriterionDoc>, bool)> = Vec::new();
    let mut import = CsvImport::default();
    let mut missing_name_reported = false;
    for (index, record) in reader.records().enumerate() {
        let row = index + 2;
        let record = record.map_err(|_| CsvError::NotCsv { row: Some(row) })?;
        let cell = |i: Option<usize>| restore(i.and_then(|i| record.get(i)).unwrap_or_default());
        let title = cell(Some(columns.rubric)).trim().to_string();
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if title.is_empty() {
            if !missing_name_reported {
                import.issues.push(CsvIssue {
                    row: Some(row),
                    column: Some(header(columns.rubric)),
                    message: "Missing 'Rubric Name' in some rows.".into(),
                });
                missing_name_reported = true;
            }
            continue;
        }
        let group = match groups.iter().position(|(t, _, _)| *t == title) {
            Some(i) => i,
            None => {
                groups.push((title.clone(), Vec::new(), true));
                groups.len() - 1
            }
        };
        let mut fail = |column: Option<usize>, message: String| {
            import.issues.push(CsvIssue {
                row: Some(row),
                column: column.map(header),
                message,
            });
            groups[group].2 = false;
        };
        let name = cell(Some(columns.criterion));
        if name.trim().is_empty() {
            fail(
                Some(columns.criterion),
                format!("Missing 'Criteria Name' for {title}"),
            );
            continue;
        }
        let mut ratings = Vec::new();
        let mut bad_rating = false;
        for &(name_at, description_at, points_at) in &columns.ratings {
            let rating_name = cell(Some(name_at));
            if rating_name.is_empty() {
                continue;
            }
            let text = cell(points_at).trim();
            let points = match spreadsheet_points(text) {
                Some(points) => points,
                None if text.is_empty() => {
                    fail(
                        points_at,
                        format!("Missing points for rating '{rating_name}'"),
                    );
                    bad_rating = true;
                    continue;
                }
                None => {
                    fail(
                        points_at,
                        format!("'{}' is not a number of points", cell(points_at)),
                    );
                    bad_rating = true;
                    continue;
                }
            };
            let mut rating = RatingDoc::new(keys, rating_name, &number_to_input(points));
            rating.long_description = cell(description_at).to_string();
            ratings.push(rating);
        }
        if bad_rating {
            continue;
        }
        if ratings.is_empty() {
            fail(None, format!("Missing ratings for {name}"));
            continue;
        }
        let mut criterion = CriterionDoc::new(keys, name, ratings);
        criterion.long_description = cell(columns.description).to_string();
        criterion.use_range = matches!(
            cell(columns.range).trim().to_lowercase().as_str(),
            "true" | "1"
        );
        groups[group].1.push(criterion);
    }
    import.rubrics = groups
        .into_iter()
        .filter(|(_, _, ok)| *ok)
        .map(|(title, criteria, _)| RubricDoc {
            title,
            criteria,
            ..RubricDoc::default()
        })
        .collect();
    if import.rubrics.is_empty() && import.issues.is_empty() {
        return Err(CsvError::Empty);
    }
    Ok(import)
}

/// Writes rubrics in the template format, every cell [`defuse`]d against spreadsheet formulas;
/// [`parse_rubrics`] reads the result back to the same titles, criteria and ratings (points
/// rounded to 2 places).
pub fn write_rubrics(rubrics: &[RubricDoc]) -> String {
    let widest = rubrics
        .iter()
        .flat_map(|r| r.criteria.iter().map(|c| c.ratings.len()))
        .max()
        .unwrap_or(0)
        .max(1);
    let mut writer = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::new());
    let mut header = vec![
        "Rubric Name",
        "Criteria Name",
        "Criteria Description",
        "Criteria Enable Range",
    ];
    for _ in 0..widest {
        header.extend(["Rating Name", "Rating Description", "Rating Points"]);
    }
    let mut rows: Vec<Vec<String>> = vec![header.into_iter().map(String::from).collect()];
    for rubric in rubrics {
        for criterion in &rubric.criteria {
            let mut row = vec![
                rubric.title.clone(),
                criterion.description.clone(),
                criterion.long_description.clone(),
                criterion.use_range.to_string(),
            ];
            for rating in &criterion.ratings {
                let points = rating
                    .points_value()
                    .map(number_to_input)
                    .unwrap_or_else(|| rating.points.clone());
                row.extend([
                    rating.description.clone(),
                    rating.long_description.clone(),
                    points,
                ]);
            }
            rows.push(row);
        }
    }
    for (index, row) in rows.iter().enumerate() {
        // Writing to a Vec cannot fail. The header row is ours; every other cell is defused.
        let _ = match index {
            0 => writer.write_record(row),
            _ => writer.write_record(row.iter().map(|cell| defuse(cell).into_owned())),
        };
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}
