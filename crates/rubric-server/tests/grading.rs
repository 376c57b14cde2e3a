//! Associations and assessments over HTTP.
mod common;

use common::{read, Server, STUDENT, TEACHER};
use serde_json::{json, Value};

fn criteria(server: &Server) -> Vec<Value> {
    read(server.get("/api/v1/courses/1/rubrics/1", Some(TEACHER))).1["data"]
        .as_array()
        .unwrap()
        .clone()
}

#[test]
fn teachers_grade_a_submission_and_the_score_is_canvas_arithmetic() {
    let server = Server::demo();
    let c = criteria(&server);
    let body = format!(
        "rubric_assessment[user_id]=3&rubric_assessment[assessment_type]=grading\
         &rubric_assessment[criterion_{a}][points]=3&rubric_assessment[criterion_{a}][comments]=Clear+%3Cb%3E\
         &rubric_assessment[criterion_{b}][points]=8.5\
         &rubric_assessment[criterion_{c}][points]=&rubric_assessment[criterion_{c}][comments]=late",
        a = c[0]["id"].as_str().unwrap(),
        b = c[1]["id"].as_str().unwrap(),
        c = c[2]["id"].as_str().unwrap()
    );
    let (status, assessment) = read(server.form(
        "POST",
        "/api/v1/courses/1/rubric_associations/2/rubric_assessments",
        Some(TEACHER),
        &body,
    ));
    assert_eq!(status, 200, "{assessment}");
    assert_eq!(assessment["score"], json!(11.5));
    assert_eq!(assessment["data"][0]["description"], "Proficient");
    assert_eq!(assessment["data"][0]["comments_html"], "Clear &lt;b&gt;");
    assert_eq!(
        assessment["data"][1]["description"], "Thorough",
        "8.5 falls in the 7..10 range"
    );
    assert!(
        assessment["data"][2].get("points").is_none(),
        "an empty points cell is no score"
    );
    assert_eq!(assessment["data"][2]["description"], "No details");
    assert_eq!(
        assessment["artifact"]["score"],
        json!(11.5),
        "grading association sets the submission score"
    );
    let keys: Vec<&str> = assessment["data"][0]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "id",
            "points",
            "criterion_id",
            "learning_outcome_id",
            "description",
            "comments_enabled",
            "comments",
            "comments_html"
        ]
    );
    // A second grading assessment of the same submission updates the same record.
    let body = format!("rubric_assessment[user_id]=3&rubric_assessment[assessment_type]=grading&rubric_assessment[criterion_{}][points]=4", c[0]["id"].as_str().unwrap());
    let (_, again) = read(server.form(
        "POST",
        "/api/v1/courses/1/rubric_associations/2/rubric_assessments",
        Some(TEACHER),
        &body,
    ));
    assert_eq!(again["id"], assessment["id"]);
    assert_eq!(again["score"], json!(4.0));
    let (_, with) = read(server.get(
        "/api/v1/courses/1/rubrics/1?include[]=graded_assessments&style=comments_only",
        Some(TEACHER),
    ));
    assert_eq!(with["assessments"].as_array().unwrap().len(), 1);
    assert!(with["assessments"][0].get("comments").is_some());
    let (status, deleted) = read(server.delete(
        &format!(
            "/api/v1/courses/1/rubric_associations/2/rubric_assessments/{}",
            again["id"]
        ),
        Some(TEACHER),
    ));
    assert_eq!(status, 200);
    assert_eq!(deleted["rubric_assessment"]["id"], again["id"]);
}

#[test]
fn assessment_input_errors_are_clear() {
    let server = Server::demo();
    let path = "/api/v1/courses/1/rubric_associations/2/rubric_assessments";
    let (status, _) = read(server.form(
        "POST",
        path,
        Some(TEACHER),
        "rubric_assessment[user_id]=abc&rubric_assessment[assessment_type]=grading",
    ));
    assert_eq!(status, 404, "a non-numeric user id");
    let (status, body) =
        read(server.form("POST", path, Some(TEACHER), "rubric_assessment[user_id]=3"));
    assert_eq!(status, 400);
    assert!(body["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("assessment_type"));
    let (status, _) = read(server.form("POST", path, Some(TEACHER), "nothing=1"));
    assert_eq!(status, 400);
    let (status, _) = read(server.form(
        "POST",
        "/api/v1/courses/1/rubric_associations/77/rubric_assessments",
        Some(TEACHER),
        "rubric_assessment[user_id]=3",
    ));
    assert_eq!(status, 404);
    let (status, body) = read(server.form(
        "POST",
        "/api/v1/courses/1/rubric_associations/1/rubric_assessments",
        Some(TEACHER),
        "rubric_assessment[user_id]=3&rubric_assessment[assessment_type]=grading",
    ));
    assert_eq!(
        status, 400,
        "the course bookmark cannot be assessed: {body}"
    );
}

#[test]
fn students_may_assess_only_as_assigned_peer_reviewers() {
    let server = Server::demo();
    let path = "/api/v1/courses/1/rubric_associations/2/rubric_assessments";
    let body = "rubric_assessment[user_id]=2&rubric_assessment[assessment_type]=peer_review";
    let (status, _) = read(server.form("POST", path, Some(STUDENT), body));
    assert_eq!(status, 401, "no peer review was assigned");
    let conn = rusqlite::Connection::open(&server.db).unwrap();
    conn.execute(
        "INSERT INTO peer_reviews (assignment_id, assessor_id, user_id) VALUES (1, 3, 2)",
        [],
    )
    .unwrap();
    drop(conn);
    let (status, review) = read(server.form("POST", path, Some(STUDENT), body));
    assert_eq!(status, 200, "{review}");
    assert_eq!(review["assessment_type"], "peer_review");
    let grading = "rubric_assessment[user_id]=2&rubric_assessment[assessment_type]=grading";
    let (status, _) = read(server.form("POST", path, Some(STUDENT), grading));
    assert_eq!(status, 401, "a peer reviewer cannot grade");
}

#[test]
fn associations_are_created_updated_and_deleted() {
    let server = Server::demo();
    let conn = rusqlite::Connection::open(&server.db).unwrap();
    conn.execute("INSERT INTO assignments (id, course_id, title, points_possible) VALUES (5, 1, 'Essay', 50)", []).unwrap();
    drop(conn);
    let (status, created) = read(server.form(
        "POST",
        "/api/v1/courses/1/rubric_associations",
        Some(TEACHER),
        "rubric_association[rubric_id]=1&rubric_association[association_type]=Assignment&rubric_association[association_id]=5\
         &rubric_association[purpose]=grading&rubric_association[use_for_grading]=1&rubric_association[hide_score_total]=1",
    ));
    assert_eq!(status, 200, "{created}");
    let association = &created["rubric_association"];
    assert_eq!(association["use_for_grading"], true);
    assert_eq!(association["hide_score_total"], true);
    assert_eq!(association["title"], "Essay");
    let id = association["id"].as_i64().unwrap();
    let conn = rusqlite::Connection::open(&server.db).unwrap();
    let points: f64 = conn
        .query_row(
            "SELECT points_possible FROM assignments WHERE id = 5",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(points, 20.0, "the assignment takes the rubric's total");
    drop(conn);
    let (status, updated) = read(server.form(
        "PUT",
        &format!("/api/v1/courses/1/rubric_associations/{id}"),
        Some(TEACHER),
        "rubric_association[hide_points]=1&rubric_association[hide_score_total]=1",
    ));
    assert_eq!(status, 200);
    assert_eq!(updated["rubric_association"]["hide_points"], true);
    assert_eq!(
        updated["rubric_association"]["hide_score_total"], false,
        "hide_points=1 clears hide_score_total"
    );
    assert_eq!(updated["rubric_association"]["use_for_grading"], false);
    let (status, deleted) = read(server.delete(
        &format!("/api/v1/courses/1/rubric_associations/{id}"),
        Some(TEACHER),
    ));
    assert_eq!(status, 200);
    assert_eq!(deleted["rubric_association"]["id"], id);
    let (status, _) = read(server.delete(
        &format!("/api/v1/courses/1/rubric_associations/{id}"),
        Some(TEACHER),
    ));
    assert_eq!(status, 404);
    let (status, _) = read(server.form(
        "POST",
        "/api/v1/courses/1/rubric_associations",
        Some(STUDENT),
        "rubric_association[rubric_id]=1",
    ));
    assert_eq!(status, 401);
}

#[test]
fn assignments_list_what_a_rubric_can_be_attached_to_page_by_page() {
    let server = Server::demo();
    let (status, all) = read(server.get("/api/v1/courses/1/assignments", Some(STUDENT)));
    assert_eq!(status, 200, "students read the course's assignments: {all}");
    let names: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"Field Notebook"), "{names:?}");
    assert_eq!(all[0]["course_id"], json!(1));
    let first = server.get("/api/v1/courses/1/assignments?per_page=1", Some(TEACHER));
    let link = first
        .headers()
        .get("link")
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(link.contains("rel=\"next\""), "{link}");
    assert_eq!(read(first).1.as_array().unwrap().len(), 1);
    let (status, missing) = read(server.get("/api/v1/courses/99/assignments", Some(TEACHER)));
    assert_eq!(status, 404, "{missing}");
    let (status, _) = read(server.get("/api/v1/courses/1/assignments", None));
    assert_eq!(status, 401);
}
