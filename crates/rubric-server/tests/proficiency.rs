//! `outcome_proficiency` over HTTP: resolution, replace-by-position, validation, permissions.
mod common;

use common::{read, Server, ADMIN, STUDENT, TEACHER};
use serde_json::json;

const SCALE: &str = "ratings[][description]=Great&ratings[][points]=5&ratings[][mastery]=false&ratings[][color]=ff0000\
&ratings[][description]=Good&ratings[][points]=3&ratings[][mastery]=true&ratings[][color]=00AC18";

#[test]
fn course_and_sub_account_inherit_the_root_scale() {
    let server = Server::demo();
    let (status, root) = read(server.get("/api/v1/accounts/1/outcome_proficiency", Some(ADMIN)));
    assert_eq!(status, 200);
    assert_eq!(root["ratings"].as_array().unwrap().len(), 5);
    let (_, sub) = read(server.get("/api/v1/accounts/2/outcome_proficiency", Some(ADMIN)));
    assert_eq!(sub, root);
    let (status, course) = read(server.get("/api/v1/courses/1/outcome_proficiency", Some(STUDENT)));
    assert_eq!(status, 200, "students read the course scale");
    assert_eq!(course, root);
}

#[test]
fn post_replaces_the_scale_and_answers_canvas_json_exactly() {
    let server = Server::demo();
    let response = server.form(
        "POST",
        "/api/v1/accounts/2/outcome_proficiency",
        Some(ADMIN),
        SCALE,
    );
    assert_eq!(response.status().as_u16(), 200);
    let text = response.text().unwrap();
    assert_eq!(
        text,
        r#"{"ratings":[{"description":"Great","points":5.0,"mastery":false,"color":"ff0000"},{"description":"Good","points":3.0,"mastery":true,"color":"00AC18"}]}"#
    );
    let (_, sub) = read(server.get("/api/v1/accounts/2/outcome_proficiency", Some(ADMIN)));
    assert_eq!(sub["ratings"][0]["description"], "Great");
    let (_, course) = read(server.get("/api/v1/courses/1/outcome_proficiency", Some(TEACHER)));
    assert_eq!(course, sub, "the course now inherits from the sub-account");
    let (_, root) = read(server.get("/api/v1/accounts/1/outcome_proficiency", Some(ADMIN)));
    assert_eq!(
        root["ratings"].as_array().unwrap().len(),
        5,
        "the root keeps its own"
    );
}

#[test]
fn fields_left_out_keep_the_existing_value_by_position() {
    let server = Server::demo();
    let body = "ratings[][description]=Top&ratings[][points]=4\
                &ratings[][description]=Middle&ratings[][points]=3\
                &ratings[][description]=Low&ratings[][points]=0";
    let (status, body) = read(server.form(
        "POST",
        "/api/v1/accounts/1/outcome_proficiency",
        Some(ADMIN),
        body,
    ));
    assert_eq!(status, 200, "{body}");
    let ratings = body["ratings"].as_array().unwrap();
    assert_eq!(ratings.len(), 3, "extra existing levels are deleted");
    assert_eq!(ratings[1]["mastery"], true, "mastery kept from level 2");
    assert_eq!(ratings[0]["color"], "008EE2", "colour kept from level 1");
    assert_eq!(ratings[2]["description"], "Low");
}

#[test]
fn json_bodies_work_like_forms() {
    let server = Server::demo();
    let scale = json!({"ratings": [
        {"description": "Yes", "points": 1, "mastery": true, "color": "00AC18"},
        {"description": "No", "points": 0, "mastery": false, "color": "EE0612"}
    ]});
    let (status, body) = read(server.json(
        "POST",
        "/api/v1/accounts/1/outcome_proficiency",
        Some(ADMIN),
        &scale,
    ));
    assert_eq!(status, 200);
    assert_eq!(body["ratings"][0]["points"], json!(1.0));
}

#[test]
fn invalid_scales_get_canvas_422_errors_and_change_nothing() {
    let server = Server::demo();
    let before = server
        .get("/api/v1/accounts/1/outcome_proficiency", Some(ADMIN))
        .text()
        .unwrap();
    let body = "ratings[][description]=&ratings[][points]=1&ratings[][mastery]=false&ratings[][color]=%23zz\
                &ratings[][description]=B&ratings[][points]=2&ratings[][mastery]=false&ratings[][color]=000000";
    let (status, errors) = read(server.form(
        "POST",
        "/api/v1/accounts/1/outcome_proficiency",
        Some(ADMIN),
        body,
    ));
    assert_eq!(status, 422);
    assert_eq!(
        errors,
        json!({"errors": [
            {"field": "outcome_proficiency_ratings.description", "message": "can't be blank", "error_code": "blank"},
            {"field": "outcome_proficiency_ratings.color", "message": "is invalid", "error_code": "invalid"},
            {"field": "outcome_proficiency_ratings", "message": "Exactly one rating can have mastery", "error_code": "Exactly one rating can have mastery"},
            {"field": "outcome_proficiency_ratings", "message": "Points should be strictly decreasing: 1.0 <= 2.0", "error_code": "Points should be strictly decreasing: 1.0 <= 2.0"}
        ]})
    );
    let after = server
        .get("/api/v1/accounts/1/outcome_proficiency", Some(ADMIN))
        .text()
        .unwrap();
    assert_eq!(before, after);
}

#[test]
fn empty_ratings_are_missing_required_ratings_and_absent_ratings_a_400() {
    let server = Server::demo();
    let (status, body) = read(server.form(
        "POST",
        "/api/v1/accounts/1/outcome_proficiency",
        Some(ADMIN),
        "ratings[]",
    ));
    assert_eq!(status, 422);
    assert_eq!(body["errors"][0]["message"], "Missing required ratings");
    let (status, body) = read(server.form(
        "POST",
        "/api/v1/accounts/1/outcome_proficiency",
        Some(ADMIN),
        "other=1",
    ));
    assert_eq!(status, 400);
    assert!(body["errors"][0]["message"]
        .as_str()
        .unwrap()
        .starts_with("ratings is missing"));
}

#[test]
fn a_new_level_without_mastery_is_a_400() {
    let server = Server::demo();
    let body =
        format!("{SCALE}&ratings[][description]=x&ratings[][points]=1&ratings[][color]=000000");
    let (status, _) = read(server.form(
        "POST",
        "/api/v1/accounts/3/outcome_proficiency",
        Some(ADMIN),
        &body,
    ));
    assert_eq!(status, 404, "account 3 does not exist");
    let body = "ratings[][description]=a&ratings[][points]=9&ratings[][mastery]=true&ratings[][color]=000000\
                &ratings[][description]=b&ratings[][points]=8&ratings[][mastery]=false&ratings[][color]=000000\
                &ratings[][description]=c&ratings[][points]=7&ratings[][mastery]=false&ratings[][color]=000000\
                &ratings[][description]=d&ratings[][points]=6&ratings[][mastery]=false&ratings[][color]=000000\
                &ratings[][description]=e&ratings[][points]=5&ratings[][mastery]=false&ratings[][color]=000000\
                &ratings[][description]=f&ratings[][points]=4&ratings[][color]=000000";
    let (status, body) = read(server.form(
        "POST",
        "/api/v1/accounts/1/outcome_proficiency",
        Some(ADMIN),
        body,
    ));
    assert_eq!(status, 400);
    assert!(body["errors"][0]["message"]
        .as_str()
        .unwrap()
        .contains("ratings[5][mastery]"));
}

#[test]
fn teachers_cannot_manage_scales_and_strangers_cannot_read_accounts() {
    let server = Server::demo();
    let (status, body) = read(server.form(
        "POST",
        "/api/v1/courses/1/outcome_proficiency",
        Some(TEACHER),
        SCALE,
    ));
    assert_eq!(status, 401);
    assert_eq!(body["status"], "unauthorized");
    let (status, _) = read(server.get("/api/v1/accounts/1/outcome_proficiency", Some(TEACHER)));
    assert_eq!(status, 401);
    let response = server.get("/api/v1/accounts/1/outcome_proficiency", None);
    assert_eq!(response.status().as_u16(), 401);
    assert_eq!(
        response.headers()["www-authenticate"],
        "Bearer realm=\"canvas-lms\""
    );
    assert_eq!(read(response).1["status"], "unauthenticated");
    let (status, body) = read(server.get("/api/v1/accounts/1/outcome_proficiency", Some("nope")));
    assert_eq!(status, 401);
    assert_eq!(
        body,
        json!({"errors": [{"message": "Invalid access token."}]})
    );
}

#[test]
fn access_token_query_parameter_authenticates() {
    let server = Server::demo();
    let (status, _) = read(server.get(
        "/api/v1/accounts/1/outcome_proficiency?access_token=demo-admin-token",
        None,
    ));
    assert_eq!(status, 200);
}

#[test]
fn missing_contexts_are_404_before_permissions() {
    let server = Server::demo();
    let (status, body) = read(server.get("/api/v1/courses/99/outcome_proficiency", None));
    assert_eq!(status, 404);
    assert_eq!(
        body,
        json!({"errors": [{"message": "The specified resource does not exist."}]})
    );
}

#[test]
fn without_the_default_setting_an_empty_chain_is_404_and_with_it_the_root_gets_the_default() {
    let server = Server::demo();
    server.form(
        "POST",
        "/api/v1/accounts/1/outcome_proficiency",
        Some(ADMIN),
        SCALE,
    );
    drop(server);
    let mut plain = Server::start_with(&["--no-default-scale"], None);
    // Seed only the account tree by hand: no scale anywhere.
    plain.kill();
    let conn = rusqlite::Connection::open(&plain.db).unwrap();
    conn.execute_batch(
        "INSERT INTO accounts (id, name) VALUES (1, 'Root'); INSERT INTO accounts (id, name, parent_id) VALUES (2, 'Sub', 1);
         INSERT INTO users (id, name, token) VALUES (1, 'Admin', 'demo-admin-token'); INSERT INTO account_admins VALUES (1, 1);",
    )
    .unwrap();
    drop(conn);
    let db = plain.db.clone();
    let keep = plain.keep_dir();
    let off = Server::start_with(&["--no-default-scale"], Some(db.clone()));
    let (status, body) = read(off.get("/api/v1/accounts/2/outcome_proficiency", Some(ADMIN)));
    assert_eq!(
        (status, body),
        (404, json!({"message": "ActiveRecord::RecordNotFound"}))
    );
    drop(off);
    let on = Server::start_with(&[], Some(db));
    let (status, body) = read(on.get("/api/v1/accounts/2/outcome_proficiency", Some(ADMIN)));
    assert_eq!(status, 200);
    assert_eq!(body["ratings"][1]["description"], "Mastery");
    let (_, root) = read(on.get("/api/v1/accounts/1/outcome_proficiency", Some(ADMIN)));
    assert_eq!(root, body, "the default was created on the root account");
    drop(keep);
}

#[test]
fn contexts_and_permissions_tell_the_editor_where_it_stands() {
    let server = Server::demo();
    let (status, account) = read(server.get("/api/v1/accounts/2", Some(ADMIN)));
    assert_eq!(status, 200);
    assert_eq!(account["name"], "Science Department");
    assert_eq!(account["parent_account_id"], 1);
    let (_, course) = read(server.get("/api/v1/courses/1", Some(STUDENT)));
    assert_eq!(course["account_id"], 2);
    let path = "/api/v1/courses/1/permissions?permissions[]=manage_proficiency_scales&permissions[]=manage_rubrics";
    let (_, teacher) = read(server.get(path, Some(TEACHER)));
    assert_eq!(
        teacher,
        json!({"manage_proficiency_scales": false, "manage_rubrics": true})
    );
    let (_, admin) = read(server.get(path, Some(ADMIN)));
    assert_eq!(
        admin,
        json!({"manage_proficiency_scales": true, "manage_rubrics": true})
    );
    let (status, _) = read(server.get("/api/v1/accounts/1", Some(TEACHER)));
    assert_eq!(status, 401);
}
