//! `RubricAssessmentsController`: grading a submission with a rubric, as Canvas's
//! `RubricAssociation#assess` does it.
use std::sync::Arc;

use axum::extract::{Path, State};
use axum::Json;
use rubric_core::rules::{assessment_score, rating_for_points};
use rubric_core::{AssessmentRating, RubricAssessment};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde_json::{json, Map, Value};

use crate::auth::Caller;
use crate::body::Params;
use crate::context::{Context, Found, Permissions};
use crate::db::now;
use crate::error::{ApiError, ApiResult};
use crate::store::{self, AssociationRow, RubricRow};
use crate::AppState;

struct AssessmentRow {
    id: i64,
    rubric_id: i64,
    rubric_association_id: Option<i64>,
    artifact_id: i64,
    user_id: i64,
    assessor_id: i64,
    assessment_type: String,
    score: Option<f64>,
    data: Option<Vec<AssessmentRating>>,
    artifact_attempt: Option<i64>,
    created_at: String,
    updated_at: String,
}

const COLUMNS: &str = "id, rubric_id, rubric_association_id, artifact_id, user_id, assessor_id, assessment_type, score, data, artifact_attempt, created_at, updated_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<AssessmentRow> {
    let data: Option<String> = row.get(8)?;
    Ok(AssessmentRow {
        id: row.get(0)?,
        rubric_id: row.get(1)?,
        rubric_association_id: row.get(2)?,
        artifact_id: row.get(3)?,
        user_id: row.get(4)?,
        assessor_id: row.get(5)?,
        assessment_type: row.get(6)?,
        score: row.get(7)?,
        data: data.map(|d| store::parse_column(&d, 8)).transpose()?,
        artifact_attempt: row.get(9)?,
        created_at: row.get(10)?,
        updated_at: row.get(11)?,
    })
}

fn find(
    conn: &Connection,
    clause: &str,
    args: impl rusqlite::Params,
) -> ApiResult<Option<AssessmentRow>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM rubric_assessments WHERE {clause}"),
            args,
            from_row,
        )
        .optional()?)
}

fn api(row: &AssessmentRow, style: Option<&str>) -> RubricAssessment {
    let comments_only = style == Some("comments_only");
    RubricAssessment {
        id: row.id as u64,
        rubric_id: row.rubric_id as u64,
        rubric_association_id: row.rubric_association_id.map(|a| a as u64),
        score: row.score,
        artifact_type: "Submission".into(),
        artifact_id: row.artifact_id as u64,
        artifact_attempt: row.artifact_attempt.map(|a| a as u64),
        assessment_type: row.assessment_type.clone(),
        assessor_id: row.assessor_id as u64,
        data: if comments_only {
            None
        } else {
            Some(row.data.clone().unwrap_or_default())
        },
        comments: comments_only.then(|| {
            row.data
                .iter()
                .flatten()
                .map(|d| d.comments.clone())
                .collect()
        }),
    }
}

/// The assessments a rubric include asks for (`assessments`, `graded_assessments`,
/// `peer_assessments`): in a course, those made through this course's associations.
pub fn for_rubric(
    conn: &Connection,
    rubric: &RubricRow,
    found: &Found,
    include: &str,
    style: Option<&str>,
) -> ApiResult<Vec<RubricAssessment>> {
    let kind = match include {
        "graded_assessments" => "AND ra.assessment_type = 'grading'",
        "peer_assessments" => "AND ra.assessment_type = 'peer_review'",
        _ => "",
    };
    let scope = match found.context {
        Context::Course(_) => "AND a.context_type = 'Course' AND a.context_id = ?2",
        Context::Account(_) => "AND ?2 = ?2",
    };
    let columns = COLUMNS
        .split(", ")
        .map(|c| format!("ra.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut statement = conn.prepare(&format!(
        "SELECT {columns} FROM rubric_assessments ra LEFT JOIN rubric_associations a ON a.id = ra.rubric_association_id
         WHERE ra.rubric_id = ?1 {kind} {scope} ORDER BY ra.id"
    ))?;
    let rows = statement
        .query_map(params![rubric.id, found.context.id()], from_row)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows.iter().map(|r| api(r, style)).collect())
}

/// One criterion's grade from `criterion_<id>` parameters, as `RubricAssociation#assess` does.
fn grade(criterion: &rubric_core::RubricCriterion, sent: &Map<String, Value>) -> AssessmentRating {
    let text = |k: &str| match sent.get(k) {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let points = text("points")
        .filter(|p| !p.trim().is_empty())
        .map(|p| rubric_core::ruby::str_to_f(&p));
    let description = text("description").or_else(|| {
        points.and_then(|p| {
            rating_for_points(&criterion.ratings, p, criterion.criterion_use_range)
                .map(|r| r.description.clone())
        })
    });
    let comments = text("comments");
    AssessmentRating {
        id: text("rating_id"),
        points,
        criterion_id: criterion.id.clone(),
        learning_outcome_id: criterion.learning_outcome_id,
        ignore_for_scoring: criterion.ignore_for_scoring.then_some(true),
        description: Some(description.unwrap_or_else(|| "No details".into())),
        comments_enabled: true,
        comments_html: comments
            .as_deref()
            .filter(|c| !c.is_empty())
            .map(rubric_core::forms::format_message),
        comments,
        above_threshold: criterion.mastery_points.map(|m| points.unwrap_or(0.0) >= m),
    }
}

/// `POST .../rubric_associations/:association_id/rubric_assessments`.
pub async fn create(
    State(state): State<Arc<AppState>>,
    Path((course, association)): Path<(String, String)>,
    caller: Caller,
    params: Params,
) -> ApiResult<Json<Value>> {
    assess(state, course, association, None, caller, params).await
}

/// `PUT .../rubric_assessments/:id`.
pub async fn update(
    State(state): State<Arc<AppState>>,
    Path((course, association, id)): Path<(String, String, String)>,
    caller: Caller,
    params: Params,
) -> ApiResult<Json<Value>> {
    assess(state, course, association, Some(id), caller, params).await
}

fn association_in(conn: &Connection, found: &Found, id: &str) -> ApiResult<AssociationRow> {
    let id: i64 = id.parse().map_err(|_| ApiError::NotFound)?;
    store::associations_where(
        conn,
        "id = ?1 AND context_type = ?2 AND context_id = ?3",
        params![id, found.context.type_name(), found.context.id()],
    )?
    .into_iter()
    .next()
    .ok_or(ApiError::NotFound)
}

async fn assess(
    state: Arc<AppState>,
    course: String,
    association_id: String,
    assessment_id: Option<String>,
    caller: Caller,
    params: Params,
) -> ApiResult<Json<Value>> {
    state
        .run(move |conn, _| {
            let caller = caller.resolve(conn)?;
            let found = Context::from_path("courses", &course)?.find(conn)?;
            let user = caller.require()?;
            let association = association_in(conn, &found, &association_id)?;
            let existing = match &assessment_id {
                Some(id) => {
                    let id: i64 = id.parse().map_err(|_| ApiError::NotFound)?;
                    Some(
                        find(
                            conn,
                            "id = ?1 AND rubric_id = ?2",
                            params![id, association.rubric_id],
                        )?
                        .ok_or(ApiError::NotFound)?,
                    )
                }
                None => None,
            };
            let sent = match params.0.get("rubric_assessment") {
                Some(Value::Object(map)) => map.clone(),
                _ => return Err(ApiError::BadRequest("rubric_assessment is missing: send rubric_assessment[user_id], [assessment_type] and criterion_<id> grades".into())),
            };
            let assessed_user: i64 = match &existing {
                Some(e) => e.user_id,
                None => match sent.get("user_id") {
                    Some(Value::String(s)) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
                        s.parse().map_err(|_| ApiError::NotFound)?
                    }
                    Some(Value::Number(n)) if n.as_i64().is_some() => n.as_i64().unwrap_or_default(),
                    _ => return Err(ApiError::NotFound),
                },
            };
            let permissions = Permissions::of(conn, user.id, &found)?;
            if let Some(e) = &existing {
                Permissions::require(e.assessor_id == user.id || permissions.manage_rubrics())?;
            }
            if association.association_type != "Assignment" {
                return Err(ApiError::BadRequest(format!(
                    "rubric association {} is attached to a {}; only assignment associations can be assessed",
                    association.id, association.association_type
                )));
            }
            let peer_review = conn
                .query_row(
                    "SELECT 1 FROM peer_reviews WHERE assignment_id = ?1 AND assessor_id = ?2 AND user_id = ?3",
                    params![association.association_id, user.id, assessed_user],
                    |_| Ok(()),
                )
                .optional()?
                .is_some();
            Permissions::require(permissions.manage_grades() || peer_review)?;
            let assessment_type = match sent.get("assessment_type") {
                Some(Value::String(s)) if !s.is_empty() => s.clone(),
                _ => return Err(ApiError::BadRequest("rubric_assessment[assessment_type] is missing: send grading, peer_review or self_assessment".into())),
            };
            if !permissions.manage_grades() && assessment_type != "peer_review" {
                return Err(ApiError::Unauthorized);
            }
            conn.query_row("SELECT 1 FROM users WHERE id = ?1", [assessed_user], |_| {
                Ok(())
            })
            .optional()?
            .ok_or(ApiError::NotFound)?;
            let rubric = store::rubric(conn, association.rubric_id)?.ok_or(ApiError::NotFound)?;
            let tx = conn.transaction()?;
            tx.execute(
                "INSERT OR IGNORE INTO submissions (assignment_id, user_id, attempt) VALUES (?1, ?2, 1)",
                params![association.association_id, assessed_user],
            )?;
            let (submission_id, attempt): (i64, Option<i64>) = tx.query_row(
                "SELECT id, attempt FROM submissions WHERE assignment_id = ?1 AND user_id = ?2",
                params![association.association_id, assessed_user],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )?;
            let grades: Vec<AssessmentRating> = rubric
                .data
                .iter()
                .filter_map(|c| match sent.get(&format!("criterion_{}", c.id)) {
                    Some(Value::Object(data)) => Some(grade(c, data)),
                    _ => None,
                })
                .collect();
            let mut record = match existing {
                Some(e) => Some(e),
                None if association.purpose == "grading" && assessment_type == "grading" => find(
                    &tx,
                    "artifact_id = ?1 AND rubric_association_id = ?2 AND assessment_type = 'grading'",
                    params![submission_id, association.id],
                )?,
                None => find(
                    &tx,
                    "artifact_id = ?1 AND rubric_association_id = ?2 AND assessor_id = ?3 AND assessment_type = ?4",
                    params![submission_id, association.id, user.id, assessment_type],
                )?,
            }
            .unwrap_or(AssessmentRow {
                id: 0,
                rubric_id: rubric.id,
                rubric_association_id: Some(association.id),
                artifact_id: submission_id,
                user_id: assessed_user,
                assessor_id: user.id,
                assessment_type: assessment_type.clone(),
                score: None,
                data: None,
                artifact_attempt: attempt,
                created_at: now(),
                updated_at: now(),
            });
            record.assessor_id = user.id;
            record.assessment_type = assessment_type;
            record.updated_at = now();
            if !grades.is_empty() {
                record.score = assessment_score(
                    grades
                        .iter()
                        .map(|g| (g.points, g.ignore_for_scoring == Some(true))),
                );
                record.data = Some(grades);
            }
            let data = record
                .data
                .as_ref()
                .map(|d| serde_json::to_string(d).unwrap_or_default());
            if record.id == 0 {
                tx.execute(
                    "INSERT INTO rubric_assessments (rubric_id, rubric_association_id, artifact_id, user_id, assessor_id, assessment_type, score, data, artifact_attempt, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                    params![record.rubric_id, record.rubric_association_id, record.artifact_id, record.user_id, record.assessor_id, record.assessment_type, record.score, data, record.artifact_attempt, record.created_at, record.updated_at],
                )?;
                record.id = tx.last_insert_rowid();
            } else {
                tx.execute(
                    "UPDATE rubric_assessments SET assessor_id = ?2, assessment_type = ?3, score = ?4, data = ?5, updated_at = ?6 WHERE id = ?1",
                    params![record.id, record.assessor_id, record.assessment_type, record.score, data, record.updated_at],
                )?;
            }
            if association.use_for_grading && permissions.manage_grades() {
                tx.execute(
                    "UPDATE submissions SET score = ?1 WHERE id = ?2",
                    params![record.score, submission_id],
                )?;
            }
            let body = full_json(&tx, &record, &association)?;
            tx.commit()?;
            Ok(Json(body))
        })
        .await
}

fn full_json(
    conn: &Connection,
    record: &AssessmentRow,
    association: &AssociationRow,
) -> ApiResult<Value> {
    let assessor_name: String = conn.query_row(
        "SELECT name FROM users WHERE id = ?1",
        [record.assessor_id],
        |r| r.get(0),
    )?;
    let (score, attempt): (Option<f64>, Option<i64>) = conn.query_row(
        "SELECT score, attempt FROM submissions WHERE id = ?1",
        [record.artifact_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(json!({
        "id": record.id, "rubric_id": record.rubric_id, "rubric_association_id": record.rubric_association_id,
        "score": record.score, "data": record.data, "artifact_id": record.artifact_id, "artifact_type": "Submission",
        "assessment_type": record.assessment_type, "assessor_id": record.assessor_id, "user_id": record.user_id,
        "artifact_attempt": record.artifact_attempt, "created_at": record.created_at, "updated_at": record.updated_at,
        "ratings": record.data, "assessor_name": assessor_name, "related_group_submissions_and_assessments": [],
        "artifact": {"id": record.artifact_id, "assignment_id": association.association_id, "user_id": record.user_id,
                     "score": score, "attempt": attempt, "submission_comments": []},
        "rubric_association": store::full_association(association)
    }))
}

/// `DELETE .../rubric_assessments/:id`: a hard delete; answers `{"rubric_assessment":{...}}`.
pub async fn destroy(
    State(state): State<Arc<AppState>>,
    Path((course, association_id, id)): Path<(String, String, String)>,
    caller: Caller,
) -> ApiResult<Json<Value>> {
    state
        .run(move |conn, _| {
            let caller = caller.resolve(conn)?;
            let found = Context::from_path("courses", &course)?.find(conn)?;
            let user = caller.require()?;
            let association = association_in(conn, &found, &association_id)?;
            let id: i64 = id.parse().map_err(|_| ApiError::NotFound)?;
            let record = find(
                conn,
                "id = ?1 AND rubric_id = ?2",
                params![id, association.rubric_id],
            )?
            .ok_or(ApiError::NotFound)?;
            Permissions::require(Permissions::of(conn, user.id, &found)?.manage_rubrics())?;
            let body = json!({"rubric_assessment": full_json(conn, &record, &association)?});
            let tx = conn.transaction()?;
            tx.execute("DELETE FROM rubric_assessments WHERE id = ?1", [id])?;
            tx.commit()?;
            Ok(Json(body))
        })
        .await
}
