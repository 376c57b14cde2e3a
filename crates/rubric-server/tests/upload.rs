//! CSV import and the template over HTTP.
mod common;

use common::{read, Server, TEACHER};
use reqwest::blocking::multipart::{Form, Part};
use serde_json::json;

fn csv_form(text: &str) -> Form {
    Form::new().part(
        "attachment",
        Part::bytes(text.as_bytes().to_vec())
            .file_name("rubrics.csv")
            .mime_str("text/csv")
            .unwrap(),
    )
}

#[test]
fn the_template_downloads_as_canvas_sends_it() {
    let server = Server::demo();
    let response = server.get("/api/v1/rubrics/upload_template", Some(TEACHER));
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["content-type"], "text/csv");
    assert!(response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("import_rubric_template.csv"));
    assert_eq!(response.text().unwrap(), rubric_core::csv::TEMPLATE);
    assert_eq!(
        server
            .get("/api/v1/rubrics/upload_template", None)
            .status()
            .as_u16(),
        401
    );
}

#[test]
fn uploading_the_template_creates_a_draft_rubric_and_reports_success() {
    let server = Server::demo();
    let (status, created) = read(server.multipart(
        "/api/v1/courses/1/rubrics/upload",
        Some(TEACHER),
        csv_form(rubric_core::csv::TEMPLATE),
    ));
    assert_eq!(status, 200, "{created}");
    assert_eq!(created["workflow_state"], "created");
    assert_eq!(created["progress"], 0);
    assert_eq!(created["course_id"], 1);
    let (_, latest) = read(server.get("/api/v1/courses/1/rubrics/upload/latest", Some(TEACHER)));
    assert_eq!(latest["workflow_state"], "succeeded");
    assert_eq!(latest["progress"], 100);
    let (_, rubrics) = read(server.get(
        &format!("/api/v1/courses/1/rubrics/upload/{}/rubrics", created["id"]),
        Some(TEACHER),
    ));
    assert_eq!(rubrics[0]["title"], "Rubric 1");
    assert_eq!(rubrics[0]["points_possible"], json!(3.0));
    let (_, index) = read(server.get("/api/v1/courses/1/rubrics", Some(TEACHER)));
    assert_eq!(
        index.as_array().unwrap().len(),
        1,
        "drafts stay out of the index"
    );
    let id = rubrics[0]["id"].as_i64().unwrap();
    let (status, _) = read(server.get(&format!("/api/v1/courses/1/rubrics/{id}"), Some(TEACHER)));
    assert_eq!(status, 200, "but they are bookmarked in the course");
}

#[test]
fn row_errors_are_reported_and_bad_files_fail() {
    let server = Server::demo();
    let text = "Rubric Name,Criteria Name,Rating Name,Rating Points\nGood,C,r,1\nBad,,r,1\n";
    read(server.multipart(
        "/api/v1/courses/1/rubrics/upload",
        Some(TEACHER),
        csv_form(text),
    ));
    let (_, status) = read(server.get("/api/v1/courses/1/rubrics/upload/latest", Some(TEACHER)));
    assert_eq!(status["workflow_state"], "succeeded_with_errors");
    assert_eq!(status["error_count"], 1);
    assert_eq!(
        status["error_data"][0],
        json!({"message": "Missing 'Criteria Name' for Bad", "row": 3, "column": "Criteria Name"}),
        "Canvas's message, with the row and column beside it"
    );
}

#[test]
fn a_file_without_rubric_rows_fails_with_canvas_message_then_the_reason() {
    let server = Server::demo();
    let empty = rubric_core::csv::EMPTY_FILE;
    for (text, entries) in [
        ("", json!([{"message": empty}])),
        (
            "Rubric Name,Criteria Name,Rating Name,Rating Points\n",
            json!([{"message": empty}]),
        ),
        (
            "Name,Points\nEssay,4\n",
            json!([{"message": empty}, {"message": "The header row has no 'Rubric Name' column.", "row": 1}]),
        ),
    ] {
        read(server.multipart(
            "/api/v1/courses/1/rubrics/upload",
            Some(TEACHER),
            csv_form(text),
        ));
        let (_, failed) =
            read(server.get("/api/v1/courses/1/rubrics/upload/latest", Some(TEACHER)));
        assert_eq!(failed["workflow_state"], "failed", "{text:?}");
        assert_eq!(failed["error_count"], entries.as_array().unwrap().len());
        assert_eq!(failed["error_data"], entries, "{text:?}");
    }
}

#[test]
fn uploads_without_a_file_or_for_a_missing_import_are_refused() {
    let server = Server::demo();
    let (status, body) = read(server.multipart(
        "/api/v1/courses/1/rubrics/upload",
        Some(TEACHER),
        Form::new().text("other", "x"),
    ));
    assert_eq!(
        (status, body),
        (400, json!({"message": "No file attached"}))
    );
    let (status, body) = read(server.get("/api/v1/courses/1/rubrics/upload/999", Some(TEACHER)));
    assert_eq!(
        (status, body),
        (404, json!({"message": "ActiveRecord::RecordNotFound"}))
    );
}
