//! The fixed demo data (documented in the README), seeded into an empty database.
use rusqlite::Connection;
use serde_json::{json, Value};

use crate::auth::User;
use crate::context::Context;
use crate::error::ApiResult;
use crate::routes::rubric_service::{generate_association, save_rubric_params};
use crate::AppState;

/// Demo users: `(id, name, token)`.
pub const USERS: [(i64, &str, &str); 3] = [
    (1, "Ada Admin", "demo-admin-token"),
    (2, "Tess Teacher", "demo-teacher-token"),
    (3, "Sam Student", "demo-student-token"),
];

/// Whether the database has no accounts yet.
pub fn is_empty(conn: &Connection) -> rusqlite::Result<bool> {
    conn.query_row("SELECT COUNT(*) FROM accounts", [], |r| r.get::<_, i64>(0))
        .map(|n| n == 0)
}

fn lab_report_rubric() -> Value {
    let rating = |description: &str, long: &str, points: &str| json!({"description": description, "long_description": long, "points": points});
    let criterion = |description: &str, long: &str, range: bool, ratings: Vec<Value>| {
        json!({
            "description": description, "long_description": long, "criterion_use_range": range.to_string(),
            "ratings": rubric_core::params::index_keyed(ratings)
        })
    };
    json!({
        "title": "Lab Report",
        "free_form_criterion_comments": "0",
        "criteria": rubric_core::params::index_keyed([
            criterion("Hypothesis", "States a testable hypothesis.", false, vec![
                rating("Exemplary", "Clear, specific and testable", "4"),
                rating("Proficient", "Testable but vague", "3"),
                rating("Developing", "Hard to test", "2"),
                rating("Missing", "No hypothesis", "0"),
            ]),
            criterion("Data analysis", "Analyses the data with appropriate methods.", true, vec![
                rating("Thorough", "Every result analysed and explained", "10"),
                rating("Adequate", "Most results analysed", "7"),
                rating("Partial", "Some analysis", "4"),
                rating("Minimal", "Little or no analysis", "1"),
            ]),
            criterion("Writing", "Organised, clear and properly cited.", false, vec![
                rating("Excellent", "", "6"),
                rating("Good", "", "4"),
                rating("Fair", "", "2"),
                rating("Poor", "", "0"),
            ]),
        ]),
    })
}

/// Seeds the demo: Demo University (account 1, with Canvas's default scale) and its Science
/// Department (account 2), Biology 101 (course 1), the three users, Lab Report 1 (assignment 1)
/// and Field Notebook (assignment 2, no rubric yet), Lab Report 1 graded with the Lab Report rubric (rubric 1), and the student's submission.
pub fn seed(conn: &Connection, state: &AppState) -> ApiResult<()> {
    conn.execute_batch(
        "INSERT INTO accounts (id, name, parent_id) VALUES (1, 'Demo University', NULL), (2, 'Science Department', 1);
         INSERT INTO courses (id, name, account_id) VALUES (1, 'Biology 101', 2);
         INSERT INTO account_admins (user_id, account_id) VALUES (1, 1);
         INSERT INTO enrollments (user_id, course_id, role) VALUES (2, 1, 'teacher'), (3, 1, 'student');
         INSERT INTO assignments (id, course_id, title, points_possible) VALUES (1, 1, 'Lab Report 1', 20), (2, 1, 'Field Notebook', 10);
         INSERT INTO submissions (assignment_id, user_id, attempt) VALUES (1, 3, 1);",
    )?;
    for (id, name, token) in USERS {
        conn.execute(
            "INSERT INTO users (id, name, token) VALUES (?1, ?2, ?3)",
            rusqlite::params![id, name, token],
        )?;
    }
    let scale = serde_json::to_string(&rubric_core::Proficiency::canvas_default().ratings)
        .unwrap_or_default();
    conn.execute(
        "INSERT INTO proficiencies (context_type, context_id, workflow_state, ratings) VALUES ('Account', 1, 'active', ?1)",
        [scale],
    )?;
    let found = Context::Course(1).find(conn)?;
    let teacher = User {
        id: 2,
        name: "Tess Teacher".into(),
    };
    let form = lab_report_rubric();
    let rubric = match save_rubric_params(
        conn,
        state,
        &found,
        &teacher,
        None,
        form.as_object().unwrap_or(&Default::default()),
        None,
    )? {
        Ok(row) => row,
        Err(messages) => return Err(crate::error::ApiError::Internal(messages.join(" "))),
    };
    let bookmark = json!({"purpose": "bookmark"});
    let course = ("Course".to_string(), 1, found.name.clone());
    generate_association(
        conn,
        rubric.id,
        &found,
        &course,
        bookmark.as_object().unwrap_or(&Default::default()),
        None,
    )?;
    let grading = json!({"purpose": "grading", "use_for_grading": "1"});
    let assignment = ("Assignment".to_string(), 1, "Lab Report 1".to_string());
    generate_association(
        conn,
        rubric.id,
        &found,
        &assignment,
        grading.as_object().unwrap_or(&Default::default()),
        None,
    )?;
    conn.execute(
        "UPDATE assignments SET points_possible = ?1 WHERE id = 1",
        [rubric.points_possible],
    )?;
    Ok(())
}
