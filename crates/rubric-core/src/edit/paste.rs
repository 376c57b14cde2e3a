use super::{CriterionDoc, KeyGen, RatingDoc};
use crate::csv::spreadsheet_points;
use crate::ruby::number_to_input;

/// Reads a block of tab-separated cells copied from a spreadsheet into criteria. Each line is
/// one criterion: its description, then a rating name and its points, repeated
/// (`Clarity<TAB>Clear<TAB>5<TAB>Unclear<TAB>0`). Points accept a decimal comma and round to 2
/// places. A first line whose points cells are not numbers is taken for a header and skipped.
/// Errors name the line and the cell.
pub fn parse_pasted_criteria(text: &str, keys: &mut KeyGen) -> Result<Vec<CriterionDoc>, String> {
    let lines: Vec<(usize, Vec<&str>)> = text
        .lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim_end_matches('\r').split('\t').collect()))
        .filter(|(_, cells): &(usize, Vec<&str>)| cells.iter().any(|c| !c.trim().is_empty()))
        .collect();
    let is_header = |cells: &[&str]| {
        cells.len() >= 3
            && cells
                .iter()
                .skip(2)
                .step_by(2)
                .all(|c| spreadsheet_points(c).is_none())
    };
    let skip = usize::from(lines.first().is_some_and(|(_, c)| is_header(c)));
    let mut criteria = Vec::new();
    for (line, cells) in lines.into_iter().skip(skip) {
        let description = cells[0].trim();
        if description.is_empty() {
            return Err(format!(
                "Line {line}: the first cell (the criterion) is empty."
            ));
        }
        let mut ratings = Vec::new();
        for (pair, chunk) in cells[1..].chunks(2).enumerate() {
            let name = chunk[0].trim();
            let points_cell = chunk.get(1).map_or("", |c| c.trim());
            if name.is_empty() && points_cell.is_empty() {
                continue;
            }
            let column = 3 + pair * 2;
            let points = spreadsheet_points(points_cell).ok_or_else(|| {
                if points_cell.is_empty() {
                    format!("Line {line}, cell {column}: rating \"{name}\" has no points.")
                } else {
                    format!(
                        "Line {line}, cell {column}: \"{points_cell}\" is not a number of points."
                    )
                }
            })?;
            ratings.push(RatingDoc::new(keys, name, &number_to_input(points)));
        }
        if ratings.is_empty() {
            return Err(format!(
                "Line {line}: \"{description}\" has no ratings; put a rating name and its points after it."
            ));
        }
        criteria.push(CriterionDoc::new(keys, description, ratings));
    }
    if criteria.is_empty() {
        return Err("Nothing to paste: copy rows of criterion, rating name, points cells.".into());
    }
    Ok(criteria)
}

/// Whether pasted text looks like spreadsheet cells (tabs or several lines), not plain text.
pub fn looks_like_cells(text: &str) -> bool {
    text.contains('\t')
}
