//! What the rubric and association controllers share: finding and generating associations,
//! saving a rubric from its parameters, copying one, the assignment points a grading use sets,
//! and Canvas's `destroy_for`.

use rubric_core::forms::{read_rubric_form, RubricContext};
use rubric_core::ruby::cast_boolean;
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{Map, Value};

use crate::auth::User;
use crate::body::Params;
use crate::context::Found;
use crate::db::now;
use crate::error::ApiResult;
use crate::store::{self, AssociationRow, RubricRow};
use crate::AppState;

/// The object a `rubric_association` names (`Course`, `Assignment` or `Account`), if it exists.
pub fn association_object(
    conn: &Connection,
    params: &Map<String, Value>,
) -> ApiResult<Option<(String, i64, String)>> {
    let kind = params
        .get("association_type")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let id = match params.get("association_id") {
        Some(Value::String(s)) => s.trim().parse::<i64>().ok(),
        Some(Value::Number(n)) => n.as_i64(),
        _ => None,
    };
    let Some(id) = id else { return Ok(None) };
    let table = match kind {
        "Course" => "SELECT name FROM courses WHERE id = ?1",
        "Assignment" => "SELECT title FROM assignments WHERE id = ?1",
        "Account" => "SELECT name FROM accounts WHERE id = ?1",
        _ => return Ok(None),
    };
    let name: Option<String> = conn.query_row(table, [id], |r| r.get(0)).optional()?;
    Ok(name.map(|n| (kind.to_string(), id, n)))
}

/// `RubricAssociation.generate` + `update(params)`: finds or creates the association of the rubric
/// with the object in this context and applies the parameters with Canvas's casts.
pub fn generate_association(
    conn: &Connection,
    rubric_id: i64,
    found: &Found,
    object: &(String, i64, String),
    params: &Map<String, Value>,
    existing: Option<AssociationRow>,
) -> ApiResult<AssociationRow> {
    let stamp = now();
    let reuse = existing.filter(|a| a.association_type == object.0 && a.association_id == object.1);
    let reuse = match reuse {
        Some(a) => Some(a),
        None => store::associations_where(
            conn,
            "rubric_id = ?1 AND association_type = ?2 AND association_id = ?3 AND context_type = ?4 AND context_id = ?5",
            params![rubric_id, object.0, object.1, found.context.type_name(), found.context.id()],
        )?
        .into_iter()
        .next(),
    };
    let flag = |key: &str| params.get(key).and_then(cast_boolean);
    let purpose = params
        .get("purpose")
        .and_then(Value::as_str)
        .map(str::to_string);
    let mut association = reuse.unwrap_or_else(|| AssociationRow {
        id: 0,
        rubric_id,
        association_type: object.0.clone(),
        association_id: object.1,
        context_type: found.context.type_name().into(),
        context_id: found.context.id(),
        use_for_grading: params.get("use_for_grading").and_then(Value::as_str) == Some("1"),
        title: Some(object.2.clone()),
        purpose: purpose.clone().unwrap_or_else(|| "unknown".into()),
        hide_score_total: false,
        // Canvas's column defaults to true: every association, a grading one included,
        // bookmarks the rubric in its context (so `GET courses/:id/rubrics/:id` finds it).
        bookmarked: true,
        hide_points: false,
        hide_outcome_results: false,
        workflow_state: "active".into(),
        created_at: stamp.clone(),
        updated_at: stamp.clone(),
    });
    association.rubric_id = rubric_id;
    association.updated_at = stamp;
    if let Some(p) = purpose {
        association.bookmarked = p == "bookmark" || association.bookmarked;
        association.purpose = p;
    }
    if let Some(title) = params.get("title").and_then(Value::as_str) {
        association.title = Some(title.to_string());
    }
    if let Some(v) = flag("use_for_grading") {
        association.use_for_grading = v;
    }
    if let Some(v) = flag("hide_score_total") {
        association.hide_score_total = v;
    }
    if let Some(v) = flag("hide_points") {
        association.hide_points = v;
    }
    if let Some(v) = flag("hide_outcome_results") {
        association.hide_outcome_results = v;
    }
    if let Some(v) = flag("bookmarked") {
        association.bookmarked = v;
    }
    if params.get("hide_points").and_then(Value::as_str) == Some("1") {
        association.use_for_grading = false;
        association.hide_score_total = false;
    }
    association.id = store::save_association(conn, &association)?;
    if association.association_type == "Assignment" && association.purpose == "grading" {
        conn.execute(
            "DELETE FROM rubric_associations WHERE association_type = 'Assignment' AND association_id = ?1 AND purpose = 'grading' AND id != ?2",
            params![association.association_id, association.id],
        )?;
    }
    Ok(association)
}

/// Appends " (n)" while another live rubric in the context has this title.
fn unique_title(conn: &Connection, rubric: &RubricRow) -> ApiResult<String> {
    let taken = |title: &str| -> ApiResult<bool> {
        Ok(conn
            .query_row(
                "SELECT 1 FROM rubrics WHERE context_type = ?1 AND context_id = ?2 AND title = ?3 AND id != ?4 AND workflow_state != 'deleted'",
                params![rubric.context_type, rubric.context_id, title, rubric.id],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    };
    let mut title = rubric.title.clone();
    let mut counter = 0;
    while taken(&title)? {
        counter += 1;
        title = format!("{} ({counter})", rubric.title);
    }
    Ok(title)
}

/// Saves `rubric[...]` into a rubric (new when `existing` is None) inside the caller's
/// transaction. Returns the row, or Canvas's `{"error":true,"messages":[...]}` for an invalid one.
pub fn save_rubric_params(
    conn: &Connection,
    state: &AppState,
    found: &Found,
    user: &User,
    existing: Option<RubricRow>,
    rubric_params: &Map<String, Value>,
    association_hide_score_total: Option<bool>,
) -> ApiResult<Result<RubricRow, Vec<String>>> {
    let stamp = now();
    let mut row = existing.unwrap_or_else(|| RubricRow {
        id: 0,
        user_id: Some(user.id),
        rubric_id: None,
        context_type: found.context.type_name().into(),
        context_id: found.context.id(),
        title: String::new(),
        data: Vec::new(),
        points_possible: 0.0,
        reusable: false,
        public: false,
        read_only: false,
        free_form_criterion_comments: false,
        hide_score_total: None,
        hide_points: false,
        workflow_state: "active".into(),
        created_at: stamp.clone(),
        updated_at: stamp.clone(),
    });
    if row.id == 0 {
        row.id = store::save_rubric(conn, &row)?;
    }
    let id_prefix = row.rubric_id.unwrap_or(row.id) as u64;
    let mut random = || state.random();
    let no_outcomes = |_: u64| None;
    let input = read_rubric_form(
        rubric_params,
        &mut RubricContext {
            context_name: &found.name,
            rubric_id: id_prefix,
            random: &mut random,
            outcome: &no_outcomes,
        },
    )?;
    if let Some(free_form) = input.free_form_criterion_comments {
        row.free_form_criterion_comments = free_form;
    }
    let hide_score_total = input.hide_score_total.or(association_hide_score_total);
    if row.hide_score_total.is_none() || store::grading_count(conn, row.id)? < 2 {
        if let Some(hide) = hide_score_total {
            row.hide_score_total = Some(hide);
        }
    }
    row.title = input.title;
    row.data = input.criteria;
    row.points_possible = input.points_possible;
    row.hide_points = input.hide_points;
    if let Some(state) = input.workflow_state {
        row.workflow_state = state;
    }
    row.updated_at = stamp;
    row.title = unique_title(conn, &row)?;
    if row.title.chars().count() > rubric_core::validate::TITLE_MAX_CHARS {
        return Ok(Err(vec![
            "Title is too long (maximum is 255 characters)".into()
        ]));
    }
    store::save_rubric(conn, &row)?;
    Ok(Ok(row))
}

/// Canvas's `Rubric#destroy_for`: removes the rubric's associations in `found`'s context, then
/// soft-deletes the rubric when no bookmarked association remains anywhere.
pub fn destroy_for(conn: &Connection, rubric_id: i64, found: &Found) -> ApiResult<()> {
    conn.execute(
        "UPDATE rubric_associations SET workflow_state = 'deleted', updated_at = ?4 WHERE rubric_id = ?1 AND context_type = ?2 AND context_id = ?3",
        params![rubric_id, found.context.type_name(), found.context.id(), now()],
    )?;
    if store::associations_where(conn, "rubric_id = ?1 AND bookmarked = 1", [rubric_id])?.is_empty()
    {
        if let Some(mut rubric) = store::rubric(conn, rubric_id)? {
            rubric.workflow_state = "deleted".into();
            rubric.updated_at = now();
            store::save_rubric(conn, &rubric)?;
        }
    }
    Ok(())
}

/// A copy of `rubric` owned by `context_id` and `user`, remembering where it came from
/// (`rubric_id`), as Canvas makes one when a rubric is used in another course or changed while
/// it grades in several places.
pub fn copy_rubric(
    conn: &Connection,
    rubric: &RubricRow,
    context_id: i64,
    user: &User,
) -> ApiResult<RubricRow> {
    let mut copy = rubric.clone();
    copy.rubric_id = Some(rubric.id);
    copy.context_id = context_id;
    copy.read_only = false;
    copy.user_id = Some(user.id);
    copy.created_at = now();
    copy.updated_at = copy.created_at.clone();
    copy.id = 0;
    copy.id = store::save_rubric(conn, &copy)?;
    Ok(copy)
}

/// Canvas's `skip_updating_points_possible` parameter: any value containing "true".
pub fn skips_points_update(params: &Params) -> bool {
    params
        .text("skip_updating_points_possible")
        .is_some_and(|s| s.to_lowercase().contains("true"))
}

/// A grading use of a rubric on an assignment sets the assignment's points to the rubric's
/// total, unless the request asked to skip it.
pub fn update_assignment_points(
    conn: &Connection,
    association: &AssociationRow,
    points_possible: f64,
    skip: bool,
) -> ApiResult<()> {
    if association.use_for_grading && association.association_type == "Assignment" && !skip {
        conn.execute(
            "UPDATE assignments SET points_possible = ?1 WHERE id = ?2",
            params![points_possible, association.association_id],
        )?;
    }
    Ok(())
}
