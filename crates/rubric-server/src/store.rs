//! Rubric, association and assessment records: reading rows and writing Canvas's JSON.
use rubric_core::{Rubric, RubricAssociation, RubricCriterion};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde_json::{json, Value};

use crate::context::Context;
use crate::error::ApiResult;

/// A stored rubric.
#[derive(Clone, Debug)]
pub struct RubricRow {
    pub id: i64,
    pub user_id: Option<i64>,
    pub rubric_id: Option<i64>,
    pub context_type: String,
    pub context_id: i64,
    pub title: String,
    pub data: Vec<RubricCriterion>,
    pub points_possible: f64,
    pub reusable: bool,
    pub public: bool,
    pub read_only: bool,
    pub free_form_criterion_comments: bool,
    pub hide_score_total: Option<bool>,
    pub hide_points: bool,
    pub workflow_state: String,
    pub created_at: String,
    pub updated_at: String,
}

const RUBRIC_COLUMNS: &str = "id, user_id, rubric_id, context_type, context_id, title, data, points_possible, reusable, public, read_only, free_form_criterion_comments, hide_score_total, hide_points, workflow_state, created_at, updated_at";

/// A JSON column's text parsed as `T`. A stored value that does not parse is an error (the
/// request answers 500 and the log names the column), never an empty default that the next
/// save would write back over the data.
pub fn parse_column<T: serde::de::DeserializeOwned>(
    text: &str,
    index: usize,
) -> rusqlite::Result<T> {
    serde_json::from_str(text).map_err(|error| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            Box::new(error),
        )
    })
}

fn rubric_from(row: &Row<'_>) -> rusqlite::Result<RubricRow> {
    let data: String = row.get(6)?;
    Ok(RubricRow {
        id: row.get(0)?,
        user_id: row.get(1)?,
        rubric_id: row.get(2)?,
        context_type: row.get(3)?,
        context_id: row.get(4)?,
        title: row.get(5)?,
        data: parse_column(&data, 6)?,
        points_possible: row.get(7)?,
        reusable: row.get(8)?,
        public: row.get(9)?,
        read_only: row.get(10)?,
        free_form_criterion_comments: row.get(11)?,
        hide_score_total: row.get(12)?,
        hide_points: row.get(13)?,
        workflow_state: row.get(14)?,
        created_at: row.get(15)?,
        updated_at: row.get(16)?,
    })
}

/// A rubric by id, in any state.
pub fn rubric(conn: &Connection, id: i64) -> ApiResult<Option<RubricRow>> {
    Ok(conn
        .query_row(
            &format!("SELECT {RUBRIC_COLUMNS} FROM rubrics WHERE id = ?1"),
            [id],
            rubric_from,
        )
        .optional()?)
}

/// Rubrics matching `tail` (the SQL after `WHERE`, ordering and limits included).
pub fn rubrics_where(
    conn: &Connection,
    tail: &str,
    args: impl rusqlite::Params,
) -> ApiResult<Vec<RubricRow>> {
    let mut statement = conn.prepare(&format!(
        "SELECT {RUBRIC_COLUMNS} FROM rubrics WHERE {tail}"
    ))?;
    let rows = statement
        .query_map(args, rubric_from)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Inserts or updates a rubric row; returns its id.
pub fn save_rubric(conn: &Connection, r: &RubricRow) -> ApiResult<i64> {
    let data = serde_json::to_string(&r.data).unwrap_or_else(|_| "[]".into());
    if r.id == 0 {
        conn.execute(
            "INSERT INTO rubrics (user_id, rubric_id, context_type, context_id, title, data, points_possible, reusable, public, read_only, free_form_criterion_comments, hide_score_total, hide_points, workflow_state, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
            params![r.user_id, r.rubric_id, r.context_type, r.context_id, r.title, data, r.points_possible, r.reusable, r.public, r.read_only, r.free_form_criterion_comments, r.hide_score_total, r.hide_points, r.workflow_state, r.created_at, r.updated_at],
        )?;
        Ok(conn.last_insert_rowid())
    } else {
        conn.execute(
            "UPDATE rubrics SET title = ?2, data = ?3, points_possible = ?4, read_only = ?5, free_form_criterion_comments = ?6, hide_score_total = ?7, hide_points = ?8, workflow_state = ?9, updated_at = ?10 WHERE id = ?1",
            params![r.id, r.title, data, r.points_possible, r.read_only, r.free_form_criterion_comments, r.hide_score_total, r.hide_points, r.workflow_state, r.updated_at],
        )?;
        Ok(r.id)
    }
}

/// Whether a rubric is deleted, archived or a draft (Canvas's `active` scope leaves those out).
pub fn is_active(r: &RubricRow) -> bool {
    !matches!(r.workflow_state.as_str(), "deleted" | "archived" | "draft")
}

/// The rubrics API JSON (`API_ALLOWED_RUBRIC_OUTPUT_FIELDS`).
pub fn api_rubric(r: &RubricRow) -> Rubric {
    Rubric {
        id: r.id as u64,
        context_id: r.context_id as u64,
        context_type: r.context_type.clone(),
        data: r.data.clone(),
        points_possible: r.points_possible,
        title: r.title.clone(),
        reusable: r.reusable,
        public: r.public,
        read_only: r.read_only,
        free_form_criterion_comments: r.free_form_criterion_comments,
        hide_score_total: r.hide_score_total,
        assessments: None,
        associations: None,
    }
}

/// Every column plus `criteria` and `permissions`, as the form-style controllers answer.
pub fn full_rubric(conn: &Connection, r: &RubricRow, can_manage: bool) -> ApiResult<Value> {
    let association_count: i64 = conn.query_row(
        "SELECT COUNT(*) FROM rubric_associations WHERE rubric_id = ?1 AND workflow_state = 'active'",
        [r.id],
        |row| row.get(0),
    )?;
    let context = if r.context_type == "Account" {
        Context::Account(r.context_id)
    } else {
        Context::Course(r.context_id)
    };
    Ok(json!({
        "id": r.id, "user_id": r.user_id, "rubric_id": r.rubric_id, "context_id": r.context_id,
        "context_type": r.context_type, "data": r.data, "points_possible": r.points_possible,
        "title": r.title, "description": null, "created_at": r.created_at, "updated_at": r.updated_at,
        "reusable": r.reusable, "public": r.public, "read_only": r.read_only,
        "association_count": association_count,
        "free_form_criterion_comments": r.free_form_criterion_comments, "context_code": context.code(),
        "migration_id": null, "hide_score_total": r.hide_score_total, "workflow_state": r.workflow_state,
        "root_account_id": 1, "hide_points": r.hide_points, "rating_order": "descending",
        "button_display": "numeric", "criteria": r.data,
        "permissions": {
            "read": true, "create": can_manage, "delete_associations": can_manage, "update": can_manage && !r.read_only,
            "delete": can_manage, "archive": can_manage, "unarchive": can_manage
        }
    }))
}

/// A stored association.
#[derive(Clone, Debug)]
pub struct AssociationRow {
    pub id: i64,
    pub rubric_id: i64,
    pub association_type: String,
    pub association_id: i64,
    pub context_type: String,
    pub context_id: i64,
    pub use_for_grading: bool,
    pub title: Option<String>,
    pub purpose: String,
    pub hide_score_total: bool,
    pub bookmarked: bool,
    pub hide_points: bool,
    pub hide_outcome_results: bool,
    pub workflow_state: String,
    pub created_at: String,
    pub updated_at: String,
}

const ASSOCIATION_COLUMNS: &str = "id, rubric_id, association_type, association_id, context_type, context_id, use_for_grading, title, purpose, hide_score_total, bookmarked, hide_points, hide_outcome_results, workflow_state, created_at, updated_at";

fn association_from(row: &Row<'_>) -> rusqlite::Result<AssociationRow> {
    Ok(AssociationRow {
        id: row.get(0)?,
        rubric_id: row.get(1)?,
        association_type: row.get(2)?,
        association_id: row.get(3)?,
        context_type: row.get(4)?,
        context_id: row.get(5)?,
        use_for_grading: row.get(6)?,
        title: row.get(7)?,
        purpose: row.get(8)?,
        hide_score_total: row.get(9)?,
        bookmarked: row.get(10)?,
        hide_points: row.get(11)?,
        hide_outcome_results: row.get(12)?,
        workflow_state: row.get(13)?,
        created_at: row.get(14)?,
        updated_at: row.get(15)?,
    })
}

/// Active associations matching a `WHERE` clause, ordered by id.
pub fn associations_where(
    conn: &Connection,
    clause: &str,
    args: impl rusqlite::Params,
) -> ApiResult<Vec<AssociationRow>> {
    let mut statement = conn.prepare(&format!(
        "SELECT {ASSOCIATION_COLUMNS} FROM rubric_associations WHERE workflow_state = 'active' AND ({clause}) ORDER BY id"
    ))?;
    let rows = statement
        .query_map(args, association_from)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// Inserts or updates an association; returns its id.
pub fn save_association(conn: &Connection, a: &AssociationRow) -> ApiResult<i64> {
    if a.id == 0 {
        conn.execute(
            "INSERT INTO rubric_associations (rubric_id, association_type, association_id, context_type, context_id, use_for_grading, title, purpose, hide_score_total, bookmarked, hide_points, hide_outcome_results, workflow_state, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            params![a.rubric_id, a.association_type, a.association_id, a.context_type, a.context_id, a.use_for_grading, a.title, a.purpose, a.hide_score_total, a.bookmarked, a.hide_points, a.hide_outcome_results, a.workflow_state, a.created_at, a.updated_at],
        )?;
        Ok(conn.last_insert_rowid())
    } else {
        conn.execute(
            "UPDATE rubric_associations SET rubric_id = ?2, use_for_grading = ?3, title = ?4, purpose = ?5, hide_score_total = ?6, bookmarked = ?7, hide_points = ?8, hide_outcome_results = ?9, workflow_state = ?10, updated_at = ?11 WHERE id = ?1",
            params![a.id, a.rubric_id, a.use_for_grading, a.title, a.purpose, a.hide_score_total, a.bookmarked, a.hide_points, a.hide_outcome_results, a.workflow_state, a.updated_at],
        )?;
        Ok(a.id)
    }
}

/// The association as the rubrics API includes it.
pub fn api_association(a: &AssociationRow) -> RubricAssociation {
    RubricAssociation {
        id: a.id as u64,
        rubric_id: a.rubric_id as u64,
        association_id: a.association_id as u64,
        association_type: a.association_type.clone(),
        use_for_grading: a.use_for_grading,
        title: a.title.clone(),
        summary_data: None,
        purpose: a.purpose.clone(),
        context_id: a.context_id as u64,
        context_type: a.context_type.clone(),
        hide_score_total: a.hide_score_total,
        bookmarked: a.bookmarked,
        hide_points: a.hide_points,
        hide_outcome_results: a.hide_outcome_results,
    }
}

/// Every column, as the association and rubric controllers answer.
pub fn full_association(a: &AssociationRow) -> Value {
    let context = if a.context_type == "Account" {
        Context::Account(a.context_id)
    } else {
        Context::Course(a.context_id)
    };
    json!({
        "id": a.id, "rubric_id": a.rubric_id, "association_id": a.association_id,
        "association_type": a.association_type, "use_for_grading": a.use_for_grading,
        "created_at": a.created_at, "updated_at": a.updated_at, "title": a.title,
        "summary_data": null, "purpose": a.purpose, "url": null, "context_id": a.context_id,
        "context_type": a.context_type, "hide_score_total": a.hide_score_total, "bookmarked": a.bookmarked,
        "context_code": context.code(), "hide_points": a.hide_points,
        "hide_outcome_results": a.hide_outcome_results, "root_account_id": 1,
        "workflow_state": a.workflow_state
    })
}

/// Grading associations of a rubric (Canvas's read-only and copy-on-write threshold counts them).
pub fn grading_count(conn: &Connection, rubric_id: i64) -> ApiResult<i64> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM rubric_associations WHERE rubric_id = ?1 AND purpose = 'grading' AND workflow_state = 'active'",
        [rubric_id],
        |row| row.get(0),
    )?)
}
